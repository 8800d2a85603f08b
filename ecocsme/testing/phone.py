"""What the answer pages' browser tests check on a phone (375x812): nothing wider than the
screen, text boxes as wide as the form, the confirmation or errors on top with the focus."""

import tempfile
from pathlib import Path

from django.utils import translation

PHONE = {"width": 375, "height": 812}
SHOTS = Path(tempfile.gettempdir()) / "ecocsme-shots"  # looked at by people, not by the tests


def ro(msgid: str) -> str:
    with translation.override("ro"):
        return translation.gettext(msgid)


def shoot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


def assert_fits_a_phone(page) -> None:
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    form = page.locator("form.answer-form")
    if form.count():
        for textarea in page.locator("textarea").all():
            assert textarea.bounding_box()["width"] >= form.bounding_box()["width"] - 2, \
                "a text box narrower than the form"


def assert_on_top_with_focus(page, element_id: str) -> None:
    box = page.locator(f"#{element_id}").bounding_box()
    assert page.evaluate("window.scrollY") == 0
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], "below the fold"
    assert page.evaluate("document.activeElement.id") == element_id
