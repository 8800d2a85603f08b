import datetime as dt
from collections.abc import Iterable

from django.db.models import Count
from django.utils import timezone, translation

from ecocsme.text.collation import collation_key

from .countries import country_choices, language_of
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


def ecoc_titles_in_reading_order(titles: Iterable[EcocTitle],
                                 language: str | None = None) -> list[EcocTitle]:
    """`titles` by year, and within a year by city as `language` (default: the active one)
    names and sorts them; titles whose city is not designated yet come last, by country."""
    language = language_of(language)
    key = collation_key(language)
    with translation.override(language):
        return sorted(titles, key=lambda t: (t.year, not t.city, key(t.city_name or t.country_name)))


def ecoc_title_countries() -> list[str]:
    """Codes of the countries that have held or will hold a title."""
    return list(EcocTitle.objects.exclude(country="").order_by("country")
                .values_list("country", flat=True).distinct())


def ecoc_title_country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of the countries that have held or will hold a title, named and sorted in
    `language` (default: the active one)."""
    return country_choices(language, codes=ecoc_title_countries())


def ecoc_phase_counts(*, on: dt.date | None = None) -> dict[str, int]:
    rows = (EcocTitle.objects.with_phase_on(on or today()).values("phase")
            .annotate(n=Count("id")).order_by())
    return {row["phase"]: row["n"] for row in rows}


def ecoc_titles_for_choice():
    """Every title, newest first, for a form's choice of the title something is linked to."""
    return EcocTitle.objects.exclude(city="").order_by("-year", "city")


def ecoc_title_at(year: int, city_slug: str) -> EcocTitle | None:
    """The title of `year` whose city, written without accents and spaces, is `city_slug`."""
    for title in EcocTitle.objects.with_phase_on(today()).filter(year=year):
        if title.city and title.slug == city_slug:
            return title
    return None


def nace_divisions():
    from .models import NaceDivision

    return NaceDivision.objects.select_related("section").order_by("code")


def nuts_regions():
    from .models import NutsRegion

    return NutsRegion.objects.order_by("code")


def phase_notes(title: EcocTitle) -> dict[str, "object"]:
    """{phase: note} of a title."""
    return {note.phase: note for note in title.phase_notes.all()}
