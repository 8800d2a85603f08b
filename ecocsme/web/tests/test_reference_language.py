"""The reference data in the reader's language: cities and countries as each language names
them, lists in each language's order, no staff notes on public pages, and comma-below ș ț in
every Romanian text the platform ships."""

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from ecocsme.reference.models import COUNTRY_LABELS, EcocTitle
from ecocsme.text.collation import collated

pytestmark = pytest.mark.django_db

FIRST_TITLE = {  # language: (the city of 1985, its country)
    "en": ("Athens", "Greece"), "ro": ("Atena", "Grecia"), "it": ("Atene", "Grecia"),
    "de": ("Athen", "Griechenland"), "nl": ("Athene", "Griekenland"), "hr": ("Atena", "Grčka"),
    "lt": ("Atėnai", "Graikija"), "fi": ("Ateena", "Kreikka"),
}


def timeline(client, language: str, query: str = "") -> str:
    return client.get(f"/{language}/ecoc/{query}").content.decode()


def year_block(html: str, year: int) -> str:
    start = html.index(f'id="y{year}"')
    ends = [i for i in (html.find('class="timeline-year', start), html.find("</ol>", start)) if i > 0]
    return html[start:min(ends)]


def export_rows(client, language: str, query: str = "") -> list[dict[str, str]]:
    """The CSV's rows keyed by the JSON's names (the CSV is headed in the reader's language)."""
    response = client.get(f"/{language}/ecoc/?format=csv{query}")
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    names = list(json.loads(client.get(f"/{language}/ecoc/?format=json{query}").content)[0])
    return [dict(zip(names, line, strict=True)) for line in lines[1:]]


@pytest.mark.parametrize("language", FIRST_TITLE)
def test_the_timeline_names_the_first_title_in_the_reader_s_language(client, reference, language):
    city, country = FIRST_TITLE[language]
    first = year_block(timeline(client, language), 1985)
    assert f"<strong>{city}</strong>" in first
    assert f'<span class="country">{country}</span>' in first
    if language != "en":
        assert "Athens" not in first and "Greece" not in first


@pytest.mark.parametrize("language", ["en", "ro", "it", "de", "nl", "lt", "fi"])  # hr declines it: Atene
def test_the_intro_names_the_first_city_as_the_list_does(client, reference, language):
    html = timeline(client, language)
    lead = re.search(r'<p class="lead">(.*?)</p>', html, re.S).group(1)
    assert EcocTitle.objects.get(year=1985).city_in(language) in lead


def test_countries_in_lithuanian(client, reference):
    html = timeline(client, "lt")
    assert '<span class="country">Šiaurės Makedonija</span>' in year_block(html, 2028)
    assert '<span class="country">Čekija</span>' in year_block(html, 2028)
    assert '<span class="country">Nyderlandai</span>' in year_block(html, 2018)
    assert "Macedonia" not in html and ">Makedonija<" not in html


def test_a_slot_label_is_in_the_reader_s_language_or_said_to_be_english(client, reference):
    english = "EFTA/EEA, candidate or potential candidate country"
    with translation.override("lt"):
        lithuanian = str(COUNTRY_LABELS[english])
    slot = year_block(timeline(client, "lt"), 2033)
    if lithuanian == english:  # not translated yet
        assert f'<span class="country" lang="en">{english}</span>' in slot
    else:
        assert f'<span class="country">{lithuanian}</span>' in slot
    assert f'<span class="country">{english}</span>' in year_block(timeline(client, "en"), 2033)


def test_the_country_filter_follows_lithuanian_collation(client, reference):
    choices = client.get("/lt/ecoc/").context["form"].fields["country"].choices
    names = [name for code, name in choices if code]
    assert len(names) == 34 and names == collated(names, "lt")
    for earlier, later in [("Bulgarija", "Čekija"), ("Čekija", "Danija"), ("Islandija", "Ispanija"),
                           ("Nyderlandai", "Norvegija"), ("Suomija", "Šiaurės Makedonija"),
                           ("Šiaurės Makedonija", "Švedija"), ("Švedija", "Turkija")]:
        assert names.index(earlier) < names.index(later), (earlier, later)
    assert names[-1] == "Vokietija"


def test_the_country_filter_follows_finnish_and_german_collation(client, reference):
    for language, last in (("fi", "Yhdistynyt kuningaskunta"), ("de", "Zypern")):
        choices = client.get(f"/{language}/ecoc/").context["form"].fields["country"].choices
        names = [name for code, name in choices if code]
        assert names == collated(names, language) and names[-1] == last
    de = [name for code, name in client.get("/de/ecoc/").context["form"].fields["country"].choices]
    assert de.index("Norwegen") < de.index("Österreich") < de.index("Polen")


