"""A stakeholder's own account and the organisations it represents are personal data (ORG-3): the
contact's export holds them, with the mail about the account and the audit entries about it, and
the erasure removes the account and its links while the organisation's profile stays. Staff
accounts with the same address are the administrators' to manage and are left alone."""

import json

import pytest
from django.core.cache import cache

from ecocsme.accounts.models import User
from ecocsme.accounts.services import Signup, signup_request
from ecocsme.core.models import AuditEntry, OutgoingMail
from ecocsme.organisations.factories import ContactFactory, ProfileFactory, RepresentativeFactory
from ecocsme.organisations.models import Organisation, Representative
from ecocsme.organisations.services import contact_erase, contact_personal_data, organisation_decline


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


@pytest.mark.django_db
def test_the_account_and_its_links_are_exported_and_erased(partner, staff):
    signup_request(signup=Signup(name="Vaiva Uniquename", email="vaiva@example.org", password="a-long-pass-phrase",
                                 language="lt"), network_address="127.0.0.1")
    user = User.objects.get(email="vaiva@example.org")
    User.objects.filter(pk=user.pk).update(is_active=True)  # confirmed
    user.refresh_from_db()
    link = RepresentativeFactory(user=user, organisation=ProfileFactory(partner=partner, name="Vaiva's Bakery (example)"))
    organisation_decline(actor=staff, organisation=link.organisation, note="Which bakery? (example)")
    contact = ContactFactory(partner=partner, email="Vaiva@example.org", name="Vaiva Uniquename")
    export = contact_personal_data(actor=staff, contact=contact)
    models = {item["model"] for item in export["accounts"]}
    assert {"accounts.User", "organisations.Representative", "core.OutgoingMail", "core.AuditEntry"} <= models
    assert "Vaiva's Bakery (example)" in json.dumps(export["accounts"], ensure_ascii=False)
    assert OutgoingMail.objects.filter(to="vaiva@example.org").count() == 2  # confirmation, decline

    contact_erase(actor=staff, contact=contact)
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Representative.objects.exists()
    assert Organisation.objects.filter(pk=link.organisation.pk).exists()  # the organisation's own profile
    assert not OutgoingMail.objects.filter(to="vaiva@example.org").exists()
    assert not AuditEntry.objects.filter(object_repr__icontains="vaiva@").exists()


@pytest.mark.django_db
def test_a_staff_account_with_the_same_address_is_not_a_stakeholders(partner, staff, coordinator):
    contact = ContactFactory(partner=partner, email=staff.email)
    assert contact_personal_data(actor=coordinator, contact=contact)["accounts"] == []
    contact_erase(actor=coordinator, contact=contact)
    assert User.objects.filter(pk=staff.pk).exists()
