"""Bulk merge and undo of a question's themes in a real browser (headless Chromium), on a phone
and on a laptop: the merge button beside the selection says how many are chosen."""

import os

import pytest

from ecocsme.accounts.factories import PASSWORD
from ecocsme.labs.factories import ThemeFactory, answers_create
from ecocsme.labs.models import Theme
from ecocsme.testing.a11y import PHONE, sideways_overflow
from ecocsme.testing.browser import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("ECOCSME_SCREENSHOTS", "")  # a folder to keep screenshots in, when set
IDEAS = [  # (concepts, keywords, texts) — example answers
    (["funding", "start_up"], {"en": ["grants", "money"]},
     ["Small grants for young firms (example).", "Money to start a business (example).",
      "Micro-grants for start-ups (example)."]),
    (["mentoring", "workshop"], {"ro": ["mentorat", "ateliere"]},
     ["Mentorat pentru firme mici (exemplu).", "Ateliere practice (exemplu).", "Un mentor pentru fiecare (exemplu)."]),
    (["public_procurement"], {"nl": ["aanbesteding"]},
     ["Kleinere percelen in aanbestedingen (voorbeeld).", "Eenvoudiger aanbestedingen (voorbeeld).",
      "Lokale leveranciers kiezen (voorbeeld)."]),
]


def question_themes(lab):
    question = lab.questions.order_by("position").first()
    for concepts, keywords, texts in IDEAS:
        answers = answers_create(lab, [{"text": t, "lang": next(iter(keywords)), "respondent_type": "sme",
                                        "city": "Timișoara"} for t in texts])
        ThemeFactory(lab=lab, scope=str(question.pk), question=question, answers=answers,
                     concepts=concepts, keywords=next(iter(keywords.values())), keywords_by_language=keywords)
    return str(question.pk)


@pytest.mark.parametrize("width", [PHONE, 1280])
def test_bulk_merge_of_a_questions_themes_then_undo(page, lab, staff, width):
    scope = question_themes(lab)
    browser_login(page, staff.username, PASSWORD)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{page.base}/en/manage/labs/{lab.pk}/synthesis/?scope={scope}")
    merge = page.locator("[data-bulk-submit]")
    assert merge.is_disabled() and merge.inner_text() == "Merge the chosen themes"

    page.get_by_label("Choose all").check()
    assert merge.inner_text() == "Merge 3 themes" and merge.is_enabled()
    page.locator("[data-bulk-item]").nth(2).uncheck()
    assert merge.inner_text() == "Merge 2 themes"
    assert sideways_overflow(page) <= 0
    box, first = merge.bounding_box(), page.locator("[data-bulk-item]").first.bounding_box()
    assert box["y"] < first["y"] + 400  # the control is beside the selection, not below the list
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"merge-{width}.png"), full_page=True)

    merge.click()
    page.wait_for_selector(".undo-bar")
    assert "2 themes merged into" in page.locator(".messages").inner_text()
    assert Theme.objects.filter(scope=scope).count() == 2
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"merged-{width}.png"), full_page=True)

    page.locator(".undo-bar").get_by_role("button", name="Undo").click()
    page.wait_for_selector("text=the themes are as they were before")
    assert Theme.objects.filter(scope=scope).count() == 3
    assert page.locator(".undo-bar").count() == 0
    assert page.locator(".theme-card h3").count() == 3
