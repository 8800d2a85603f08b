"""The answer browser in a real browser: Timișoara's staff open the answers from the lab page,
filter by respondent kind, search a word without its accents, switch to the themes of each
question and move an answer to another theme with one click; the page reads well on a phone
and on a laptop."""

import os
import re

import pytest

from ecocsme.labs.factories import ResponseFactory, ThemeFactory
from ecocsme.labs.models import Lab, ThemeAnswer
from ecocsme.testing.a11y import PHONE, assert_accessible
from ecocsme.testing.browser import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = [  # (language, kind, city, answer to question 1) — example answers
    ("ro", "sme", "Timișoara", "Firmele mici au nevoie de finanțare și de un ghișeu unic (exemplu)."),
    ("ro", "ngo", "Lugoj", "Organizațiile culturale cer finanțare multianuală (exemplu)."),
    ("en", "sme", "Timișoara", "Small firms need training in digital marketing (example)."),
    ("de", "public_body", "Timișoara", "Die Stadt sollte Beratung für Gründer anbieten (Beispiel)."),
]


@pytest.fixture
def lab(project):
    """The demo's lab 2 of Timișoara with four more answers to its first question, in two themes
    of that question."""
    lab = Lab.objects.get(partner__number=6, number=2)
    first = lab.questions.get(position=1)
    answers = []
    for language, kind, city, text in ANSWERS:
        response = ResponseFactory(lab=lab, language=language, respondent_kind=kind, respondent_city=city,
                                   answers={1: text})
        answers.append(response.answers.get())
    ThemeFactory(lab=lab, scope=str(first.pk), question=first, label="Money (example)", answers=answers[:2])
    ThemeFactory(lab=lab, scope=str(first.pk), question=first, label="Skills and advice (example)",
                 answers=answers[2:])
    return lab


def test_filter_search_and_move_an_answer(page, lab, tmp_path):
    browser_login(page, "timisoara")
    page.goto(page.base + f"/en/manage/labs/{lab.pk}/")
    page.get_by_role("link", name=re.compile("Read the answers")).click()
    page.wait_for_url(f"**/manage/labs/{lab.pk}/answers/")

    # Only the SMEs, then those who wrote about funding, without typing the comma below the t.
    page.get_by_label("Respondent kind").select_option("sme")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r".*kind=sme.*"))
    page.get_by_label("Words in the answers").fill("finantare")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r".*q=finantare.*"))
    cards = page.locator(".response-card")
    assert cards.count() == 1
    assert cards.first.locator("mark").first.inner_text() == "finanțare"
    assert "1 matches" in page.locator(".figures").inner_text()
    export = page.get_by_role("link", name="CSV")
    assert "kind=sme" in export.get_attribute("href") and "q=finantare" in export.get_attribute("href")

    # By question: the first question's answers, each under its theme; move one with a click.
    page.get_by_role("link", name="By question").click()
    page.wait_for_url(re.compile(r".*view=question.*"))
    page.get_by_role("link", name="Clear the filters").click()
    answer = ThemeAnswer.objects.get(theme__label="Skills and advice (example)",
                                     answer__text__startswith="Small firms").answer
    row = page.locator(f"#answer-{answer.pk}-theme")
    assert "Skills and advice (example)" in row.inner_text()
    row.get_by_label("Move to").select_option(label="Money (example)")
    row.get_by_role("button", name="Move").click()
    page.locator(f"#answer-{answer.pk}-theme", has_text="Moved to").wait_for()
    assert ThemeAnswer.objects.get(answer=answer, scope=str(answer.question_id)).theme.label == "Money (example)"

    shots = os.environ.get("ECOCSME_SCREENSHOTS")
    for width in (PHONE, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        if shots:
            page.screenshot(path=f"{shots}/answers-{width}.png", full_page=True)
        assert_accessible(page, width=width)
    page.goto(page.base + f"/en/manage/labs/{lab.pk}/answers/?q=finantare")
    for width in (PHONE, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        if shots:
            page.screenshot(path=f"{shots}/answers-by-response-{width}.png", full_page=True)
        assert_accessible(page, width=width)
