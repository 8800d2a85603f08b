"""Personal links of lab invitations (see core.links)."""

from ecocsme.core.links import link_matches, link_token, new_nonce, read_link_token

PURPOSE = "ecocsme.labs.invitation"

__all__ = ["invitation_token", "new_nonce", "read_token", "token_matches"]


def invitation_token(invitation) -> str:
    return link_token(PURPOSE, invitation.pk, invitation.nonce)


def read_token(token: str) -> tuple[int, str] | None:
    return read_link_token(token)


def token_matches(invitation, digest: str) -> bool:
    return link_matches(PURPOSE, invitation.pk, invitation.nonce, digest)
