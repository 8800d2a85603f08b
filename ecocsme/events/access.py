"""Fetching an invitation by its personal link."""

from .models import EventInvitation
from .tokens import read_token, token_matches


def invitation_for_token(token: str) -> EventInvitation | None:
    parsed = read_token(token)
    if parsed is None:
        return None
    invitation = (EventInvitation.objects.select_related("event__partner", "event__project", "contact")
                  .filter(pk=parsed[0]).first())
    if invitation is None or invitation.contact.is_erased or not token_matches(invitation, parsed[1]):
        return None
    return invitation
