"""What events give out as files: the printable attendance sheet (EVT-4), one line per confirmed
participant, to sign; and the rows of the event, participant and participation exports."""

from django.template.loader import render_to_string
from django.utils import timezone

from ecocsme.core.i18n import in_language

from .models import Event
from .selectors import confirmed_participants

BLANK_LINES = 5  # for people who come without having answered


def attendance_pdf(event: Event, language: str, people) -> bytes:
    """The sheet as the viewer may print it: people another partner keeps get blank lines
    (`people` is the viewer's organisations.access.PeopleScope)."""
    from weasyprint import HTML

    participants, hidden = people.split(confirmed_participants(event))
    blank_lines = BLANK_LINES + hidden.count
    html = render_to_string("events/attendance.html", {
        "event": event, "title": in_language(event.title, language), "language": language,
        "sessions": list(event.sessions.order_by("position")), "participants": participants,
        "hidden": hidden,
        "blank": range(len(participants) + 1, len(participants) + 1 + blank_lines),
        "printed": timezone.now(),
    })
    return HTML(string=html).write_pdf()


EVENT_COLUMNS = ("id", "title", "kind", "organiser", "starts_utc", "ends_utc", "time_zone", "language",
                 "city", "venue", "capacity", "confirmed", "status")


def event_rows(events):
    """Events (with their figures: selectors.with_figures) as rows of EVENT_COLUMNS."""
    return ((e.pk, e.localized_title()[0], e.kind, str(e.partner), e.starts_at, e.ends_at, e.time_zone,
             e.language, e.city, e.venue, e.capacity, e.confirmed_count, e.status) for e in events)


PARTICIPANT_COLUMNS = ("name", "organisation", "organisation_kind", "partner", "answer", "place",
                       "waiting_since", "needs", "checked_in_at")


def participant_rows(event: Event, invitations):
    """Who answered what, with organisation kind and partner — no e-mail addresses: the invitations
    given (those whose people the viewer may see) as rows of PARTICIPANT_COLUMNS."""
    return ((i.contact.name, i.contact.organisation.name if i.contact.organisation else "",
             i.contact.organisation.kind if i.contact.organisation else "", str(event.partner),
             i.answer, i.place, i.waiting_since, i.needs, i.checked_in_at)
            for i in invitations)


PARTICIPATION_COLUMNS = ("by", "group", "confirmed", "present")


def participation_rows(figures: dict) -> list[tuple]:
    """selectors.participation's figures as rows of PARTICIPATION_COLUMNS: by organisation kind,
    then by partner."""
    rows = [("organisation_kind", kind, n, figures["present_by_kind"][kind])
            for kind, n in sorted(figures["by_kind"].items())]
    rows += [("partner", city, n, figures["present_by_partner"][city])
             for city, n in sorted(figures["by_partner"].items())]
    return rows
