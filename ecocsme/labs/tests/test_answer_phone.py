"""The lab answer page as a phone shows it, without a browser: an earlier draft filled in, the
confirmation and the errors first on the page with the focus, the draft saved while typing
answered with a line (never the whole page)."""

import pytest

from ecocsme.labs.factories import InvitationFactory, ResponseFactory
from ecocsme.labs.models import Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(lab):
    invitation = InvitationFactory(lab=lab)
    ResponseFactory(invitation=invitation, status=Response.Status.DRAFT, submitted_at=None,
                    answers={1: "Example: from the radio.", 2: "Example: a newsletter."})
    return invitation


def url(invitation) -> str:
    return f"/en/labs/answer/{invitation.token()}/"


def before_the_title(html: str, needle: str) -> bool:
    return -1 < html.find(needle) < html.find("<h1>")


def test_a_draft_is_shown_filled_in(client, draft):
    html = client.get(url(draft)).content.decode()
    assert "Example: from the radio.</textarea>" in html and "Example: a newsletter.</textarea>" in html
    assert 'id="answer-saved"' not in html and 'id="answer-errors"' not in html


@pytest.mark.parametrize(("button", "said", "status"), [
    ("draft", "Your draft is saved.", Response.Status.DRAFT),
    ("submit", "Thank you: your answers are submitted.", Response.Status.SUBMITTED)])
def test_the_confirmation_comes_first_and_takes_the_focus(client, draft, button, said, status):
    html = client.post(url(draft), {"q1": "Example: radio.", button: ""}).content.decode()
    assert before_the_title(html, 'id="answer-saved" class="answer-confirmation" role="status" tabindex="-1" autofocus')
    assert html.count(said) == 1  # once: not again as a message of the site
    assert Response.objects.get(invitation=draft).status == status


def test_an_answer_too_long_is_named_first_and_nothing_is_saved(client, draft):
    html = client.post(url(draft), {"q1": "Example: radio.", "q2": "x" * 20_001, "submit": ""}).content.decode()
    assert before_the_title(html, 'id="answer-errors" class="error-summary" role="alert" tabindex="-1" autofocus')
    assert '<a href="#id_q2">2. ' in html and 'id="id_q2_error"' in html
    response = Response.objects.get(invitation=draft)
    assert response.status == Response.Status.DRAFT
    assert response.answers.get(question__position=1).text == "Example: from the radio."


def test_the_draft_saved_while_typing_answers_with_a_line(client, draft):
    saved = client.post(url(draft), {"q3": "Example."}, HTTP_HX_REQUEST="true").content.decode()
    assert saved.startswith("Saved at")
    refused = client.post(url(draft), {"q3": "x" * 20_001}, HTTP_HX_REQUEST="true").content.decode()
    assert refused.strip().startswith('<span class="error">Not saved:') and "<h1>" not in refused
    assert Response.objects.get(invitation=draft).answers.get(question__position=3).text == "Example."
