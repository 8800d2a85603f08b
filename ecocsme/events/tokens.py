"""Personal links: the answer link of an invitation (core.links) and the secret address of a
person's calendar (signed, so it needs nothing stored)."""

from django.core import signing

from ecocsme.core.links import link_token, new_nonce

PURPOSE = "ecocsme.events.invitation"
CALENDAR_SALT = "ecocsme.events.calendar"

__all__ = ["calendar_token", "invitation_token", "new_nonce", "read_calendar_token"]


def invitation_token(invitation) -> str:
    return link_token(PURPOSE, invitation.pk, invitation.nonce)


def calendar_token(contact_id: int) -> str:
    return signing.dumps(contact_id, salt=CALENDAR_SALT)


def read_calendar_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=CALENDAR_SALT))
    except (signing.BadSignature, ValueError, TypeError):
        return None
