"""The walk-throughs' shared pieces: `tour(page, role)` (ecocsme.testing.walkthrough), which
prints its steps per task at the end of the test, and `bare_page`, a browser page on a site
without the demo, for the roles whose data a few factories make faster than the demo's load."""

import pytest

from ecocsme.testing.walkthrough import LAPTOP, Tour, shots_folder


@pytest.fixture
def tour(tmp_path):
    tours = []

    def start(page, role: str) -> Tour:
        tours.append(Tour(page, role, shots_folder(tmp_path)))
        return tours[-1]

    yield start
    for each in tours:
        each.report()


@pytest.fixture
def bare_page(browser, live_server, db):
    context = browser.new_context(viewport=LAPTOP, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture
def run_worker_now():
    """The background worker, run until its queue is empty (ecocsme.testing.worker)."""
    from ecocsme.testing.worker import run_worker

    return run_worker
