"""Someone with an account who forgot the password: from the login page to a new password
through the link in the mail (a real SMTP server), and logged in with it; the link works once."""

import re

import pytest

from ecocsme.accounts.factories import PartnerStaffFactory
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.testing.mail import mails_to, plain_text
from ecocsme.testing.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "example-Lime-Harbour-42"


@pytest.fixture
def account():
    partner = PartnerFactory(city="Timișoara", name="Municipality of Timișoara", short_name="Timișoara")
    return PartnerStaffFactory(username="example-ioana", email="ioana@example.org", first_name="Ioana",
                               last_name="Example", partner=partner)


def reset_link(smtp_server, address: str) -> str:
    return re.search(r"https?://\S+/password-reset/\S+/\S+/", plain_text(mails_to(smtp_server, address)[-1])).group(0)


def test_a_forgotten_password_is_set_again_from_the_mail(bare_page, tour, account, smtp_server, settings):
    settings.ECOCSME_BASE_URL = bare_page.base
    page = bare_page
    person = tour(page, "password")

    person.task("Ask for a link")
    person.open(page.base + "/en/accounts/login/")
    person.click(page.get_by_role("link", name="Forgotten your password?"))
    assert page.get_by_role("heading", name="Forgotten password").is_visible()
    person.fill(page.get_by_label("E-mail"), "ioana@example.org")
    person.shot("ask-for-a-link")
    person.click(page.get_by_role("button", name="Send the link"))
    assert page.get_by_role("heading", name="Look in your mailbox").is_visible()
    person.shot("look-in-your-mailbox")
    run_worker()
    mail = mails_to(smtp_server, "ioana@example.org")[-1]
    assert "Your user name: example-ioana" in plain_text(mail)

    person.task("Set a new password")
    link = reset_link(smtp_server, "ioana@example.org")
    person.open(link)
    assert page.get_by_role("heading", name="Set a new password").is_visible()
    person.fill(page.get_by_label("New password", exact=True), NEW_PASSWORD)
    person.fill(page.get_by_label("New password confirmation"), NEW_PASSWORD)
    person.shot("new-password")
    person.click(page.get_by_role("button", name="Save the new password"))
    assert page.get_by_role("heading", name="Your new password is set").is_visible()
    person.shot("password-set")

    person.task("Log in with it")
    person.click(page.get_by_role("main").get_by_role("link", name="Log in"))
    person.fill(page.get_by_label("Username"), "example-ioana")
    person.fill(page.get_by_label("Password"), NEW_PASSWORD)
    person.click(page.get_by_role("button", name="Log in"))
    page.wait_for_url("**/en/manage/")
    assert page.get_by_role("heading", name="What needs doing").is_visible()
    person.shot("logged-in")

    person.task("The link again")
    person.open(link)
    assert page.get_by_text("This link does not work any more").is_visible()
    assert page.get_by_label("New password", exact=True).count() == 0
    person.shot("link-used")
