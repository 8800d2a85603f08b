"""Measuring: medians of repeated runs, SQL query counts, and the table they print into (table.py)."""

import resource
import statistics
import time
from collections.abc import Callable
from contextlib import contextmanager

from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import Client

from .table import Row, Table  # noqa: F401 - the benchmarks take the table from here


def median_seconds(action: Callable[[], object], *, repeat: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


@contextmanager
def count_queries():
    """Count the SQL statements run, whatever the debug settings and query log do."""
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        yield counter


def keep_connection_open() -> None:
    """Requests in this process share one connection, as the test client's do."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)


def measure_get(client: Client, url: str, *, repeat: int = 25) -> tuple[float, int]:
    """Median server time in ms (in-process: middleware, view, templates) and SQL queries."""
    def get():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {response.status_code}")
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)

    with count_queries() as queries:
        get()
    return median_seconds(get, repeat=repeat) * 1000, queries.count


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def smtp_sink():
    """An SMTP server on loopback in its own process (aiosmtpd's Sink), with Django's SMTP
    backend pointed at it for the duration."""
    import socket
    import subprocess
    import sys

    from django.test.utils import override_settings

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
                               "-c", "aiosmtpd.handlers.Sink"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _attempt in range(50):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                               EMAIL_HOST="127.0.0.1", EMAIL_PORT=port, EMAIL_USE_TLS=False):
            yield port
    finally:
        server.terminate()
        server.wait(timeout=10)
