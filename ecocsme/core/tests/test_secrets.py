"""Secrets sealed for the database (core/secrets.py): what goes in comes back, the stored text
holds nothing of it, another key cannot open it, and keys rotate."""

import pytest
from django.test import override_settings

from ecocsme.core.secrets import SecretUnreadable, new_key, secret_open, secret_seal


def test_a_sealed_value_opens_and_shows_nothing_of_itself():
    sealed = secret_seal("example-pässword")
    assert "pässword" not in sealed and "example" not in sealed
    assert sealed.isascii()
    assert secret_open(sealed) == "example-pässword"
    assert secret_seal("example-pässword") != sealed  # a fresh nonce each time


def test_the_key_derived_from_secret_key_changes_with_it():
    sealed = secret_seal("example")
    with override_settings(SECRET_KEY="another-test-key"), pytest.raises(SecretUnreadable):
        secret_open(sealed)


def test_a_configured_key_is_used_and_a_second_one_still_opens_old_values():
    old, new = new_key(), new_key()
    with override_settings(ECOCSME_SECRETS_KEY=old):
        sealed = secret_seal("example")
    with override_settings(ECOCSME_SECRETS_KEY=new), pytest.raises(SecretUnreadable):
        secret_open(sealed)
    with override_settings(ECOCSME_SECRETS_KEY=f"{new}, {old}"):
        assert secret_open(sealed) == "example"
    with override_settings(ECOCSME_SECRETS_KEY=old), pytest.raises(SecretUnreadable):
        damaged = secret_seal("example")
        secret_open(damaged[:40] + ("A" if damaged[40] != "A" else "B") + damaged[41:])


def test_a_key_that_is_not_a_fernet_key_is_refused_without_showing_it():
    with override_settings(ECOCSME_SECRETS_KEY="not-a-key"), pytest.raises(SecretUnreadable) as raised:
        secret_seal("example")
    assert "not-a-key" not in str(raised.value)
