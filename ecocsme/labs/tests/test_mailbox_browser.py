"""The mailbox part of a lab's page in a real browser (headless Chromium), on a phone and on a
laptop: linking a mailbox, "Fetch now" showing the fetch, then what it imported, without
reloading the page, and nothing wider than the screen."""

import os

import pytest

from ecocsme.accounts.factories import PASSWORD
from ecocsme.labs.models import LabMailbox
from ecocsme.testing.a11y import PHONE, sideways_overflow
from ecocsme.testing.browser import browser_login
from ecocsme.testing.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("ECOCSME_SCREENSHOTS", "")  # a folder to keep screenshots in, when set


@pytest.mark.parametrize("width", [PHONE, 1280])
def test_link_a_mailbox_and_watch_a_fetch_from_the_lab_page(page, lab, staff, dovecot, width):
    browser_login(page, staff.username, PASSWORD)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{page.base}/en/manage/labs/{lab.pk}/")
    page.get_by_role("link", name="Link a mailbox").click()

    page.get_by_label("Mail server (IMAP)").fill(dovecot.host)
    page.get_by_label("Encryption").select_option("none")
    page.get_by_label("Port").fill(str(dovecot.port))
    page.get_by_label("User name").fill(dovecot.user)
    page.get_by_label("Password").fill(dovecot.password)
    page.get_by_label("Fetch the replies every few minutes").uncheck()
    page.get_by_role("button", name="Test the connection").click()
    assert "The connection works" in page.content()
    page.get_by_label("Password").fill(dovecot.password)  # never sent back to the browser
    page.get_by_role("button", name="Save").click()
    assert LabMailbox.objects.filter(lab=lab).exists()
    run_worker()

    dovecot.append(b"From: respondent@example.org\r\nSubject: Re: lab (example)\r\n\r\n1. Yes.\r\n")
    page.goto(f"{page.base}/en/manage/labs/{lab.pk}/#mailbox")
    page.get_by_role("button", name="Fetch now").click()
    page.get_by_text("Fetching the new replies").wait_for()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/lab-mailbox-fetching-{width}.png", full_page=True)
    run_worker()
    page.get_by_text("messages read 1").wait_for()
    assert not sideways_overflow(page)
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/lab-mailbox-{width}.png", full_page=True)
        page.goto(f"{page.base}/en/manage/labs/{lab.pk}/mailbox/")
        page.screenshot(path=f"{SHOTS}/lab-mailbox-form-{width}.png", full_page=True)
