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
