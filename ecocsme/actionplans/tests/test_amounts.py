"""Amounts in EUR as the plan's services take them (services.plans.amount_of): what people and
files write is read, anything else is refused with a message naming the field."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ecocsme.actionplans.services.plans import amount_of


@pytest.mark.parametrize(("written", "amount"), [
    ("1200.50", Decimal("1200.50")), ("1 200.50", Decimal("1200.50")), ("1\u00a0200", Decimal("1200")),
    (".5", Decimal("0.50")), (Decimal("3.10"), Decimal("3.10")), (12, Decimal(12)), ("0", Decimal(0))])
def test_amounts_people_write_are_read(written, amount):
    assert amount_of(written, name="Cost item") == amount


@pytest.mark.parametrize("written", ["1e3", "NaN", "Infinity", "-5", "0.001", "٣", "12 EUR", "1,5,0", "0x10",
                                     "9" * 20])
def test_anything_else_is_refused_with_the_fields_name(written):
    with pytest.raises(ValidationError) as refused:
        amount_of(written, name="Cost item")
    assert "Cost item" in refused.value.messages[0]


def test_an_amount_may_be_left_out_only_where_it_is_optional():
    assert amount_of("", name="Funding source", required=False) is None
    with pytest.raises(ValidationError):
        amount_of("", name="Cost item")


@pytest.mark.django_db
def test_implausible_dates_of_a_timeframe_or_an_endorsement_are_refused():
    import datetime as dt

    from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory
    from ecocsme.actionplans.factories import ActionFactory, ActionPlanFactory
    from ecocsme.actionplans.services.plans import (
        ActionRows,
        action_save,
        plan_endorse,
        plan_submit,
        plan_validate,
    )

    plan = ActionPlanFactory()
    staff = PartnerStaffFactory(partner=plan.partner)
    for start, end in (("0001-01-01", "2022-01-01"), ("2021-01-01", "9999-12-31")):
        with pytest.raises(ValidationError):
            action_save(actor=staff, plan=plan, action=None, revision=plan.revision,
                        values={"title": {"en": "Far away (example)"}, "start_date": start, "end_date": end},
                        rows=ActionRows([], [], [], []))
    assert not plan.actions.exists()
    ActionFactory(plan=plan)
    plan = plan_submit(actor=staff, plan=plan)
    plan = plan_validate(actor=CoordinatorFactory(project=plan.project), plan=plan, revision=plan.revision)
    with pytest.raises(ValidationError) as refused:
        plan_endorse(actor=staff, plan=plan, endorsed_on=dt.date(1900, 1, 1), endorsed_by_role="Mayor (example)",
                     endorsing_organisation="County (example)")
    assert "2000" in refused.value.messages[0]
