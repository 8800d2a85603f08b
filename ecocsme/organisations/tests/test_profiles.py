"""Self-service profiles, their verification by the keeping partner's staff, the public page of
findable verified organisations and the profile vectors, through the pages and the services."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tasks_db.models import DBTaskResult

from ecocsme.accounts.factories import UserFactory
from ecocsme.core.models import AuditEntry
from ecocsme.organisations.factories import ProfileFactory, RepresentativeFactory
from ecocsme.organisations.models import Organisation, Representative
from ecocsme.organisations.selectors import findable_profiles, keeping_partner, matching_profile
from ecocsme.organisations.services import (
    organisation_decline,
    organisation_save,
    organisation_verify,
    profile_create,
    profile_update,
)
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.testing.mail import mails_to, plain_text
from ecocsme.testing.worker import run_worker
from ecocsme.text.embeddings import default_embedder, from_bytes

FORM = {"name": "Example Print Lab (example)", "kind": "sme", "size_class": "", "staff_headcount": "12",
        "annual_turnover": "", "balance_sheet_total": "", "sectors": ["18"], "city": "Timișoara",
        "country": "RO", "nuts_region": "", "languages": ["ro", "en"],
        "description": "We print posters and programmes for festivals (example).",
        "capabilities": "Posters\nProgrammes", "website": "https://print.example.org", "findable": "on"}


def _values(**changes) -> dict:
    values = {"name": FORM["name"], "kind": "sme", "size_class": "small", "city": "Timișoara", "country": "RO",
              "nuts_region": None, "languages": ["ro"], "description": FORM["description"],
              "capabilities": "Posters", "website": "", "findable": True}
    return {**values, **changes}


@pytest.fixture
def stakeholder(db):
    return UserFactory(username="stakeholder", language="ro")


def test_a_stakeholder_creates_a_profile_and_becomes_its_representative(client, nace, partner, stakeholder):
    client.force_login(stakeholder)
    assert b"Create your organisation" in client.get("/en/my/organisation/").content
    response = client.post("/en/my/organisation/new/", FORM)
    assert response.status_code == 302
    organisation = Organisation.objects.get(name=FORM["name"])
    assert Representative.objects.get(organisation=organisation).user == stakeholder
    assert organisation.partner == partner  # the partner of its city
    assert organisation.size_class == "small"  # 12 staff, by the EU definition
    assert organisation.findable and not organisation.is_verified and not organisation.is_example
    assert [s.code for s in organisation.sectors.all()] == ["18"]
    assert AuditEntry.objects.filter(action="organisations.profile.created").count() == 1
    page = client.get("/en/my/organisation/").content.decode()
    assert "Waiting for verification" in page and FORM["name"] in page
    assert client.get("/en/my/organisation/new/").status_code == 302  # one profile is enough


@pytest.mark.parametrize("change, field", [
    ({"description": ""}, "description"),
    ({"description": "x" * 5001}, "description"),
    ({"capabilities": "\n".join(f"line {n}" for n in range(31))}, "capabilities"),
    ({"capabilities": "y" * 201}, "capabilities"),
    ({"languages": []}, "languages"),
    ({"staff_headcount": "", "annual_turnover": "100000"}, "staff_headcount"),
    ({"sectors": []}, "sectors"),
])
def test_bad_input_is_refused_and_changes_nothing(client, nace, partner, stakeholder, change, field):
    client.force_login(stakeholder)
    response = client.post("/en/my/organisation/new/", {**FORM, **change})
    assert response.status_code == 200 and response.context["form"].errors[field]
    assert not Organisation.objects.exists() and not Representative.objects.exists()


def test_the_keeper_is_a_partner_of_the_city_else_of_the_country_else_none(db, partner):
    bucharest = PartnerFactory(project=partner.project, city="Bucharest", country="RO", number=9)
    assert keeping_partner(city="timișoara", country="RO") == partner
    assert keeping_partner(city="Arad", country="RO") in {partner, bucharest}
    assert keeping_partner(city="Reykjavík", country="IS") is None


def test_a_change_to_name_kind_sectors_or_country_asks_for_verification_again(nace, partner, stakeholder):
    from ecocsme.reference.models import NaceDivision

    organisation = profile_create(actor=stakeholder, values=_values(),
                                  sectors=NaceDivision.objects.filter(code="18"))
    same_sectors = NaceDivision.objects.filter(code="18")
    organisation.verified_at, organisation.verified_by = organisation.created_at, None
    organisation.save()
    organisation = profile_update(actor=stakeholder, organisation=organisation, values=_values(city="Lugoj"),
                                  sectors=same_sectors)
    assert organisation.is_verified and organisation.city == "Lugoj"  # the city is not what was verified
    organisation = profile_update(actor=stakeholder, organisation=organisation, values=_values(city="Lugoj"),
                                  sectors=NaceDivision.objects.filter(code__in=["18", "58"]))
    assert not organisation.is_verified
    organisation.verified_at = organisation.created_at
    organisation.save()
    profile_update(actor=stakeholder, organisation=organisation, values=_values(city="Lugoj", name="Renamed (example)"),
                   sectors=NaceDivision.objects.filter(code__in=["18", "58"]))
    organisation.refresh_from_db()
    assert not organisation.is_verified
    entry = AuditEntry.objects.filter(action="organisations.profile.changed").order_by("pk").last()
    assert entry.data["unverified"] and "name" in entry.data["changes"]


def test_the_form_says_a_verified_profile_goes_back_to_verification(client, nace, partner):
    link = RepresentativeFactory(organisation=ProfileFactory(partner=partner, verified=True))
    client.force_login(link.user)
    page = client.get(f"/en/my/organisation/{link.organisation.pk}/edit/").content.decode()
    assert "it waits for verification by the partners" in page
    response = client.post(f"/en/my/organisation/{link.organisation.pk}/edit/",
                           {**FORM, "name": "Another name (example)"}, follow=True)
    assert "The profile waits for verification again." in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_verification_and_decline_are_audited_and_told_in_the_representatives_language(
        client, partner, staff, other_staff, smtp_server):
    link = RepresentativeFactory(organisation=ProfileFactory(partner=partner, name="Example Kiln (example)"),
                                 user=UserFactory(username="rep", language="ro", email="rep@example.org"))
    organisation = link.organisation
    with pytest.raises(PermissionDenied):
        organisation_verify(actor=other_staff, organisation=organisation)
    with pytest.raises(ValidationError):
        organisation_decline(actor=staff, organisation=organisation, note="  ")
    client.force_login(staff)
    assert "Example Kiln" in client.get("/en/manage/organisations/verification/").content.decode()
    response = client.post(f"/en/manage/organisations/{organisation.pk}/verification/",
                           {"action": "decline", "note": "The website does not work (example)."})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.verification_state == "declined" and not organisation.is_verified
    assert "Example Kiln" not in client.get("/en/manage/organisations/verification/").content.decode()
    run_worker()
    declined = mails_to(smtp_server, "rep@example.org")[0]
    assert declined["Content-Language"] == "ro"
    assert "The website does not work (example)." in plain_text(declined)
    # A change puts it back in the queue; verifying it tells the representative again.
    profile_update(actor=link.user, organisation=organisation,
                   values=_values(name="Example Kiln (example)", website="https://kiln.example.org"),
                   sectors=organisation.sectors.all())
    assert "Example Kiln" in client.get("/en/manage/organisations/verification/").content.decode()
    client.post(f"/en/manage/organisations/{organisation.pk}/verification/", {"action": "verify"})
    organisation.refresh_from_db()
    assert organisation.is_verified and organisation.verified_by == staff
    run_worker()
    assert len(mails_to(smtp_server, "rep@example.org")) == 2
    assert set(AuditEntry.objects.filter(object_id=str(organisation.pk)).values_list("action", flat=True)) >= {
        "organisations.organisation.declined", "organisations.organisation.verified"}
    client.force_login(other_staff)
    assert client.post(f"/en/manage/organisations/{organisation.pk}/verification/",
                       {"action": "decline", "note": "x"}).status_code == 403


def test_staff_create_verified_organisations_and_record_their_wish_to_be_found(client, nace, partner, staff):
    client.force_login(staff)
    page = client.get("/en/manage/organisations/new/").content.decode()
    assert "Records the organisation&#x27;s own wish" in page
    response = client.post("/en/manage/organisations/new/", {
        "name": "Example Staff-Made SRL (example)", "kind": "sme", "city": "Timișoara", "country": "RO",
        "languages": ["ro", "fy"], "sectors": ["18"], "description": "Example.", "findable": "on"})
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Example Staff-Made SRL (example)")
    assert organisation.verified_by == staff and organisation.findable
    assert list(findable_profiles()) == [organisation]


@pytest.mark.django_db(transaction=True)
def test_the_profile_vector_is_computed_in_a_task_and_cleared_with_the_description(partner, staff, stakeholder):
    from ecocsme.reference.services import nace_load

    nace_load()
    from ecocsme.reference.models import NaceDivision

    organisation = profile_create(actor=stakeholder, values=_values(), sectors=NaceDivision.objects.filter(code="18"))
    assert organisation.profile_vector is None  # not in the request
    assert DBTaskResult.objects.filter(task_path__endswith="embed_profile").count() == 1
    run_worker()
    organisation.refresh_from_db()
    vector = from_bytes(bytes(organisation.profile_vector))
    assert organisation.profile_vector_model == default_embedder().name
    assert vector.shape == (default_embedder().dimension,)
    profile_update(actor=stakeholder, organisation=organisation, values=_values(website="https://x.example.org"),
                   sectors=organisation.sectors.all())
    assert DBTaskResult.objects.filter(task_path__endswith="embed_profile").count() == 1  # not the text
    organisation_save(actor=staff, organisation=organisation, values={"description": ""})
    organisation.refresh_from_db()
    assert organisation.profile_vector is None and organisation.profile_vector_model == ""


def test_the_matching_profile_is_the_organisation_as_the_engine_sees_it(nace, partner):
    organisation = ProfileFactory(partner=partner, findable=True, verified=True, size_class="micro",
                                  languages=["ro", "en"], capabilities="Posters\n\n Programmes ")
    organisation.sectors.set(["58", "18"])
    profile = matching_profile(organisation)
    assert profile.id == str(organisation.pk) and profile.nace == ("18", "58")
    assert profile.country == "RO" and profile.languages == ("ro", "en") and profile.size == "micro"
    assert profile.capabilities == ("Posters", "Programmes")
    ProfileFactory(partner=partner, findable=False, verified=True)
    ProfileFactory(partner=partner, findable=True)
    assert list(findable_profiles()) == [organisation]


def test_the_public_sees_only_findable_verified_profiles_and_no_people(client, partner):
    public = RepresentativeFactory(organisation=ProfileFactory(partner=partner, findable=True, verified=True),
                                   user=UserFactory(first_name="Zenobia", last_name="Hidden"))
    page = client.get(f"/en/organisations/{public.organisation.pk}/").content.decode()
    assert public.organisation.name in page and "Zenobia" not in page and "Hidden" not in page
    for hidden in (ProfileFactory(partner=partner, findable=False, verified=True),
                   ProfileFactory(partner=partner, findable=True)):
        assert client.get(f"/en/organisations/{hidden.pk}/").status_code == 404


def test_a_second_representative_reaches_nothing_of_the_first(client, partner, staff):
    first = RepresentativeFactory(organisation=ProfileFactory(partner=partner, name="First Org (example)"))
    second = RepresentativeFactory(organisation=ProfileFactory(partner=partner, name="Second Org (example)"))
    pk = first.organisation.pk
    client.force_login(second.user)
    assert "First Org" not in client.get("/en/my/organisation/").content.decode()
    assert client.get(f"/en/my/organisation/{pk}/edit/").status_code == 404
    assert client.post(f"/en/my/organisation/{pk}/edit/", {**FORM, "name": "Taken (example)"}).status_code == 404
    assert client.get(f"/en/organisations/{pk}/").status_code == 404
    assert client.get(f"/en/manage/organisations/{pk}/verification/").status_code == 404
    assert client.post(f"/en/manage/organisations/{pk}/verification/", {"action": "verify"}).status_code == 404
    assert client.get(f"/en/manage/organisations/{pk}/").status_code == 404
    assert client.post(f"/en/manage/organisations/{pk}/delete/").status_code == 404
    assert client.get("/en/manage/organisations/verification/").status_code == 403
    assert client.get("/en/manage/organisations/").status_code == 403
    with pytest.raises(PermissionDenied):
        profile_update(actor=second.user, organisation=first.organisation, values=_values(), sectors=[])
    first.organisation.refresh_from_db()
    assert first.organisation.name == "First Org (example)" and not first.organisation.is_verified
