"""Time zones as readers name them: "Ora Europei de Est", "osteuropäische Zeit"… (CLDR via ICU),
not the IANA identifier "Europe/Bucharest"."""

from functools import lru_cache

import icu

# Languages whose zone names start with a word written small inside a sentence; the others
# begin with a proper adjective or a noun (Oost-Europese tijd, Osteuropäische Zeit).
SMALL_FIRST_WORD = {"ro", "it", "lt", "fi"}


@lru_cache(maxsize=512)
def zone_name(zone: str, language: str) -> str:
    """The generic long name of `zone` in `language`, as it reads inside a sentence."""
    if zone in ("UTC", "Etc/UTC"):
        return "UTC"  # the same letters in every language
    found = icu.TimeZone.createTimeZone(zone)
    if found.getID() == "Etc/Unknown":
        return zone
    name = found.getDisplayName(False, icu.TimeZone.LONG_GENERIC, icu.Locale(language))
    if not name or name.startswith(("GMT+", "GMT-")):
        return zone
    if language in SMALL_FIRST_WORD and not name[1:2].isupper():  # never "gMT"
        return name[:1].lower() + name[1:]
    return name
