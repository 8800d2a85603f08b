import datetime as dt

from django.http import HttpRequest
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from ecocsme.core.http import BoundedPageNumberPagination

from .phases import Phase
from .selectors import ecoc_titles, today

router = Router(tags=["reference"])


class EcocTitleOut(Schema):
    year: int
    city: str = Field(description="Empty until the city is designated; as the EU lists it, in "
                                  "English.")
    city_name: str = Field(description="The city in the language asked for (Accept-Language): "
                                       "Atena in Romanian, Atėnai in Lithuanian.")
    country: str = Field(description="ISO 3166-1 alpha-2 code; empty for an open slot.")
    country_name: str = Field(description="The country in the language asked for.")
    original_year: int | None = Field(description="The year first designated, if moved.")
    title_extended_to: dt.date | None
    phase: Phase = Field(description="The phase on the date asked for (default today).")
    preparation_starts: dt.date
    event_starts: dt.date
    event_ends: dt.date
    legacy_ends: dt.date

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code or ""


class EcocTitleFilter(FilterSchema):
    year: int | None = Field(None, ge=1985, le=2100)
    country: str | None = Field(None, min_length=2, max_length=2,
                                description="ISO 3166-1 alpha-2 code, e.g. RO.")
    phase: Phase | None = None
    on: dt.date | None = Field(None, description="Date for the phase; default today.")


@router.get("/ecoc-titles", response=list[EcocTitleOut], summary="European Capitals of Culture")
@paginate(BoundedPageNumberPagination)
def ecoc_title_list(request: HttpRequest, filters: Query[EcocTitleFilter]):
    """Every title since 1985, with its phase on a date, filtered by year, country and phase."""
    return ecoc_titles(on=filters.on or today(), year=filters.year, country=filters.country,
                       phase=filters.phase)
