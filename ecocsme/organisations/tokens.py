"""Signed, unguessable links for one contact and one purpose (unsubscribe)."""

from django.core import signing

UNSUBSCRIBE_SALT = "ecocsme.organisations.unsubscribe"


def unsubscribe_token(contact_id: int, purpose: str) -> str:
    return signing.dumps([contact_id, purpose], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        contact_id, purpose = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return int(contact_id), str(purpose)
