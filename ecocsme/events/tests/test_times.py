"""Wall-clock times in an event's zone (EVT-1)."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from ecocsme.events.times import TimeProblem, session_span, to_utc

BUCHAREST = ZoneInfo("Europe/Bucharest")


def test_timisoara_workshop_part_2_is_11_15_utc():
    span = session_span(date(2020, 11, 10), time(13, 15), time(15, 30), BUCHAREST)
    assert span.starts_at == datetime(2020, 11, 10, 11, 15, tzinfo=UTC)
    assert span.ends_at == datetime(2020, 11, 10, 13, 30, tzinfo=UTC)


def test_summer_time_is_three_hours_ahead():
    assert to_utc(date(2020, 10, 19), time(13, 15), BUCHAREST) == datetime(2020, 10, 19, 10, 15, tzinfo=UTC)


def test_a_time_in_the_spring_forward_gap_is_refused():
    # On 28 March 2021 clocks in Romania went from 03:00 to 04:00.
    with pytest.raises(TimeProblem) as problem:
        to_utc(date(2021, 3, 28), time(3, 30), BUCHAREST)
    assert problem.value.code == "nonexistent"


def test_a_time_that_happens_twice_takes_the_first():
    # On 31 October 2021 clocks went back from 04:00 to 03:00: 03:30 happened twice.
    assert to_utc(date(2021, 10, 31), time(3, 30), BUCHAREST) == datetime(2021, 10, 31, 0, 30, tzinfo=UTC)
    assert to_utc(date(2021, 10, 31), time(3, 30), BUCHAREST, fold=1) == datetime(2021, 10, 31, 1, 30, tzinfo=UTC)


def test_an_end_before_the_start_is_refused_but_midnight_ends_the_day():
    with pytest.raises(TimeProblem) as problem:
        session_span(date(2026, 5, 4), time(15, 0), time(14, 0), BUCHAREST)
    assert problem.value.code == "order"
    late = session_span(date(2026, 5, 4), time(20, 0), time(0, 0), BUCHAREST)
    assert late.ends_at == datetime(2026, 5, 4, 21, 0, tzinfo=UTC)


def test_a_whole_day_spans_local_midnight_to_midnight():
    span = session_span(date(2020, 10, 19), None, None, BUCHAREST)
    assert span.starts_at is None
    assert span.bounds(BUCHAREST) == (datetime(2020, 10, 18, 21, 0, tzinfo=UTC),
                                      datetime(2020, 10, 19, 21, 0, tzinfo=UTC))
    with pytest.raises(TimeProblem):
        session_span(date(2020, 10, 19), time(10, 0), None, BUCHAREST)
