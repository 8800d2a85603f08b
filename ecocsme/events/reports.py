"""The printable attendance sheet (EVT-4): one line per confirmed participant, to sign."""

from django.template.loader import render_to_string
from django.utils import timezone

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
        "event": event, "title": event.localized_title(language)[0], "language": language,
        "sessions": list(event.sessions.order_by("position")), "participants": participants,
        "hidden": hidden,
        "blank": range(len(participants) + 1, len(participants) + 1 + blank_lines),
        "printed": timezone.now(),
    })
    return HTML(string=html).write_pdf()
