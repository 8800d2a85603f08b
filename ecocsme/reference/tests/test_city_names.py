"""Each ECoC city as each language names it: the shipped file, its import with the titles, and
the title's name in a language."""

import csv

import pytest
from django.utils import translation

from ecocsme.reference import services
from ecocsme.reference.models import EcocTitle
from ecocsme.reference.services import (
    CITY_NAME_LANGUAGES,
    DATA_DIR,
    ImportRejected,
    ecoc_titles_import,
    parse_ecoc_city_names,
    reference_load,
    shipped_city_names,
)

HEADER = "year,city,country_iso2,country,original_year,notes\n"
NAMES_HEADER = "city,ro,it,de,nl,hr,lt,fi\n"


def shipped_rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader((DATA_DIR / name).open(encoding="utf-8")))


def test_the_file_names_every_designated_city_in_every_language_but_english():
    assert CITY_NAME_LANGUAGES == ("ro", "it", "nl", "hr", "lt", "fi", "de")
    cities = {row["city"] for row in shipped_rows("ecoc_titles.csv") if row["city"]}
    names = shipped_city_names()
    assert set(names) == cities and len(cities) == 84
    assert all(set(by_language) == set(CITY_NAME_LANGUAGES) and all(by_language.values())
               for by_language in names.values())
    assert names["Athens"] == {"ro": "Atena", "it": "Atene", "de": "Athen", "nl": "Athene",
                               "hr": "Atena", "lt": "Atėnai", "fi": "Ateena"}


@pytest.mark.parametrize(("city", "language", "name"), [
    ("Kaunas", "lt", "Kaunas"), ("Riga", "lt", "Ryga"), ("Tallinn", "lt", "Talinas"),
    ("Liverpool", "lt", "Liverpulis"), ("Marseille", "lt", "Marselis"),
    ("Tallinn", "fi", "Tallinna"), ("Riga", "fi", "Riika"), ("Umeå", "fi", "Uumaja"),
    ("Sibiu", "ro", "Sibiu"), ("Florence", "ro", "Florența"), ("Timișoara", "hr", "Temišvar"),
    ("Rijeka", "it", "Fiume"), ("Lille", "nl", "Rijsel"), ("Mons", "nl", "Bergen"),
    ("Wrocław", "de", "Breslau"), ("Antwerp", "de", "Antwerpen"),
])
def test_exonyms(city, language, name):
    assert shipped_city_names()[city][language] == name


def test_the_romanian_names_are_written_with_comma_below_letters():
    assert not [n["ro"] for n in shipped_city_names().values() if set(n["ro"]) & set("şţŞŢ")]


@pytest.mark.django_db
def test_loading_stores_the_names_and_a_title_gives_its_city_in_a_language(reference):
    athens = EcocTitle.objects.get(year=1985)
    assert athens.city_in("ro") == "Atena" and athens.city_in("lt") == "Atėnai"
    assert athens.city_in("en") == athens.city_in("xx") == "Athens"  # as written
    assert athens.city_in("lt-LT") == "Atėnai"
    with translation.override("lt"):
        assert athens.city_name == "Atėnai"
        assert str(athens) == "Atėnai 1985"
        assert str(EcocTitle.objects.get(year=2032, country="DK")) == "Danija 2032"
    with translation.override("en"):
        assert str(athens) == "Athens 1985"
    assert EcocTitle.objects.get(year=2031, country="MT").city_names == {}


@pytest.mark.django_db
def test_a_title_whose_city_has_no_names_shows_it_as_written(reference):
    ecoc_titles_import(HEADER + "2031,Victoria,MT,Malta,,designated (example)\n",
                       city_names=shipped_city_names())
    victoria = EcocTitle.objects.get(year=2031, country="MT")
    assert victoria.city_names == {} and victoria.city_in("lt") == "Victoria"


@pytest.mark.django_db
def test_an_import_without_names_keeps_the_names_stored(reference):
    result = ecoc_titles_import(HEADER + "1985,Athens,GR,Greece,,\n")
    assert result.updated == 1  # the notes changed, the names did not
    assert EcocTitle.objects.get(year=1985).city_in("ro") == "Atena"


@pytest.mark.django_db
def test_the_import_command_takes_the_shipped_names(tmp_path, db):
    from django.core.management import call_command

    path = tmp_path / "titles.csv"
    path.write_text(HEADER + "2022,Kaunas,LT,Lithuania,,\n2014,Riga,LV,Latvia,,\n", encoding="utf-8")
    call_command("import-ecoc-titles", str(path))
    assert EcocTitle.objects.get(city="Riga").city_in("lt") == "Ryga"


def test_a_bad_names_file_is_rejected_with_every_problem():
    text = NAMES_HEADER + (
        "Athens,Atena,Atene,Athen,Athene,Atena,Atėnai,Ateena\n"
        "Athens,Atena,Atene,Athen,Athene,Atena,Atėnai,Ateena\n"
        ",A,B,C,D,E,F,G\n"
        "Kaunas,Kaunas,Kaunas,,Kaunas,Kaunas,Kaunas,Kaunas\n"
        "Atlantis,A,B,C,D,E,F,G\n"
    )
    with pytest.raises(ImportRejected) as caught:
        parse_ecoc_city_names(text, cities={"Athens", "Kaunas"})
    assert {(e.line, e.column) for e in caught.value.errors} == {
        (3, "city"), (4, "city"), (5, "de"), (6, "city")}
    with pytest.raises(ImportRejected) as caught:
        parse_ecoc_city_names("city,ro,it\nAthens,Atena,Atene\n")
    assert {e.column for e in caught.value.errors} == {"de", "nl", "hr", "lt", "fi"}


@pytest.mark.django_db
def test_loading_is_whole_or_nothing_when_the_names_are_bad(tmp_path, monkeypatch):
    (tmp_path / "ecoc_titles.csv").write_text((DATA_DIR / "ecoc_titles.csv").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    (tmp_path / "ecoc_city_names.csv").write_text(NAMES_HEADER + "Atlantis,A,B,C,D,E,F,G\n",
                                                  encoding="utf-8")
    monkeypatch.setattr(services, "DATA_DIR", tmp_path)
    with pytest.raises(ImportRejected):
        reference_load()
    assert not EcocTitle.objects.exists()


@pytest.mark.django_db
def test_loading_is_whole_or_nothing_when_a_later_file_fails(monkeypatch):
    def broken():
        raise ValueError("a broken policy instruments file (example)")

    monkeypatch.setattr(services, "policy_instruments_load", broken)
    with pytest.raises(ValueError):
        reference_load()
    assert not EcocTitle.objects.exists()
