"""Opportunities in the REST API (WEB-3): the open opportunities with the list's filters, and one
opportunity, with the permissions of the pages (visitors see published opportunities only; a
past deadline counts as closed in the list)."""

import datetime as dt
from decimal import Decimal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from ecocsme.core.http import BoundedPageNumberPagination, absolute_url

from . import filters
from .access import open_opportunities, opportunity_visible
from .models import Opportunity
from .selectors import filtered, newest_first

router = Router(tags=["opportunities"])


class OpportunityOut(Schema):
    id: int
    url: str
    title: str
    description: str
    kind: Opportunity.Kind
    ecoc_title: str = Field(description='"<year>-<city>", e.g. "2023-timisoara".')
    phase: str = Field(description="preparation, event_year, legacy (or before, after).")
    sectors: list[str] = Field(description="NACE Rev. 2 divisions.")
    language: str
    city: str
    country: str
    deadline: dt.date
    budget_eur: Decimal | None
    cross_border: bool = Field(description="Whether organisations from other countries are welcome.")
    posted_for: str | None = Field(None, description="The organisation that posted it, if one did and "
                                                     "it wishes to be found.")
    status: str = Field(description="published or closed for visitors; a past deadline is closed.")
    is_example: bool
    published_at: dt.datetime | None

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url("opportunities:detail", args=[obj.pk])

    @staticmethod
    def resolve_ecoc_title(obj) -> str:
        return filters.title_key(obj.ecoc_title)

    @staticmethod
    def resolve_sectors(obj) -> list[str]:
        return obj.sector_codes

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code or ""

    @staticmethod
    def resolve_posted_for(obj) -> str | None:
        return obj.poster_name or None

    @staticmethod
    def resolve_status(obj) -> str:
        return "closed" if obj.is_closed else obj.status


class OpportunityDetailOut(OpportunityOut):
    contact_point: str
    contact_email: str
    contact_phone: str

    @staticmethod
    def resolve_contact_point(obj) -> str:
        return obj.contact_name


class OpportunityFilter(Schema):
    ecoc: str | None = Field(None, max_length=120, description='An ECoC title, e.g. "2023-timisoara".')
    phase: str | None = Field(None, max_length=20, description="preparation, event_year or legacy.")
    kind: str | None = Field(None, max_length=20, description=", ".join(Opportunity.Kind.values))
    sector: str | None = Field(None, max_length=10, description="A NACE division, e.g. 90.")
    country: str | None = Field(None, max_length=10, description="An ISO country code, e.g. RO.")
    language: str | None = Field(None, max_length=8)
    city: str | None = Field(None, max_length=100)
    q: str | None = Field(None, max_length=1000, description="Words of the title or description.")


@router.get("/opportunities", response=list[OpportunityOut], summary="Open opportunities")
@paginate(BoundedPageNumberPagination)
def opportunity_list(request: HttpRequest, params: Query[OpportunityFilter]):
    """Published opportunities whose deadline has not passed, newest first, by ECoC title, phase,
    kind, sector, country, language, city and words. A filter value that names nothing is a 400
    with the reason."""
    chosen = filters.read({name: value for name, value in params.dict().items() if value is not None})
    if chosen.problems:
        raise HttpError(400, " ".join(chosen.problems))
    return newest_first(filtered(open_opportunities(), chosen))


@router.get("/opportunities/{opportunity_id}", response=OpportunityDetailOut, summary="One opportunity")
def opportunity_detail(request: HttpRequest, opportunity_id: int):
    """A published or closed opportunity; a logged-in poster or moderator also reads it before."""
    opportunity = opportunity_visible(request.user, opportunity_id)
    if opportunity is None:
        raise Http404(_("No such opportunity."))
    return opportunity


# --- engagement figures (OPP-4) ----------------------------------------------------------------------
class EngagementCounts(Schema):
    reached: int = Field(description="Organisations told about an opportunity, or that said they were "
                                     "interested.")
    interested: int = Field(description="Organisations with an interest not withdrawn.")
    contracted: int = Field(description="Organisations whose interest was recorded as contracted.")


