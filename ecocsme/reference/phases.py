"""The three phases of a European Capital of Culture title, computed from its dates (REF-2).

Pure functions on plain values; the model stores their results so that lists can filter and
sort by phase in SQL.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_PREPARATION_YEARS = 4
DEFAULT_LEGACY_YEARS = 5


class Phase(models.TextChoices):
    BEFORE = "before", _("Not yet in preparation")
    PREPARATION = "preparation", _("Preparation")
    EVENT_YEAR = "event_year", _("Title year")
    LEGACY = "legacy", _("Legacy")
    AFTER = "after", _("After the legacy years")


# The three phases the programme speaks of, in order.
ECOC_PHASES = (Phase.PREPARATION, Phase.EVENT_YEAR, Phase.LEGACY)


@dataclass(frozen=True)
class PhaseDates:
    preparation_starts: dt.date
    event_starts: dt.date
    event_ends: dt.date
    legacy_ends: dt.date

    def phase_on(self, day: dt.date) -> Phase:
        if day < self.preparation_starts:
            return Phase.BEFORE
        if day < self.event_starts:
            return Phase.PREPARATION
        if day <= self.event_ends:
            return Phase.EVENT_YEAR
        if day <= self.legacy_ends:
            return Phase.LEGACY
        return Phase.AFTER


def phase_dates(*, year: int, original_year: int | None = None,
                designation_date: dt.date | None = None,
                title_extended_to: dt.date | None = None,
                preparation_years: int = DEFAULT_PREPARATION_YEARS,
                legacy_years: int = DEFAULT_LEGACY_YEARS) -> PhaseDates:
    """Dates of a title's phases.

    Preparation runs from designation — by default 1 January, `preparation_years` before the
    year the title was first designated for (a moved title keeps its original designation)
    — to the eve of the title year. The title year may be extended (Rijeka and Galway 2020
    ran to 30 April 2021). Legacy runs to the end of the `legacy_years`-th year after.
    """
    first_year = original_year or year
    preparation_starts = designation_date or dt.date(first_year - preparation_years, 1, 1)
    event_starts = dt.date(year, 1, 1)
    event_ends = title_extended_to or dt.date(year, 12, 31)
    legacy_ends = dt.date(year + legacy_years, 12, 31)
    if event_ends < event_starts:
        raise ValueError("the title year cannot end before it starts")
    return PhaseDates(
        preparation_starts=min(preparation_starts, event_starts),
        event_starts=event_starts,
        event_ends=event_ends,
        legacy_ends=max(legacy_ends, event_ends),
    )
