"""What a list of opportunities asks for, read from a page's query string, a feed's address or
an API call: the ECoC title ("2023-timisoara"), phase, kind, NACE division, country, language,
city and words. A value that names nothing is a problem with a clear message: the page leaves
that filter out and says so, the feed and the API answer 400 with the message."""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from django_countries import countries

from ecocsme.reference.countries import country_name
from ecocsme.reference.phases import Phase

from .models import Opportunity

NAMES = ("ecoc", "phase", "kind", "sector", "country", "language", "city", "q")
MAX_QUERY_CHARS = 200
MAX_WORDS = 8
TITLE_KEY = re.compile(r"(\d{4})-([a-z0-9-]{1,100})")


@dataclass
class Chosen:
    ecoc_title: object = None  # reference.EcocTitle
    phase: str = ""
    kind: str = ""
    sector: str = ""
    country: str = ""
    language: str = ""
    city: str = ""
    text: str = ""
    asked: dict[str, str] = field(default_factory=dict)  # name → the value as written, when kept
    problems: list[str] = field(default_factory=list)  # values that name nothing
    notices: list[str] = field(default_factory=list)  # what was cut, e.g. a long search

    @property
    def words(self) -> list[str]:
        return self.text.split()[:MAX_WORDS]

    def describe(self) -> list[str]:
        """The filters in words, for a feed's title: "sector 90", "Timișoara", "Legacy"…"""
        parts = []
        if self.ecoc_title is not None:
            parts.append(str(self.ecoc_title))
        if self.phase:
            parts.append(str(Phase(self.phase).label))
        if self.kind:
            parts.append(str(Opportunity.Kind(self.kind).label))
        if self.sector:
            parts.append(_("sector %(code)s") % {"code": self.sector})
        if self.city:
            parts.append(self.city)
        if self.country:
            parts.append(country_name(self.country))
        if self.language:
            parts.append(str(dict(settings.LANGUAGES)[self.language]))
        if self.text:
            parts.append(f"“{self.text}”")
        return parts


def title_key(title) -> str:
    return f"{title.year}-{title.slug}"


def _clean(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def read(values) -> Chosen:
    """`values`: anything with .get(name) (a QueryDict, a dict)."""
    from ecocsme.reference.models import NaceDivision
    from ecocsme.reference.selectors import ecoc_title_at

    chosen = Chosen()
    asked = {name: _clean(values.get(name)) for name in NAMES}

    def refuse(message: str) -> None:
        chosen.problems.append(message)

    def shown(value: str) -> str:
        return f"“{value[:40]}”"

    if value := asked["ecoc"]:
        match = TITLE_KEY.fullmatch(value.lower())
        title = ecoc_title_at(int(match[1]), match[2]) if match else None
        if title is None:
            refuse(_("No ECoC title is called %(value)s; write it as year-city, e.g. 2023-timisoara.")
                   % {"value": shown(value)})
        else:
            chosen.ecoc_title = title
    if value := asked["phase"]:
        if value in Phase.values:
            chosen.phase = value
        else:
            refuse(_("%(value)s is not an ECoC phase; the phases are %(names)s.")
                   % {"value": shown(value), "names": ", ".join(Phase.values)})
    if value := asked["kind"]:
        if value in Opportunity.Kind.values:
            chosen.kind = value
        else:
            refuse(_("%(value)s is not a kind of opportunity; the kinds are %(names)s.")
                   % {"value": shown(value), "names": ", ".join(Opportunity.Kind.values)})
    if value := asked["sector"]:
        if len(value) <= 2 and NaceDivision.objects.filter(code=value).exists():
            chosen.sector = value
        else:
            refuse(_("%(value)s is not a NACE division; write its two digits, e.g. 90.")
                   % {"value": shown(value)})
    if value := asked["country"]:
        if value.upper() in dict(countries):
            chosen.country = value.upper()
        else:
            refuse(_("%(value)s is not a country code; write its two letters, e.g. RO.")
                   % {"value": shown(value)})
    if value := asked["language"]:
        if value in dict(settings.LANGUAGES):
            chosen.language = value
        else:
            refuse(_("%(value)s is not a language of the platform; write its code, e.g. ro.")
                   % {"value": shown(value)})
    if value := asked["city"]:
        if len(value) <= 100 and value.isprintable():
            chosen.city = value
        else:
            refuse(_("A city is at most 100 characters, without control characters."))
    if value := asked["q"]:
        value = "".join(character for character in value if character.isprintable())
        if len(value) > MAX_QUERY_CHARS:
            chosen.notices.append(_("Only the first %(count)s characters of the search were used.")
                                  % {"count": MAX_QUERY_CHARS})
            value = value[:MAX_QUERY_CHARS]
        chosen.text = value.strip()
    kept = {"ecoc": chosen.ecoc_title is not None, "phase": chosen.phase, "kind": chosen.kind,
            "sector": chosen.sector, "country": chosen.country, "language": chosen.language,
            "city": chosen.city}
    chosen.asked = {name: asked[name] for name, is_kept in kept.items() if is_kept}
    if chosen.text:
        chosen.asked["q"] = chosen.text
    return chosen
