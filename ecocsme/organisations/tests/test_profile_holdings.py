"""A stakeholder's account is its owner's data, never a partner's contact's (ORG-3): a contact at the
same address exports no account, no sign-up mail and no confirmation link, and its erasure leaves
the account alone. The owner downloads their account's data and deletes the account on "My
account" (with their password); the organisations it represents stay, without it, and their
keeping partner is told; the administrator does the same through the administration site."""

import json
import re

import pytest
from django.core.cache import cache

from ecocsme.accounts.factories import PASSWORD, AdministratorFactory, UserFactory
from ecocsme.accounts.models import User
from ecocsme.accounts.services import PRIVACY_NOTICE_VERSION
from ecocsme.core.models import AuditEntry, OutgoingMail
from ecocsme.organisations.factories import ProfileFactory, RepresentativeFactory
from ecocsme.organisations.models import Contact, Organisation, Representative

SIGNUP = {"name": "Vaiva Uniquename", "email": "vaiva@example.org", "password": "kaunas-2022-festival-bread",
          "password_again": "kaunas-2022-festival-bread", "language": "lt", "accept_privacy": "on"}


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def _signed_up(client) -> User:
    assert client.post("/en/accounts/signup/", SIGNUP).status_code == 200
    return User.objects.get(email="vaiva@example.org")


def _confirmation_path() -> str:
    text = OutgoingMail.objects.get(key__startswith="accounts.signup.confirm:").text
    return re.search(r"https?://[^/\s]+(/\S+/accounts/signup/confirm/\S+/\S+/)", text).group(1)


@pytest.mark.django_db
def test_a_contact_at_the_same_address_reaches_no_account(client, partner, other_partner, other_staff):
    """The review's attack: another partner's staff add a contact with a stakeholder's address,
    download the contact's data (which held the confirmation link) and erase the contact."""
    user = _signed_up(client)
    organisation = ProfileFactory(partner=partner, name="Vaiva's Bakery (example)")
    RepresentativeFactory(user=user, organisation=organisation)
    client.force_login(other_staff)
    response = client.post("/en/manage/contacts/new/", {"partner": other_partner.pk, "name": "Whoever (example)",
                                                        "email": "VAIVA@example.org", "language": "en"})
    assert response.status_code == 302
    contact = Contact.objects.get(email="vaiva@example.org")
    export = client.get(f"/en/manage/contacts/{contact.pk}/personal-data.json")
    text = export.content.decode()
    assert export.status_code == 200
    assert "accounts" not in export.json() and "accounts.User" not in text
    assert "/signup/confirm/" not in text and "Uniquename" not in text and "Bakery" not in text
    held = [str(label) for label, _n in client.get(f"/en/manage/contacts/{contact.pk}/erase/").context["held"]]
    assert not any("account" in label.lower() for label in held)
    assert client.post(f"/en/manage/contacts/{contact.pk}/erase/").status_code == 302
    assert User.objects.filter(pk=user.pk, email="vaiva@example.org").exists()
    assert Representative.objects.filter(user=user, organisation=organisation).exists()
    assert "Vaiva Uniquename" in OutgoingMail.objects.get(key__startswith="accounts.signup.confirm:").text
    client.logout()
    response = client.post(_confirmation_path())  # the link is still its owner's, and works
    assert response.status_code == 302 and User.objects.get(pk=user.pk).is_active


@pytest.mark.django_db
def test_the_owner_downloads_their_accounts_data(client, partner):
    user = _signed_up(client)
    client.post(_confirmation_path())  # confirms and logs in
    RepresentativeFactory(user=user, organisation=ProfileFactory(partner=partner, name="Vaiva's Bakery (example)"))
    page = client.get("/en/my/account/").content.decode()
    assert "Vaiva's Bakery" in page.replace("&#x27;", "'") and 'name="password"' in page
    response = client.get("/en/my/account/personal-data.json")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    data = response.json()
    assert data["account"]["email"] == "vaiva@example.org" and data["account"]["signup"] == "confirmed"
    assert [item["organisation"] for item in data["organisations"]] == ["Vaiva's Bakery (example)"]
    signed_up = next(item for item in data["audit"] if item["action"] == "accounts.user.signed_up")
    assert signed_up["details"]["privacy_notice"] == PRIVACY_NOTICE_VERSION and signed_up["details"]["accepted_at"]
    assert {item["action"] for item in data["audit"]} >= {"accounts.user.signed_up", "accounts.user.confirmed"}
    [mail] = data["mail"]
    assert mail["subject"] and mail["queued_at"] and set(mail) == {"model", "id", "subject", "queued_at",
                                                                   "sent_at", "status"}
    assert "/signup/confirm/" not in response.content.decode()  # subjects and dates, not the bodies
    assert AuditEntry.objects.filter(action="accounts.user.exported", object_id=str(user.pk)).exists()


