"""Countries named as each language names them today, in each language's order."""

import csv

import pytest
from django.conf import settings
from django.utils import translation

from ecocsme.reference.countries import CURRENT_NAMES, country_choices, country_name
from ecocsme.reference.models import COUNTRY_LABELS, EcocTitle
from ecocsme.reference.services import DATA_DIR

LANGUAGES = [code for code, _name in settings.LANGUAGES]
NORTH_MACEDONIA = {"en": "North Macedonia", "ro": "Macedonia de Nord", "it": "Macedonia del Nord",
                   "de": "Nordmazedonien", "nl": "Noord-Macedonië", "hr": "Sjeverna Makedonija",
                   "lt": "Šiaurės Makedonija", "fi": "Pohjois-Makedonia"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_north_macedonia_by_its_current_name(language):
    assert country_name("MK", language) == NORTH_MACEDONIA[language]
    with translation.override(language):
        assert country_name("mk") == NORTH_MACEDONIA[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_country_that_held_a_title_is_named_in_every_language(language):
    codes = {row["country_iso2"] for row in csv.DictReader((DATA_DIR / "ecoc_titles.csv").open())} - {""}
    names = {code: country_name(code, language) for code in codes}
    assert len(codes) == 34 and all(names.values())
    assert len(set(names.values())) == len(codes)


def test_romanian_names_are_written_with_comma_below_letters():
    names = [name for _code, name in country_choices("ro")]
    assert "Franța" in names and "Croația" in names and "Elveția" in names
    assert not [name for name in names if set(name) & set("şţŞŢ")]
    assert not [name for names in CURRENT_NAMES.values() for name in names.values()
                if set(name) & set("şţŞŢ")]


def test_the_short_current_name_where_the_package_has_another():
    assert country_name("NL", "lt") == "Nyderlandai"
    assert country_name("NL", "ro") == "Țările de Jos"
    assert country_name("CZ", "ro") == "Cehia"
    assert country_name("GB", "hr") == "Ujedinjena Kraljevina"
    assert country_name("LV", "hr") == "Latvija"
    assert country_name("CZ", "lt") == "Čekija"
    assert country_name("", "lt") == ""


def test_choices_are_sorted_by_the_language_s_collation():
    codes = ["SE", "CZ", "FI", "DK", "TR", "CY", "MK", "RS", "SK"]
    assert [name for _code, name in country_choices("lt", codes=codes)] == [
        "Čekija", "Danija", "Kipras", "Serbija", "Slovakija", "Suomija", "Šiaurės Makedonija",
        "Švedija", "Turkija"]
    assert [name for _code, name in country_choices("fi", codes=["SE", "AT", "DE"])] == [
        "Itävalta", "Ruotsi", "Saksa"]
    assert [name for _code, name in country_choices("de", codes=["AT", "NO", "CZ", "DE"])] == [
        "Deutschland", "Norwegen", "Österreich", "Tschechien"]
    everything = country_choices("lt")
    assert len(everything) > 240 and len({code for code, _name in everything}) == len(everything)


def test_every_slot_label_of_the_shipped_titles_is_marked_for_translation():
    labels = {row["country"] for row in csv.DictReader((DATA_DIR / "ecoc_titles.csv").open())
              if not row["country_iso2"]}
    assert labels and labels <= set(COUNTRY_LABELS)


def test_a_slot_label_not_translated_is_shown_as_written_and_said_to_be_english():
    slot = EcocTitle(year=2033, country_label="Another group of countries (example)")
    with translation.override("lt"):
        assert slot.country_name == "Another group of countries (example)"
        assert slot.country_name_language == "en"
    with translation.override("lt"):
        assert EcocTitle(year=2033, country="LT").country_name_language == "lt"
