"""The search across languages on a small library (GP-2): full text in any inflected form and
without diacritics, sentence vectors across languages, facets, and what bad input gets."""

import pytest

from ecocsme.practices.factories import PracticeFactory, indexed
from ecocsme.practices.models import Practice
from ecocsme.practices.search import engine

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(partner, reference):
    from ecocsme.reference.models import EcocTitle, NaceDivision

    leeuwarden = EcocTitle.objects.get(year=2018, city="Leeuwarden")
    timisoara = EcocTitle.objects.get(year=2023, city="Timișoara")
    prison = PracticeFactory(
        partner=partner, slug="prison", country="NL", city="Leeuwarden", ecoc_title=leeuwarden,
        phases=["legacy"], themes=["heritage_reuse", "creative_industries"],
        title={"en": "A former prison becomes a home for creative businesses"},
        summary={"en": "The city turned its old prison into studios, offices and a hostel for "
                       "creative entrepreneurs."})
    children = PracticeFactory(
        partner=partner, slug="children", country="RO", city="Timișoara", ecoc_title=timisoara,
        phases=["preparation"], themes=["entrepreneurship_education", "youth"],
        title={"ro": "Antreprenoriat pentru copii în școlile din Timișoara"},
        summary={"ro": "Elevii de gimnaziu învață să își transforme ideile în mici afaceri, cu "
                       "mentori din firmele locale."})
    food = PracticeFactory(
        partner=partner, slug="food", country="LT", city="Kaunas", phases=["event_year"],
        themes=["procurement"],
        title={"lt": "Vietiniai maisto tiekėjai festivaliuose"},
        summary={"lt": "Festivalių organizatoriai perka maistą iš vietinių ūkininkų ir mažųjų "
                       "įmonių."})
    prison.sectors.set([NaceDivision.objects.get(code="90")])
    return indexed(prison, children, food)


def test_a_lithuanian_word_finds_the_english_practice(library):
    results = engine.search("kalėjimas")
    assert results.ids[0] == library[0].pk


@pytest.mark.parametrize("query", ["antreprenoriatul", "antreprenoriat copii", "Antreprenoriatului",
                                   "scolile", "școlilor"])
def test_inflected_and_unaccented_forms_find_the_romanian_practice(library, query):
    assert engine.search(query).ids[0] == library[1].pk


def test_unaccented_lithuanian_finds_the_lithuanian_practice(library):
    assert engine.search("tiekejai")  .ids[0] == library[2].pk


def test_facets_count_and_filter(library):
    results = engine.search("", {"country": ["NL"]})
    assert results.ids == [library[0].pk]
    countries = dict(results.facets["country"])
    assert countries == {"NL": 1, "RO": 1, "LT": 1}  # a facet's own filter does not narrow it
    assert dict(results.facets["theme"]) == {"heritage_reuse": 1, "creative_industries": 1}


@pytest.mark.parametrize("query", ['"', '"unbalanced', "NEAR(a b)", "prison*", "-prison", "a OR",
                                   "x" * 10_000, "   ", "**", "\"\"\"", "(", "^", "prison AND NOT",
                                   "'; DROP TABLE practices_practice; --"])
def test_fts_syntax_and_long_queries_never_fail(library, query):
    engine.search(query)


def test_drafts_are_never_found(library):
    draft = PracticeFactory(status=Practice.Status.DRAFT, title={"en": "Secret prison plan"},
                            partner=library[0].partner)
    indexed(draft)
    assert draft.pk not in engine.search("prison").ids
    assert draft.pk not in engine.search("").ids


def test_similar_practices_cross_languages(library):
    assert library[0].pk not in engine.similar(library[0].pk)


def test_a_practice_published_but_not_yet_indexed_has_no_similar_ones(library, partner):
    fresh = PracticeFactory(partner=partner, title={"en": "Just published"})
    from ecocsme.practices.search.indexing import bump

    bump()
    assert engine.similar(fresh.pk) == []
