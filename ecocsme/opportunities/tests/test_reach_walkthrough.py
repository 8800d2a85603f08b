"""The reach in a real browser, on the demo: the SME's representative says it is interested in an
open opportunity with a message; Kaunas's staff read it among the interested organisations,
answer and record a contract; the representative reads the answer, and changes its digest to
daily; the coordinator reads the engagement figures and downloads a table. The pages pass the
accessibility checks on a phone and a desktop."""

import re

import pytest

from ecocsme.opportunities.demo import opportunities_demo_load
from ecocsme.opportunities.models import DigestSubscription, Interest, Opportunity
from ecocsme.organisations.demo import SME_ORGANISATION, example_profiles_load, sme_user_load
from ecocsme.testing.a11y import assert_pages_accessible
from ecocsme.testing.browser import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login_as_sme(page):
    from ecocsme.accounts.demo import demo_password

    page.goto(page.base + "/en/accounts/login/")
    page.get_by_label("Username").fill("sme")
    page.get_by_label("Password").fill(demo_password())
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def test_interest_answer_contract_digest_and_figures(page, project):
    example_profiles_load()
    sme_user_load()
    opportunities_demo_load()
    opportunity = Opportunity.objects.get(title__startswith="Tvarių renginių konsultantas")  # Kaunas, open
    _login_as_sme(page)
    page.goto(page.base + f"/en/opportunities/{opportunity.pk}/")
    page.get_by_label("Your message").fill("We advise on plastic-free festival food (example).")
    page.get_by_role("button", name="We are interested").click()
    page.wait_for_url(re.compile(r".*/opportunities/interests/\d+/$"))
    interest = Interest.objects.get(opportunity=opportunity)
    assert interest.organisation.name == SME_ORGANISATION
    assert "plastic-free festival food" in page.content()
    assert_pages_accessible(page, [f"/en/opportunities/{opportunity.pk}/", f"/en/opportunities/interests/{interest.pk}/",
                                   "/en/opportunities/interests/"])

    page.context.clear_cookies()
    browser_login(page, "kaunas")
    page.goto(page.base + f"/en/opportunities/{opportunity.pk}/")
    page.get_by_role("link", name="Their messages, and your answers").click()
    page.get_by_role("link", name=re.compile("0 answers")).click()
    page.get_by_label("Your answer").fill("Could you come to a meeting on Monday (example)?")
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state()
    page.get_by_label("Status", exact=True).select_option("contracted")
    page.get_by_role("button", name="Save the status").click()
    page.wait_for_load_state()
    interest.refresh_from_db()
    assert interest.status == "contracted" and interest.messages.count() == 1
    assert_pages_accessible(page, [f"/en/opportunities/{opportunity.pk}/interests/",
                                   f"/en/opportunities/interests/{interest.pk}/",
                                   "/en/manage/opportunities/engagement/"])

    page.context.clear_cookies()
    _login_as_sme(page)
    page.goto(page.base + f"/en/opportunities/interests/{interest.pk}/")
    assert "Could you come to a meeting on Monday" in page.content() and "Contracted" in page.content()
    digest = DigestSubscription.objects.get(user__username="sme")
    page.goto(page.base + f"/en/my/organisation/{digest.organisation_id}/digest/")
    page.get_by_label("Daily").check()
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    digest.refresh_from_db()
    assert digest.frequency == "daily" and digest.consent_source == "form"
    assert_pages_accessible(page, [f"/en/my/organisation/{digest.organisation_id}/digest/"])

    page.context.clear_cookies()
    browser_login(page, "coordinator")
    page.goto(page.base + "/en/manage/opportunities/engagement/")
    assert page.locator("svg.chart").count() == 5
    with page.expect_download() as download:
        page.locator("#chart-phase ~ p a", has_text="CSV").click()
    assert download.value.suggested_filename == "opportunity-engagement-phase.csv"
    page.get_by_label("ECoC title", exact=True).select_option(label="Kaunas 2022")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r".*ecoc=2022-kaunas.*"))
    assert_pages_accessible(page, [page.url.removeprefix(page.base)])
