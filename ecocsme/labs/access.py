"""Fetching an invitation by its personal link."""

from ecocsme.invitations import access as invitation_core

from .models import Invitation


def invitation_for_token(token: str) -> Invitation | None:
    return invitation_core.invitation_for_token(
        Invitation.objects.select_related("lab__partner", "contact__organisation"), token)
