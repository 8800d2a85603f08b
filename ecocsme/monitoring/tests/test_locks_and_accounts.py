"""A validated period closes the action plans' reports on it too (monitoring registers its lock
with action plans, which sit below it); and what a partner's staff did in plans and monitoring is
in their account's copy of its data."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory
from ecocsme.accounts.services import account_personal_data
from ecocsme.actionplans.factories import ActionFactory, ActionPlanFactory
from ecocsme.actionplans.services import plans as plan_services
from ecocsme.actionplans.services.reports import report_save
from ecocsme.actionplans.services.review import comment_add
from ecocsme.monitoring.models import Indicator
from ecocsme.monitoring.services import indicators_install, period_reopen, period_validate, value_save
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory


@pytest.fixture
def endorsed(db):
    project = ProjectFactory(start_date=dt.date(2019, 8, 1))
    partner = PartnerFactory(project=project)
    staff, coordinator = PartnerStaffFactory(partner=partner), CoordinatorFactory(project=project)
    plan = ActionPlanFactory(partner=partner)
    action = ActionFactory(plan=plan)
    plan = plan_services.plan_submit(actor=staff, plan=plan)
    plan = plan_services.plan_validate(actor=coordinator, plan=plan, revision=plan.revision)
    plan = plan_services.plan_endorse(actor=staff, plan=plan, endorsed_on=dt.date(2021, 6, 30),
                                      endorsed_by_role="Mayor (example)", endorsing_organisation="County (example)")
    return {"plan": plan, "action": action, "staff": staff, "coordinator": coordinator, "partner": partner,
            "period": project.periods.get(number=5)}


def test_a_validated_period_closes_its_reports_until_it_is_reopened(endorsed):
    plan, action, staff, period = endorsed["plan"], endorsed["action"], endorsed["staff"], endorsed["period"]
    report = report_save(actor=staff, plan=plan, action=action, period=period,
                         values={"status": "done", "progress": {"en": "Call published (example)."},
                                 "instrument_improved": "yes", "improvement_type": "new_projects",
                                 "funds_influenced": "1000", "evidence_link": "https://example.org/call"})
    period_validate(actor=endorsed["coordinator"], partner=endorsed["partner"], period=period)
    with pytest.raises(ValidationError) as refused:
        report_save(actor=staff, plan=plan, action=action, period=period, revision=report.revision,
                    values={"status": "dropped", "progress": {"en": "Changed after (example)."},
                            "instrument_improved": "no", "funds_influenced": "999999"})
    assert "validated" in refused.value.messages[0]
    report.refresh_from_db()
    assert (report.status, report.funds_influenced) == ("done", 1000)
    period_reopen(actor=endorsed["coordinator"], partner=endorsed["partner"], period=period)
    report = report_save(actor=staff, plan=plan, action=action, period=period, revision=report.revision,
                         values={"status": "done", "progress": {"en": "Corrected (example)."},
                                 "instrument_improved": "yes", "improvement_type": "new_projects",
                                 "funds_influenced": "1200", "evidence_link": "https://example.org/call"})
    assert report.funds_influenced == 1200


def test_a_report_change_keeps_what_was_there_in_the_audit_log(endorsed):
    from ecocsme.core.models import AuditEntry

    plan, action, staff, period = endorsed["plan"], endorsed["action"], endorsed["staff"], endorsed["period"]
    report = report_save(actor=staff, plan=plan, action=action, period=period,
                         values={"status": "in_progress", "progress": {"en": "Started (example)."},
                                 "instrument_improved": "not_yet", "funds_influenced": "10"})
    report_save(actor=staff, plan=plan, action=action, period=period, revision=report.revision,
                values={"status": "in_progress", "progress": {"en": "Half done (example)."},
                        "instrument_improved": "not_yet", "funds_influenced": "20"})
    entry = AuditEntry.objects.filter(action="actionplans.report.changed").get()
    assert entry.data["before"]["funds_influenced"] == "10.00" and entry.data["after"]["funds_influenced"] == "20.00"
    assert entry.data["before"]["progress"] == {"en": "Started (example)."}


def test_the_accounts_copy_holds_its_plan_and_monitoring_work(endorsed):
    staff, partner = endorsed["staff"], endorsed["partner"]
    other = PartnerStaffFactory(partner=PartnerFactory(project=partner.project))
    draft = ActionPlanFactory(partner=other.memberships.get().partner)
    comment_add(plan=draft, actor=staff, on="part2", text="Name the call's budget (example).")
    indicators_install(actor=None, project=partner.project)
    manual = Indicator.objects.filter(project=partner.project, source="manual").first()
    value_save(actor=staff, indicator=manual, partner=partner, period=partner.project.periods.get(number=1),
               value="4", note="Four trainings (example).")
    copy = account_personal_data(actor=staff, user=staff)
    plans = {row["kind"] for row in copy["action_plans"]}
    assert {"comment on an action plan", "version of an action plan saved"} <= plans
    assert any(row.get("text") == "Name the call's budget (example)." for row in copy["action_plans"])
    assert [row["value"] for row in copy["monitoring"]] == ["4.00"]


@pytest.mark.parametrize("macro_part", ["word/vbaProject.bin", "xl/vbaProject.bin"])
def test_evidence_with_macros_is_refused(macro_part):
    import io
    import zipfile

    from ecocsme.monitoring.services import _what_kind

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.ms-word.document.'
                                                'macroEnabled.main+xml"/></Types>')
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr(macro_part, b"\x00macro")
    with pytest.raises(ValidationError) as refused:
        _what_kind(data.getvalue())
    assert "macros" in refused.value.messages[0]
