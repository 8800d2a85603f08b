"""iCalendar files (RFC 5545) for events: the invitation answer's REQUEST or CANCEL, and the
feeds of a project and of a person (EVT-2, EVT-3).

Each session is one VEVENT whose UID never changes, so a client updates it in place; the
event's SEQUENCE rises with every change that matters to a calendar. Times go out in the
event's zone with its VTIMEZONE, which clients need to place them right across daylight-
saving changes.
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as VEvent

from .models import Event, Session

PRODID = "-//ECoC-SME Platform//Events//EN"


def session_uid(session: Session) -> str:
    return f"event-{session.event_id}-session-{session.pk}@{settings.ECOCSME_MAIL_DOMAIN}"


def event_url(event: Event, language: str) -> str:
    with translation.override(language):
        return settings.ECOCSME_BASE_URL.rstrip("/") + reverse("events:event_detail", args=[event.pk])


def _vevent(event: Event, session: Session, *, language: str, with_link: bool,
            cancelled: bool, attendee: tuple[str, str] | None) -> VEvent:
    title = event.localized_title(language)[0]
    part = session.title.get(language) or next(iter(session.title.values()), "")
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
    place = ", ".join(p for p in (event.venue, event.address, event.city) if p)
    description = [event.description.get(language) or next(iter(event.description.values()), "")]
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


def invitation_calendar(event: Event, *, language: str, address: str, name: str,
                        cancel: bool = False) -> bytes:
    """The file sent to one participant: METHOD:REQUEST when confirmed (with the online link),
    METHOD:CANCEL when the event is cancelled or the person no longer takes part."""
    calendar = _calendar("CANCEL" if cancel else "REQUEST")
    with translation.override(language):
        for session in event.sessions.all():
            calendar.add_component(_vevent(event, session, language=language, with_link=not cancel,
                                           cancelled=cancel, attendee=(address, name)))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def feed(events: Iterable[Event], *, name: str, language: str, with_links: bool = False) -> bytes:
    """A subscribable calendar of events and their sessions (prefetch "sessions")."""
    calendar = _calendar(None, name)
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    with translation.override(language):
        for event in events:
            for session in event.sessions.all():
                calendar.add_component(_vevent(
                    event, session, language=language, with_link=with_links,
                    cancelled=event.status == Event.Status.CANCELLED, attendee=None))
    calendar.add_missing_timezones()
    return calendar.to_ical()
