"""Who fits, in a real browser, on the demo's example organisations: Kaunas's staff post an
opportunity in Lithuanian for organisations of Lithuania only and publish it; its page loads the
organisations that fit, each with its reasons, among them a caterer that writes its profile in
English, and never the organisation that did not wish to be found nor one abroad. The SME's
representative then sees the opportunity among those that fit it. The pages pass the
accessibility checks on a phone and a desktop."""

import re

import pytest

from ecocsme.accounts.demo import demo_password
from ecocsme.opportunities.factories import in_days
from ecocsme.opportunities.models import Opportunity
from ecocsme.organisations.demo import HIDDEN_EXAMPLE, example_profiles_load, sme_user_load
from ecocsme.organisations.models import Organisation
from ecocsme.testing.a11y import assert_pages_accessible
from ecocsme.testing.browser import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kaunas_posts_in_lithuanian_and_sees_who_fits_and_why(page, project):
    example_profiles_load()
    sme_user_load()
    browser_login(page, "kaunas")
    page.goto(page.base + "/en/manage/opportunities/new/")
    page.get_by_label("Title", exact=True).fill("Maitinimas festivalio savanoriams (example)")
    page.get_by_label("Description").fill(
        "Ieškome įmonės, kuri tris dienas pamaitintų 200 festivalio savanorių: augaliniai patiekalai, "
        "užkandžiai ir karšti pietūs prie scenos (example).")
    page.get_by_label("Kind").select_option("supplier_need")
    page.get_by_label("ECoC title").select_option(label="Kaunas 2022")
    page.get_by_label("Sectors (NACE)").select_option(["56"])
    page.get_by_label("Deadline").fill(in_days(30).isoformat())
    page.get_by_label("Contact point").fill("Programme office (example)")
    page.get_by_label("Organisations from other countries are welcome").uncheck()
    page.get_by_role("button", name=re.compile("publish", re.I)).first.click()
    page.wait_for_url(re.compile(r".*/opportunities/\d+/$"))
    opportunity = Opportunity.objects.get(title__startswith="Maitinimas festivalio")
    assert opportunity.status == Opportunity.Status.PUBLISHED and opportunity.language == "lt"

    matches = page.locator("#matches .match")
    matches.first.wait_for()  # loaded after the page
    suggested = matches.all_inner_texts()
    text = "\n".join(suggested)
    assert "Nemunas Food Lab UAB" in text  # writes in English, cooks plant-based meals in Kaunas
    assert "Works in the sector asked for: 56" in text
    assert HIDDEN_EXAMPLE["name"] not in text
    abroad = Organisation.objects.exclude(country="LT").values_list("name", flat=True)
    assert not [name for name in abroad if name in text]

    page.context.clear_cookies()  # the stakeholder logs in through the same form
    page.goto(page.base + "/en/accounts/login/")
    page.get_by_label("Username").fill("sme")
    page.get_by_label("Password").fill(demo_password())
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    nemunas = Organisation.objects.get(name__startswith="Nemunas Food Lab")
    page.goto(page.base + f"/en/my/organisation/{nemunas.pk}/matches/")
    fitting = page.locator("section[aria-labelledby=fitting-heading] .match").all_inner_texts()
    assert any("Maitinimas festivalio savanoriams" in item for item in fitting)
    assert_pages_accessible(page, [f"/en/opportunities/{opportunity.pk}/matches/",
                                   f"/en/my/organisation/{nemunas.pk}/matches/"])
