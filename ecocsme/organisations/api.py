"""Organisations in the REST API (WEB-3): the public profiles only — organisations that wish to
be found and were verified by the partners' staff — never a person. Every other organisation is
a 404, whoever asks: the back office keeps them."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from ecocsme.core.http import BoundedPageNumberPagination, absolute_url

from .access import public_profile_for
from .models import Organisation
from .selectors import public_profiles_list

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    id: int
    url: str
    name: str
    kind: Organisation.Kind
    size_class: str = Field(description="micro, small, medium, large (EU definition) or empty.")
    sectors: list[str] = Field(description="NACE Rev. 2 divisions.")
    city: str
    country: str
    languages: list[str]
    description: str
    capabilities: list[str]
    website: str
    is_example: bool

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url("organisations:profile", args=[obj.pk])

    @staticmethod
    def resolve_sectors(obj) -> list[str]:
        return obj.sector_codes

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code or ""

    @staticmethod
    def resolve_capabilities(obj) -> list[str]:
        return obj.capability_list


class OrganisationFilter(Schema):
    sector: str | None = Field(None, max_length=10, description="A NACE division, e.g. 56.")
    country: str | None = Field(None, max_length=10, description="An ISO country code, e.g. LT.")
    city: str | None = Field(None, max_length=100)
    kind: str | None = Field(None, max_length=20, description=", ".join(Organisation.Kind.values))
    language: str | None = Field(None, max_length=8, description="A language it works in, e.g. lt.")
    q: str | None = Field(None, max_length=200, description="Words of the name or description.")


@router.get("/organisations", response=list[OrganisationOut], summary="Organisations that wish to be found")
@paginate(BoundedPageNumberPagination)
def organisation_list(request: HttpRequest, params: Query[OrganisationFilter]):
    """The public profiles, by name, filtered by sector, country, city, kind, language and words."""
    return public_profiles_list(sector=params.sector, country=params.country, city=params.city,
                                kind=params.kind, language=params.language, q=params.q)


@router.get("/organisations/{organisation_id}", response=OrganisationOut, summary="One public profile")
def organisation_detail(request: HttpRequest, organisation_id: int):
    return public_profile_for(organisation_id)
