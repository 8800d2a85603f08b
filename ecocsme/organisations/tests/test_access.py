"""organisations.access against the rules: `organisations_visible_to` and `contacts_visible_to`
give exactly the objects for which `user.has_perm(...)` holds, the people scope agrees with
`view_contact`, the mail a user may read follows the person it is for, and the fetchers answer
404 to whoever may not see a thing and 403 to whoever sees it but may not do what was asked —
for the anonymous visitor, the staff of partner A and of partner B of a project, its
coordinator, the staff of another project, a user without a role and the administrator."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from ecocsme.accounts.factories import (
    AdministratorFactory,
    CoordinatorFactory,
    PartnerStaffFactory,
    UserFactory,
)
from ecocsme.core.models import OutgoingMail
from ecocsme.organisations.access import (
    contact_by_unsubscribe_link,
    contact_for,
    contacts_visible_to,
    mail_for_view,
    mails_visible_to,
    organisation_for,
    organisations_visible_to,
    people_visible_to,
)
from ecocsme.organisations.factories import ContactFactory, OrganisationFactory, StakeholderFactory
from ecocsme.organisations.models import Consent, Contact, Organisation
from ecocsme.organisations.tokens import unsubscribe_token
from ecocsme.partnerships.factories import PartnerFactory

ROLES = ("anonymous", "staff_a", "staff_b", "coordinator", "staff_elsewhere", "no_role", "admin")


@dataclass
class World:
    users: dict
    contact_a: Contact  # kept by partner A
    contact_b: Contact  # kept by partner B of the same project
    contact_elsewhere: Contact  # kept by a partner of another project
    organisation_a: Organisation
    mails: dict  # name -> OutgoingMail


def _mail(key: str, contact: Contact | None) -> OutgoingMail:
    return OutgoingMail.objects.create(
        key=key, to=contact.email if contact else "someone@example.org",
        contact_id=contact.pk if contact else None, subject=key, text=key, html=f"<p>{key}</p>",
        raw=b"", message_id=f"<{key}@example.org>", queued_at=timezone.now())


@pytest.fixture
def world(db) -> World:
    partner_a = PartnerFactory(city="Timișoara")
    partner_b = PartnerFactory(project=partner_a.project, city="Rijeka")
    elsewhere = PartnerFactory(city="Kaunas")
    contact_a = StakeholderFactory(partner=partner_a)
    contact_b = StakeholderFactory(partner=partner_b)
    contact_elsewhere = ContactFactory(partner=elsewhere)
    ContactFactory(partner=partner_a, erased_at=timezone.now(), name="", email="")
    OrganisationFactory(partner=elsewhere)
    users = {
        "anonymous": AnonymousUser(),
        "staff_a": PartnerStaffFactory(username="staff-a", partner=partner_a),
        "staff_b": PartnerStaffFactory(username="staff-b", partner=partner_b),
        "coordinator": CoordinatorFactory(username="coord", project=partner_a.project),
        "staff_elsewhere": PartnerStaffFactory(username="staff-elsewhere", partner=elsewhere),
        "no_role": UserFactory(username="no-role"),
        "admin": AdministratorFactory(username="admin-x"),
    }
    mails = {"a": _mail("test:a", contact_a), "b": _mail("test:b", contact_b),
             "elsewhere": _mail("test:elsewhere", contact_elsewhere), "nobody": _mail("test:nobody", None)}
    return World(users=users, contact_a=contact_a, contact_b=contact_b,
                 contact_elsewhere=contact_elsewhere, organisation_a=contact_a.organisation, mails=mails)


def fresh(user):
    """The user as a new request would have it (memberships and people scope read again)."""
    for cached in ("_ecocsme_memberships", "_ecocsme_people_scope"):
        if hasattr(user, cached):
            delattr(user, cached)
    return user


def by_rule(user, perm: str, objects) -> set[int]:
    return {obj.pk for obj in objects if user.has_perm(perm, obj)}


@pytest.mark.parametrize("role", ROLES)
def test_organisations_visible_to_is_the_view_organisation_rule(world, role):
    user = fresh(world.users[role])
    expected = by_rule(user, "organisations.view_organisation", Organisation.objects.select_related("partner"))
    assert {o.pk for o in organisations_visible_to(user)} == expected
    assert bool(expected) == (role not in ("anonymous", "no_role"))


@pytest.mark.parametrize("role", ROLES)
def test_contacts_visible_to_is_the_view_contact_rule(world, role):
    user = fresh(world.users[role])
    contacts = Contact.objects.select_related("partner")
    expected = by_rule(user, "organisations.view_contact", contacts)
    assert {c.pk for c in contacts_visible_to(user)} == expected
    assert {c.pk for c in contacts if people_visible_to(fresh(user)).sees(c)} == expected
    seen = {c.pk for c in (world.contact_a, world.contact_b, world.contact_elsewhere)} & expected
    assert seen == {
        "anonymous": set(), "no_role": set(),
        "staff_a": {world.contact_a.pk}, "staff_b": {world.contact_b.pk},
        "coordinator": {world.contact_a.pk, world.contact_b.pk},
        "staff_elsewhere": {world.contact_elsewhere.pk},
        "admin": {world.contact_a.pk, world.contact_b.pk, world.contact_elsewhere.pk},
    }[role]


@pytest.mark.parametrize("role", ROLES)
def test_mail_follows_the_person_it_is_for(world, role):
    """The documented rule: a mail is visible with its contact; mail to no contact is the
    administrator's alone."""
    user = fresh(world.users[role])
    expected = {mail.pk for mail in OutgoingMail.objects.all()
                if (user.is_superuser if mail.contact_id is None else
                    user.has_perm("organisations.view_contact", Contact.objects.get(pk=mail.contact_id)))}
    assert {m.pk for m in mails_visible_to(user)} == expected
    for mail in world.mails.values():
        if mail.pk in expected:
            assert mail_for_view(user, mail.pk, only=("html",)).html == mail.html
        else:
            with pytest.raises(Http404):
                mail_for_view(user, mail.pk)


