"""Opportunities in a real browser: Timișoara's staff post one and send it for review, Rijeka's
staff cannot moderate it, Timișoara's staff publish it, a visitor finds it with the filters
(htmx updates the results and the address), opens it and subscribes to the feed of the filters.
The pages pass the accessibility checks, on a phone and a desktop."""

import re

import pytest

from ecocsme.opportunities.demo import opportunities_demo_load
from ecocsme.opportunities.factories import in_days
from ecocsme.opportunities.models import Opportunity
from ecocsme.testing.a11y import assert_pages_accessible
from ecocsme.testing.browser import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_post_review_publish_find_and_subscribe(page, project):
    opportunities_demo_load()
    browser_login(page, "timisoara")
    page.goto(page.base + "/en/manage/opportunities/new/")
    assert "you may also publish your own at once" in page.content()
    page.get_by_label("Title", exact=True).fill("Mixing desks for the legacy concerts (example)")
    page.get_by_label("Description").fill("Two mixing desks and a sound engineer for six concerts in the "
                                          "Union Square in June (example).")
    page.get_by_label("Kind").select_option("tender")
    page.get_by_label("ECoC title").select_option(label="Timișoara 2023")
    page.get_by_label("Sectors (NACE)").select_option(["59", "90"])
    page.get_by_label("Deadline").fill(in_days(20).isoformat())
    page.get_by_label("Contact point").fill("Programme office (example)")
    page.get_by_role("button", name="Save and send for review").click()
    page.wait_for_url(re.compile(r".*/opportunities/\d+/$"))
    opportunity = Opportunity.objects.get(title__startswith="Mixing desks")
    assert opportunity.status == Opportunity.Status.IN_REVIEW and opportunity.partner.number == 6
    assert opportunity.language == "en" and opportunity.city == "Timișoara"

    page.context.clear_cookies()
    browser_login(page, "rijeka")
    response = page.goto(page.base + f"/en/opportunities/{opportunity.pk}/")
    assert response.status == 404  # Rijeka's staff do not moderate Timișoara's posts

    page.context.clear_cookies()
    browser_login(page, "timisoara")
    page.goto(page.base + f"/en/opportunities/{opportunity.pk}/")
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.PUBLISHED
    page.context.clear_cookies()

    page.goto(page.base + "/en/opportunities/")
    page.get_by_label("Sector", exact=True).select_option("59")  # htmx: the results follow at once
    page.wait_for_url(re.compile(r".*sector=59.*"))
    page.get_by_label("City", exact=True).select_option("Timișoara")
    page.wait_for_url(re.compile(r".*city=Timi.*"))
    cards = page.locator(".opportunity-cards li")
    assert "Mixing desks for the legacy concerts" in " ".join(cards.all_inner_texts())
    feed = page.get_by_role("link", name="Atom feed of these filters").get_attribute("href")
    assert "sector=59" in feed and "city=Timi" in feed
    page.reload()  # the address htmx wrote gives the same page, announcing the same feed
    assert page.locator("link[rel=alternate][type='application/atom+xml']").get_attribute("href") == feed
    page.get_by_role("link", name="Mixing desks for the legacy concerts (example)").click()
    page.wait_for_url(re.compile(rf".*/opportunities/{opportunity.pk}/$"))
    assert "Programme office (example)" in page.content()
    assert_pages_accessible(page, ["/en/opportunities/?sector=59", f"/en/opportunities/{opportunity.pk}/",
                                   "/ro/opportunities/"])
    browser_login(page, "timisoara")
    assert_pages_accessible(page, ["/en/manage/opportunities/new/", "/en/manage/opportunities/",
                                   "/en/opportunities/mine/"])
