"""The library's facets put values of the same count in the order of their names in the
reader's language (Österreich before Portugal in German, Čekija after the C and Švedija after
the S in Lithuanian), not by code points, which put every accented capital after Z; the practice
form offers countries by the same collation, with their current names."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from ecocsme.practices.factories import PracticeFactory, indexed
from ecocsme.practices.forms import PracticeForm
from ecocsme.practices.selectors import facet_items
from ecocsme.text.collation import collation_key

pytestmark = pytest.mark.django_db

COUNTRIES = ("PT", "SE", "DE", "AT", "FI", "CZ")


@pytest.fixture
def library(partner):
    return indexed(*(PracticeFactory(partner=partner, slug=f"practice-{code.lower()}", country=code)
                     for code in COUNTRIES))


def country_facet(page: str) -> list[str]:
    """The labels of the country facet, in the page's order."""
    values = re.findall(r'<input type="checkbox" name="country" value="[^"]+"[^>]*> ([^<]+) <span', page)
    return [value.strip() for value in values]


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["Austria", "Czechia", "Finland", "Germany", "Portugal", "Sweden"]),
    ("de", ["Deutschland", "Finnland", "Österreich", "Portugal", "Schweden", "Tschechien"]),
    ("lt", ["Austrija", "Čekija", "Portugalija", "Suomija", "Švedija", "Vokietija"]),
])
def test_countries_of_one_count_follow_the_reader_s_collation(client, library, language, expected):
    with translation.override(language):
        page = client.get(reverse("practices:library")).content.decode()
    assert country_facet(page) == expected


def test_chosen_values_and_counts_still_come_first():
    facets = {"country": [("PT", 1), ("AT", 1), ("FI", 3), ("DE", 1)]}
    with translation.override("de"):
        items = facet_items(facets, {"country": ["PT"]})
    assert [label for _value, label, _count, _chosen in items[0][2]] == [
        "Portugal", "Finnland", "Deutschland", "Österreich"]


def test_the_form_offers_countries_in_the_reader_s_order_and_current_names(staff):
    with translation.override("lt"):
        names = [name for _code, name in PracticeForm(user=staff).fields["country"].choices]
    # django-countries strips the accents: Čadas and Čekija before Centrinės Afrikos Respublika.
    assert names[0] == "—" and names[1:] == sorted(names[1:], key=collation_key("lt"))
    assert names.index("Centrinės Afrikos Respublika") < names.index("Čadas") < names.index("Čekija")
    assert "Šiaurės Makedonija" in names  # the current name, not Makedonija