@pytest.mark.parametrize("role", ROLES)
def test_contact_for_answers_404_403_or_the_contact(world, role):
    user = fresh(world.users[role])
    for contact in (world.contact_a, world.contact_elsewhere):
        for perm in ("organisations.view_contact", "organisations.change_contact",
                     "organisations.erase_contact"):
            if not user.has_perm("organisations.view_contact", contact):
                with pytest.raises(Http404):
                    contact_for(user, contact.pk, perm)
            elif not user.has_perm(perm, contact):
                with pytest.raises(PermissionDenied):
                    contact_for(user, contact.pk, perm)
            else:
                assert contact_for(user, contact.pk, perm) == contact
    with pytest.raises(Http404):
        contact_for(user, 2**62)


@pytest.mark.parametrize("role", ROLES)
def test_organisation_for_answers_404_403_or_the_organisation(world, role):
    user = fresh(world.users[role])
    organisation = world.organisation_a
    for perm in ("organisations.view_organisation", "organisations.change_organisation",
                 "organisations.delete_organisation"):
        if not user.has_perm("organisations.view_organisation", organisation):
            with pytest.raises(Http404):
                organisation_for(user, organisation.pk, perm)
        elif not user.has_perm(perm, organisation):
            with pytest.raises(PermissionDenied):
                organisation_for(user, organisation.pk, perm)
        else:
            assert organisation_for(user, organisation.pk, perm) == organisation


@pytest.mark.django_db
def test_an_unsubscribe_link_names_a_contact_and_a_purpose_as_an_enum(world):
    contact = world.contact_a
    found, purpose = contact_by_unsubscribe_link(unsubscribe_token(contact.pk, "newsletters"))
    assert found == contact
    assert purpose is Consent.Purpose.NEWSLETTERS
    assert contact_by_unsubscribe_link(unsubscribe_token(contact.pk, "everything")) is None
    assert contact_by_unsubscribe_link(unsubscribe_token(contact.pk, "newsletters")[:-2] + "xx") is None
    erased = Contact.objects.filter(erased_at__isnull=False).get()
    assert contact_by_unsubscribe_link(unsubscribe_token(erased.pk, "newsletters")) is None
