import datetime as dt

import pytest

from ecocsme.reference.models import EcocTitle
from ecocsme.reference.phases import Phase, phase_dates
from ecocsme.reference.selectors import ecoc_titles


def test_default_phases_of_a_title():
    dates = phase_dates(year=2026)
    assert dates.preparation_starts == dt.date(2022, 1, 1)
    assert dates.phase_on(dt.date(2021, 12, 31)) == Phase.BEFORE
    assert dates.phase_on(dt.date(2022, 1, 1)) == Phase.PREPARATION
    assert dates.phase_on(dt.date(2025, 12, 31)) == Phase.PREPARATION
    assert dates.phase_on(dt.date(2026, 1, 1)) == Phase.EVENT_YEAR
    assert dates.phase_on(dt.date(2026, 12, 31)) == Phase.EVENT_YEAR
    assert dates.phase_on(dt.date(2027, 1, 1)) == Phase.LEGACY
    assert dates.phase_on(dt.date(2031, 12, 31)) == Phase.LEGACY
    assert dates.phase_on(dt.date(2032, 1, 1)) == Phase.AFTER


def test_configurable_defaults_and_extension():
    dates = phase_dates(year=2020, designation_date=dt.date(2016, 3, 31),
                        title_extended_to=dt.date(2021, 4, 30), legacy_years=3)
    assert dates.phase_on(dt.date(2016, 3, 30)) == Phase.BEFORE
    assert dates.phase_on(dt.date(2016, 3, 31)) == Phase.PREPARATION
    assert dates.phase_on(dt.date(2021, 4, 30)) == Phase.EVENT_YEAR
    assert dates.phase_on(dt.date(2021, 5, 1)) == Phase.LEGACY
    assert dates.phase_on(dt.date(2024, 1, 1)) == Phase.AFTER


def test_extension_cannot_end_before_the_year():
    with pytest.raises(ValueError):
        phase_dates(year=2020, title_extended_to=dt.date(2019, 12, 31))


@pytest.mark.django_db
def test_timisoara_designated_for_2021_held_in_2023(reference):
    timisoara = EcocTitle.objects.get(city="Timișoara")
    assert (timisoara.year, timisoara.original_year) == (2023, 2021)
    # Preparation counts from the original designation, and lasts until the moved year.
    assert timisoara.preparation_starts == dt.date(2017, 1, 1)
    assert timisoara.phase_on(dt.date(2021, 6, 15)) == Phase.PREPARATION
    assert timisoara.phase_on(dt.date(2022, 12, 31)) == Phase.PREPARATION
    assert timisoara.phase_on(dt.date(2023, 6, 15)) == Phase.EVENT_YEAR
    assert timisoara.phase_on(dt.date(2024, 1, 1)) == Phase.LEGACY
    assert timisoara.phase_on(dt.date(2028, 12, 31)) == Phase.LEGACY
    assert timisoara.phase_on(dt.date(2029, 1, 1)) == Phase.AFTER


@pytest.mark.django_db
def test_rijeka_title_year_ran_into_2021(reference):
    rijeka = EcocTitle.objects.get(city="Rijeka")
    assert rijeka.phase_on(dt.date(2021, 4, 30)) == Phase.EVENT_YEAR
    assert rijeka.phase_on(dt.date(2021, 5, 1)) == Phase.LEGACY


@pytest.mark.django_db
def test_a_year_with_three_titles(reference):
    titles = list(ecoc_titles(year=2023, on=dt.date(2023, 7, 1)))
    assert sorted(t.city for t in titles) == ["Elefsina", "Timișoara", "Veszprém"]
    assert {t.phase for t in titles} == {Phase.EVENT_YEAR}
    before = {t.city: t.phase for t in ecoc_titles(year=2023, on=dt.date(2019, 7, 1))}
    # Veszprém was designated for 2023 itself; the two moved titles for 2021.
    assert before == {"Elefsina": Phase.PREPARATION, "Timișoara": Phase.PREPARATION,
                      "Veszprém": Phase.PREPARATION}
    assert {t.city: t.phase for t in ecoc_titles(year=2023, on=dt.date(2018, 7, 1))} == {
        "Elefsina": Phase.PREPARATION, "Timișoara": Phase.PREPARATION,
        "Veszprém": Phase.BEFORE}


@pytest.mark.django_db
def test_phases_today_sql_agrees_with_python(reference):
    from ecocsme.reference.selectors import today

    day = today()
    titles = list(ecoc_titles(on=day))
    assert len(titles) == EcocTitle.objects.count()
    for title in titles:
        assert title.phase == title.phase_on(day), title
    # Whatever today is, exactly the titles of this year are in their title year,
    # except those whose year was extended into this one.
    in_event = {t.pk for t in titles if t.phase == Phase.EVENT_YEAR}
    assert {t.pk for t in titles if t.year == day.year} <= in_event


@pytest.mark.django_db
def test_phase_filter_in_sql(reference):
    day = dt.date(2026, 11, 22)
    legacy = ecoc_titles(on=day, phase=Phase.LEGACY)
    assert {t.city for t in legacy} >= {"Timișoara", "Kaunas", "Chemnitz"}
    assert "Oulu" in {t.city for t in ecoc_titles(on=day, phase=Phase.EVENT_YEAR)}