def test_the_titles_of_one_year_are_in_the_reader_s_order(client, reference):
    def cities(language):
        titles = client.get(f"/{language}/ecoc/?year_from=2010&year_to=2010").context["titles"]
        return [t.city_in(language) for t in titles]

    assert cities("en") == ["Essen", "Istanbul", "Pécs"]
    assert cities("lt") == ["Esenas", "Pėčas", "Stambulas"]
    html = year_block(timeline(client, "lt"), 2010)
    assert html.index("Esenas") < html.index("Pėčas") < html.index("Stambulas")


def test_the_export_is_in_the_reader_s_language(client, reference):
    rows = export_rows(client, "lt", "&year_to=1985")
    assert [(r["year"], r["city"], r["country_code"], r["country"]) for r in rows] == [
        ("1985", "Atėnai", "GR", "Graikija")]
    data = json.loads(client.get("/ro/ecoc/?format=json&year_from=2020&year_to=2020").content)
    assert [(d["city"], d["title_extended_to"]) for d in data] == [
        ("Galway", "2021-04-30"), ("Rijeka", "2021-04-30")]


def test_the_api_names_the_city_and_country_in_the_language_asked_for(client, reference):
    data = client.get("/api/v1/ecoc-titles?year=1985", HTTP_ACCEPT_LANGUAGE="lt").json()
    [athens] = data["items"]
    assert (athens["city"], athens["city_name"], athens["country_name"]) == (
        "Athens", "Atėnai", "Graikija")


def test_the_home_page_and_partner_pages_name_the_title_in_the_reader_s_language(
        client, reference, monkeypatch):
    from ecocsme.web.views import public

    monkeypatch.setattr(public, "today", lambda: dt.date(2021, 3, 1))
    html = client.get("/it/").content.decode()
    assert "Fiume 2020" in html and "Galway 2020" in html


def test_no_staff_note_on_the_public_page_export_or_api(client, reference):
    notes = list(EcocTitle.objects.exclude(notes="").values_list("notes", flat=True))
    assert len(notes) > 30
    html = timeline(client, "en")
    csv_text = json.dumps(export_rows(client, "en"), ensure_ascii=False)
    json_text = client.get("/en/ecoc/?format=json").content.decode()
    api = client.get("/api/v1/ecoc-titles?page_size=1000").json()
    api_text = json.dumps(api, ensure_ascii=False)
    for text in (html, csv_text, json_text, api_text):
        assert not [note for note in notes if note in text]
        for fragment in ("sources differ", "NOT YET DESIGNATED", "ECoC-SME partner", "not checked"):
            assert fragment not in text
    assert "notes" not in api["items"][0]
    assert "notes" not in json.loads(json_text)[0]
    assert "sources differ" not in timeline(client, "lt")


ROOT = Path(settings.PROJECT_DIR) / "ecocsme"
DATA_SUFFIXES = {".json", ".jsonl", ".csv", ".tsv", ".txt", ".md", ".yaml", ".yml"}
CORPUS = ROOT / "text" / "tests" / "corpus"  # imitates real mail, cedillas and all, on purpose


BINARY_SUFFIXES = {".npz", ".npy", ".so", ".png", ".pdf"}


def shipped_texts() -> list[Path]:
    """Every data file the apps ship (in a data/ folder, or a data format anywhere) and every
    demo.py."""
    paths = {p for p in ROOT.rglob("*") if p.is_file() and CORPUS not in p.parents
             and "__pycache__" not in p.parts and p.suffix not in BINARY_SUFFIXES
             and (p.suffix in DATA_SUFFIXES - {".md"} or "data" in p.relative_to(ROOT).parts[:-1])}
    paths |= set(ROOT.rglob("demo.py"))
    return sorted(paths)


@pytest.mark.django_db(False)
def test_every_data_file_and_demo_writes_romanian_with_comma_below_letters():
    paths = shipped_texts()
    assert {p.name for p in paths} >= {"timisoara_lab2.json", "ecoc_titles.csv",
                                       "ecoc_city_names.csv", "demo.py", "example_answers.jsonl"}
    cedilla = [f"{p.relative_to(ROOT)}:{n}: {line.strip()[:80]}"
               for p in paths for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
               if re.search("[şţŞŢ]", line)]
    assert not cedilla, "write ș ț Ș Ț (comma below), not ş ţ Ş Ţ:\n" + "\n".join(cedilla)
