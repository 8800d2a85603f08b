"""The secret address of a person's calendar (core.links): an HMAC of the CalendarLink and the
nonce kept with it. (An invitation's own answer link is the invitation core's.)"""

from ecocsme.core.links import link_token, record_for_link

CALENDAR_PURPOSE = "ecocsme.events.calendar"


def calendar_token(link) -> str:
    """The token of a CalendarLink: its id and the HMAC over its nonce."""
    return link_token(CALENDAR_PURPOSE, link.pk, link.nonce)


def read_calendar_token(token: str) -> int | None:
    """The contact id a calendar token opens, or None when it is forged, malformed or replaced."""
    from .models import CalendarLink

    link = record_for_link(CalendarLink.objects.all(), CALENDAR_PURPOSE, token)
    return link.contact_id if link is not None else None
