"""A match's explanation in plain words, in the reader's language: the sentences the pages, the
digests and the API give beside each suggestion."""

from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from ecocsme.reference.countries import country_name
from ecocsme.reference.selectors import nace_divisions
from ecocsme.text.matching import Explanation, PartnerExplanation


def nace_names() -> tuple[dict[str, str], dict[str, str]]:
    """(division code → "code title", section letter → "letter title"): read once per page."""
    divisions, sections = {}, {}
    for division in nace_divisions():
        divisions[division.code] = f"{division.code} {division.title}"
        sections[division.section_id] = f"{division.section_id} {division.section.title}"
    return divisions, sections


def _language(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _join(items) -> str:
    return "; ".join(str(item) for item in items)


def match_reasons(explanation: Explanation, nace: tuple, *, city: str = "", country: str = "",
                  language: str = "") -> list[str]:
    """Why an organisation fits an opportunity; `nace` from `nace_names()`, `city` and `country`
    the organisation's, `language` the opportunity's."""
    divisions, sections = nace
    said = []
    if explanation.shared_divisions:
        said.append(_("Works in the sector asked for: %(sectors)s.") % {
            "sectors": _join(divisions.get(c, c) for c in explanation.shared_divisions)})
    elif explanation.shared_sections:
        said.append(_("Works in a neighbouring sector: %(sections)s.") % {
            "sections": _join(sections.get(c, c) for c in explanation.shared_sections)})
    if explanation.capabilities:
        said.append(_("Can do what is asked: %(capabilities)s.") % {
            "capabilities": _join(explanation.capabilities)})
    if explanation.closeness == "close":
        said.append(_("Its description says much the same as the opportunity."))
    elif explanation.closeness == "related":
        said.append(_("Its description is related to the opportunity."))
    if explanation.speaks_language and language:
        said.append(_("Speaks %(language)s, the opportunity's language.") % {"language": _language(language)})
    if explanation.place == "same_city":
        said.append(_("Based in %(city)s, where the opportunity is.") % {"city": city})
    elif explanation.place == "same_country":
        said.append(_("Based in %(country)s, the opportunity's country.") % {
            "country": country_name(country) or country})
    else:
        said.append(_("Based in %(country)s: the opportunity welcomes organisations from other "
                      "countries.") % {"country": country_name(country) or country})
    if explanation.partner_only:
        said.append(_("A public body or ECoC organiser: suggested as a partner, not as a supplier."))
    return said


def partner_reasons(explanation: PartnerExplanation, nace: tuple) -> list[str]:
    """Why an organisation is suggested to another as a partner."""
    divisions, _sections = nace
    said = []
    if explanation.closeness:
        said.append(_("Its profile is close to yours."))
    if explanation.their_sectors:
        said.append(_("Brings other sectors: %(sectors)s.") % {
            "sectors": _join(divisions.get(c, c) for c in explanation.their_sectors)})
    if explanation.other_country:
        said.append(_("Based in %(country)s: a partner across the border.") % {
            "country": country_name(explanation.other_country) or explanation.other_country})
    if explanation.common_languages:
        said.append(_("Languages in common: %(languages)s.") % {
            "languages": ", ".join(_language(code) for code in explanation.common_languages)})
    return said
