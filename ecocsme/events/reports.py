"""The printable attendance sheet (EVT-4): one line per confirmed participant, to sign."""

from django.template.loader import render_to_string
from django.utils import timezone

from .models import Event
from .selectors import confirmed_participants

BLANK_LINES = 5  # for people who come without having answered


def attendance_pdf(event: Event, language: str) -> bytes:
    from weasyprint import HTML

    participants = list(confirmed_participants(event))
    html = render_to_string("events/attendance.html", {
        "event": event, "title": event.localized_title(language)[0], "language": language,
        "sessions": list(event.sessions.order_by("position")), "participants": participants,
        "blank": range(len(participants) + 1, len(participants) + 1 + BLANK_LINES),
        "printed": timezone.now(),
    })
    return HTML(string=html).write_pdf()
