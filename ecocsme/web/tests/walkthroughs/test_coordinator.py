"""The project's coordinator (the demo's "coordinator"): the dashboard across the partners and
one partner's part of it, that partner's lab and events, and the monitoring dashboard, the
project's and the partner's figures. Without the demo: a partner's own list of labs and of
events, opened from the dashboard."""

import re

import pytest

from ecocsme.labs.factories import LabFactory
from ecocsme.testing.walkthrough import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def partner_section(page, name: str):
    return page.locator("section.partner-work").filter(has=page.get_by_role("heading", name=name))


def test_the_coordinator_follows_the_partners(page, tour):
    coordinator = tour(page, "coordinator")

    coordinator.task("See what needs doing")
    coordinator.log_in("coordinator")
    page.wait_for_url("**/en/manage/")
    assert page.get_by_role("heading", name="What needs doing").is_visible()
    assert page.locator("section.partner-work").count() == 7
    timisoara = partner_section(page, "Municipality of Timișoara")
    assert timisoara.get_by_role("link", name="Timișoara · lab 2").is_visible()
    coordinator.shot("dashboard-all-partners")
    coordinator.select(page.get_by_label("Partner"), label="Municipality of Timișoara · PGI06047")
    coordinator.click(page.get_by_role("button", name="Show"))
    page.wait_for_url("**/en/manage/?partner=*")
    assert page.locator("section.partner-work").count() == 1
    assert page.get_by_role("heading", name="Municipality of Rijeka").count() == 0
    coordinator.shot("dashboard-timisoara")
    page.set_viewport_size(PHONE)
    coordinator.shot("dashboard-timisoara-phone")
    coordinator.on_laptop()

    coordinator.task("Open the partner's lab")
    coordinator.click(timisoara.get_by_role("link", name="Timișoara · lab 2"))
    page.wait_for_url(re.compile(r".*/manage/labs/\d+/$"))
    assert page.get_by_text("Engagement: ways to activate potential startups").first.is_visible()
    assert page.get_by_role("heading", name="Invitations").is_visible()
    coordinator.shot("lab")
    coordinator.click(page.get_by_role("main").get_by_role("link", name="Local learning labs"))
    rows = page.locator("main table tbody tr")
    assert rows.count() == 1 and "Timișoara" in rows.first.inner_text()
    coordinator.shot("labs")

    coordinator.task("Open the partner's events")
    page.go_back()
    page.go_back()
    coordinator.click(partner_section(page, "Municipality of Timișoara").get_by_role("link", name="Past events"))
    page.wait_for_url("**/manage/events/?when=past")
    assert page.get_by_role("link", name=re.compile("Partner workshop 4")).is_visible()
    coordinator.shot("events-past")

    coordinator.task("Monitoring")
    coordinator.click(page.get_by_role("navigation", name="Main").get_by_role("link", name="Monitoring"))
    page.wait_for_url("**/manage/monitoring/PGI06047/**")
    assert page.get_by_text("ECoC-SME · the whole project").is_visible()
    assert page.get_by_role("heading", name="Indicators against their targets").is_visible()
    coordinator.shot("monitoring-project")
    coordinator.select(page.get_by_label("Show the figures of"), label="Municipality of Timișoara")
    coordinator.click(page.get_by_role("button", name="Show"))
    page.wait_for_load_state()
    assert page.get_by_text("ECoC-SME · Municipality of Timișoara").is_visible()
    assert page.get_by_text("ECoC-SME · the whole project").count() == 0
    coordinator.shot("monitoring-timisoara")


def test_the_coordinator_opens_a_partners_lists_from_the_dashboard(bare_page, tour, partner, other_partner,
                                                                    coordinator):
    page = bare_page
    LabFactory(partner=partner, number=1)
    LabFactory(partner=other_partner, number=1)
    person = tour(page, "coordinator-lists")
    person.task("Open a partner's lists")
    person.log_in("coord", "a-test-password")
    section = partner_section(page, "Municipality of Timișoara")
    person.click(section.get_by_role("link", name=re.compile("All labs")))
    rows = page.locator("main table tbody tr")
    assert rows.count() == 1 and "Timișoara" in rows.first.inner_text()
    page.go_back()
    person.click(section.get_by_role("link", name=re.compile("All events")))
    assert page.get_by_role("link", name="Municipality of Rijeka").count() == 0
