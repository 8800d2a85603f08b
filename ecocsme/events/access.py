"""Fetching an invitation by its personal link."""

from ecocsme.core.links import record_for_link

from .models import EventInvitation
from .tokens import PURPOSE


def invitation_for_token(token: str) -> EventInvitation | None:
    invitation = record_for_link(
        EventInvitation.objects.select_related("event__partner", "event__project", "contact"), PURPOSE, token)
    return None if invitation is None or invitation.contact.is_erased else invitation
