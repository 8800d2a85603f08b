"""Secrets the platform must give back, such as a lab mailbox's password, stored encrypted
(Fernet: AES-128-CBC with an HMAC-SHA256, from `cryptography`).

The key is `ECOCSME_SECRETS_KEY` (Fernet keys, comma-separated: the first encrypts, all decrypt,
so a key is rotated by putting the new one first), else derived from SECRET_KEY with HKDF. A
value sealed under a key no longer configured cannot be opened: `SecretUnreadable`, which
callers turn into "enter the password again", never a crash.
"""

import base64
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

HKDF_INFO = b"ecocsme.core.secrets"  # the derived key serves this and nothing else


class SecretUnreadable(Exception):
    """A sealed value that the configured keys cannot open (the key changed, or it is damaged)."""


def derived_key(secret_key: str) -> bytes:
    """A Fernet key derived from Django's SECRET_KEY."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=HKDF_INFO).derive(secret_key.encode())
    return base64.urlsafe_b64encode(key)


@cache
def _fernet(configured: str, secret_key: str) -> MultiFernet:
    keys = [key.strip() for key in configured.split(",") if key.strip()]
    try:
        return MultiFernet([Fernet(key) for key in keys] or [Fernet(derived_key(secret_key))])
    except ValueError as exc:  # not a Fernet key: say which setting, never the key
        raise SecretUnreadable("ECOCSME_SECRETS_KEY is not a list of Fernet keys") from exc


def _keys() -> MultiFernet:
    return _fernet(getattr(settings, "ECOCSME_SECRETS_KEY", ""), settings.SECRET_KEY)


def secret_seal(value: str) -> str:
    """`value` encrypted and authenticated, as ASCII text for a database column."""
    return _keys().encrypt(value.encode()).decode("ascii")


def secret_open(sealed: str) -> str:
    """The value `secret_seal` sealed; SecretUnreadable when no configured key opens it."""
    try:
        return _keys().decrypt(sealed.encode("ascii")).decode()
    except (InvalidToken, UnicodeError) as exc:
        raise SecretUnreadable("no configured key opens this value") from exc


def new_key() -> str:
    """A fresh key for ECOCSME_SECRETS_KEY (`ecocsme shell -c` or docs/DEPLOY.md)."""
    return Fernet.generate_key().decode()
