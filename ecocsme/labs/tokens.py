"""Personal links of invitations: "<id>.<hmac>" where the HMAC covers the id and the
invitation's nonce. Nothing guessable, nothing stored whole, revocable."""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings


def new_nonce() -> str:
    return secrets.token_hex(16)


def _digest(invitation_id: int, nonce: str) -> str:
    key = hashlib.sha256(("ecocsme.labs.invitation:" + settings.SECRET_KEY).encode()).digest()
    mac = hmac.new(key, f"{invitation_id}:{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:24]).decode().rstrip("=")


def invitation_token(invitation) -> str:
    return f"{invitation.pk}.{_digest(invitation.pk, invitation.nonce)}"


def read_token(token: str) -> tuple[int, str] | None:
    """(invitation id, digest) if the token is well formed; the caller checks the digest."""
    head, _, digest = token.partition(".")
    if not head.isdigit() or not digest or len(token) > 100:
        return None
    return int(head), digest


def token_matches(invitation, digest: str) -> bool:
    return hmac.compare_digest(_digest(invitation.pk, invitation.nonce), digest)
