"""The check-in desk in real Chromium: the session of the day chosen, a search that narrows the
list as one types, a check-in that turns the row and the session's counter without reloading
the page, the other session's counter, an undo; the same without JavaScript; at 1280 and 375 px."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ecocsme.events.factories import EventFactory, EventInvitationFactory
from ecocsme.testing.a11y import assert_accessible
from ecocsme.testing.browser import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/ecocsme-shots")  # looked at by people, not by the test
PEOPLE = 40


@pytest.fixture
def workshop(project):
    """Timișoara's two-session workshop: yesterday and today, 40 confirmed participants."""
    partner = project.partners.get(number=6)
    today = timezone.localdate(timezone=dt.UTC)
    event = EventFactory(partner=partner, time_zone="UTC", sessions=[
        (today - dt.timedelta(days=1), dt.time(9), dt.time(12), {"en": "Part 1 (example)"}),
        (today, dt.time(0), dt.time(23, 59), {"en": "Part 2 (example)"})])
    EventInvitationFactory(event=event, answer="yes", contact__name="Example Ioana Popescu",
                           contact__organisation__name="Asociația Culturală Timișoara (example)")
    for number in range(PEOPLE - 1):
        EventInvitationFactory(event=event, answer="yes", contact__name=f"Example Person {number:02}")
    return event


def shoot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"check-in-{name}.png", full_page=name.startswith("375"))


def test_search_and_check_in_update_the_list_and_the_counters_in_place(page, workshop):
    browser_login(page, "timisoara")
    page.goto(page.base + f"/en/manage/events/{workshop.pk}/check-in/")
    counters = page.locator("#check-in-counters")
    assert page.locator("#check-in-counters a.current").inner_text().startswith("Session 2")  # today's
    assert "0 of 40 present at session 2" in counters.inner_text()
    assert page.locator("ul.check-in > li").count() == PEOPLE
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_label("Find a participant").fill("timisoara")  # accents and case ignored
    rows = page.locator("ul.check-in > li")
    rows.first.wait_for()
    expect(rows).to_have_count(1)
    assert "Example Ioana Popescu" in rows.first.inner_text()
    assert "1 of 40 participants match." in page.locator("#check-in-list").inner_text()

    page.get_by_role("button", name="Check in Example Ioana Popescu").click()
    undo = page.get_by_role("button", name="Undo the check-in of Example Ioana Popescu")
    expect(undo).to_be_focused()  # the keyboard stays on the row that changed
    expect(counters).to_contain_text("1 of 40 present at session 2")
    assert "0 of 40 present at session 1" in counters.inner_text()
    assert "Session 2: present" in rows.first.inner_text()
    assert page.evaluate("window.stillTheSamePage") is True
    assert workshop.invitations.get(contact__name="Example Ioana Popescu").checked_in_at is not None
    shoot(page, "1280-checked-in")

    page.set_viewport_size({"width": 375, "height": 812})
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 375
    shoot(page, "375-checked-in")
    assert_accessible(page)

    page.get_by_role("link", name="Session 1").click()
    page.wait_for_load_state()
    assert page.locator("#check-in-counters a.current").inner_text().startswith("Session 1")
    assert page.get_by_label("Find a participant").input_value() == "timisoara"
    page.get_by_role("button", name="Check in Example Ioana Popescu").click()
    expect(counters).to_contain_text("1 of 40 present at session 1")
    page.get_by_role("button", name="Undo the check-in of Example Ioana Popescu").click()
    expect(counters).to_contain_text("0 of 40 present at session 1")
    assert "1 of 40 present at session 2" in counters.inner_text()
    shoot(page, "375-session-1")


def test_without_javascript_search_and_check_in_still_work(browser, live_server, project, workshop):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.base = live_server.url
    try:
        browser_login(page, "timisoara")
        page.goto(page.base + f"/en/manage/events/{workshop.pk}/check-in/")
        page.get_by_label("Find a participant").fill("Person 07")
        page.get_by_role("button", name="Search").click()
        page.wait_for_load_state()
        assert page.locator("ul.check-in > li").count() == 1
        page.get_by_role("button", name="Check in Example Person 07").click()
        page.wait_for_load_state()
        assert "q=Person+07" in page.url
        assert "1 of 40 present at session 2" in page.locator("#check-in-counters").inner_text()
        assert page.get_by_role("button", name="Undo the check-in of Example Person 07").is_visible()
    finally:
        context.close()


def test_the_partners_page_shows_the_logo_and_refuses_an_unsafe_one(page, project):
    """The demo's Timișoara has its drawn example logo."""
    partner = project.partners.get(number=6)
    browser_login(page, "timisoara")
    page.goto(page.base + f"/en/manage/partners/{partner.pk}/")
    assert page.get_by_role("img", name="Logo of Timișoara").is_visible()
    shoot(page, "1280-partner-logo")
    page.set_viewport_size({"width": 375, "height": 812})
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 375
    shoot(page, "375-partner-logo")
    page.get_by_label("Logo for printed documents").set_input_files(
        files=[{"name": "bad.svg", "mimeType": "image/svg+xml", "buffer": b"<svg onload='x()'></svg>"}])
    page.get_by_role("button", name="Save").last.click()
    page.wait_for_load_state()
    assert "contains scripts" in page.locator("main").inner_text()
    shoot(page, "375-partner-logo-refused")
    partner.refresh_from_db()
    assert partner.logo.name.startswith("partners/example-logos/")
