"""The good-practice library in a real browser: Timișoara's staff write a practice and send it
for review, the coordinator publishes it, a visitor finds it by a Lithuanian word and filters by
a facet, and Rijeka's staff assess it. The pages pass the accessibility checks."""

import re

import pytest

from ecocsme.practices.demo import practices_demo_load
from ecocsme.practices.models import Assessment, Practice
from ecocsme.testing.a11y import assert_pages_accessible
from ecocsme.testing.browser import browser_login
from ecocsme.testing.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_write_review_publish_find_and_assess(page, project):
    practices_demo_load(project)
    browser_login(page, "timisoara")
    page.goto(page.base + "/en/manage/practices/new/")
    page.get_by_label("Identified by").select_option(str(project.partners.get(number=6).pk))
    page.get_by_label("Title (en)").fill("A former tram depot hosts young makers (example)")
    page.get_by_label("Short summary (en)").fill("Teenagers build products with local firms in an old depot.")
    page.get_by_label("Detailed description (en)").fill("Every Saturday, in a restored tram depot (example).")
    page.get_by_label("Country").select_option("RO")
    page.get_by_label("Youth").check()
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url(re.compile(r".*/practices/a-former-tram-depot[^/]*/$"))
    page.get_by_role("button", name="Send for review").click()
    practice = Practice.objects.get(title__en__startswith="A former tram depot")
    assert practice.status == Practice.Status.IN_REVIEW

    page.context.clear_cookies()
    browser_login(page, "coordinator")
    page.goto(page.base + f"/en/practices/{practice.slug}/")
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    run_worker()  # the search index
    page.context.clear_cookies()

    page.goto(page.base + "/en/practices/?q=kalėjimas")
    found = page.locator(".practice-cards li")
    leeuwarden = found.filter(has_text="Blokhuispoort")
    assert "Blokhuispoort" in " ".join(found.all_inner_texts()[:3])
    assert leeuwarden.locator("mark").count() >= 1  # "prison" marked in the English snippet
    page.goto(page.base + "/en/practices/?q=depou")
    assert "tram depot" in page.locator(".practice-cards li").first.inner_text()
    page.goto(page.base + "/en/practices/")
    page.get_by_role("checkbox", name=re.compile("Romania")).check()
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    countries = {text.strip() for text in page.locator(".practice-cards .meta").all_inner_texts()}
    assert countries and all("Timișoara" in text or "Romania" in text or "Municipality" in text
                             for text in countries)
    assert_pages_accessible(page, ["/en/practices/?q=festival", f"/en/practices/{practice.slug}/",
                                   "/ro/ecoc/2023/timisoara/"])

    browser_login(page, "rijeka")
    page.goto(page.base + f"/en/practices/{practice.slug}/")
    page.get_by_label("4").check()
    page.get_by_label("Comment").fill("Our port has an empty depot too (example).")
    page.get_by_role("button", name="Save the assessment").click()
    page.wait_for_load_state()
    assert Assessment.objects.get(practice=practice).score == 4
    assert "4.0" in page.locator(".score").inner_text()
