"""Signed, unguessable links for one contact and one purpose (unsubscribe)."""

from django.core import signing

UNSUBSCRIBE_SALT = "ecocsme.organisations.unsubscribe"


def unsubscribe_token(contact_id: int, purpose: str) -> str:
    return signing.dumps([contact_id, purpose], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        contact_id, purpose = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(contact_id), str(purpose)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def unsubscribe_headers(contact_id: int, purpose: str, language: str) -> tuple[str, dict[str, str]]:
    """The one-click unsubscribe address of a contact for a purpose, and the mail headers that
    announce it (RFC 2369, RFC 8058)."""
    from ecocsme.core.http import absolute_url

    url = absolute_url("organisations:unsubscribe", [unsubscribe_token(contact_id, purpose)],
                       language=language)
    return url, {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                 "Auto-Submitted": "auto-generated"}
