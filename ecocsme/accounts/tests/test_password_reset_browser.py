"""A forgotten password in a real browser against a real SMTP server: ask from the login page,
read the mail, follow the link, set a new password, log in with it."""

import re

import pytest

from ecocsme.accounts.factories import UserFactory
from ecocsme.testing.mail import mails_to, plain_text
from ecocsme.testing.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NEW = "a-brand-new-password-for-tartu"


def test_a_forgotten_password_is_set_again_from_the_mail(page, smtp_server, settings):
    settings.ECOCSME_BASE_URL = page.base
    UserFactory(username="liis.example", email="liis@example.org", language="en")
    page.goto(page.base + "/en/accounts/login/")
    page.get_by_role("link", name="Forgotten your password?").click()
    page.get_by_label("E-mail").fill("liis@example.org")
    page.get_by_role("button", name="Send the link").click()
    page.get_by_role("heading", name="Look in your mailbox").wait_for()
    run_worker()
    [message] = mails_to(smtp_server, "liis@example.org")
    page.goto(re.search(r"https?://\S+/accounts/password-reset/\S+/\S+/", plain_text(message)).group(0))
    page.get_by_label("New password", exact=True).fill(NEW)
    page.get_by_label("New password confirmation").fill(NEW)
    page.get_by_role("button", name="Save the new password").click()
    page.get_by_role("heading", name="Your new password is set").wait_for()
    page.get_by_role("link", name="Log in", exact=True).last.click()
    page.get_by_label("Username").fill("liis.example")
    page.get_by_label("Password").fill(NEW)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/my/organisation/")
