from decimal import Decimal

import pytest

from ecocsme.reference.sme import SizeClass, size_class


@pytest.mark.parametrize(("staff", "turnover", "balance", "expected"), [
    (0, None, None, SizeClass.MICRO),
    (9, Decimal("2000000"), None, SizeClass.MICRO),
    (9, Decimal("2000001"), Decimal("1500000"), SizeClass.MICRO),  # balance sheet saves it
    (9, Decimal("2000001"), Decimal("2000001"), SizeClass.SMALL),
    (10, None, None, SizeClass.SMALL),
    (49, Decimal("10000000"), None, SizeClass.SMALL),
    (50, None, None, SizeClass.MEDIUM),
    (249, Decimal("60000000"), Decimal("43000000"), SizeClass.MEDIUM),
    (249, Decimal("60000000"), Decimal("44000000"), SizeClass.LARGE),
    (250, Decimal("1"), Decimal("1"), SizeClass.LARGE),
])
def test_eu_size_classes(staff, turnover, balance, expected):
    assert size_class(staff, turnover, balance) == expected


def test_negative_staff_is_refused():
    with pytest.raises(ValueError):
        size_class(-1)
