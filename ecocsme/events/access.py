"""Fetching an invitation by its personal link."""

from ecocsme.invitations import access as invitation_core

from .models import EventInvitation


def invitation_for_token(token: str) -> EventInvitation | None:
    return invitation_core.invitation_for_token(
        EventInvitation.objects.select_related("event__partner", "event__project", "contact"), token)