class EngagementRow(EngagementCounts):
    key: str = Field(description='The ECoC title ("2023-timisoara"), phase, NACE division or size class; '
                                 '"" for none given.')
    label: str


class EngagementOut(Schema):
    totals: EngagementCounts
    by_ecoc_title: list[EngagementRow]
    by_phase: list[EngagementRow]
    by_sector: list[EngagementRow]
    by_size_class: list[EngagementRow]


class EngagementFilter(Schema):
    ecoc: str | None = Field(None, max_length=120, description='An ECoC title, e.g. "2023-timisoara".')
    phase: str | None = Field(None, max_length=20, description="preparation, event_year or legacy.")
    since: dt.date | None = Field(None, description="The first day of the period.")
    until: dt.date | None = Field(None, description="The last day of the period.")


@router.get("/engagement", response=EngagementOut, summary="Engagement figures")
def opportunity_engagement(request: HttpRequest, params: Query[EngagementFilter]):
    """Organisations reached, interested and contracted through opportunities (OPP-4), counts only,
    in total and by ECoC title, phase, NACE division and size class: for the project's members with
    a logged-in session, as on the engagement page (partner staff: the opportunities their partner
    moderates; coordinators: their project's). A filter value that names nothing is a 400 with the reason."""
    from .access import engagement_opportunities
    from .selectors import engagement_figures

    scope, _whose = engagement_opportunities(request.user)
    chosen = filters.read({name: value for name, value in (("ecoc", params.ecoc), ("phase", params.phase))
                           if value is not None})
    if chosen.problems:
        raise HttpError(400, " ".join(chosen.problems))
    if params.since and params.until and params.since > params.until:
        raise HttpError(400, _("The period ends before it starts."))
    return engagement_figures(ecoc_title=chosen.ecoc_title, phase=chosen.phase or None, opportunities=scope,
                              since=params.since, until=params.until)


# --- who fits (OPP-2) ------------------------------------------------------------------------------
class MatchOut(Schema):
    id: int = Field(description="The organisation's or the opportunity's id.")
    name: str
    url: str
    score: float = Field(description="Higher fits better; comparable within one list only.")
    reasons: list[str] = Field(description="Why it fits, in the language asked for (Accept-Language).")


@router.get("/opportunities/{opportunity_id}/matches", response=list[MatchOut],
            summary="Organisations that fit an opportunity")
def opportunity_matches(request: HttpRequest, opportunity_id: int):
    """For its poster's side, its moderators and the coordinators (a logged-in session): the
    organisations that wish to be found and fit, best first, with the reasons."""
    from .access import opportunity_for
    from .matching import NotReady, organisations_for

    opportunity = opportunity_for(request.user, opportunity_id, perm="opportunities.see_matches")
    try:
        matches = organisations_for(opportunity)
    except NotReady as preparing:
        raise HttpError(503, _("The organisations' profiles are being read; ask again in a few "
                               "seconds.")) from preparing
    return [{"id": match.record.pk, "name": match.record.name, "score": round(match.score, 4),
             "url": absolute_url("organisations:profile", args=[match.record.pk]), "reasons": match.reasons}
            for match in matches]


@router.get("/organisations/{organisation_id}/opportunities", response=list[MatchOut],
            summary="Open opportunities that fit an organisation")
def organisation_opportunities(request: HttpRequest, organisation_id: int):
    """For those who represent the organisation and the partners' staff (a logged-in session)."""
    from .access import organisation_for_matches
    from .matching import opportunities_for

    if not request.user.is_authenticated:
        raise Http404(_("No such organisation."))
    organisation = organisation_for_matches(request.user, organisation_id)
    return [{"id": match.record.pk, "name": match.record.title, "score": round(match.score, 4),
             "url": absolute_url("opportunities:detail", args=[match.record.pk]), "reasons": match.reasons}
            for match in opportunities_for(organisation)]
