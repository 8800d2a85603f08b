"""Personal links (core.links): the answer link of an invitation and the secret address of a
person's calendar, each an HMAC of the record and a nonce kept with it."""

from ecocsme.core.links import link_token, new_nonce, record_for_link

PURPOSE = "ecocsme.events.invitation"
CALENDAR_PURPOSE = "ecocsme.events.calendar"

__all__ = ["calendar_token", "invitation_token", "new_nonce", "read_calendar_token"]


def invitation_token(invitation) -> str:
    return link_token(PURPOSE, invitation.pk, invitation.nonce)


def calendar_token(link) -> str:
    """The token of a CalendarLink: its id and the HMAC over its nonce."""
    return link_token(CALENDAR_PURPOSE, link.pk, link.nonce)


def read_calendar_token(token: str) -> int | None:
    """The contact id a calendar token opens, or None when it is forged, malformed or replaced."""
    from .models import CalendarLink

    link = record_for_link(CalendarLink.objects.all(), CALENDAR_PURPOSE, token)
    return link.contact_id if link is not None else None
