import datetime as dt

import pytest

from ecocsme.partnerships.periods import add_months, end_date, semesters


def test_end_of_the_ecoc_sme_project():
    assert end_date(dt.date(2019, 8, 1), 36) == dt.date(2022, 7, 31)


def test_six_semesters_of_six_months():
    spans = semesters(dt.date(2019, 8, 1), 36)
    assert [(s.number, s.start, s.end) for s in spans] == [
        (1, dt.date(2019, 8, 1), dt.date(2020, 1, 31)),
        (2, dt.date(2020, 2, 1), dt.date(2020, 7, 31)),
        (3, dt.date(2020, 8, 1), dt.date(2021, 1, 31)),
        (4, dt.date(2021, 2, 1), dt.date(2021, 7, 31)),
        (5, dt.date(2021, 8, 1), dt.date(2022, 1, 31)),
        (6, dt.date(2022, 2, 1), dt.date(2022, 7, 31)),
    ]


def test_a_short_last_semester_and_a_mid_month_start():
    spans = semesters(dt.date(2020, 1, 15), 8)
    assert [(s.start, s.end) for s in spans] == [
        (dt.date(2020, 1, 15), dt.date(2020, 7, 14)),
        (dt.date(2020, 7, 15), dt.date(2020, 9, 14)),
    ]


def test_month_arithmetic_clamps_to_the_month_end():
    assert add_months(dt.date(2020, 1, 31), 1) == dt.date(2020, 2, 29)
    assert add_months(dt.date(2019, 8, 1), 24) == dt.date(2021, 8, 1)


def test_no_project_without_duration():
    with pytest.raises(ValueError):
        semesters(dt.date(2020, 1, 1), 0)
