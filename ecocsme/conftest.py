"""Fixtures shared by every app's tests. Test data comes from each app's `factories.py`;
`project` loads the whole demo, for the tests that check the demo itself, the walk-throughs
and the permission matrix. Shared helpers live in `ecocsme.testing`; the partners and staff
several apps' tests start from (`partner`, `other_partner`, `staff`, `other_staff`,
`coordinator`) in its plugin `ecocsme.testing.fixtures`, loaded here."""

import contextlib
import os
import tempfile

import pytest

from ecocsme.accounts.models import Membership, User
from ecocsme.partnerships.models import Project

# Allowed here only: this is the conftest pytest loads first (the root of the test paths).
pytest_plugins = ["ecocsme.testing.fixtures", "ecocsme.testing.imap"]

# The sentence vectors of the demo's and the corpora's texts, computed once for all the processes
# of a run (pytest-xdist's inherit this from the first, as do the workers tests start), in a file
# of this run only: a vector depends on the model, its role and the text (text/embeddings.py),
# and the run after may be testing a change to the model's code.
if "ECOCSME_EMBEDDING_CACHE" not in os.environ:
    os.environ["ECOCSME_EMBEDDING_CACHE"] = os.path.join(
        tempfile.gettempdir(), f"ecocsme-test-vectors-{os.getpid()}.sqlite3")
    _VECTORS_OF_THIS_RUN = os.environ["ECOCSME_EMBEDDING_CACHE"]
else:
    _VECTORS_OF_THIS_RUN = None


def pytest_unconfigure(config):
    if _VECTORS_OF_THIS_RUN and not hasattr(config, "workerinput"):  # the first process, last
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.remove(_VECTORS_OF_THIS_RUN + suffix)


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whatever page the last one asked for."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_practice_catalogue():
    """Each test searches its own practices and matches its own organisations, not those a
    rolled-back test left in memory."""
    from ecocsme.opportunities.matching import forget as forget_matches
    from ecocsme.practices.search.catalogue import forget

    forget()
    forget_matches()
    yield


@pytest.fixture
def reference(db):
    from ecocsme.reference.services import reference_load

    return reference_load()


@pytest.fixture
def project(db) -> Project:
    """The ECoC-SME project of the demo, with its reference data, example accounts, lab 2 and
    partner workshop 4."""
    from ecocsme.web.demo import demo_load

    demo_load()
    return Project.objects.get(code="PGI06047")


@pytest.fixture
def make_user(db):
    """A user with a role in `project` (e.g. the demo's): `make_user("t", role="partner_staff",
    project=project, partner_number=6)`. Without the demo, use accounts.factories."""
    def make(username: str, *, role: str | None = None, project: Project | None = None,
             partner_number: int | None = None, **fields) -> User:
        user = User.objects.create_user(username=username, password="a-test-password", **fields)
        if role:
            partner = project.partners.get(number=partner_number) if partner_number else None
            Membership.objects.create(user=user, project=project, partner=partner, role=role)
        return user

    return make


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django's SMTP backend delivers to it."""
    from ecocsme.testing.mail import smtp_collector

    with smtp_collector() as handler:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = handler.port
        settings.EMAIL_USE_TLS = False
        yield handler


# --- the browser tests: Debian's Chromium driven by Playwright (ecocsme.testing.browser) ---------------
@pytest.fixture(scope="session")
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    from ecocsme.testing.browser import chromium

    with sync_playwright() as playwright:
        browser = chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, project):
    """A page of the demo site (log in with `ecocsme.testing.browser.browser_login`)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    yield page
    context.close()


# --- `make test` runs the suite twice, on SQLite and on PostgreSQL ---------------------------------
def pytest_addoption(parser):
    parser.addoption("--database-tests-only", action="store_true",
                     help="Run only the tests that open the database (the second run of `make test`, "
                          "on PostgreSQL: the others do the same on any database).")


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--database-tests-only"):
        return
    kept, left = [], []
    for item in items:
        uses_database = (item.get_closest_marker("django_db") is not None
                         or "_django_db_helper" in getattr(item, "fixturenames", ()))
        (kept if uses_database else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
