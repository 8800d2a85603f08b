"""iCalendar files (RFC 5545) for events: the invitation answer's REQUEST or CANCEL, and the
feeds of a project and of a person (EVT-2, EVT-3).

Each session is one VEVENT whose UID never changes, so a client updates it in place; the
event's SEQUENCE rises with every change that matters to a calendar. Times go out in the
event's zone with its VTIMEZONE, which clients need to place them right across daylight-
saving changes.
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from django.conf import settings
from django.utils import translation
from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as VEvent

from ecocsme.core.http import absolute_url
from ecocsme.core.i18n import localized

from .models import Event, Session

PRODID = "-//ECoC-SME Platform//Events//EN"


def session_uid(session: Session) -> str:
    return f"event-{session.event_id}-session-{session.pk}@{settings.ECOCSME_MAIL_DOMAIN}"


def event_url(event: Event, language: str) -> str:
    return absolute_url("events:event_detail", [event.pk], language=language)


def _vevent(event: Event, session: Session, *, language: str, with_link: bool,
            cancelled: bool, attendee: tuple[str, str] | None) -> VEvent:
    # Content in the reader's language, else as the mail and the pages fall back (English first).
    title = event.localized_title(language)[0]
    part = localized(session.title, language)[0]
    vevent = VEvent()
    vevent.add("uid", session_uid(session))
    vevent.add("dtstamp", datetime.now(UTC))
    vevent.add("sequence", event.sequence)
    vevent.add("summary", f"{title} — {part}" if part else title)
    if session.all_day:
        vevent.add("dtstart", session.day)
        vevent.add("dtend", session.day + timedelta(days=1))
    else:
        vevent.add("dtstart", session.starts_at.astimezone(event.zone))
        vevent.add("dtend", session.ends_at.astimezone(event.zone))
    place = event.place
    description = [localized(event.description, language)[0]]
    if event.online_url and with_link:
        description.append(event.online_url)
        vevent.add("conference", event.online_url, parameters={"VALUE": "URI"})
        place = place or event.online_url
    elif event.online_url:
        place = place or translation.gettext("Online")
    if place:
        vevent.add("location", place)
    url = event_url(event, language)
    description.append(url)
    vevent.add("description", "\n\n".join(d for d in description if d))
    vevent.add("url", url)
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if event.contact_email:
        organizer = vCalAddress(f"mailto:{event.contact_email}")
        organizer.params["cn"] = vText(event.contact_name or str(event.partner))
        vevent.add("organizer", organizer)
    if attendee:
        address, name = attendee
        person = vCalAddress(f"mailto:{address}")
        person.params.update({"cn": vText(name), "role": vText("REQ-PARTICIPANT"),
                              "partstat": vText("DECLINED" if cancelled else "ACCEPTED")})
        vevent.add("attendee", person)
    return vevent


def _calendar(method: str | None, name: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
    return calendar


@lru_cache(maxsize=64)
def _timezone_block(tzid: str) -> bytes:
    """The VTIMEZONE of a zone (its rules 1970–2038), made once: building it is the slowest part
    of a calendar file."""
    from icalendar import Timezone

    return Timezone.from_tzid(tzid).to_ical()


def _serialise(calendar: Calendar, zones: set[str]) -> bytes:
    """The calendar with the VTIMEZONE of every zone its events use, before the first event."""
    content = calendar.to_ical()
    if not zones:
        return content
    blocks = b"".join(_timezone_block(z) for z in sorted(zones))
    marker = b"BEGIN:VEVENT"
    at = content.find(marker)
    return content[:at] + blocks + content[at:] if at >= 0 else content


def invitation_calendar(event: Event, *, language: str, address: str, name: str,
                        method: str = "REQUEST") -> bytes:
    """The file sent to one person: PUBLISH with an invitation (to note the date; no link, no
    reply expected), REQUEST when confirmed (with the online link), CANCEL when the event is
    cancelled or the person no longer takes part."""
    calendar = _calendar(method)
    cancel = method == "CANCEL"
    with translation.override(language):
        for session in event.sessions.all():
            calendar.add_component(_vevent(
                event, session, language=language, with_link=method == "REQUEST", cancelled=cancel,
                attendee=None if method == "PUBLISH" else (address, name)))
    return _serialise(calendar, _zones([event]))


def feed(events: Iterable[Event], *, name: str, language: str, with_links: bool = False) -> bytes:
    """A subscribable calendar of events and their sessions (prefetch "sessions")."""
    calendar = _calendar(None, name)
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    zones: set[str] = set()
    with translation.override(language):
        for event in events:
            for session in event.sessions.all():
                calendar.add_component(_vevent(
                    event, session, language=language, with_link=with_links,
                    cancelled=event.status == Event.Status.CANCELLED, attendee=None))
                if not session.all_day:
                    zones.add(event.time_zone)
    return _serialise(calendar, zones)


def _zones(events) -> set[str]:
    return {e.time_zone for e in events if any(not s.all_day for s in e.sessions.all())}
