import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from ecocsme.core.http import BoundedPageNumberPagination

from .access import project_for_view, projects_visible_to
from .selectors import project_partners

router = Router(tags=["partnerships"])


class ProjectOut(Schema):
    code: str
    acronym: str
    title: str
    programme: str
    start_date: dt.date
    end_date: dt.date
    duration_months: int
    total_budget: Decimal | None = Field(description="EUR")


class PartnerOut(Schema):
    id: int
    number: int
    role: str
    name: str
    city: str
    country: str
    nuts_region: str | None = Field(alias="nuts_region_id")
    ecoc_title: str | None
    ecoc_year: int | None
    policy_instrument: str | None
    budget: Decimal | None = Field(description="EUR; null where not published")

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code

    @staticmethod
    def resolve_ecoc_title(obj) -> str | None:
        return str(obj.ecoc_title) if obj.ecoc_title else None

    @staticmethod
    def resolve_ecoc_year(obj) -> int | None:
        return obj.ecoc_title.year if obj.ecoc_title else None

    @staticmethod
    def resolve_policy_instrument(obj) -> str | None:
        return obj.policy_instrument.name if obj.policy_instrument else None


@router.get("/projects", response=list[ProjectOut], summary="Projects")
@paginate(BoundedPageNumberPagination)
def project_list(request: HttpRequest):
    return projects_visible_to(request.user)


@router.get("/projects/{code}", response=ProjectOut, summary="One project")
def project_detail(request: HttpRequest, code: str):
    return project_for_view(request.user, code)


@router.get("/projects/{code}/partners", response=list[PartnerOut], summary="A project's partners")
@paginate(BoundedPageNumberPagination)
def partner_list(request: HttpRequest, code: str):
    return project_partners(project_for_view(request.user, code))
