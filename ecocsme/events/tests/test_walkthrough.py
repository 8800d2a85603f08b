"""Partner workshop 4, part 2, in a real browser against a real SMTP server: a partner creates
the workshop, invites three contacts; one says yes in Romanian, one declines, one is put on the
waiting list and promoted when a place is added. Every mail and calendar file is read back.

The clock is set to 20 October 2020, between the invitation and the workshop."""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.utils import translation

from ecocsme.events.models import Event, EventInvitation
from ecocsme.testing.a11y import assert_pages_accessible
from ecocsme.testing.browser import browser_login
from ecocsme.testing.mail import calendar_of, link_in, mails_to
from ecocsme.testing.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def partner(project):
    """The demo's Timișoara, whose staff log in as "timisoara"."""
    return project.partners.get(number=6)


def ro(msgid: str) -> str:
    """The catalogue's Romanian, so the walk-through follows what translators write."""
    with translation.override("ro"):
        return translation.gettext(msgid)


def personal_link(smtp_server, address: str) -> str:
    return link_in(mails_to(smtp_server, address)[0], "/events/answer/")


def answer(page, link: str, choice_label: str, button: str):
    page.goto(link)
    page.get_by_label(choice_label).check()
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_partner_workshop_from_creation_to_promotion(page, partner, people, smtp_server, settings):
    settings.ECOCSME_BASE_URL = page.base
    with time_machine.travel(datetime(2020, 10, 20, 9, 0, tzinfo=UTC), tick=True):
        browser_login(page, "timisoara")

        page.goto(page.base + "/en/manage/events/new/")
        page.get_by_label("Organising partner").select_option(str(partner.pk))
        page.get_by_label("Kind").select_option("partner_workshop")
        page.get_by_label("Working language").select_option("en")
        page.get_by_label("Time zone of the times below").select_option("Europe/Bucharest")
        page.get_by_label("Online meeting link").fill("https://meeting.example.org/pw4-part2")
        page.get_by_label("Places").fill("1")
        page.get_by_label("Answer by (last day)").fill("2020-11-04")
        page.get_by_label("Contact e-mail").fill("team@example.org")
        page.locator("#id_sessions-0-day").fill("2020-11-10")
        page.locator("#id_sessions-0-start").fill("13:15")
        page.locator("#id_sessions-0-end").fill("15:30")
        page.locator("#id_sessions-0-title").fill("Part 2")
        page.get_by_label("Title (en)").fill("Example partner workshop 4")
        page.get_by_role("button", name="Save").click()
        page.wait_for_url(re.compile(r".*/manage/events/\d+/$"))
        event = Event.objects.get(title__en="Example partner workshop 4")
        assert event.sessions.get().starts_at == datetime(2020, 11, 10, 11, 15, tzinfo=UTC)

        page.get_by_role("button", name="Publish").click()
        for person in people[:3]:
            page.get_by_label(person.name).check()
        page.get_by_role("button", name="Invite", exact=True).click()
        page.get_by_role("button", name="Send the invitations not sent yet").click()
        page.wait_for_load_state()
        run_worker()

        ioana, mark, ana = ("ioana@example.org", "mark@example.org", "ana@example.org")
        answer(page, personal_link(smtp_server, ioana), ro("Yes, I will take part"), ro("Send my answer"))
        assert page.locator("html").get_attribute("lang") == "ro"
        assert page.get_by_text("locul dumneavoastră este confirmat").is_visible()
        answer(page, personal_link(smtp_server, mark), "No, I cannot take part", "Send my answer")
        answer(page, personal_link(smtp_server, ana), ro("Yes, I will take part"), ro("Send my answer"))
        assert page.get_by_text("lista de așteptare").first.is_visible()
        places = dict(EventInvitation.objects.filter(event=event).values_list("contact__email", "place"))
        assert places == {ioana: "confirmed", mark: "", ana: "waiting"}

        # The partner adds a place: the first who waits gets it.
        page.goto(page.base + f"/en/manage/events/{event.pk}/edit/")
        page.get_by_label("Places").fill("2")
        page.get_by_role("button", name="Save").click()
        page.wait_for_url(re.compile(rf".*/manage/events/{event.pk}/$"))
        assert EventInvitation.objects.get(event=event, contact__email=ana).place == "confirmed"
        run_worker()

    method, calendar = calendar_of(mails_to(smtp_server, ioana)[-1])
    vevent = calendar.walk("VEVENT")[0]
    assert method == "REQUEST" and calendar["METHOD"] == "REQUEST"
    assert vevent["DTSTART"].dt.astimezone(UTC) == datetime(2020, 11, 10, 11, 15, tzinfo=UTC)
    assert vevent["DTSTART"].dt.strftime("%H:%M") == "13:15"
    assert str(vevent["DTSTART"].params["TZID"]) == "Europe/Bucharest"
    assert "https://meeting.example.org/pw4-part2" in str(vevent["DESCRIPTION"])
    assert len(mails_to(smtp_server, mark)) == 2 and calendar_of(mails_to(smtp_server, mark)[-1]) is None
    assert calendar_of(mails_to(smtp_server, mark)[0])[0] == "PUBLISH"  # the invitation
    ana_mails = mails_to(smtp_server, ana)
    assert len(ana_mails) == 3  # invitation, waiting list, place confirmed
    assert calendar_of(ana_mails[1]) is None
    method, calendar = calendar_of(ana_mails[2])
    assert method == "REQUEST" and calendar.walk("VEVENT")[0]["UID"] == vevent["UID"]


def test_event_pages_are_accessible_on_a_phone_and_a_desktop(page, partner, people, staff):
    from ecocsme.events.factories import EventFactory
    from ecocsme.events.services.answers import answer_save
    from ecocsme.events.services.invitations import invitations_create

    event = EventFactory(partner=partner, capacity=10)
    invitations_create(actor=staff, event=event, contacts=people[:2])
    answer_save(invitation=event.invitations.get(contact=people[0]), answer="yes")
    token = event.invitations.get(contact=people[1]).token()
    code = partner.project.code
    public = [f"/ro/projects/{code}/events/", f"/ro/projects/{code}/events/?when=past",
              f"/ro/events/{event.pk}/", f"/ro/events/answer/{token}/"]
    manage = ["/en/manage/events/", f"/en/manage/events/{event.pk}/", f"/en/manage/events/{event.pk}/edit/",
              f"/en/manage/events/{event.pk}/check-in/"]

    assert_pages_accessible(page, public)
    browser_login(page, "timisoara")
    assert_pages_accessible(page, manage)
    # Check-in on the day, with htmx: the row changes in place.
    page.goto(page.base + f"/en/manage/events/{event.pk}/check-in/")
    page.get_by_role("button", name="Check in Example Ioana").click()
    page.get_by_role("button", name="Undo the check-in of Example Ioana").wait_for()
    assert event.invitations.get(contact=people[0]).checked_in_at is not None
