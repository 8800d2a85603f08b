"""The back office's front page and the main menu in a real browser, on a phone and a laptop:
no serious accessibility problem and no sideways scrolling; on a phone the menu folds behind
"Menu" (no script) and leads to the events; the dashboard's figures lead to their lists."""

import pytest

from ecocsme.testing.a11y import assert_pages_accessible
from ecocsme.testing.browser import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_on_a_phone_the_menu_opens_behind_a_button_and_leads_to_the_events(page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base + "/en/")
    events = page.get_by_role("navigation", name="Main").get_by_role("link", name="Events")
    assert not events.is_visible()
    page.get_by_text("Menu", exact=True).click()
    events.click()
    page.wait_for_url("**/projects/PGI06047/events/")
    assert page.locator("#main-menu a[aria-current]").inner_text() == "Events"


def test_the_dashboard_is_accessible_and_its_figures_open_their_lists(page):
    browser_login(page, "timisoara")
    assert_pages_accessible(page, ["/en/manage/", "/en/manage/events/", "/en/accounts/password-reset/"])
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(page.base + "/en/manage/")
    page.get_by_role("heading", name="What needs doing").wait_for()
    page.get_by_role("region", name="Local learning labs").get_by_role("link").first.click()
    page.wait_for_url("**/manage/labs/*/")
