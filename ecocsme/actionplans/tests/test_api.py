"""/api/v1/action-plans with the permissions of the pages: a visitor reads only published,
endorsed plans and of each the endorsed version (later text never leaks); a member reads the
project's plans as they are now; another project's member sees no draft of this one."""

import datetime as dt

import pytest

from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory
from ecocsme.actionplans.factories import ActionFactory, ActionPlanFactory
from ecocsme.actionplans.services.plans import (
    plan_endorse,
    plan_publish,
    plan_start_monitoring,
    plan_submit,
    plan_validate,
)
from ecocsme.partnerships.factories import PartnerFactory


@pytest.fixture
def plans(db):
    timisoara = PartnerFactory(city="Timișoara")
    rijeka = PartnerFactory(project=timisoara.project, city="Rijeka")
    staff = PartnerStaffFactory(partner=timisoara)
    coordinator = CoordinatorFactory(project=timisoara.project)
    endorsed = ActionPlanFactory(partner=timisoara, title={"ro": "Planul de acțiune (exemplu)"})
    ActionFactory(plan=endorsed, title={"ro": "Apel pentru IMM-uri culturale (exemplu)"})
    endorsed = plan_submit(actor=staff, plan=endorsed)
    endorsed = plan_validate(actor=coordinator, plan=endorsed, revision=endorsed.revision)
    endorsed = plan_endorse(actor=staff, plan=endorsed, endorsed_on=dt.date(2021, 7, 30),
                            endorsed_by_role="Primar (exemplu)", endorsing_organisation="ADR Vest (exemplu)")
    endorsed = plan_publish(actor=staff, plan=endorsed, published=True)
    endorsed = plan_start_monitoring(actor=staff, plan=endorsed)
    draft = ActionPlanFactory(partner=rijeka)
    return {"endorsed": endorsed, "draft": draft, "staff": staff, "rijeka": rijeka}


def test_a_visitor_reads_published_plans_in_their_endorsed_version(client, plans):
    listed = client.get("/api/v1/action-plans").json()
    assert [plan["id"] for plan in listed] == [plans["endorsed"].pk]
    assert listed[0]["status"] == "monitoring" and listed[0]["url"].endswith(f"/action-plans/{plans['endorsed'].pk}/")
    detail = client.get(f"/api/v1/action-plans/{plans['endorsed'].pk}").json()
    assert detail["version"] == plans["endorsed"].endorsed_version.number
    assert detail["document"]["actions"][0]["title"] == {"ro": "Apel pentru IMM-uri culturale (exemplu)"}
    assert detail["document"]["endorsement"]["endorsed_by_role"] == "Primar (exemplu)"
    assert client.get(f"/api/v1/action-plans/{plans['draft'].pk}").status_code == 404
    assert client.get("/api/v1/action-plans/99999999999999").status_code in (404, 422)


def test_a_member_reads_the_projects_plans_as_they_are(client, plans):
    client.force_login(PartnerStaffFactory(partner=plans["rijeka"]))
    listed = client.get("/api/v1/action-plans").json()
    assert {plan["id"] for plan in listed} == {plans["endorsed"].pk, plans["draft"].pk}
    detail = client.get(f"/api/v1/action-plans/{plans['draft'].pk}").json()
    assert detail["status"] == "draft" and detail["version"] == 1


def test_another_projects_member_sees_no_draft(client, plans):
    client.force_login(PartnerStaffFactory(partner=PartnerFactory()))
    assert {plan["id"] for plan in client.get("/api/v1/action-plans").json()} == {plans["endorsed"].pk}
    assert client.get(f"/api/v1/action-plans/{plans['draft'].pk}").status_code == 404
