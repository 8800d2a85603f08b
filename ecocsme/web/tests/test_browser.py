"""The public site in real headless Chromium: accessibility (axe-core), layout, language switch."""


import pytest

from ecocsme.testing.a11y import DESKTOP, PHONE, assert_accessible
from ecocsme.testing.browser import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/{lang}/", "/{lang}/ecoc/", "/{lang}/projects/", "/{lang}/projects/PGI06047/",
         "/{lang}/projects/PGI06047/partners/", "/{lang}/accounts/login/"]


@pytest.mark.parametrize("language", ["en", "ro", "it", "nl", "hr", "lt", "fi", "de"])
@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_public_pages_are_accessible(page, language, width):
    for path in PAGES:
        assert_accessible(page, path.format(lang=language), width=width)
        assert page.locator("html").get_attribute("lang") == language


def test_language_switcher_keeps_the_page(page):
    page.goto(page.base + "/en/ecoc/?country=RO")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Română").click()
    page.wait_for_url("**/ro/ecoc/?country=RO")
    assert page.locator("html").get_attribute("lang") == "ro"
    assert page.locator(".title-entry").count() == 2


def test_timeline_filter_form(page):
    page.goto(page.base + "/en/ecoc/")
    assert page.locator(".title-entry").count() == 92
    page.get_by_label("From year").fill("2023")
    page.get_by_label("To year").fill("2023")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**year_from=2023**")
    cities = page.locator(".title-entry strong").all_inner_texts()
    assert sorted(cities) == ["Elefsina", "Timișoara", "Veszprém"]


def test_partner_staff_edit_their_own_partner_only(page, tmp_path):
    browser_login(page, "timisoara")
    page.get_by_role("link", name="Municipality of Timișoara", exact=True).first.click()
    page.get_by_label("Website").fill("https://example.org/timisoara")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/projects/PGI06047/partners/")
    assert page.get_by_text("Saved.").is_visible()
    rijeka_card = page.locator(".partner-card").filter(has_text="Rijeka")
    assert rijeka_card.get_by_role("link", name="Edit").count() == 0
    from ecocsme.partnerships.models import Partner

    rijeka = Partner.objects.get(city="Rijeka")
    response = page.goto(page.base + f"/en/manage/partners/{rijeka.pk}/")
    assert response.status == 403
    assert page.get_by_role("heading", name="Not allowed").is_visible()
    page.screenshot(path=str(tmp_path / "forbidden.png"))
