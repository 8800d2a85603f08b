"""Sign-up for stakeholders through the real outbox and a real SMTP server: the confirmation link
in the chosen language, inactive until confirmed, the same answer for a known address (whose
owner is told instead), limits per address and per network address, resending the link."""

import re

import pytest
from django.core.cache import cache

from ecocsme.accounts.factories import UserFactory
from ecocsme.accounts.models import User
from ecocsme.accounts.services import PER_ADDRESS, PER_NETWORK_ADDRESS
from ecocsme.testing.mail import mails_to, plain_text
from ecocsme.testing.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)
FORM = {"name": "Ieva Example", "email": "Ieva@Example.org", "password": "kaunas-2022-festival-bread",
        "password_again": "kaunas-2022-festival-bread", "language": "lt", "accept_privacy": "on"}


def _logs_in(client, username: str, password: str) -> bool:
    response = client.post("/en/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302 and response["Location"].endswith("/my/organisation/")


def _link(message) -> str:
    return re.search(r"https?://\S+/accounts/signup/confirm/\S+/\S+/", plain_text(message)).group(0)


def test_signing_up_mails_a_link_that_confirms_the_account_once(client, smtp_server):
    page = client.get("/en/accounts/login/").content.decode()
    assert 'href="/en/accounts/signup/"' in page
    response = client.post("/en/accounts/signup/", FORM)
    assert response.status_code == 200 and "Look in your mailbox" in response.content.decode()
    user = User.objects.get(email="ieva@example.org")
    assert not user.is_active and user.username == "ieva@example.org" and user.language == "lt"
    assert not _logs_in(client, "ieva@example.org", FORM["password"])  # not yet
    run_worker()
    [message] = mails_to(smtp_server, "ieva@example.org")
    assert message["Content-Language"] == "lt"
    link = _link(message)
    assert "/lt/accounts/signup/confirm/" in link
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200  # a mail program looking at the link confirms nothing
    assert not User.objects.get(pk=user.pk).is_active
    response = client.post("/" + path)
    assert response.status_code == 302 and response["Location"].endswith("/my/organisation/")
    assert User.objects.get(pk=user.pk).is_active
    client.logout()
    assert client.post("/" + path).status_code == 404  # used
    assert _logs_in(client, "ieva@example.org", FORM["password"])


def test_a_known_address_gets_the_same_answer_and_its_owner_a_mail(client, smtp_server):
    owner = UserFactory(username="ieva", email="ieva@example.org", language="en")
    response = client.post("/en/accounts/signup/", FORM)
    assert response.status_code == 200 and "Look in your mailbox" in response.content.decode()
    assert User.objects.filter(email__iexact="ieva@example.org").count() == 1
    run_worker()
    [message] = mails_to(smtp_server, "ieva@example.org")
    assert "already" in plain_text(message) and "/accounts/signup/confirm/" not in plain_text(message)
    assert message["Content-Language"] == "en"  # the owner's language
    owner.refresh_from_db()
    assert owner.check_password("a-test-password")  # nothing about the account changed


def test_a_bad_form_creates_nothing(client):
    for change in ({"accept_privacy": ""}, {"password": "12345678", "password_again": "12345678"},
                   {"password_again": "another-password-entirely"}, {"email": "not-an-address"},
                   {"password": "ieva example", "password_again": "ieva example"}):
        response = client.post("/en/accounts/signup/", {**FORM, **change})
        assert response.status_code == 200 and response.context["form"].errors
    assert not User.objects.exists()


def test_sign_ups_are_limited_per_address_and_per_network_address(client):
    for _attempt in range(PER_ADDRESS):
        assert client.post("/en/accounts/signup/", FORM).status_code == 200
    assert client.post("/en/accounts/signup/", FORM).status_code == 429
    assert client.post("/en/accounts/signup/resend/", {"email": FORM["email"]}).status_code == 429
    cache.clear()
    for number in range(PER_NETWORK_ADDRESS):
        client.post("/en/accounts/signup/", {**FORM, "email": f"person{number}@example.org"})
    response = client.post("/en/accounts/signup/", {**FORM, "email": "one-more@example.org"})
    assert response.status_code == 429 and "try again in an hour" in response.content.decode()
    assert not User.objects.filter(email="one-more@example.org").exists()


def test_resending_mails_a_new_link_to_an_unconfirmed_account_only(client, smtp_server, staff):
    client.post("/en/accounts/signup/", FORM)
    for address in ("ieva@example.org", staff.email, "nobody@example.org"):
        response = client.post("/en/accounts/signup/resend/", {"email": address})
        assert response.status_code == 200 and "Look in your mailbox" in response.content.decode()
    run_worker()
    assert len(mails_to(smtp_server, "ieva@example.org")) == 2
    assert not mails_to(smtp_server, staff.email) and not mails_to(smtp_server, "nobody@example.org")


def test_a_forged_or_foreign_link_confirms_nothing(client, smtp_server):
    client.post("/en/accounts/signup/", FORM)
    run_worker()
    link = _link(mails_to(smtp_server, "ieva@example.org")[0])
    uid, token = link.rstrip("/").rsplit("/", 2)[-2:]
    assert client.post(f"/en/accounts/signup/confirm/{uid}/{token[:-2]}xx/").status_code == 404
    assert client.post(f"/en/accounts/signup/confirm/MTIzNDU/{token}/").status_code == 404
    assert not User.objects.get(email="ieva@example.org").is_active