@pytest.mark.django_db
def test_the_owner_deletes_the_account_and_the_keeper_is_told(client, partner, staff, other_staff):
    user = _signed_up(client)
    client.post(_confirmation_path())
    organisation = ProfileFactory(partner=partner, name="Vaiva's Bakery (example)", findable=True, verified=True)
    RepresentativeFactory(user=user, organisation=organisation)
    response = client.post("/en/my/account/", {"password": "not-my-password"})
    assert response.status_code == 400 and response.context["form"].errors["password"]
    assert User.objects.filter(pk=user.pk).exists()

    response = client.post("/en/my/account/", {"password": SIGNUP["password"]}, follow=True)
    assert "Your account is deleted." in response.content.decode()
    assert not User.objects.filter(pk=user.pk).exists()
    assert client.get("/en/my/account/").status_code == 302  # logged out
    organisation.refresh_from_db()
    assert organisation.is_verified and not organisation.representatives.exists()  # the organisation stays
    told = OutgoingMail.objects.filter(key__startswith="organisations.representative_left:")
    assert [mail.to for mail in told] == [staff.email]  # the keeping partner's staff, not the others
    assert "Vaiva's Bakery (example)" in told.get().text and "no representative" in told.get().text
    assert AuditEntry.objects.filter(action="organisations.representative.left", object_id=str(organisation.pk),
                                     data__reason="account deleted").exists()
    deleted = AuditEntry.objects.get(action="accounts.user.deleted")
    assert deleted.data == {"by": "owner"} and "vaiva" not in deleted.object_repr.lower()
    assert not AuditEntry.objects.filter(object_repr__icontains="vaiva@").exists()
    assert not OutgoingMail.objects.filter(to__iexact="vaiva@example.org").exists()
    assert not OutgoingMail.objects.filter(text__contains="Uniquename").exists()


@pytest.mark.django_db
def test_an_account_with_a_role_downloads_its_data_and_is_deleted_by_the_administrator(client, staff):
    client.force_login(staff)
    page = client.get("/en/my/account/").content.decode()
    assert 'name="password"' not in page and "the administrator deletes it" in page
    assert client.post("/en/my/account/", {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=staff.pk).exists()
    assert client.get("/en/my/account/personal-data.json").json()["account"]["username"] == staff.username
    client.logout()
    assert client.get("/en/my/account/").status_code == 302
    assert client.get("/en/my/account/personal-data.json").status_code == 302


@pytest.mark.django_db
def test_the_administrator_downloads_and_deletes_an_account_in_the_admin(client, partner, staff):
    user = UserFactory(username="vaiva", email="vaiva@example.org")
    organisation = ProfileFactory(partner=partner, name="Vaiva's Bakery (example)")
    RepresentativeFactory(user=user, organisation=organisation)
    client.force_login(AdministratorFactory())
    response = client.post("/admin/accounts/user/", {"action": "personal_data_download",
                                                     "_selected_action": [user.pk]})
    assert response.status_code == 200
    assert json.loads(response.content)["organisations"][0]["organisation"] == "Vaiva's Bakery (example)"
    response = client.post(f"/admin/accounts/user/{user.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not User.objects.filter(pk=user.pk).exists()
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert OutgoingMail.objects.filter(key__startswith="organisations.representative_left:", to=staff.email).exists()
    assert AuditEntry.objects.get(action="accounts.user.deleted").data == {"by": "administrator"}
