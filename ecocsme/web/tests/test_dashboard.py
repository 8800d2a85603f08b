"""The back office's front page says what needs doing per partner: open labs with the answers
received and their due dates, events with answers pending and places left, mail failing and
e-mail replies to review, each figure a link to its filtered list; the coordinator sees every
partner with a switch; nobody's name shows. The lists open where the data is, and the main
menu leads to the events."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from ecocsme.core.outbox import mail_queue
from ecocsme.events.factories import EventFactory, EventInvitationFactory, sessions_in
from ecocsme.labs.factories import EmailReplyFactory, InvitationFactory, LabFactory, ResponseFactory

pytestmark = pytest.mark.django_db
PAST = [(dt.date(2021, 3, 1), dt.time(10), dt.time(12))]


def _failing(invitation) -> None:
    mail = mail_queue(key=invitation.mail_key("invite"), to=invitation.contact.email,
                      template="core/mail/test_message", context={}, language="en")
    type(mail).objects.filter(pk=mail.pk).update(status="failed")
    type(invitation).objects.filter(pk=invitation.pk).update(mail=mail, sent_at=timezone.now())


@pytest.fixture
def work(partner, other_partner):
    """Timișoara's open lab closing in three days (two invitations sent, one answered, one mail
    failing, a reply to review) and its workshop in five days (two places: one taken, one
    person waiting, one not answered); Rijeka's lab, overdue."""
    noon = timezone.localtime().replace(hour=12, minute=0)  # "in three days" whatever the hour
    lab = LabFactory(partner=partner, closes_at=noon + dt.timedelta(days=3))
    answered, failing = InvitationFactory.create_batch(2, lab=lab, sent_at=timezone.now())
    ResponseFactory(invitation=answered, answers={1: "By radio (example)."})
    _failing(failing)
    EmailReplyFactory(lab=lab)
    event = EventFactory(partner=partner, capacity=2, sessions=sessions_in(5))
    EventInvitationFactory(event=event, answer="yes", place="confirmed")
    EventInvitationFactory(event=event, answer="yes", place="waiting")
    pending = EventInvitationFactory(event=event)
    overdue = LabFactory(partner=other_partner, closes_at=noon - dt.timedelta(days=2))
    return {"lab": lab, "event": event, "failing": failing, "pending": pending, "overdue": overdue}


def _page(client, user, query: str = "") -> str:
    client.force_login(user)
    response = client.get("/en/manage/" + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_partners_staff_see_what_needs_doing_with_links_to_the_lists(client, staff, work):
    page = _page(client, staff)
    lab, event = work["lab"], work["event"]
    assert f'href="/en/manage/labs/{lab.pk}/answers/">1</a>' in page
    assert "2 invitations sent" in page and "due in 3 days" in page
    assert f'href="/en/manage/labs/{lab.pk}/replies/?status=to_review"' in page
    assert f'href="/en/manage/labs/{lab.pk}/?show=failing#invitations"' in page
    assert f'href="/en/manage/events/{event.pk}/?show=pending#invitations">1</a>' in page
    assert f'href="/en/manage/events/{event.pk}/?show=waiting#invitations">1</a>' in page
    assert f'href="/en/manage/events/{event.pk}/">1</a> <span class="meta">of 2</span>' in page  # places left
    assert "in 5 days" in page
    assert "Rijeka" not in page  # another partner's work is theirs
    for contact in (work["failing"].contact, work["pending"].contact):
        # "Example Person 1" is also the start of "Example Person 150", someone else's name
        assert not re.search(rf"{re.escape(contact.name)}(?!\d)", page) and contact.email not in page


def test_the_coordinator_sees_every_partner_and_switches_between_them(client, coordinator, partner,
                                                                      other_partner, work):
    page = _page(client, coordinator)
    assert 'name="partner"' in page
    assert "Municipality of Timișoara" in page and "Municipality of Rijeka" in page
    assert '<strong class="overdue">overdue by 2 days</strong>' in page
    page = _page(client, coordinator, f"?partner={other_partner.pk}")
    assert f'id="partner-{other_partner.pk}"' in page and f'id="partner-{partner.pk}"' not in page
    page = _page(client, coordinator, "?partner=not-a-number")
    assert f'id="partner-{partner.pk}"' in page


def test_a_partner_without_labs_or_events_is_told_what_to_do_first(client, staff):
    page = _page(client, staff)
    assert "Create your first lab" in page and "Create your first event" in page


def test_the_filtered_lists_show_only_what_the_figure_counted(client, staff, work):
    client.force_login(staff)
    lab, event = work["lab"], work["event"]
    listed = client.get(f"/en/manage/labs/{lab.pk}/?show=failing").context["invitations"]
    assert [i.pk for i in listed] == [work["failing"].pk]
    listed = client.get(f"/en/manage/events/{event.pk}/?show=pending").context["invitations"]
    assert [i.pk for i in listed] == [work["pending"].pk]
    listed = client.get(f"/en/manage/events/{event.pk}/?show=waiting").context["invitations"]
    assert [i.place for i in listed] == ["waiting"]
    assert len(client.get(f"/en/manage/events/{event.pk}/?show=nonsense").context["invitations"]) == 3


def test_the_events_lists_show_past_events_when_none_is_upcoming(client, staff, partner):
    past = EventFactory(partner=partner, sessions=PAST)
    client.force_login(staff)
    for url in ("/en/manage/events/", f"/en/projects/{partner.project.code}/events/"):
        response = client.get(url)
        page = response.content.decode()
        assert "No upcoming events; showing past events." in page
        assert [event.pk for event in response.context["page"]] == [past.pk]
        response = client.get(url + "?when=upcoming")  # asked for: the answer is honest
        assert not list(response.context["page"]) and "showing past events" not in response.content.decode()
    EventFactory(partner=partner, sessions=sessions_in(10))
    assert "showing past events" not in client.get("/en/manage/events/").content.decode()


def test_the_main_menu_leads_to_the_events(client, staff, partner, settings):
    settings.ECOCSME_FEATURED_PROJECT = partner.project.code
    page = client.get("/en/").content.decode()
    assert 'href="/en/events/"' in page and 'for="menu-open"' in page
    response = client.get("/en/events/")
    assert response.status_code == 302 and response["Location"] == f"/en/projects/{partner.project.code}/events/"
    client.force_login(staff)
    page = client.get("/en/manage/events/").content.decode()
    assert '<a href="/en/manage/events/" aria-current="page">Events</a>' in page
