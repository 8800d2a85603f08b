"""Wall-clock times in an event's zone and the UTC instants stored (EVT-1). No database.

A time entered for a place is only meaningful with its zone's rules: on the night the
clocks move forward some times do not exist (refused with a message), and on the night they
move back some exist twice (the first is taken, as calendar programs do).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, available_timezones


class TimeProblem(ValueError):
    """A local time that cannot be stored as it is; `code` says why."""

    class Code(StrEnum):
        NONEXISTENT = "nonexistent"  # inside a spring-forward gap
        HALF = "half"  # a start without an end, or the reverse
        ORDER = "order"  # the end is not after the start

    def __init__(self, code: "TimeProblem.Code", moment: datetime, zone: str):
        super().__init__(code)
        self.code, self.moment, self.zone = code, moment, zone


ZONE_NAMES = frozenset(available_timezones())


def zone_named(name: str) -> ZoneInfo | None:
    return ZoneInfo(name) if name in ZONE_NAMES else None


def to_utc(day: date, clock: time, zone: ZoneInfo, *, fold: int | None = None) -> datetime:
    """The UTC instant of a wall-clock time in a zone.

    Raises TimeProblem("nonexistent") inside a spring-forward gap. Inside a fall-back
    overlap the first of the two instants is meant unless `fold` is 1.
    """
    naive = datetime.combine(day, clock)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise TimeProblem(TimeProblem.Code.NONEXISTENT, naive, zone.key)
    return (second if fold else first).astimezone(UTC)


@dataclass(frozen=True)
class Span:
    """A session's place in time: UTC instants, or a whole local day."""

    day: date
    starts_at: datetime | None
    ends_at: datetime | None

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        if self.starts_at is not None:
            return self.starts_at, self.ends_at
        start = datetime.combine(self.day, time(0), tzinfo=zone)
        return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def session_span(day: date, start: time | None, end: time | None, zone: ZoneInfo) -> Span:
    """A session from its local day and times; both times or neither (a whole day).

    An end at or before the start means the next day only when it is midnight ("to 00:00");
    otherwise it is refused as a mistake."""
    if start is None and end is None:
        return Span(day, None, None)
    if start is None or end is None:
        raise TimeProblem(TimeProblem.Code.HALF, datetime.combine(day, start or end), zone.key)
    starts = to_utc(day, start, zone)
    end_day = day + timedelta(days=1) if end == time(0) else day
    ends = to_utc(end_day, end, zone)
    if ends <= starts:
        raise TimeProblem(TimeProblem.Code.ORDER, datetime.combine(day, end), zone.key)
    return Span(day, starts, ends)


def overall_bounds(spans: list[Span], zone: ZoneInfo) -> tuple[datetime, datetime]:
    """From the start of the first session to the end of the last: what lists sort and filter by."""
    bounds = [span.bounds(zone) for span in spans]
    return min(b[0] for b in bounds), max(b[1] for b in bounds)
