"""Country names in the reader's language, as that language writes them today, and lists of
countries sorted as its readers expect.

The names come from django-countries, which translates them into all eight languages. A few of its
translations are out of date or written with the wrong letters (checked against django-countries
9.1.0): Romanian uses the cedilla ş ţ instead of the comma-below ș ț (Franţa, Croaţia), five
languages still say Macedonia for North Macedonia (renamed 2019) and Swaziland for Eswatini
(2018), and some use a long or an older form where the EU's and the language's own usage is the
short current one. `CURRENT_NAMES` corrects those; every other name is the package's.

django-countries sorts its lists by the letters without their accents (in Lithuanian Čadas and
Čekija come before Centrinės Afrikos Respublika, where Č is a letter after C); `country_choices`
sorts with the language's collation (ecocsme.text.collation).
"""

from collections.abc import Iterable

from django.utils import translation
from django_countries import countries

from ecocsme.text.collation import collated

# Corrections by language and ISO 3166-1 code: the short name in current official use (the
# EU Interinstitutional Style Guide's list of countries, which follows each language's own
# authorities).
CURRENT_NAMES: dict[str, dict[str, str]] = {
    "ro": {
        "MK": "Macedonia de Nord",
        "SZ": "Eswatini",
        "CZ": "Cehia",  # the short name, as the other languages have it (Republica Cehă is the long one)
        "NL": "Țările de Jos",  # Olanda names two of its provinces, not the state
    },
    "it": {"MK": "Macedonia del Nord", "SZ": "Eswatini"},
    "de": {"SZ": "Eswatini"},
    "hr": {
        "MK": "Sjeverna Makedonija",
        "SZ": "Esvatini",
        "GB": "Ujedinjena Kraljevina",  # the package has the long form
        "LV": "Latvija",  # the package adds "(Letonija)"
    },
    "lt": {
        "MK": "Šiaurės Makedonija",
        "SZ": "Esvatinis",
        "NL": "Nyderlandai",  # Olandija names two of its provinces, not the state
    },
    "fi": {
        "MK": "Pohjois-Makedonia",
        "SZ": "Eswatini",
        "GB": "Yhdistynyt kuningaskunta",  # Iso-Britannia leaves out Northern Ireland
    },
}

CEDILLA_TO_COMMA = str.maketrans("şţŞŢ", "șțȘȚ")


def language_of(language: str | None = None) -> str:
    """The two-letter code of `language`, or of the active language."""
    return (language or translation.get_language() or "en").split("-")[0].split("_")[0].lower()


def country_name(code: str, language: str | None = None) -> str:
    """The name of the country `code` in `language` (default: the active language)."""
    language = language_of(language)
    code = (code or "").upper()
    if not code:
        return ""
    corrected = CURRENT_NAMES.get(language, {}).get(code)
    if corrected:
        return corrected
    with translation.override(language):
        name = str(countries.name(code))
    return name.translate(CEDILLA_TO_COMMA) if language == "ro" else name


def country_choices(language: str | None = None,
                    codes: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(code, name) of every country, or of `codes`, named and sorted in `language` (default:
    the active language): the choices of a country field or filter."""
    language = language_of(language)
    if codes is None:
        codes = (country.code for country in countries)
    pairs = [(code, country_name(code, language)) for code in dict.fromkeys(codes) if code]
    return collated(pairs, language, key=lambda pair: pair[1])
