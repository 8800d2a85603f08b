"""Fixtures shared by every app's tests."""

import logging
import os
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from ecocsme.accounts.models import Membership, User
from ecocsme.partnerships.models import Project


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whatever page the last one asked for."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def reference(db):
    from ecocsme.reference.services import reference_load

    return reference_load()


@pytest.fixture
def project(db) -> Project:
    """The ECoC-SME project with its reference data and example accounts."""
    from ecocsme.web.demo import demo_load

    demo_load()
    return Project.objects.get(code="PGI06047")


@pytest.fixture
def make_user(db):
    def make(username: str, *, role: str | None = None, project: Project | None = None,
             partner_number: int | None = None, **fields) -> User:
        user = User.objects.create_user(username=username, password="a-test-password", **fields)
        if role:
            partner = project.partners.get(number=partner_number) if partner_number else None
            Membership.objects.create(user=user, project=project, partner=partner, role=role)
        return user

    return make


logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's chatter


class CollectingHandler(Message):
    """Keeps every message; refuses the recipients listed in `refuse` with a 550."""

    def __init__(self):
        super().__init__()
        self.messages = []
        self.refuse: set[str] = set()
        self.port = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def handle_message(self, message):
        self.messages.append(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django's SMTP backend delivers to it."""
    handler = CollectingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    handler.port = controller.port
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    try:
        yield handler
    finally:
        controller.stop()


# --- the browser tests: Debian's Chromium driven by Playwright ----------------------------------
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: apt-get install chromium (make test does it as root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, project):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    yield page
    context.close()


def browser_login(page, username: str) -> None:
    """Log in through the login form as one of the demo accounts."""
    from ecocsme.accounts.demo import demo_password

    page.goto(page.base + "/en/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(demo_password())
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/en/manage/")
