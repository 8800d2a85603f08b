"""The list's filters offer countries by their names in the reader's language and cities as
the reader's language sorts them: Finland before Germany in English (not DE before FI, by
code), Österreich between Finnland and Portugal in German; Évora among the E and České
Budějovice among the C, not after Z as code points would put them."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from ecocsme.opportunities.access import open_opportunities
from ecocsme.opportunities.factories import OpportunityFactory
from ecocsme.opportunities.selectors import filter_choices

pytestmark = pytest.mark.django_db

PLACES = [("PT", "Évora"), ("DE", "Chemnitz"), ("FI", "Oulu"), ("CZ", "České Budějovice"),
          ("AT", "Bad Ischl"), ("PT", "Aveiro"), ("DE", "Zwickau")]


@pytest.fixture
def places(partner, title):
    for country, city in PLACES:
        OpportunityFactory(partner=partner, ecoc_title=title, country=country, city=city)


def options(page: str, select: str) -> list[str]:
    """The texts of the options of the page's <select id=…>, without its "All"."""
    block = re.search(rf'<select id="{select}".*?</select>', page, re.S).group(0)
    return re.findall(r"<option value=\"[^\"]+\"[^>]*>([^<]*)</option>", block)


@pytest.mark.parametrize(("language", "countries", "cities"), [
    ("en", ["Austria", "Czechia", "Finland", "Germany", "Portugal"],
     ["Aveiro", "Bad Ischl", "České Budějovice", "Chemnitz", "Évora", "Oulu", "Zwickau"]),
    ("de", ["Deutschland", "Finnland", "Österreich", "Portugal", "Tschechien"],
     ["Aveiro", "Bad Ischl", "České Budějovice", "Chemnitz", "Évora", "Oulu", "Zwickau"]),
    # Lithuanian takes Č as a letter of its own, after C.
    ("lt", ["Austrija", "Čekija", "Portugalija", "Suomija", "Vokietija"],
     ["Aveiro", "Bad Ischl", "Chemnitz", "České Budějovice", "Évora", "Oulu", "Zwickau"]),
])
def test_countries_and_cities_are_offered_in_the_reader_s_order(client, places, language, countries, cities):
    with translation.override(language):
        page = client.get(reverse("opportunities:list")).content.decode()
    assert options(page, "country") == countries
    assert options(page, "city") == cities


def test_the_choices_keep_their_codes_and_their_query_count(places, django_assert_num_queries):
    with translation.override("en"), django_assert_num_queries(4):
        choices = filter_choices(open_opportunities())
    assert choices["countries"] == ["AT", "CZ", "FI", "DE", "PT"]
    assert choices["cities"][:3] == ["Aveiro", "Bad Ischl", "České Budějovice"]
