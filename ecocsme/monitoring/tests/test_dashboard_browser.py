"""The monitoring dashboard in a real browser (headless Chromium): on a 375 px phone the page does
not scroll sideways (the charts scale to the width, only the tables scroll in their own box), it
has no serious accessibility problem at a phone's and a desktop's width, and the partner chooser
shows one partner's figures."""

import pytest

from ecocsme.accounts.factories import PASSWORD
from ecocsme.testing.a11y import PHONE, assert_pages_accessible, sideways_overflow
from ecocsme.testing.browser import browser_login

from .figures import monitored_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_dashboard_fits_a_phone_and_chooses_a_partner(page, partner, other_partner, coordinator, staff,
                                                          other_staff):
    project = monitored_project(partner, other_partner, coordinator, staff, other_staff)
    browser_login(page, coordinator.username, PASSWORD)
    url = f"/en/manage/monitoring/{project.code}/"
    assert_pages_accessible(page, [url, f"{url}?partner={other_partner.pk}"])

    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(page.base + url)
    assert sideways_overflow(page) <= 0
    body = page.evaluate("[document.body.scrollWidth, document.body.clientWidth]")
    assert body[0] <= body[1] <= PHONE
    widths = page.eval_on_selector_all("svg.chart", "charts => charts.map(c => c.getBoundingClientRect().right)")
    assert len(widths) == 7 and max(widths) <= PHONE  # every chart within the screen, none cut
    wide = page.eval_on_selector_all(".table-wrap", "boxes => boxes.map(b => b.scrollWidth > b.clientWidth)")
    assert any(wide)  # the tables with a column per semester scroll in their box instead

    page.get_by_label("Show the figures of").select_option(str(other_partner.pk))
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(f"**{url}?partner={other_partner.pk}")
    assert "Rijeka" in page.locator("h1").inner_text()
    assert page.locator("#partners").count() == 0
