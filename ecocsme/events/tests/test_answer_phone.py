"""The event answer page as a phone shows it, without a browser: the waiting-list notice only when
the event is full, the queue position, the earlier note removed on request and nothing else
changed, the confirmation and the errors first on the page with the focus."""

import pytest

from ecocsme.events.factories import EventFactory, EventInvitationFactory
from ecocsme.events.models import EventInvitation
from ecocsme.events.services.answers import WaitingListOutlook, answer_save, waiting_list_outlook

pytestmark = pytest.mark.django_db

FULL = "The event is full: if you answer yes, you will be on the waiting list."


def url(invitation) -> str:
    return f"/en/events/answer/{invitation.token()}/"


def before_the_title(html: str, needle: str) -> bool:
    return -1 < html.find(needle) < html.find("<h1>")


def test_the_notice_shows_only_when_a_yes_would_wait(client, partner):
    roomy = EventFactory(partner=partner, capacity=2)
    EventInvitationFactory(event=roomy, answer="yes")
    open_ended = EventFactory(partner=partner, capacity=None)
    EventInvitationFactory.create_batch(3, event=open_ended, answer="yes")
    for event in (roomy, open_ended):
        assert FULL not in client.get(url(EventInvitationFactory(event=event))).content.decode()

    full = EventFactory(partner=partner, capacity=1)
    holder = EventInvitationFactory(event=full, answer="yes")
    EventInvitationFactory(event=full, answer="yes", place="waiting")
    html = client.get(url(EventInvitationFactory(event=full, answer="no"))).content.decode()
    assert FULL in html and "You would be number 2 in the queue" in html
    assert 'aria-describedby="waiting-list"' in html
    assert FULL not in client.get(url(holder)).content.decode()  # a place held stays


def test_the_queue_is_counted_in_the_order_places_are_given(partner):
    event = EventFactory(partner=partner, capacity=1)
    holder = EventInvitationFactory(event=event)
    answer_save(invitation=holder, answer="yes")
    first, second = EventInvitationFactory.create_batch(2, event=event)
    answer_save(invitation=second, answer="yes")
    answer_save(invitation=first, answer="yes")
    first.refresh_from_db()
    second.refresh_from_db()
    assert waiting_list_outlook(second) == WaitingListOutlook(position=1, waiting=True)
    assert waiting_list_outlook(first) == WaitingListOutlook(position=2, waiting=True)
    assert waiting_list_outlook(EventInvitationFactory(event=event)) == WaitingListOutlook(3, waiting=False)
    holder.refresh_from_db()
    assert waiting_list_outlook(holder) is None


def test_changing_to_no_with_the_box_ticked_removes_the_note_and_needs_only(client, partner):
    event = EventFactory(partner=partner, capacity=1)
    seat = EventInvitationFactory(event=event, answer="yes", note="Example: I bring a colleague.",
                                  needs="Example: vegetarian")
    waiting = EventInvitationFactory(event=event, answer="yes", place="waiting", note="Example: waiting.")
    html = client.get(url(seat)).content.decode()
    assert "Your earlier note:" in html and "Example: I bring a colleague." in html
    assert "Your earlier needs:" in html and 'name="clear_note"' in html

    page = client.post(url(seat), {"answer": "no", "note": seat.note, "needs": seat.needs, "clear_note": "on"})
    seat.refresh_from_db()
    assert (seat.answer, seat.place, seat.note, seat.needs) == ("no", "", "", "")
    assert "Your earlier note:" not in page.content.decode()
    waiting.refresh_from_db()  # given the place that was left, its note as it was
    assert (waiting.place, waiting.note) == ("confirmed", "Example: waiting.")


def test_the_same_answer_with_the_box_ticked_keeps_the_place(client, partner):
    event = EventFactory(partner=partner, capacity=1)
    seat = EventInvitationFactory(event=event, answer="yes", note="Example: late.", needs="Example: ramp")
    client.post(url(seat), {"answer": "yes", "note": "Example: late.", "needs": "Example: ramp", "clear_note": "on"})
    seat.refresh_from_db()
    assert (seat.answer, seat.place, seat.note, seat.needs) == ("yes", "confirmed", "", "")


def test_without_the_box_the_note_is_what_the_person_wrote(client, partner):
    seat = EventInvitationFactory(event=EventFactory(partner=partner), answer="yes", note="Example: late.")
    html = client.post(url(seat), {"answer": "maybe", "note": "Example: later still."}).content.decode()
    seat.refresh_from_db()
    assert (seat.answer, seat.note) == ("maybe", "Example: later still.")
    assert "Example: later still.</textarea>" in html  # the form shows what is saved


def test_the_confirmation_comes_first_and_takes_the_focus(client, partner):
    event = EventFactory(partner=partner, capacity=1)
    EventInvitationFactory(event=event, answer="yes")
    invitation = EventInvitationFactory(event=event)
    html = client.post(url(invitation), {"answer": "yes"}).content.decode()
    assert before_the_title(html, 'id="answer-saved" class="answer-confirmation" role="status" tabindex="-1" autofocus')
    assert "You are number 1 in the queue." in html
    assert EventInvitation.objects.get(pk=invitation.pk).place == "waiting"


def test_errors_come_first_with_links_to_their_fields(client, partner):
    invitation = EventInvitationFactory(event=EventFactory(partner=partner))
    html = client.post(url(invitation), {"note": "x" * 2001}).content.decode()
    assert before_the_title(html, 'id="answer-errors" class="error-summary" role="alert" tabindex="-1" autofocus')
    assert '<a href="#id_answer_0">Your answer</a>' in html and '<a href="#id_note">' in html
    invitation.refresh_from_db()
    assert (invitation.answer, invitation.note) == ("", "")
