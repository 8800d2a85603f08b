"""Reporting periods: semesters from the project's start, the last one cut at its end."""

import datetime as dt
from dataclasses import dataclass


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, 1) if day.day == 1 else _clamped(year, month, day.day)


def _clamped(year: int, month: int, day: int) -> dt.date:
    for candidate in (day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError("no such day")


def end_date(start: dt.date, months: int) -> dt.date:
    """The last day of a span of `months` from `start` (1 Aug 2019 + 36 → 31 Jul 2022)."""
    return add_months(start, months) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    number: int
    start: dt.date
    end: dt.date


def semesters(start: dt.date, duration_months: int, length_months: int = 6) -> list[Span]:
    if duration_months <= 0:
        raise ValueError("a project lasts at least one month")
    spans, number, offset = [], 1, 0
    while offset < duration_months:
        months = min(length_months, duration_months - offset)
        span_start = add_months(start, offset)
        spans.append(Span(number, span_start, end_date(span_start, months)))
        number += 1
        offset += months
    return spans
