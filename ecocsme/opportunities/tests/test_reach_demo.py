"""The demo's reach: example interests of example organisations in the example opportunities (one
contracted), the `sme` account's with a short thread and a weekly digest whose consent is marked
as an example, organisations told; the engagement page shows figures; loaded again without
doubling."""

import pytest

from ecocsme.accounts.models import User
from ecocsme.opportunities.demo import opportunities_demo_load, reach_demo_load
from ecocsme.opportunities.models import DigestSubscription, Interest, Reach
from ecocsme.opportunities.selectors import engagement_figures
from ecocsme.organisations.demo import SME_ORGANISATION, example_profiles_load, sme_user_load

pytestmark = pytest.mark.django_db


def test_the_demo_has_interests_a_thread_a_digest_and_figures(project, client):
    assert reach_demo_load() == 0  # without the example profiles: nothing, no error
    example_profiles_load()
    sme = sme_user_load()
    assert opportunities_demo_load() == 55
    interests = Interest.objects.filter(is_example=True)
    assert interests.count() == 6 and interests.filter(status="contracted").count() == 1
    own = Interest.objects.get(organisation__name=SME_ORGANISATION)
    assert own.created_by == sme and own.messages.count() == 2
    assert {m.side for m in own.messages.all()} == {"poster", "interested"}
    digest = DigestSubscription.objects.get(user=sme)
    assert digest.frequency == "weekly" and digest.consent_source == "example" and digest.is_active
    assert Reach.objects.filter(is_example=True).count() == 8
    figures = engagement_figures()
    assert figures["totals"]["reached"] >= 8 and figures["totals"]["contracted"] == 1
    reach_demo_load()
    assert Interest.objects.count() == 6 and own.messages.count() == 2 and Reach.objects.count() == 8
    client.force_login(sme)
    page = client.get("/en/opportunities/interests/").content.decode()
    assert own.opportunity.title in page
    assert client.get(f"/en/opportunities/interests/{own.pk}/").status_code == 200
    client.force_login(User.objects.get(username="coordinator"))
    page = client.get("/en/manage/opportunities/engagement/").content.decode()
    assert "Kaunas 2022" in page and "<svg" in page
