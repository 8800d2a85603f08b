"""What a confirmation link may open, what a sign-up answers whatever comes in, and how long an
unconfirmed sign-up is kept: a link opens only an account that signed up and waits for it (never
one an administrator deactivated, one with a role in a project, a staff or an administrator
account); a double submit, an address that is another account's user name or one with an
apostrophe get the usual answer, not an error; sign-ups never confirmed go after 14 days, audited;
the privacy notice accepted is recorded."""

import re
import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ecocsme.accounts.factories import MembershipFactory, UserFactory
from ecocsme.accounts.models import User
from ecocsme.accounts.services import PRIVACY_NOTICE_VERSION, UNCONFIRMED_DAYS, signup_tokens
from ecocsme.core.models import AuditEntry, OutgoingMail

pytestmark = pytest.mark.django_db(transaction=True)
FORM = {"name": "Ieva Example", "email": "ieva@example.org", "password": "kaunas-2022-festival-bread",
        "password_again": "kaunas-2022-festival-bread", "language": "lt", "accept_privacy": "on"}


def _links(address: str) -> list[str]:
    return [re.search(r"https?://[^/\s]+(/\S+/accounts/signup/confirm/\S+/\S+/)", mail.text).group(1)
            for mail in OutgoingMail.objects.filter(to=address, key__startswith="accounts.signup.confirm:")
            .order_by("pk")]


def _link_for(user: User) -> str:
    return f"/en/accounts/signup/confirm/{urlsafe_base64_encode(force_bytes(user.pk))}/" \
           f"{signup_tokens.make_token(user)}/"


def test_a_link_does_not_reopen_an_account_the_administrator_deactivated(client):
    client.post("/en/accounts/signup/", FORM)
    [link] = _links("ieva@example.org")
    assert client.post(link).status_code == 302
    user = User.objects.get(email="ieva@example.org")
    assert user.is_active and user.signup == User.Signup.CONFIRMED
    client.logout()
    User.objects.filter(pk=user.pk).update(is_active=False)  # the administrator deactivates it
    assert Client().post(link).status_code == 404
    assert Client().post(_link_for(User.objects.get(pk=user.pk))).status_code == 404  # nor a new one
    assert not User.objects.get(pk=user.pk).is_active
    client.post("/en/accounts/signup/resend/", {"email": "ieva@example.org"})
    client.post("/en/accounts/signup/", FORM)
    assert len(_links("ieva@example.org")) == 1  # no new link either, by resend or sign-up


@pytest.mark.parametrize("kind", ["staff_member", "is_staff", "administrator"])
def test_no_link_opens_an_account_with_a_role_or_rights(client, partner, kind):
    user = UserFactory(username="newcomer", email="newcomer@example.org", is_active=False,
                       signup=User.Signup.WAITING)
    if kind == "staff_member":
        MembershipFactory(user=user, partner=partner)
    else:
        User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=kind == "administrator")
    user.refresh_from_db()
    response = client.post("/en/accounts/signup/resend/", {"email": "newcomer@example.org"})
    assert response.status_code == 200 and "Look in your mailbox" in response.content.decode()
    assert not _links("newcomer@example.org")
    assert client.post(_link_for(user)).status_code == 404
    assert not User.objects.get(pk=user.pk).is_active


def test_an_account_an_administrator_made_is_not_opened_by_a_link(client):
    user = UserFactory(username="made-by-hand", email="hand@example.org", is_active=False)
    assert user.signup == User.Signup.NONE
    client.post("/en/accounts/signup/resend/", {"email": "hand@example.org"})
    assert not _links("hand@example.org")
    assert client.post(_link_for(user)).status_code == 404


def test_a_double_submit_answers_twice_and_makes_one_account():
    start, answers = threading.Barrier(2), []

    def submit(number: int):
        client = Client(raise_request_exception=False)
        start.wait()
        answers.append(client.post("/en/accounts/signup/", FORM, REMOTE_ADDR=f"10.0.0.{number}").status_code)
        connection.close()

    threads = [threading.Thread(target=submit, args=(number,)) for number in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200, 200]
    assert User.objects.filter(email="ieva@example.org").count() == 1
    # and once more after them (three is the limit per address)
    assert Client(raise_request_exception=False).post("/en/accounts/signup/", FORM).status_code == 200
    assert User.objects.filter(email="ieva@example.org").count() == 1


def test_an_address_that_is_another_accounts_user_name_gets_the_usual_answer(client):
    other = UserFactory(username="ieva@example.org", email="someone.else@example.org")
    response = client.post("/en/accounts/signup/", FORM)
    assert response.status_code == 200 and "Look in your mailbox" in response.content.decode()
    assert list(User.objects.filter(username__iexact="ieva@example.org")) == [other]
    assert not OutgoingMail.objects.exists()  # nobody to tell: the address is no one's


def test_an_address_with_an_apostrophe_signs_up(client):
    response = client.post("/en/accounts/signup/", {**FORM, "email": "o'brien@example.org"})
    assert response.status_code == 200
    assert User.objects.get(email="o'brien@example.org").username == "o'brien@example.org"
    [link] = _links("o'brien@example.org")
    assert client.post(link).status_code == 302


def test_the_privacy_notice_accepted_is_recorded_with_the_sign_up(client):
    assert PRIVACY_NOTICE_VERSION in client.get("/en/accounts/signup/").content.decode()
    before = timezone.now()
    client.post("/en/accounts/signup/", FORM)
    entry = AuditEntry.objects.get(action="accounts.user.signed_up")
    assert entry.data["privacy_notice"] == PRIVACY_NOTICE_VERSION
    assert entry.data["accepted_at"] >= before.isoformat()


def test_sign_ups_never_confirmed_go_after_14_days(client):
    client.post("/en/accounts/signup/", FORM)
    client.post("/en/accounts/signup/", {**FORM, "email": "recent@example.org"})
    client.post("/en/accounts/signup/", {**FORM, "email": "confirmed@example.org"})
    [link] = _links("confirmed@example.org")
    client.post(link)
    made_by_hand = UserFactory(username="hand", email="hand@example.org", is_active=False)
    long_ago = timezone.now() - timedelta(days=UNCONFIRMED_DAYS, hours=1)
    User.objects.exclude(email="recent@example.org").update(date_joined=long_ago)
    User.objects.filter(email="recent@example.org").update(
        date_joined=timezone.now() - timedelta(days=UNCONFIRMED_DAYS - 1))
    old = User.objects.get(email="ieva@example.org")

    call_command("delete-unconfirmed-signups", verbosity=0)
    assert not User.objects.filter(pk=old.pk).exists()
    assert set(User.objects.values_list("email", flat=True)) == {
        "recent@example.org", "confirmed@example.org", made_by_hand.email}
    entry = AuditEntry.objects.get(action="accounts.user.unconfirmed_deleted")
    assert entry.object_id == str(old.pk) and "ieva" not in entry.object_repr and entry.data["days"] == 14
    assert not AuditEntry.objects.filter(object_repr__icontains="ieva@").exists()
    assert not OutgoingMail.objects.filter(to="ieva@example.org").exists()
    assert not OutgoingMail.objects.filter(text__contains="Ieva").exclude(
        to__in=["recent@example.org", "confirmed@example.org"]).exists()
    call_command("delete-unconfirmed-signups", verbosity=0)  # again: nothing more
    assert User.objects.count() == 3
