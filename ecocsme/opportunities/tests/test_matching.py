"""Matchmaking on the platform's records: who is suggested, who never is, and why."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from ecocsme.opportunities import matching
from ecocsme.opportunities.factories import OpportunityFactory
from ecocsme.organisations.factories import ProfileFactory, RepresentativeFactory
from ecocsme.organisations.services import profile_embed
from ecocsme.reference.factories import NaceDivisionFactory, NaceSectionFactory

pytestmark = pytest.mark.django_db


def _division(code, section="I", title="Food and beverage service activities"):
    return NaceDivisionFactory(code=code, title=title, section=NaceSectionFactory(code=section))


def _profile(**fields):
    sectors = fields.pop("sectors", [])
    organisation = ProfileFactory(verified=fields.pop("verified", True), findable=fields.pop("findable", True),
                                  **fields)
    organisation.sectors.set(sectors)
    profile_embed(organisation.pk)
    organisation.refresh_from_db()
    return organisation


@pytest.fixture
def food():
    return _division("56")


@pytest.fixture
def caterer(food):
    return _profile(name="Green Spoon Catering (example)", city="Vilnius", country="LT",
                    languages=["en", "lt"], sectors=[food],
                    description="We cook seasonal food for festivals and conferences: buffets for up "
                                "to 800 guests, vegetarian menus and mobile kitchens.",
                    capabilities="festival catering\nmobile kitchen\nvegetarian menus")


@pytest.fixture
def kaunas_call(food):
    return OpportunityFactory(
        title="Maitinimo paslaugos festivaliui", language="lt", city="Kaunas", country="LT",
        kind="tender", cross_border=False, sectors=[food],
        description="Ieškome įmonės, kuri trijų dienų festivalyje pamaitintų 600 svečių: "
                    "vegetariškas meniu, mobili virtuvė.")


def test_a_lithuanian_call_finds_the_sme_that_writes_in_english_and_says_why(caterer, kaunas_call):
    _profile(name="Print House (example)", country="LT", languages=["lt"],
             sectors=[_division("18", "C", "Printing")], description="Spausdiname plakatus.")
    found = matching.organisations_for(kaunas_call)
    assert found[0].record == caterer
    reasons = " ".join(found[0].reasons)
    assert "56 Food and beverage service activities" in reasons
    assert "mobile kitchen" in reasons and "Lithuania" in reasons
    with translation.override("ro"):
        romanian = " ".join(matching.organisations_for(kaunas_call)[0].reasons)
    assert romanian != reasons and "Lituania" in romanian


def test_who_did_not_ask_to_be_found_or_was_not_verified_is_never_suggested(caterer, kaunas_call, food):
    hidden = _profile(name="Hidden Kitchen (example)", country="LT", languages=["lt"], sectors=[food],
                      findable=False, description="Maitiname festivalius, mobili virtuvė.")
    unverified = _profile(name="New Kitchen (example)", country="LT", languages=["lt"], sectors=[food],
                          verified=False, description="Maitiname festivalius, vegetariškas meniu.")
    suggested = {match.record for match in matching.organisations_for(kaunas_call)}
    assert caterer in suggested and hidden not in suggested and unverified not in suggested
    assert hidden not in {m.record for m in matching.partners_for(caterer)}


def test_opting_out_takes_effect_at_the_next_answer(caterer, kaunas_call):
    assert matching.organisations_for(kaunas_call)[0].record == caterer
    caterer.findable = False
    caterer.save()
    assert caterer not in {m.record for m in matching.organisations_for(kaunas_call)}


def test_a_stale_catalogue_still_never_shows_an_organisation_that_opted_out(caterer, kaunas_call):
    matching.organisations_for(kaunas_call)  # the catalogue holds the caterer
    type(caterer).objects.filter(pk=caterer.pk).update(findable=False)  # no change of updated_at
    assert caterer not in {m.record for m in matching.organisations_for(kaunas_call)}


def test_the_cross_border_rule(caterer, food):
    german = _profile(name="Feldküche (example)", country="DE", city="Hamburg", languages=["de"],
                      sectors=[food], description="Wir kochen für Festivals: mobile Küchen, Buffets.")
    closed = OpportunityFactory(title="Catering for the festival", country="LT", city="Kaunas",
                                cross_border=False, sectors=[food],
                                description="Food for 600 guests at a three-day festival.")
    open_call = OpportunityFactory(title="Catering for the festival", country="LT", city="Kaunas",
                                   cross_border=True, sectors=[food],
                                   description="Food for 600 guests at a three-day festival.")
    assert german not in {m.record for m in matching.organisations_for(closed)}
    found = {m.record: m for m in matching.organisations_for(open_call)}
    assert german in found and any("other countries" in reason for reason in found[german].reasons)
    assert closed not in {m.record for m in matching.opportunities_for(german)}
    assert open_call in {m.record for m in matching.opportunities_for(german)}


def test_an_organisation_sees_open_opportunities_only(caterer, kaunas_call, food):
    past = OpportunityFactory(title="Festival catering", country="LT", sectors=[food],
                              description="Catering for a festival.")
    type(past).objects.filter(pk=past.pk).update(deadline=timezone.localdate() - dt.timedelta(days=1))
    draft = OpportunityFactory(title="Festival catering (draft)", country="LT", sectors=[food],
                               status="draft", description="Catering for a festival.")
    found = [m.record for m in matching.opportunities_for(caterer)]
    assert kaunas_call in found and past not in found and draft not in found
    assert any("vegetarian menus" in r or "mobile kitchen" in r for r in
               matching.opportunities_for(caterer)[0].reasons)


def test_an_organisation_that_opted_out_may_still_look_for_opportunities(caterer, kaunas_call):
    caterer.findable = False
    caterer.save()
    assert kaunas_call in {m.record for m in matching.opportunities_for(caterer)}


def test_partners_are_across_sectors_or_borders(caterer, food):
    printer = _profile(name="Print House (example)", country="LT", languages=["lt", "en"],
                       sectors=[_division("18", "C", "Printing")],
                       description="We print festival posters, menus and signage.")
    twin = _profile(name="Other Catering (example)", country="LT", languages=["lt"], sectors=[food],
                    description="Festival catering, buffets, mobile kitchens.")
    found = {m.record: m for m in matching.partners_for(caterer)}
    assert printer in found and twin not in found and caterer not in found
    assert any("18 Printing" in reason for reason in found[printer].reasons)


def test_an_opportunity_is_embedded_once_and_kept(kaunas_call):
    vector = matching.opportunity_embed(kaunas_call)
    kaunas_call.refresh_from_db()
    assert kaunas_call.vector and kaunas_call.vector_model
    assert (matching.opportunity_embed(kaunas_call) == vector).all()


def test_without_a_profile_vector_an_organisation_gets_no_suggestions(kaunas_call):
    empty = ProfileFactory(verified=True, findable=True, description="")
    assert matching.opportunities_for(empty) == [] and matching.partners_for(empty) == []


def test_a_profile_vector_computed_after_the_change_reaches_the_catalogue(caterer, kaunas_call, food):
    other = _profile(name="Late Kitchen (example)", country="LT", languages=["lt"], sectors=[food],
                     description="Spausdiname plakatus ir lankstinukus.")
    other.description = "Maitiname festivalius: vegetariškas meniu, mobili virtuvė, 600 svečių."
    other.capabilities = "renginių maitinimas\nmobili virtuvė"
    other.save()
    before = [m.record for m in matching.organisations_for(kaunas_call)]  # the old vector still
    profile_embed(other.pk)  # the task, later
    after = [m.record for m in matching.organisations_for(kaunas_call)]
    assert after.index(other) < before.index(other)


@pytest.mark.django_db(transaction=True)
def test_posting_or_changing_an_opportunity_queues_its_vector(title, sectors, staff):
    from ecocsme.opportunities.services import opportunity_save
    from ecocsme.testing.worker import run_worker

    from .posting import values

    opportunity = opportunity_save(actor=staff, opportunity=None, values=values(title),
                                   sectors=[sectors["90"]])  # a draft, changed below
    run_worker()
    opportunity.refresh_from_db()
    first = bytes(opportunity.vector)
    assert first and opportunity.vector_model
    opportunity = opportunity_save(actor=staff, opportunity=opportunity, values=values(
        title, description="Catering for the volunteers of four open-air concerts (example)."))
    opportunity.refresh_from_db()
    assert opportunity.vector is None  # what it says changed: the old vector is gone at once
    run_worker()
    opportunity.refresh_from_db()
    assert opportunity.vector and bytes(opportunity.vector) != first


# --- the pages --------------------------------------------------------------------------------------

@pytest.fixture
def posted(kaunas_call, staff):
    kaunas_call.partner, kaunas_call.posted_by = staff.memberships.get().partner, staff
    kaunas_call.save()
    return kaunas_call


def test_the_poster_sees_the_organisations_that_fit_loaded_after_the_page(client, staff, posted, caterer):
    client.force_login(staff)
    page = client.get(reverse("opportunities:detail", args=[posted.pk])).content.decode()
    url = reverse("opportunities:matches", args=[posted.pk])
    assert f'hx-get="{url}"' in page and caterer.name not in page  # the page does not wait
    part = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert part.lstrip().startswith("<section") and caterer.name in part
    assert "56 Food and beverage service activities" in part and "mobile kitchen" in part
    whole = client.get(url).content.decode()
    assert "<html" in whole and caterer.name in whole


def test_nobody_else_sees_who_fits(client, posted, other_staff, caterer):
    url = reverse("opportunities:matches", args=[posted.pk])
    assert client.get(url).status_code == 302  # to the login
    client.force_login(other_staff)
    assert client.get(url).status_code == 403
    representative = RepresentativeFactory(organisation=caterer).user
    client.force_login(representative)
    assert client.get(url).status_code == 403
    page = client.get(reverse("opportunities:detail", args=[posted.pk])).content.decode()
    assert url not in page


def test_names_and_reasons_are_escaped(client, staff, posted, food):
    _profile(name="<script>alert(1)</script> Kitchen (example)", country="LT", languages=["lt"],
             sectors=[food], description="Maitiname festivalius.", capabilities="<b>mobili virtuvė</b>")
    client.force_login(staff)
    part = client.get(reverse("opportunities:matches", args=[posted.pk])).content.decode()
    assert "<script>alert(1)" not in part and "&lt;script&gt;alert(1)" in part
    assert "<b>mobili" not in part


def test_an_organisation_sees_what_fits_it_and_possible_partners(client, caterer, kaunas_call, food, staff):
    printer = _profile(name="Print House (example)", country="LT", languages=["lt", "en"],
                       sectors=[_division("18", "C", "Printing")],
                       description="We print festival posters, menus and signage.")
    url = reverse("opportunities:organisation_matches", args=[caterer.pk])
    assert client.get(url).status_code == 302
    client.force_login(RepresentativeFactory(organisation=caterer).user)
    page = client.get(url).content.decode()
    assert kaunas_call.title in page and printer.name in page and "18 Printing" in page
    client.force_login(RepresentativeFactory(organisation=printer).user)  # another organisation's
    assert client.get(url).status_code == 404
    client.force_login(staff)  # the partners' staff, who keep organisations
    assert client.get(url).status_code == 200


def test_an_organisation_for_which_only_place_and_language_speak_is_not_suggested(kaunas_call, caterer):
    printer = _profile(name="Print House (example)", city="Kaunas", country="LT", languages=["lt"],
                       sectors=[_division("18", "C", "Printing")],
                       description="Spausdiname knygas ir katalogus; rišame rankomis.")
    found = {m.record for m in matching.organisations_for(kaunas_call)}
    assert caterer in found and printer not in found


# --- the API -----------------------------------------------------------------------------------------

def test_the_api_gives_the_matches_with_the_pages_permissions(client, staff, other_staff, posted, caterer):
    url = f"/api/v1/opportunities/{posted.pk}/matches"
    assert client.get(url).status_code == 403
    client.force_login(other_staff)
    assert client.get(url).status_code == 403
    client.force_login(staff)
    found = client.get(url, headers={"Accept-Language": "ro"}).json()
    assert found[0]["id"] == caterer.pk and found[0]["url"].endswith(f"/organisations/{caterer.pk}/")
    assert any("Lituania" in reason for reason in found[0]["reasons"])


def test_the_api_gives_an_organisation_what_fits_it_and_nobody_else(client, caterer, kaunas_call, food):
    url = f"/api/v1/organisations/{caterer.pk}/opportunities"
    assert client.get(url).status_code == 404
    other = _profile(name="Other (example)", country="LT", languages=["lt"], sectors=[food],
                     description="Maitiname festivalius.")
    client.force_login(RepresentativeFactory(organisation=other).user)
    assert client.get(url).status_code == 404
    client.force_login(RepresentativeFactory(organisation=caterer).user)
    assert [item["id"] for item in client.get(url).json()] == [kaunas_call.pk]


def test_the_api_lists_only_organisations_that_wish_to_be_found(client, caterer, food):
    hidden = _profile(name="Hidden Kitchen (example)", country="LT", languages=["lt"], sectors=[food],
                      findable=False, description="Maitiname festivalius.")
    waiting = _profile(name="New Kitchen (example)", country="LT", languages=["lt"], sectors=[food],
                       verified=False, description="Maitiname festivalius.")
    listed = client.get("/api/v1/organisations", {"sector": "56", "language": "lt"}).json()["items"]
    assert [item["name"] for item in listed] == [caterer.name]
    assert listed[0]["capabilities"] == ["festival catering", "mobile kitchen", "vegetarian menus"]
    for organisation in (hidden, waiting):
        assert client.get(f"/api/v1/organisations/{organisation.pk}").status_code == 404
    assert "Hidden" not in client.get("/api/v1/organisations", {"q": "Kitchen"}).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_new_process_with_many_organisations_reads_them_in_the_background(client, staff, posted, caterer,
                                                                             monkeypatch):
    import time

    monkeypatch.setattr(matching, "READ_IN_A_REQUEST_UP_TO", 0)  # "many"
    client.force_login(staff)
    url = reverse("opportunities:matches", args=[posted.pk])
    matching._reading.set()  # another request of this process started reading them
    try:
        part = client.get(url, headers={"HX-Request": "true"}).content.decode()
        assert "reading the organisations" in part and "load delay:3s" in part and caterer.name not in part
        assert client.get(f"/api/v1/opportunities/{posted.pk}/matches").status_code == 503
        assert "reload the page" in client.get(reverse("opportunities:organisation_matches",
                                                       args=[caterer.pk])).content.decode()
    finally:
        matching._reading.clear()
    assert caterer.name not in client.get(url, headers={"HX-Request": "true"}).content.decode()  # reads
    for _ in range(200):
        if not matching._reading.is_set():
            break
        time.sleep(0.05)
    assert caterer.name in client.get(url, headers={"HX-Request": "true"}).content.decode()
    caterer.description += " Also gluten-free menus."
    caterer.save()  # a change: the previous matrix answers while the new one is read
    assert caterer.name in client.get(url, headers={"HX-Request": "true"}).content.decode()


def test_a_post_names_its_organisation_only_while_it_wishes_to_be_found_and_is_verified(client, caterer, food):
    post = OpportunityFactory(organisation=caterer, title="Festival kitchen help (example)", sectors=[food])
    assert caterer.name in client.get(reverse("opportunities:detail", args=[post.pk])).content.decode()
    for change in ({"findable": False}, {"findable": True, "verified_at": None}):
        type(caterer).objects.filter(pk=caterer.pk).update(**change)
        for url in (reverse("opportunities:detail", args=[post.pk]), "/en/opportunities/?format=csv",
                    "/en/opportunities/?format=json", "/en/opportunities/feed/", "/api/v1/opportunities",
                    f"/api/v1/opportunities/{post.pk}"):
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert response.status_code == 200 and caterer.name not in body.decode(), url
