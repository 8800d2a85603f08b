"""Personal links of lab invitations (see core.links)."""

from ecocsme.core.links import link_token, new_nonce

PURPOSE = "ecocsme.labs.invitation"

__all__ = ["invitation_token", "new_nonce"]


def invitation_token(invitation) -> str:
    return link_token(PURPOSE, invitation.pk, invitation.nonce)
