"""The background worker, run in the test's process until its queue is empty."""

from django.core.management import call_command


def run_worker() -> None:
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
