"""A forgotten password through the real outbox and a real SMTP server: the link in the account's
language, the same answer for an unknown address, a link that works once, limits per address and
per network address, and logging in with the new password."""

import re

import pytest
from django.core.cache import cache

from ecocsme.accounts.factories import UserFactory
from ecocsme.accounts.services import PER_ADDRESS, PER_NETWORK_ADDRESS
from ecocsme.testing.mail import mails_to, plain_text
from ecocsme.testing.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)
NEW = "a-brand-new-password-for-tartu"


def _link_path(message) -> str:
    link = re.search(r"https?://\S+/accounts/password-reset/\S+/\S+/", plain_text(message)).group(0)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def _set_password(client, path: str, password: str = NEW):
    response = client.get(path)  # Django moves the token into the session and redirects
    assert response.status_code == 302
    return client.post(response["Location"], {"new_password1": password, "new_password2": password})


def _logs_in(client, username: str, password: str) -> bool:
    response = client.post("/en/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302


def test_the_login_page_links_to_the_forgotten_password(client):
    page = client.get("/en/accounts/login/").content.decode()
    assert 'href="/en/accounts/password-reset/"' in page


def test_a_link_in_the_accounts_language_sets_a_new_password_once(client, smtp_server):
    user = UserFactory(username="liis", email="liis@example.org", language="fi", first_name="Liis")
    response = client.post("/en/accounts/password-reset/", {"email": "Liis@Example.org"})
    assert response.status_code == 302 and response["Location"].endswith("/accounts/password-reset/sent/")
    run_worker()
    [message] = mails_to(smtp_server, "liis@example.org")
    assert message["Content-Language"] == "fi"
    path = _link_path(message)
    assert path.startswith("/fi/accounts/password-reset/") and "liis" in plain_text(message)
    response = _set_password(client, path)
    assert response.status_code == 302 and response["Location"].endswith("/accounts/password-reset/done/")
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert _logs_in(client, "liis", NEW)
    client.logout()
    response = client.get(path)  # used: the password it was made for changed
    assert response.status_code == 200 and not response.context["validlink"]
    assert 'role="alert"' in response.content.decode()  # says why, in Finnish


def test_an_unknown_or_inactive_address_gets_the_same_answer_and_no_mail(client, smtp_server):
    UserFactory(username="old", email="old@example.org", is_active=False)
    answers = [client.post("/en/accounts/password-reset/", {"email": address})
               for address in ("nobody@example.org", "old@example.org")]
    assert {(answer.status_code, answer["Location"]) for answer in answers} == {
        (302, "/en/accounts/password-reset/sent/")}
    run_worker()
    assert not smtp_server.messages


def test_a_forged_link_sets_nothing(client, smtp_server):
    user = UserFactory(username="liis", email="liis@example.org", language="en")
    client.post("/en/accounts/password-reset/", {"email": "liis@example.org"})
    run_worker()
    uid, token = _link_path(mails_to(smtp_server, "liis@example.org")[0]).rstrip("/").rsplit("/", 2)[-2:]
    response = client.get(f"/en/accounts/password-reset/{uid}/{token[:-2]}xx/")
    assert response.status_code == 200 and not response.context["validlink"]
    user.refresh_from_db()
    assert not user.check_password(NEW)


def test_requests_are_limited_per_address_and_per_network_address(client, smtp_server):
    UserFactory(username="liis", email="liis@example.org")
    for _attempt in range(PER_ADDRESS):
        assert client.post("/en/accounts/password-reset/", {"email": "liis@example.org"}).status_code == 302
    response = client.post("/en/accounts/password-reset/", {"email": "liis@example.org"})
    assert response.status_code == 429 and "try again in an hour" in response.content.decode()
    cache.clear()
    for number in range(PER_NETWORK_ADDRESS):
        client.post("/en/accounts/password-reset/", {"email": f"person{number}@example.org"})
    assert client.post("/en/accounts/password-reset/", {"email": "more@example.org"}).status_code == 429
    run_worker()
    assert len(mails_to(smtp_server, "liis@example.org")) == PER_ADDRESS


def test_a_bad_address_is_refused_with_a_message(client):
    response = client.post("/en/accounts/password-reset/", {"email": "not-an-address"})
    assert response.status_code == 200 and response.context["form"].errors["email"]
