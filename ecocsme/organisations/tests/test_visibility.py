"""Who sees an organisation in the back office (docs/DECISIONS.md): one that wishes to be found and
was verified, every member of a project; any other only the staff of the partner that keeps it, its
project's coordinators (every coordinator when no partner keeps it), the administrator and its own
representatives. The rule's query form against `has_perm`, and every list, export, form choice,
fetcher and import of the app through the pages, as the users open them."""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from ecocsme.organisations.access import organisation_for, organisations_visible_to
from ecocsme.organisations.factories import ContactFactory, ProfileFactory, RepresentativeFactory
from ecocsme.organisations.models import Contact, Organisation
from ecocsme.testing.access import (
    ROLES,
    assert_fetches_by_the_rules,
    assert_visible_is_the_rule,
    kinds_of_user,
)

from .afresh import again

ALL_ROLES = (*ROLES, "representative")


@dataclass
class World:
    users: dict
    own: Organisation  # the representative's, kept by partner A, waiting for verification
    public: Organisation  # wishes to be found, verified, kept by partner B
    opted_out: Organisation  # verified, does not wish to be found, kept by A
    unverified: Organisation  # wishes to be found, not verified, kept by A
    unkept: Organisation  # no partner keeps it
    unkept_public: Organisation  # no partner keeps it, wishes to be found, verified
    elsewhere: Organisation  # kept by a partner of another project


@pytest.fixture
def world(db) -> World:
    kinds = kinds_of_user()
    link = RepresentativeFactory(organisation=ProfileFactory(partner=kinds.partner_a, name="Own (example)"))
    others = {
        "public": ProfileFactory(partner=kinds.partner_b, findable=True, verified=True, name="Public (example)"),
        "opted_out": ProfileFactory(partner=kinds.partner_a, verified=True, name="Opted Out (example)"),
        "unverified": ProfileFactory(partner=kinds.partner_a, findable=True, name="Unverified (example)"),
        "unkept": ProfileFactory(partner=None, city="Nowhere", country="IS", name="Unkept (example)"),
        "unkept_public": ProfileFactory(partner=None, city="Nowhere", country="IS", findable=True,
                                        verified=True, name="Unkept Public (example)"),
        "elsewhere": ProfileFactory(partner=kinds.elsewhere, name="Elsewhere (example)"),
    }
    return World(users={**kinds.users, "representative": link.user}, own=link.organisation, **others)


SEEN = {
    "anonymous": set(), "no_role": set(), "representative": {"own"},
    "staff_a": {"own", "opted_out", "unverified", "public", "unkept_public"},
    "staff_b": {"public", "unkept_public"},
    "coordinator": {"own", "opted_out", "unverified", "public", "unkept", "unkept_public"},
    "staff_elsewhere": {"elsewhere", "public", "unkept_public"},
}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_organisations_visible_to_is_the_rule(world, role):
    user = again(world.users[role])
    everything = Organisation.objects.select_related("partner")
    expected = assert_visible_is_the_rule(organisations_visible_to(user), user,
                                          "organisations.view_organisation", everything)
    named = {name: getattr(world, name).pk for name in ("own", "public", "opted_out", "unverified", "unkept",
                                                         "unkept_public", "elsewhere")}
    assert {name for name, pk in named.items() if pk in expected} == SEEN.get(role, set(named))


@pytest.mark.parametrize("role", ALL_ROLES)
def test_organisation_for_answers_404_for_those_the_user_may_not_see(world, role):
    assert_fetches_by_the_rules(
        organisation_for, again(world.users[role]), Organisation.objects.select_related("partner"),
        view="organisations.view_organisation",
        perms=("organisations.view_organisation", "organisations.change_organisation",
               "organisations.delete_organisation"))


def _export(client, query: str = "") -> str:
    response = client.get(reverse("organisations:organisation_list") + "?format=csv" + query)
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_another_partners_staff_see_only_the_findable_verified_and_their_own(client, world):
    client.force_login(world.users["staff_b"])
    page = client.get(reverse("organisations:organisation_list")).content.decode()
    for formats in ("", "&q=example"):
        export = _export(client, formats)
        for text in (page, export):
            assert "Public (example)" in text and "Unkept Public (example)" in text
            for hidden in ("Own (example)", "Opted Out (example)", "Unverified (example)", "Unkept (example)",
                           "Elsewhere (example)"):
                assert hidden not in text
    for hidden in (world.own, world.opted_out, world.unverified, world.unkept):
        assert client.get(reverse("organisations:organisation_edit", args=[hidden.pk])).status_code == 404
        assert client.post(reverse("organisations:organisation_delete", args=[hidden.pk])).status_code == 404
        assert client.get(reverse("organisations:organisation_verify", args=[hidden.pk])).status_code == 404
    # seen, not theirs to change
    assert client.get(reverse("organisations:organisation_edit", args=[world.public.pk])).status_code == 200
    assert client.get(reverse("organisations:organisation_edit", args=[world.opted_out.pk])).status_code == 404


