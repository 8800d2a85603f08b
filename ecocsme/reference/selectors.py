import datetime as dt

from django.db.models import Count
from django.utils import timezone

from .models import EcocTitle
from .phases import Phase


def today() -> dt.date:
    return timezone.localdate()


def ecoc_titles(*, on: dt.date | None = None, year: int | None = None,
                year_from: int | None = None, year_to: int | None = None,
                country: str | None = None, phase: Phase | str | None = None):
    """Titles with their phase on `on` (default today), filtered; ordered by year."""
    titles = EcocTitle.objects.with_phase_on(on or today())
    if year is not None:
        titles = titles.filter(year=year)
    if year_from is not None:
        titles = titles.filter(year__gte=year_from)
    if year_to is not None:
        titles = titles.filter(year__lte=year_to)
    if country:
        titles = titles.filter(country=country.upper())
    if phase:
        titles = titles.filter(phase=phase)
    return titles.order_by("year", "country", "city")


def ecoc_title_countries() -> list[str]:
    """Codes of the countries that have held or will hold a title."""
    return list(EcocTitle.objects.exclude(country="").order_by("country")
                .values_list("country", flat=True).distinct())


def ecoc_phase_counts(*, on: dt.date | None = None) -> dict[str, int]:
    rows = (EcocTitle.objects.with_phase_on(on or today()).values("phase")
            .annotate(n=Count("id")).order_by())
    return {row["phase"]: row["n"] for row in rows}
