"""Personal links: "<id>.<hmac>", the HMAC covering the id and a nonce kept on the record.
Nothing guessable, nothing stored whole, revoked by drawing a new nonce. Each kind of link
has its own key, so a lab link never opens an event answer and the reverse."""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings

from .http import number_from


def new_nonce() -> str:
    return secrets.token_hex(16)


def _digest(purpose: str, record_id: int, nonce: str) -> str:
    key = hashlib.sha256(f"{purpose}:{settings.SECRET_KEY}".encode()).digest()
    mac = hmac.new(key, f"{record_id}:{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:24]).decode().rstrip("=")


def link_token(purpose: str, record_id: int, nonce: str) -> str:
    return f"{record_id}.{_digest(purpose, record_id, nonce)}"


def read_link_token(token: str) -> tuple[int, str] | None:
    """(record id, digest) if the token is well formed; the caller checks the digest."""
    head, _, digest = token.partition(".")
    record_id = number_from(head)
    if record_id is None or not digest or len(token) > 100:
        return None
    return record_id, digest


def link_matches(purpose: str, record_id: int, nonce: str, digest: str) -> bool:
    return hmac.compare_digest(_digest(purpose, record_id, nonce), digest)


def record_for_link(queryset, purpose: str, token: str):
    """The record a personal link opens, or None when the link is malformed or forged."""
    parsed = read_link_token(token)
    if parsed is None:
        return None
    record = queryset.filter(pk=parsed[0]).first()
    if record is None or not link_matches(purpose, record.pk, record.nonce, parsed[1]):
        return None
    return record