def test_the_keeper_and_the_coordinator_see_the_organisations_that_do_not_wish_to_be_found(client, world):
    for role, names in (("staff_a", ("Own", "Opted Out", "Unverified")),
                        ("coordinator", ("Own", "Opted Out", "Unverified", "Unkept"))):
        client.force_login(world.users[role])
        export = _export(client)
        assert all(f"{name} (example)" in export for name in names)
        assert "Elsewhere (example)" not in export
    client.force_login(world.users["staff_a"])
    assert client.get(reverse("organisations:organisation_edit", args=[world.opted_out.pk])).status_code == 200


def test_the_contact_form_offers_only_the_organisations_the_partner_keeps(client, world):
    client.force_login(world.users["staff_b"])
    choices = {str(o) for o in client.get(reverse("organisations:contact_add")).context["form"]
               .fields["organisation"].queryset}
    assert choices == {"Public (example)"}
    response = client.post(reverse("organisations:contact_add"), {
        "partner": world.public.partner_id, "name": "Example Person (example)", "email": "p@example.org",
        "language": "en", "organisation": world.opted_out.pk})
    assert response.status_code == 200 and response.context["form"].errors["organisation"]
    assert not Contact.objects.filter(email="p@example.org").exists()


def test_a_contacts_organisation_stays_named_for_the_partner_that_keeps_the_contact(client, world):
    """A partner's own contact may work for an organisation another partner keeps and that does not
    wish to be found: the pages that list the partner's people still name it."""
    contact = ContactFactory(partner=world.public.partner, organisation=world.opted_out,
                             name="Example Contact Person (example)")
    client.force_login(world.users["staff_b"])
    assert "Opted Out (example)" in client.get(reverse("organisations:contact_list")).content.decode()
    page = client.get(reverse("organisations:contact_edit", args=[contact.pk]))
    assert page.status_code == 200 and world.opted_out in page.context["form"].fields["organisation"].queryset
    response = client.post(reverse("organisations:contact_edit", args=[contact.pk]), {
        "name": contact.name, "email": contact.email, "language": "en", "organisation": world.opted_out.pk})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.organisation == world.opted_out


def test_an_import_neither_finds_nor_changes_another_partners_hidden_organisation(client, world, nace):
    from ecocsme.organisations.imports import contacts_import

    partner_b = world.public.partner
    csv = ("organisation,city,website,email\n"
           f"Opted Out (example),{world.opted_out.city},https://taken.example.org,one@example.org\n"
           f"Public (example),{world.public.city},https://changed.example.org,two@example.org\n")
    report = contacts_import(actor=world.users["staff_b"], partner=partner_b, data=csv.encode(),
                             filename="contacts.csv", dry_run=False)
    assert report.organisations_created == 1
    world.opted_out.refresh_from_db()
    assert world.opted_out.website == "" and world.opted_out.contacts.count() == 0
    created = Organisation.objects.get(name="Opted Out (example)", partner=partner_b)
    assert Contact.objects.get(email="one@example.org").organisation == created
    world.public.refresh_from_db()
    assert Contact.objects.get(email="two@example.org").organisation == world.public  # B keeps it


def test_another_partners_import_names_a_findable_organisation_without_changing_it(client, world, nace):
    from ecocsme.organisations.imports import contacts_import

    csv = f"organisation,city,website,email\nPublic (example),{world.public.city},https://x.example.org,a@example.org\n"
    report = contacts_import(actor=world.users["staff_a"], partner=world.own.partner, data=csv.encode(),
                             filename="contacts.csv", dry_run=False)
    assert (report.organisations_created, report.organisations_updated) == (0, 0)
    world.public.refresh_from_db()
    assert world.public.website == ""
    assert Contact.objects.get(email="a@example.org").organisation == world.public
