"""What a search asks for, read from a page's query string or an API call: the text and the
facet values. A value that names nothing (an unknown country, theme or title) is dropped with
a message saying so, never an error."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django_countries import countries

from ecocsme.reference.models import EcocTitle, NaceDivision
from ecocsme.reference.phases import ECOC_PHASES
from ecocsme.text.search import MAX_QUERY_CHARS

from .search.catalogue import FACETS
from .themes import Theme

MAX_VALUES = 20  # per facet


@dataclass
class SearchRequest:
    text: str = ""
    filters: dict[str, list] = field(default_factory=dict)  # facet → catalogue values
    chosen: dict[str, list[str]] = field(default_factory=dict)  # facet → values as written in URLs
    problems: list[str] = field(default_factory=list)


def title_key(title) -> str:
    return f"{title.year}-{title.slug}"


def read(text: str | None, values: dict[str, list[str]]) -> SearchRequest:
    request = SearchRequest(text=(text or "").strip())
    if len(request.text) > MAX_QUERY_CHARS:
        request.problems.append(_("Only the first %(count)s characters of the search were used.")
                                % {"count": MAX_QUERY_CHARS})
        request.text = request.text[:MAX_QUERY_CHARS]
    for facet in FACETS:
        asked = [value.strip() for value in values.get(facet, []) if value and value.strip()][:MAX_VALUES]
        if not asked:
            continue
        known, unknown = _check(facet, list(dict.fromkeys(asked)))
        if unknown:
            request.problems.append(_("Nothing is filed under %(values)s; that filter was left out.")
                                    % {"values": ", ".join(f"“{value[:40]}”" for value in unknown)})
        if known:
            request.filters[facet] = list(known.values())
            request.chosen[facet] = list(known)
    return request


def _check(facet: str, asked: list[str]) -> tuple[dict[str, object], list[str]]:
    """({value as written: catalogue value}, unknown values)."""
    if facet == "country":
        known = {value: value.upper() for value in asked if value.upper() in dict(countries)}
    elif facet == "phase":
        known = {value: value for value in asked if value in {phase.value for phase in ECOC_PHASES}}
    elif facet == "theme":
        known = {value: value for value in asked if value in Theme.values}
    elif facet == "sector":
        codes = set(NaceDivision.objects.filter(code__in=asked).values_list("code", flat=True))
        known = {value: value for value in asked if value in codes}
    else:  # ecoc: "2018-leeuwarden"
        known = {}
        years = {int(value[:4]) for value in asked if value[:4].isascii() and value[:4].isdigit()}
        for title in EcocTitle.objects.filter(year__in=years).exclude(city=""):
            if title_key(title) in asked:
                known[title_key(title)] = title.pk
    return known, [value for value in asked if value not in known]


def from_query_dict(query) -> SearchRequest:
    return read(query.get("q"), {facet: query.getlist(facet) for facet in FACETS})


def from_facet_params(text: str | None, facets: list[str]) -> SearchRequest:
    """The API's form: facet=country:NL&facet=theme:youth."""
    values: dict[str, list[str]] = {}
    request_problems = []
    for item in facets:
        name, _sep, value = item.partition(":")
        if name in FACETS and value:
            values.setdefault(name, []).append(value)
        else:
            request_problems.append(item)
    request = read(text, values)
    if request_problems:
        request.problems.append(_("Facets are written as name:value with a name among %(names)s; "
                                  "left out: %(items)s.") % {"names": ", ".join(FACETS),
                                                             "items": ", ".join(request_problems)[:200]})
    return request
