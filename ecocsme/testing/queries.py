"""Exact SQL query counts, as Zulip's `assert_database_query_count`: a page that runs one more
query than pinned fails and prints every query it ran, so an N+1 or a creeping constant shows."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections
from django.test.utils import CaptureQueriesContext


def queries_text(captured: CaptureQueriesContext) -> str:
    return "\n".join(f"{number:3}. {query['sql']}"
                     for number, query in enumerate(captured.captured_queries, start=1))


@contextmanager
def assert_num_queries(expected: int, *, using: str = "default",
                       label: str = "") -> Iterator[CaptureQueriesContext]:
    """Fail unless the block runs exactly `expected` queries; the message lists them."""
    with CaptureQueriesContext(connections[using]) as captured:
        yield captured
    if len(captured) != expected:
        where = f"{label}: " if label else ""
        raise AssertionError(f"{where}{len(captured)} queries, expected {expected}:\n"
                             + queries_text(captured))


def count_queries(function, *args, using: str = "default", **kwargs) -> tuple[int, object]:
    """(number of queries, result) of one call, to measure before pinning."""
    with CaptureQueriesContext(connections[using]) as captured:
        result = function(*args, **kwargs)
    return len(captured), result
