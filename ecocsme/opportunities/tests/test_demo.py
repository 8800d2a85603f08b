"""The demo's 55 example opportunities (the matching benchmark's development set): published,
marked as examples, each linked to its city's ECoC title, moderated by the partner the rule
gives, with deadlines moved into the future, loaded again without doubling."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ecocsme.opportunities.access import open_opportunities
from ecocsme.opportunities.demo import future_deadline, opportunities_demo_load, records, title_of_city
from ecocsme.opportunities.models import Opportunity

pytestmark = pytest.mark.django_db


def test_the_demo_loads_the_55_examples_open_and_moderated_by_the_rule(project, client):
    seen = []
    assert opportunities_demo_load(progress=lambda done, total: seen.append((done, total))) == 55
    assert seen[-1] == (55, 55)
    loaded = Opportunity.objects.select_related("ecoc_title", "partner")
    assert loaded.count() == 55 and open_opportunities().count() == 55
    assert all(o.is_example and o.contact_name == "Programme office (example)" for o in loaded)
    by_record = {o.title: o for o in loaded}
    for record in records():
        opportunity = by_record[record["title"]]
        assert opportunity.ecoc_title.city == record["ecoc_city"]
        assert opportunity.kind == record["kind"] and opportunity.language == record["language"]
        assert opportunity.sector_codes == sorted(record["sectors"])
        assert opportunity.deadline > timezone.localdate()
        assert (opportunity.deadline.month, opportunity.deadline.day) == (
            dt.date.fromisoformat(record["deadline"]).month, dt.date.fromisoformat(record["deadline"]).day)
    timisoara = [o for o in loaded if o.ecoc_title.city == "Timișoara"]
    assert timisoara and all(o.partner.number == 6 for o in timisoara)  # the partner of the title
    leeuwarden = [o for o in loaded if o.ecoc_title.city == "Leeuwarden"]
    assert all(o.partner.number == 2 for o in leeuwarden)  # of two partners, the first
    assert all(o.partner is None for o in loaded if o.ecoc_title.city in ("Oulu", "Chemnitz"))  # coordinators
    gorizia = [o for o in loaded if o.ecoc_title.city == "Nova Gorica"]
    assert {o.ecoc_title.year for o in gorizia} == {2025} and {o.country.code for o in gorizia} == {"SI", "IT"}
    # Again: updated, not doubled.
    assert opportunities_demo_load() == 55 and Opportunity.objects.count() == 55
    page = client.get(reverse("opportunities:list"), {"language": "lt"}).content.decode()
    assert "Renginių apsaugos paslaugos gatvės festivaliui" in page


def test_a_citys_title_is_the_latest_not_in_the_future():
    from types import SimpleNamespace as Title

    titles = [Title(city="Example", year=year) for year in (2010, 2024, 2040)]
    today = dt.date(2026, 12, 3)
    assert title_of_city("Example", titles, today).year == 2024
    assert title_of_city("Example", [titles[2]], today).year == 2040  # only a future one
    assert title_of_city("Nowhere", titles, today) is None


def test_past_deadlines_move_on_by_whole_years():
    today = dt.date(2027, 3, 1)
    assert future_deadline(dt.date(2027, 1, 10), today) == dt.date(2028, 1, 10)
    assert future_deadline(dt.date(2027, 3, 1), today) == dt.date(2028, 3, 1)
    assert future_deadline(dt.date(2027, 6, 30), today) == dt.date(2027, 6, 30)
    assert future_deadline(dt.date(2024, 2, 29), today) == dt.date(2028, 2, 29)
    assert future_deadline(dt.date(2024, 2, 29), dt.date(2029, 1, 1)) == dt.date(2029, 2, 28)
