"""How sessions read in pages and mails: in the event's zone, in the active language."""

from zoneinfo import ZoneInfo

from django import template
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ecocsme.text.zones import zone_name as zone_name_in

register = template.Library()


def session_when(session, zone: ZoneInfo | str, *, after_label: bool = False) -> str:
    """"Tuesday, 10 November 2020, 13:15–15:30" (Finnish "13.15–15.30"), or the day alone for a
    whole-day session: each piece in the active language's formats, the whole a translatable
    phrase so that each language orders it as it writes it. It starts a line with a capital,
    and keeps the weekday small after a label ("Part 2: marți, …")."""
    upper = (lambda text: text) if after_label else capfirst
    zone = ZoneInfo(zone) if isinstance(zone, str) else zone
    if session.all_day:
        return upper(_("%(weekday)s, %(date)s, all day") % {
            "weekday": formats.date_format(session.day, "l"),
            "date": formats.date_format(session.day, "DATE_FORMAT")})
    start, end = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
    parts = {"weekday": formats.date_format(start, "l"),
             "date": formats.date_format(start, "DATE_FORMAT"),
             "start": formats.time_format(start, "TIME_FORMAT"),
             "end": formats.time_format(end, "TIME_FORMAT")}
    if end.date() != start.date():
        return upper(_("%(weekday)s, %(date)s, %(start)s – %(end_date)s, %(end)s") % {
            **parts, "end_date": formats.date_format(end, "DATE_FORMAT")})
    return upper(_("%(weekday)s, %(date)s, %(start)s–%(end)s") % parts)


@register.simple_tag
def when(session, zone, after_label=False) -> str:
    return session_when(session, zone, after_label=bool(after_label))


@register.filter
def zone_name(zone) -> str:
    """"Ora Europei de Est" for Europe/Bucharest, in the active language."""
    return zone_name_in(str(zone), (get_language() or "en")[:2])


@register.filter
def local_iso(moment, zone) -> str:
    """ISO 8601 with the zone's offset, for <time datetime> and the viewer's-zone script."""
    return moment.astimezone(ZoneInfo(zone) if isinstance(zone, str) else zone).isoformat() if moment else ""
