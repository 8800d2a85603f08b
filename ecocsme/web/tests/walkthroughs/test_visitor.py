"""A visitor without an account: from the home page to a project's events by the main menu
(the past ones, when none is upcoming), to an event's page on a phone; the back office sends
them to the login page. Built with factories: a project whose one public workshop is over,
beside a draft and a private event that nobody outside may see."""

import datetime as dt

import pytest
from django.utils import timezone

from ecocsme.events.factories import EventFactory, sessions_in
from ecocsme.events.models import Event
from ecocsme.partnerships.factories import PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def past_workshop():
    partner = PartnerFactory(city="Timișoara", name="Municipality of Timișoara", short_name="Timișoara")
    past = {"sessions": sessions_in(-40) + sessions_in(-39), "rsvp_deadline": timezone.now() - dt.timedelta(days=50)}
    EventFactory(partner=partner, title={"en": "Example draft workshop"}, status=Event.Status.DRAFT, **past)
    EventFactory(partner=partner, title={"en": "Example private workshop"}, is_public=False, **past)
    return EventFactory(partner=partner, title={"en": "Example workshop on local suppliers"},
                        description={"en": "How small firms can supply the programme (example)."}, **past)


def test_a_visitor_finds_an_event_and_not_the_back_office(bare_page, tour, past_workshop):
    page = bare_page
    visitor = tour(page, "visitor")

    visitor.task("Find the events")
    visitor.open(page.base + "/en/")
    menu = page.get_by_role("navigation", name="Main")
    assert menu.get_by_role("link", name="Manage").count() == 0
    visitor.click(menu.get_by_role("link", name="Events"))
    page.wait_for_url(f"**/projects/{past_workshop.project.code}/events/**")
    assert page.get_by_text("No upcoming events; showing past events.").is_visible()
    cards = page.locator(".event-cards > li")
    assert cards.count() == 1
    assert cards.first.get_by_role("heading").inner_text() == "Example workshop on local suppliers"
    assert page.get_by_text("Example draft workshop").count() == 0
    assert page.get_by_text("Example private workshop").count() == 0
    visitor.shot("events-past")

    visitor.task("Read an event on a phone")
    visitor.on_phone()
    visitor.click(page.get_by_role("link", name="Example workshop on local suppliers"))
    page.wait_for_url(f"**/events/{past_workshop.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Example workshop on local suppliers"
    assert page.get_by_text("How small firms can supply the programme (example).").is_visible()
    assert page.locator("ul.sessions > li").count() == 2
    visitor.shot("event-page-phone")

    visitor.task("Try the back office")
    visitor.open(page.base + "/en/manage/")
    page.wait_for_url("**/accounts/login/**")
    assert page.get_by_label("Username").is_visible()
    assert page.get_by_role("link", name="Forgotten your password?").is_visible()
    visitor.shot("back-office-asks-to-log-in")
