"""Good practices in the REST API (WEB-3): the search with its facets, and one practice, with the
permissions of the pages (visitors see published practices only)."""

import datetime as dt

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from ecocsme.core.http import absolute_url

from . import filters
from .access import assessments_of, practice_visible, published_practices
from .models import Practice
from .search import engine
from .selectors import assessment_summary, attachments_of, facet_items, in_order, sector_codes

router = Router(tags=["practices"])
MAX_PAGE_SIZE = 100


class FacetValueOut(Schema):
    value: str = Field(description="What to pass back as facet=<name>:<value>.")
    label: str
    count: int
    chosen: bool


class FacetOut(Schema):
    name: str = Field(description="ecoc, country, phase, theme or sector.")
    label: str
    values: list[FacetValueOut]


class PracticeSummaryOut(Schema):
    id: int
    slug: str
    url: str
    title: dict[str, str] = Field(description="Text per language code.")
    summary: dict[str, str]
    snippet: str | None = Field(None, description="HTML with the matched words in <mark>, when searching.")
    snippet_language: str | None = None
    ecoc_title: str | None = Field(None, description='"<year>-<city>", e.g. "2018-leeuwarden".')
    country: str
    city: str
    phases: list[str]
    themes: list[str]
    sectors: list[str] = Field(description="NACE Rev. 2 divisions.")
    languages: list[str]
    is_example: bool
    published_at: dt.datetime | None


class SearchOut(Schema):
    query: str
    count: int
    page: int
    page_size: int
    results: list[PracticeSummaryOut]
    facets: list[FacetOut]
    messages: list[str] = Field(description="What was left out of the request and why.")


class AssessmentOut(Schema):
    partner: str
    score: int
    conditions: str
    comment: str


class PracticeOut(PracticeSummaryOut):
    description: dict[str, str]
    resources: dict[str, str]
    evidence_of_success: dict[str, str]
    difficulties: dict[str, str]
    transfer_potential: dict[str, str]
    stakeholders: dict[str, str]
    expert_opinion: dict[str, str]
    keywords: list[str]
    nuts_region: str | None
    started: dt.date | None
    ended: dt.date | None
    main_institution: str
    contact_organisation: str
    website: str
    identified_by: str
    project: str
    status: str
    assessment_average: float | None
    assessments: list[AssessmentOut]
    attachments: list[str] = Field(description="Addresses of its images and PDF documents.")


def _summary(practice: Practice, snippet=None) -> dict:
    from .filters import title_key

    return {
        "id": practice.pk, "slug": practice.slug,
        "url": absolute_url("practices:detail", args=[practice.slug]),
        "title": practice.title, "summary": practice.summary,
        "snippet": snippet[0] if snippet else None, "snippet_language": snippet[1] if snippet else None,
        "ecoc_title": title_key(practice.ecoc_title) if practice.ecoc_title else None,
        "country": practice.country.code, "city": practice.city, "phases": practice.phases,
        "themes": practice.themes, "sectors": sector_codes(practice),
        "languages": practice.languages, "is_example": practice.is_example,
        "published_at": practice.published_at,
    }


class SearchIn(Schema):
    q: str = Field("", max_length=10_000, description="Words in any platform language.")
    facet: list[str] = Field([], description="name:value, e.g. country:NL, theme:youth, phase:legacy, "
                                             "sector:90, ecoc:2018-leeuwarden; repeat for more.")
    page: int = Field(1, ge=1, le=10**6)
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)
    language: str = Field("", max_length=8,
                          description="The language snippets are taken from when the practice has it.")


@router.get("/practices", response=SearchOut, summary="Search the good practices")
def practice_search(request: HttpRequest, params: Query[SearchIn]):
    """Published practices matching the words (in any platform language, with or without
    diacritics, in any inflected form; practices written in other languages are found too),
    best first, with facet counts. Without words, the newest first."""
    from django.utils.translation import get_language

    q, facet, page, page_size = params.q, params.facet, params.page, params.page_size
    language = params.language
    asked = filters.from_facet_params(q, facet)
    results = engine.search(asked.text, asked.filters)
    start = (page - 1) * page_size
    practices = in_order(published_practices(), results.ids[start:start + page_size], whole=True)
    snippets = engine.snippets(results.query, practices, language or get_language()) if results.query else {}
    return {
        "query": asked.text, "count": results.total, "page": page, "page_size": page_size,
        "results": [_summary(practice, snippets.get(practice.pk)) for practice in practices],
        "facets": [{"name": name, "label": label,
                    "values": [{"value": value, "label": text, "count": count, "chosen": chosen}
                               for value, text, count, chosen in items]}
                   for name, label, items in facet_items(results.facets, asked.chosen, results.labels)],
        "messages": asked.problems,
    }


@router.get("/practices/{practice_id}", response=PracticeOut, summary="One good practice")
def practice_detail(request: HttpRequest, practice_id: int):
    """A published practice; a logged-in member of its project also reads its draft."""
    practice = practice_visible(request.user, practice_id)
    if practice is None:
        raise Http404(_("No such practice."))
    figures = assessment_summary(practice)
    return {
        **_summary(practice),
        **{name: getattr(practice, name) for name in (
            "description", "resources", "evidence_of_success", "difficulties", "transfer_potential",
            "stakeholders", "expert_opinion", "keywords", "main_institution", "contact_organisation",
            "website", "status")},
        "nuts_region": practice.nuts_region_id, "started": practice.starts_on, "ended": practice.ends_on,
        "identified_by": practice.partner.name, "project": practice.partner.project.code,
        "assessment_average": figures["average"],
        "assessments": [{"partner": a.partner.name, "score": a.score, "conditions": a.conditions,
                         "comment": a.comment} for a in assessments_of(practice)],
        "attachments": [absolute_url("practices:attachment", args=[practice.slug, a.pk, a.name])
                        for a in attachments_of(practice)],
    }
