"""The event answer page on a phone, in real Chromium at 375x812: each radio beside its label
and the whole label a 44px target, the waiting-list notice before a full event is answered, the
earlier note removed on request, the confirmation or the errors on top with the focus, nothing
wider than the screen; the same page at 1280 px and in Romanian."""

import pytest

from ecocsme.events.factories import EventFactory, EventInvitationFactory
from ecocsme.testing.a11y import assert_accessible
from ecocsme.testing.phone import PHONE, assert_fits_a_phone, assert_on_top_with_focus, ro
from ecocsme.testing.phone import shoot as shoot_as


def shoot(page, name: str) -> None:
    shoot_as(page, f"event-answer-{name}")


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_labels_beside_their_controls(page, name: str) -> None:
    """Each control of `name` sits on its label's row, inside it, and the label is a 44px target."""
    controls = page.locator(f"input[name={name}]")
    assert controls.count() > 0
    for control in controls.all():
        label = page.locator(f"label[for='{control.get_attribute('id')}']")
        mark, row = control.bounding_box(), label.bounding_box()
        middle = mark["y"] + mark["height"] / 2
        assert row["y"] <= middle <= row["y"] + row["height"], "control off its label's row"
        assert row["x"] <= mark["x"] and mark["x"] + mark["width"] < row["x"] + row["width"]
        assert row["height"] >= 44 and row["width"] >= 200


@pytest.fixture
def full_event(partner):
    """A workshop with one place, taken."""
    event = EventFactory(partner=partner, capacity=1, title={"en": "Example full workshop",
                                                              "ro": "Atelier plin de exemplu"})
    EventInvitationFactory(event=event, answer="yes")
    return event


def test_a_full_event_on_a_phone_warns_before_yes_and_no_clears_the_note(page, full_event):
    invitation = EventInvitationFactory(event=full_event, answer="maybe", note="Example: I may be late.",
                                        needs="Example: step-free access")
    page.set_viewport_size(PHONE)
    page.goto(page.base + f"/en/events/answer/{invitation.token()}/")
    assert page.locator("#waiting-list").inner_text().startswith(
        "The event is full: if you answer yes, you will be on the waiting list.")
    assert "number 1 in the queue" in page.locator("#waiting-list").inner_text()
    assert "Your earlier note: Example: I may be late." in page.locator(".earlier-note").inner_text()
    assert page.get_by_label("Maybe").is_checked()
    assert_labels_beside_their_controls(page, "answer")
    assert_labels_beside_their_controls(page, "clear_note")
    assert_fits_a_phone(page)
    shoot(page, "375-en-full")
    assert_accessible(page)

    page.get_by_text("No, I cannot take part").click()  # the label's text, not the radio
    page.get_by_text("Remove my earlier note and needs").click()
    page.get_by_role("button", name="Send my answer").click()
    page.wait_for_load_state()
    assert_on_top_with_focus(page, "answer-saved")
    assert "Thank you: your answer is recorded." in page.locator("#answer-saved").inner_text()
    assert page.locator(".earlier-note").count() == 0 and page.get_by_label("Note for the organisers (optional)").input_value() == ""
    assert_fits_a_phone(page)
    shoot(page, "375-en-saved")
    invitation.refresh_from_db()
    assert (invitation.answer, invitation.place, invitation.note, invitation.needs) == ("no", "", "", "")

    page.get_by_text("Yes, I will take part").click()
    page.get_by_role("button", name="Send my answer").click()
    page.wait_for_load_state()
    assert_on_top_with_focus(page, "answer-saved")
    assert "You are number 1 in the queue." in page.locator("#answer-saved").inner_text()
    assert_accessible(page)
    shoot(page, "375-en-waiting")


def test_in_romanian_and_on_a_laptop(page, full_event):
    invitation = EventInvitationFactory(event=full_event, note="Exemplu: o notă.")
    page.set_viewport_size(PHONE)
    page.goto(page.base + f"/ro/events/answer/{invitation.token()}/")
    assert_labels_beside_their_controls(page, "answer")
    assert_fits_a_phone(page)
    shoot(page, "375-ro-blank")
    page.get_by_text(ro("Yes, I will take part")).click()
    page.get_by_role("button", name=ro("Send my answer")).click()
    page.wait_for_load_state()
    assert_on_top_with_focus(page, "answer-saved")
    assert_fits_a_phone(page)
    shoot(page, "375-ro-waiting")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(page.base + f"/en/events/answer/{invitation.token()}/")
    assert_labels_beside_their_controls(page, "answer")
    shoot(page, "1280-en-waiting")


def test_errors_come_first_with_links_to_the_fields(page, partner):
    invitation = EventInvitationFactory(event=EventFactory(partner=partner))
    page.set_viewport_size(PHONE)
    page.goto(page.base + f"/en/events/answer/{invitation.token()}/")
    page.evaluate("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
    page.get_by_role("button", name="Send my answer").click()  # no answer chosen
    page.wait_for_load_state()
    assert_on_top_with_focus(page, "answer-errors")
    page.locator("#answer-errors a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_answer_0"
    assert_fits_a_phone(page)
    shoot(page, "375-en-errors")
    assert_accessible(page)
    invitation.refresh_from_db()
    assert invitation.answer == ""


def test_the_page_after_the_deadline_fits_a_phone(page, partner):
    from datetime import timedelta

    from django.utils import timezone

    event = EventFactory(partner=partner, rsvp_deadline=timezone.now() - timedelta(days=1))
    invitation = EventInvitationFactory(event=event, answer="yes")
    page.set_viewport_size(PHONE)
    page.goto(page.base + f"/ro/events/answer/{invitation.token()}/")
    assert page.locator("h1").inner_text() == ro("The deadline to answer has passed")
    assert_fits_a_phone(page)
    shoot(page, "375-ro-deadline")
    assert_accessible(page)
