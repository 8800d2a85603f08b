"""What events give out as files: the printable attendance sheet (EVT-4), one line per confirmed
participant, to sign; and the rows of the event, participant and participation exports."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ecocsme.core.i18n import in_language
from ecocsme.organisations.models import Organisation

from .models import Event, EventInvitation
from .selectors import confirmed_participants

BLANK_LINES = 5  # for people who come without having answered
LANDSCAPE_FROM_SESSIONS = 3  # a signature column each: from three on, the sheet turns to landscape


def attendance_pdf(event: Event, language: str, people) -> bytes:
    """The sheet as the viewer may print it: a signature column per session, the partner's and
    the programme's logos when they have one; people another partner keeps get blank lines
    (`people` is the viewer's organisations.access.PeopleScope)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    from ecocsme.partnerships.logos import partner_logo_data_url, programme_logo

    participants, hidden = people.split(confirmed_participants(event))
    blank_lines = BLANK_LINES + hidden.count
    sessions = list(event.sessions.order_by("position"))
    programme_name, programme_logo_url = programme_logo()
    html = render_to_string("events/attendance.html", {
        "event": event, "title": in_language(event.title, language), "language": language,
        "sessions": sessions, "landscape": len(sessions) >= LANDSCAPE_FROM_SESSIONS,
        "columns": 4 + max(len(sessions), 1),
        "participants": participants, "hidden": hidden,
        "blank": range(len(participants) + 1, len(participants) + 1 + blank_lines),
        "partner_logo": partner_logo_data_url(event.partner),
        "programme_name": programme_name, "programme_logo": programme_logo_url,
        "printed": timezone.now(),
    })
    # WeasyPrint fetches nothing but what the sheet embeds: a logo's SVG cannot make the server
    # read a file or call another host.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


EVENT_COLUMNS = (
    ("id", _("ID")), ("title", _("Title")), ("kind", _("Kind"), dict(Event.Kind.choices)),
    ("organiser", _("Organising partner")), ("starts_utc", _("Starts (UTC)")), ("ends_utc", _("Ends (UTC)")),
    ("time_zone", _("Time zone")), ("language", _("Language"), dict(settings.LANGUAGES)), ("city", _("City")),
    ("venue", _("Venue")), ("capacity", _("Capacity")), ("confirmed", _("Confirmed")),
    ("status", _("Status"), dict(Event.Status.choices)),
)


def event_rows(events):
    """Events (with their figures: selectors.with_figures) as rows of EVENT_COLUMNS."""
    return ((e.pk, e.localized_title()[0], e.kind, str(e.partner), e.starts_at, e.ends_at, e.time_zone,
             e.language, e.city, e.venue, e.capacity, e.confirmed_count, e.status) for e in events)


PARTICIPANT_COLUMNS = (
    ("name", _("Name")),
    ("organisation", _("Organisation")),
    ("organisation_kind", _("Kind of organisation"), dict(Organisation.Kind.choices)),
    ("partner", _("Organising partner")),
    ("answer", _("Answer"), dict(EventInvitation.Answer.choices)),
    ("place", pgettext_lazy("seat at an event", "Place"), dict(EventInvitation.Place.choices)),
    ("waiting_since", _("On the waiting list since")),
    ("needs", _("Dietary or access needs")),
    ("checked_in_at", _("First check-in")),
)


def participant_columns(sessions) -> tuple:
    """PARTICIPANT_COLUMNS and, per session, when the person was checked in at it (empty if not):
    "present_session_1"… for programs, "Session 1 (12/05/2026): checked in" for people."""
    return PARTICIPANT_COLUMNS + tuple(
        (f"present_session_{s.position}",
         _("Session %(number)s (%(day)s): checked in") % {
             "number": s.position, "day": formats.date_format(s.day, "SHORT_DATE_FORMAT")})
        for s in sessions)


def participant_rows(event: Event, invitations, sessions=()):
    """Who answered what, with organisation kind and partner — no e-mail addresses: the invitations
    given (those whose people the viewer may see, with their presences: selectors.with_presence)
    as rows of participant_columns(sessions)."""
    for i in invitations:
        organisation = i.contact.organisation
        checked_in = {a.session_id: a.checked_in_at for a in i.attendances.all()} if sessions else {}
        yield (i.contact.name, organisation.name if organisation else "",
               organisation.kind if organisation else "", str(event.partner),
               i.answer, i.place, i.waiting_since, i.needs, i.checked_in_at,
               *(checked_in.get(s.pk) for s in sessions))


PARTICIPATION_COLUMNS = (
    ("by", _("By"), {"organisation_kind": _("Kind of organisation"), "partner": _("Partner")}),
    # A group is a kind of organisation (its label) or a partner's city (as it is).
    ("group", _("Group"), dict(Organisation.Kind.choices)),
    ("confirmed", _("Confirmed")), ("present", _("Present")),
)


def participation_rows(figures: dict) -> list[tuple]:
    """selectors.participation's figures as rows of PARTICIPATION_COLUMNS: by organisation kind,
    then by partner."""
    rows = [("organisation_kind", kind, n, figures["present_by_kind"][kind])
            for kind, n in sorted(figures["by_kind"].items())]
    rows += [("partner", city, n, figures["present_by_partner"][city])
             for city, n in sorted(figures["by_partner"].items())]
    return rows
