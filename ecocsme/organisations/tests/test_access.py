"""organisations.access against the rules: `organisations_visible_to` and `contacts_visible_to`
give exactly the objects for which `user.has_perm(...)` holds, the people scope agrees with
`view_contact`, the mail a user may read follows the person it is for, and the fetchers answer
404 to whoever may not see a thing and 403 to whoever sees it but may not do what was asked —
for each kind of user of ecocsme.testing.access: the anonymous visitor, the staff of partner A
and of partner B of a project, its coordinator, the staff of another project, a user without a
role and the administrator."""

from dataclasses import dataclass

import pytest
from django.http import Http404
from django.utils import timezone

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
from ecocsme.testing.access import (
    ROLES,
    assert_fetches_by_the_rules,
    assert_visible_is_the_rule,
    fresh,
    kinds_of_user,
)


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
    kinds = kinds_of_user()
    contact_a = StakeholderFactory(partner=kinds.partner_a)
    contact_b = StakeholderFactory(partner=kinds.partner_b)
    contact_elsewhere = ContactFactory(partner=kinds.elsewhere)
    ContactFactory(partner=kinds.partner_a, erased_at=timezone.now(), name="", email="")
    OrganisationFactory(partner=kinds.elsewhere)
    mails = {"a": _mail("test:a", contact_a), "b": _mail("test:b", contact_b),
             "elsewhere": _mail("test:elsewhere", contact_elsewhere), "nobody": _mail("test:nobody", None)}
    return World(users=kinds.users, contact_a=contact_a, contact_b=contact_b,
                 contact_elsewhere=contact_elsewhere, organisation_a=contact_a.organisation, mails=mails)


@pytest.mark.parametrize("role", ROLES)
def test_organisations_visible_to_is_the_view_organisation_rule(world, role):
    user = fresh(world.users[role])
    expected = assert_visible_is_the_rule(organisations_visible_to(user), user, "organisations.view_organisation",
                                          Organisation.objects.select_related("partner"))
    assert bool(expected) == (role not in ("anonymous", "no_role"))


@pytest.mark.parametrize("role", ROLES)
def test_contacts_visible_to_is_the_view_contact_rule(world, role):
    user = fresh(world.users[role])
    contacts = Contact.objects.select_related("partner")
    expected = assert_visible_is_the_rule(contacts_visible_to(user), user, "organisations.view_contact", contacts)
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
    assert_fetches_by_the_rules(contact_for, user, (world.contact_a, world.contact_elsewhere),
                                view="organisations.view_contact", perms=(
                                    "organisations.view_contact", "organisations.change_contact",
                                    "organisations.erase_contact"))
    with pytest.raises(Http404):
        contact_for(user, 2**62)


@pytest.mark.parametrize("role", ROLES)
def test_organisation_for_answers_404_403_or_the_organisation(world, role):
    assert_fetches_by_the_rules(
        organisation_for, fresh(world.users[role]), [world.organisation_a], view="organisations.view_organisation",
        perms=("organisations.view_organisation", "organisations.change_organisation",
               "organisations.delete_organisation"))


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
