"""Fetching an invitation by its personal link."""

from ecocsme.core.links import record_for_link

from .models import Invitation
from .tokens import PURPOSE


def invitation_for_token(token: str) -> Invitation | None:
    invitation = record_for_link(Invitation.objects.select_related("lab__partner", "contact__organisation"),
                                 PURPOSE, token)
    return None if invitation is None or invitation.contact.is_erased else invitation
