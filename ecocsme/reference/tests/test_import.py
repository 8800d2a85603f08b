import pytest

from ecocsme.reference.models import EcocTitle, NaceDivision, NaceSection, PolicyInstrument
from ecocsme.reference.services import DATA_DIR, ImportRejected, ecoc_titles_import, reference_load

HEADER = "year,city,country_iso2,country,original_year,notes\n"


@pytest.mark.django_db
def test_every_title_from_1985_is_loaded(reference):
    rows = (DATA_DIR / "ecoc_titles.csv").read_text(encoding="utf-8").strip().splitlines()
    assert EcocTitle.objects.count() == len(rows) - 1 == 92
    first = EcocTitle.objects.order_by("year").first()
    assert (first.year, first.city, first.country.code) == (1985, "Athens", "GR")
    assert EcocTitle.objects.filter(year=2000).count() == 9
    assert EcocTitle.objects.order_by("-year").first().year == 2033
    slot = EcocTitle.objects.get(year=2033, country="")
    assert slot.country_name.startswith("EFTA/EEA")


@pytest.mark.django_db
def test_loading_twice_changes_nothing(reference):
    before = list(EcocTitle.objects.values_list("pk", "year", "city", "legacy_ends"))
    assert reference_load()["ecoc_titles"] == 92
    assert list(EcocTitle.objects.values_list("pk", "year", "city", "legacy_ends")) == before


@pytest.mark.django_db
def test_a_designated_city_fills_its_placeholder(reference):
    placeholder = EcocTitle.objects.get(year=2031, country="MT")
    result = ecoc_titles_import(HEADER + "2031,Victoria,MT,Malta,,designated (example)\n")
    assert (result.created, result.updated) == (0, 1)
    placeholder.refresh_from_db()
    assert placeholder.city == "Victoria"
    assert EcocTitle.objects.filter(year=2031, country="MT").count() == 1


@pytest.mark.django_db
def test_dry_run_reports_and_writes_nothing(reference):
    result = ecoc_titles_import(HEADER + "2034,Example City,FR,France,,(example)\n", dry_run=True)
    assert result.created == 1
    assert not EcocTitle.objects.filter(year=2034).exists()


@pytest.mark.django_db
def test_a_bad_file_is_rejected_whole_with_every_problem(reference):
    text = HEADER + (
        "2034,Good City,FR,France,,(example)\n"
        "1950,Too Early,FR,France,,\n"
        "20x4,Bad Year,FR,France,,\n"
        "2035,Nowhere,QQ,Nowhere,,\n"
        "2035,Both,FR,France,,\n"
        "2035,Both,FR,France,,\n"
    )
    with pytest.raises(ImportRejected) as caught:
        ecoc_titles_import(text)
    problems = {(e.line, e.column) for e in caught.value.errors}
    assert problems == {(3, "year"), (4, "year"), (5, "country_iso2"), (7, "city")}
    assert not EcocTitle.objects.filter(year__gte=2034).exists()


@pytest.mark.django_db
def test_missing_columns_are_named():
    with pytest.raises(ImportRejected) as caught:
        ecoc_titles_import("year,city\n2030,X\n")
    assert {e.column for e in caught.value.errors} == {"country_iso2", "country",
                                                        "original_year", "notes"}


@pytest.mark.django_db
def test_nace_and_policy_instruments(reference):
    assert NaceSection.objects.count() == 21
    assert NaceDivision.objects.count() == 88
    assert NaceDivision.objects.get(code="90").section_id == "R"
    assert PolicyInstrument.objects.count() == 5
    west = PolicyInstrument.objects.get(key="ro-por-2014-2020-west")
    assert "Priority Axis 2" in west.priority_axis
    assert west.thematic_objective.startswith("OT3")
    assert set(PolicyInstrument.objects.values_list("kind", flat=True)) == {
        "operational_programme", "local_strategy"}


def test_import_command_reports_bad_rows(tmp_path, db, capsys):
    from django.core.management import CommandError, call_command

    path = tmp_path / "titles.csv"
    path.write_text(HEADER + "19x5,Athens,GR,Greece,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import-ecoc-titles", str(path))
    assert "line 2, column year" in capsys.readouterr().err


def test_a_title_year_ending_before_it_starts_is_refused_in_the_reader_s_language():
    from django.utils import translation

    from ecocsme.reference.services import parse_ecoc_titles

    text = "year,city,country_iso2,country,original_year,notes,title_extended_to\n2020,Rijeka,HR,,,,2019-12-31\n"
    with pytest.raises(ImportRejected) as rejected:
        parse_ecoc_titles(text)
    [error] = rejected.value.errors
    assert (error.line, error.column, str(error.reason)) == (2, "title_extended_to", "must be 2020-01-01 or later")
    with translation.override("de"), pytest.raises(ImportRejected) as rejected:
        parse_ecoc_titles(text)
    assert "2020-01-01" in str(rejected.value.errors[0].reason)
    assert "must be" not in str(rejected.value.errors[0].reason)
