"""The lab answer page on a phone, in real Chromium at 375x812: an earlier draft shown filled in,
text boxes as wide as the form, the confirmation or the errors on top with the focus, nothing
wider than the screen; the page at 1280 px, in Romanian, and after the link expired."""

import datetime as dt

import pytest
from django.utils import timezone

from ecocsme.labs.factories import InvitationFactory, ResponseFactory
from ecocsme.labs.models import Response
from ecocsme.testing.a11y import assert_accessible
from ecocsme.testing.phone import PHONE, assert_fits_a_phone, assert_on_top_with_focus, ro
from ecocsme.testing.phone import shoot as shoot_as


def shoot(page, name: str) -> None:
    shoot_as(page, f"lab-answer-{name}")


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def draft(lab):
    """An invitation to Timișoara's lab 2 with a draft answering the first two questions."""
    invitation = InvitationFactory(lab=lab)
    ResponseFactory(invitation=invitation, status=Response.Status.DRAFT, submitted_at=None,
                    answers={1: "Example: from the radio.", 2: "Example: a newsletter."})
    return invitation


def test_a_draft_on_a_phone_is_filled_in_and_saving_says_so_on_top(page, draft):
    url = f"{page.base}/en/labs/answer/{draft.token()}/"
    page.set_viewport_size(PHONE)
    page.goto(url)
    assert page.locator("#id_q1").input_value() == "Example: from the radio."
    assert page.locator("#id_q2").input_value() == "Example: a newsletter."
    assert page.locator("#id_q3").input_value() == ""
    assert_fits_a_phone(page)
    shoot(page, "375-en-draft")
    assert_accessible(page)

    page.locator("#id_q3").fill("Example: a one-stop desk at the town hall.")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(url)
    assert_on_top_with_focus(page, "answer-saved")
    assert page.locator("#answer-saved").inner_text() == "Your draft is saved."
    shoot(page, "375-en-draft-saved")

    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url(url)
    assert_on_top_with_focus(page, "answer-saved")
    assert page.locator("#answer-saved").inner_text().startswith("Thank you: your answers are submitted.")
    assert_fits_a_phone(page)
    shoot(page, "375-en-submitted")
    assert_accessible(page)
    response = Response.objects.get(invitation=draft)
    assert response.status == Response.Status.SUBMITTED and response.answers.count() == 3


def test_an_answer_too_long_is_named_on_top_with_a_link_to_it(page, draft):
    page.set_viewport_size(PHONE)
    page.goto(f"{page.base}/ro/labs/answer/{draft.token()}/")
    page.evaluate("document.querySelector('#id_q2').removeAttribute('maxlength')")
    page.locator("#id_q2").fill("x" * 20_001)
    page.get_by_role("button", name=ro("Submit my answers")).click()
    page.wait_for_load_state()
    assert_on_top_with_focus(page, "answer-errors")
    page.locator("#answer-errors a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_q2"
    page.evaluate("window.scrollTo(0, 0)")
    assert_fits_a_phone(page)
    shoot(page, "375-ro-error")
    assert Response.objects.get(invitation=draft).status == Response.Status.DRAFT
    assert Response.objects.get(invitation=draft).answers.get(question__position=2).text == "Example: a newsletter."

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{page.base}/ro/labs/answer/{draft.token()}/")
    shoot(page, "1280-ro-draft")


def test_an_expired_link_fits_a_phone(page, lab):
    invitation = InvitationFactory(lab=lab, expires_at=timezone.now() - dt.timedelta(days=1))
    page.set_viewport_size(PHONE)
    page.goto(f"{page.base}/en/labs/answer/{invitation.token()}/")
    assert page.locator("h1").inner_text() == "This personal link has expired"
    assert_fits_a_phone(page)
    shoot(page, "375-en-expired")
    assert_accessible(page)
