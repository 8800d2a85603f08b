"""A version's summary is kept in no language and read in the reader's: the history of a plan
written in English reads in Romanian for a Romanian reader."""

import pytest
from django.utils import translation

from ecocsme.accounts.factories import PartnerStaffFactory
from ecocsme.actionplans.services.plans import ActionRows, action_save, plan_create


@pytest.mark.django_db
def test_the_history_reads_in_the_readers_language(client):
    from ecocsme.partnerships.factories import PartnerFactory

    partner = PartnerFactory()
    staff = PartnerStaffFactory(partner=partner)
    with translation.override("en"):
        plan = plan_create(actor=staff, partner=partner, values={"title": {"en": "Plan (example)"}})
        action_save(actor=staff, plan=plan, action=None, revision=plan.revision,
                    values={"title": {"en": "A call (example)"}}, rows=ActionRows([], [], [], []))
    assert plan.versions.order_by("-number").first().summary == "action-added 1"
    client.force_login(staff)
    page = client.get(f"/ro/manage/action-plans/{plan.pk}/history/").content.decode()
    with translation.override("ro"):
        expected = translation.gettext("Action %(number)s added") % {"number": 1}
    assert expected != "Action 1 added" and expected in page
