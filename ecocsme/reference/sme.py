"""EU SME size classes (Commission Recommendation 2003/361/EC).

A firm is in a class when its staff headcount is below the ceiling and either its annual
turnover or its balance-sheet total is within the limit.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class SizeClass(models.TextChoices):
    MICRO = "micro", _("Micro enterprise")
    SMALL = "small", _("Small enterprise")
    MEDIUM = "medium", _("Medium-sized enterprise")
    LARGE = "large", _("Large enterprise")


@dataclass(frozen=True)
class SizeLimits:
    size_class: SizeClass
    staff_below: int
    turnover_max_eur: Decimal
    balance_max_eur: Decimal


SME_LIMITS = (
    SizeLimits(SizeClass.MICRO, 10, Decimal(2_000_000), Decimal(2_000_000)),
    SizeLimits(SizeClass.SMALL, 50, Decimal(10_000_000), Decimal(10_000_000)),
    SizeLimits(SizeClass.MEDIUM, 250, Decimal(50_000_000), Decimal(43_000_000)),
)


def size_class(staff: int, turnover_eur: Decimal | None = None,
               balance_eur: Decimal | None = None) -> SizeClass:
    """The size class of a firm; with no financial figures, staff alone decides."""
    if staff < 0:
        raise ValueError("staff headcount cannot be negative")
    for limits in SME_LIMITS:
        if staff >= limits.staff_below:
            continue
        if turnover_eur is None and balance_eur is None:
            return limits.size_class
        if (turnover_eur is not None and turnover_eur <= limits.turnover_max_eur) or (
            balance_eur is not None and balance_eur <= limits.balance_max_eur
        ):
            return limits.size_class
    return SizeClass.LARGE
