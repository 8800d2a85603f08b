"""Engagement figures (OPP-4): organisations reached, interested and contracted, by ECoC title,
phase, sector and size class, counts only; for a period; partner staff see those of the
opportunities their partner moderates, coordinators all; the page draws them with their tables
and exports every table; the API answers members with the same figures. No name of an
organisation appears in any figure, export or feed, so one that opted out never does."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from ecocsme.accounts.factories import AdministratorFactory, UserFactory
from ecocsme.opportunities.factories import OpportunityFactory, verified_organisation
from ecocsme.opportunities.models import Interest, Reach
from ecocsme.opportunities.selectors import engagement_figures
from ecocsme.reference.factories import EcocTitleFactory
from ecocsme.testing.people import response_text

pytestmark = pytest.mark.django_db
HIDDEN = "Quiet Bindery Opted Out (example)"


@pytest.fixture
def world(partner, other_partner, title, food_and_sound):
    """Timișoara moderates two opportunities (legacy, sectors 56 and 90; preparation, no sector),
    Rijeka one; organisations of each size are reached, interested or contracted; one of them does
    not wish to be found."""
    food, sound = food_and_sound
    rijeka_title = EcocTitleFactory(year=2020, city="Rijeka", country="HR")
    festival = OpportunityFactory(partner=partner, ecoc_title=title, phase="legacy", sectors=[food, sound])
    fair = OpportunityFactory(partner=partner, ecoc_title=title, phase="preparation")
    port = OpportunityFactory(partner=other_partner, ecoc_title=rijeka_title, phase="event_year", sectors=[sound])
    micro = verified_organisation(partner=partner, size_class="micro", findable=True)
    small = verified_organisation(partner=partner, size_class="small", findable=True)
    hidden = verified_organisation(partner=partner, size_class="medium", findable=False, name=HIDDEN)
    unknown = verified_organisation(partner=other_partner, size_class="", findable=True)
    long_ago = timezone.now() - dt.timedelta(days=400)
    Reach.objects.create(opportunity=festival, organisation=micro, channel="suggestion")
    Reach.objects.create(opportunity=festival, organisation=micro, channel="digest")  # the same organisation
    Reach.objects.create(opportunity=fair, organisation=small, channel="digest", first_at=long_ago)
    Interest.objects.create(opportunity=festival, organisation=small, message="x", status="contracted",
                            contracted_at=timezone.now())
    Interest.objects.create(opportunity=festival, organisation=hidden, message="x", status="in_talks")
    Interest.objects.create(opportunity=fair, organisation=unknown, message="x",
                            withdrawn_at=timezone.now())  # withdrawn: reached, not interested
    Interest.objects.create(opportunity=port, organisation=unknown, message="x")
    return {"festival": festival, "fair": fair, "port": port, "title": title, "rijeka": rijeka_title}


@pytest.fixture
def food_and_sound(db):
    from ecocsme.reference.factories import NaceDivisionFactory

    return NaceDivisionFactory(code="56", title="Food service"), NaceDivisionFactory(code="90", title="Arts")


def _rows(rows) -> dict:
    return {row["key"]: (row["reached"], row["interested"], row["contracted"]) for row in rows}


def test_the_figures(world):
    figures = engagement_figures()
    assert figures["totals"] == {"reached": 4, "interested": 3, "contracted": 1}
    assert _rows(figures["by_ecoc_title"]) == {"2023-timisoara": (4, 2, 1), "2020-rijeka": (1, 1, 0)}
    assert _rows(figures["by_phase"]) == {"preparation": (2, 0, 0), "event_year": (1, 1, 0), "legacy": (3, 2, 1)}
    assert [row["key"] for row in figures["by_phase"]] == ["preparation", "event_year", "legacy"]
    assert _rows(figures["by_sector"]) == {"56": (3, 2, 1), "90": (4, 3, 1), "": (2, 0, 0)}
    assert _rows(figures["by_size_class"]) == {"micro": (1, 0, 0), "small": (1, 1, 1), "medium": (1, 1, 0),
                                               "": (1, 1, 0)}
    assert HIDDEN not in json.dumps(figures, default=str)  # counts, never names


def test_narrowed_by_title_phase_partner_and_period(world, partner, other_partner):
    assert engagement_figures(ecoc_title=world["rijeka"])["totals"] == {"reached": 1, "interested": 1,
                                                                        "contracted": 0}
    assert engagement_figures(phase="legacy")["totals"] == {"reached": 3, "interested": 2, "contracted": 1}
    assert engagement_figures(partner=partner)["totals"] == {"reached": 4, "interested": 2, "contracted": 1}
    assert engagement_figures(partner=[other_partner.pk])["totals"]["reached"] == 1
    today = timezone.localdate()
    recent = engagement_figures(since=today - dt.timedelta(days=30), until=today)
    assert recent["totals"] == {"reached": 4, "interested": 3, "contracted": 1}
    assert _rows(recent["by_phase"])["preparation"] == (1, 0, 0)  # the reach of long ago is left out
    assert engagement_figures(until=today - dt.timedelta(days=300))["totals"] == {
        "reached": 1, "interested": 0, "contracted": 0}
    assert engagement_figures(since=today + dt.timedelta(days=1))["totals"]["reached"] == 0


def test_the_page_its_scope_and_its_exports(client, world, staff, other_staff, coordinator):
    client.force_login(staff)
    page = client.get("/en/manage/opportunities/engagement/").content.decode()
    assert "Engagement through opportunities" in page and "<svg" in page
    assert "the opportunities your partner moderates" in page and "Rijeka 2020" not in page
    client.force_login(coordinator)
    page = client.get("/en/manage/opportunities/engagement/").content.decode()
    assert "Rijeka 2020" in page and "Timișoara 2023" in page
    filtered = client.get("/en/manage/opportunities/engagement/?ecoc=2020-rijeka&phase=event_year").content.decode()
    assert "Timișoara 2023" not in filtered.split('id="totals-heading"', 1)[1]
    bad = client.get("/en/manage/opportunities/engagement/?since=2030-01-02&until=2030-01-01&ecoc=nowhere")
    assert bad.status_code == 200 and "The period ends before it starts." in bad.content.decode()
    for table in ("totals", "ecoc_title", "phase", "sector", "size_class"):
        for fmt in ("csv", "xlsx", "json"):
            response = client.get(f"/en/manage/opportunities/engagement/?table={table}&format={fmt}")
            assert response.status_code == 200, (table, fmt)
            assert HIDDEN not in response_text(response)
    csv = response_text(client.get("/en/manage/opportunities/engagement/?table=size_class&format=csv"))
    assert "Size class,small,Small enterprise,1,1,1" in csv
    assert client.get("/en/manage/opportunities/engagement/?table=people&format=csv").status_code == 404
    client.force_login(other_staff)
    csv = response_text(client.get("/en/manage/opportunities/engagement/?table=totals&format=csv"))
    assert "All,,,1,1,0" in csv
    client.force_login(UserFactory(username="nobody"))
    assert client.get("/en/manage/opportunities/engagement/").status_code == 403
    client.logout()
    assert client.get("/en/manage/opportunities/engagement/").status_code == 302


def test_the_api_has_the_same_permissions(client, world, staff, coordinator):
    assert client.get("/api/v1/engagement").status_code == 403
    client.force_login(UserFactory(username="nobody"))
    assert client.get("/api/v1/engagement").status_code == 403
    client.force_login(staff)
    answer = client.get("/api/v1/engagement").json()
    assert answer["totals"] == {"reached": 4, "interested": 2, "contracted": 1}
    client.force_login(coordinator)
    answer = client.get("/api/v1/engagement", {"ecoc": "2023-timisoara", "since": "2000-01-01"}).json()
    assert answer["totals"] == {"reached": 4, "interested": 2, "contracted": 1}
    assert {row["key"] for row in answer["by_sector"]} == {"56", "90", ""}
    assert client.get("/api/v1/engagement", {"ecoc": "atlantis"}).status_code == 400
    assert client.get("/api/v1/engagement", {"since": "2030-01-02", "until": "2030-01-01"}).status_code == 400
    client.force_login(AdministratorFactory())
    assert client.get("/api/v1/engagement").json()["totals"]["reached"] == 4
    assert HIDDEN not in client.get("/api/v1/engagement").content.decode()


def test_an_organisation_that_opted_out_is_in_no_list_export_or_feed(client, world, coordinator):
    """Its interest reaches the opportunity's side (it chose to write to them); no public list,
    export, feed or figure names it."""
    for url in ("/en/opportunities/", "/en/opportunities/?format=csv", "/en/opportunities/?format=json",
                "/en/opportunities/feed/", "/api/v1/opportunities", f"/en/opportunities/{world['festival'].pk}/"):
        assert HIDDEN not in response_text(client.get(url)), url
    client.force_login(coordinator)
    for url in ("/en/manage/opportunities/engagement/", "/en/manage/opportunities/?format=csv",
                "/api/v1/engagement"):
        assert HIDDEN not in response_text(client.get(url)), url
    assert HIDDEN in client.get(f"/en/opportunities/{world['festival'].pk}/interests/").content.decode()
