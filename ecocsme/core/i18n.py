"""Multilingual content: a {language code: text} value shown in the active language."""

from django.conf import settings
from django.utils import translation


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def localized(value: dict[str, str] | None, language: str | None = None) -> tuple[str, str]:
    """Text for `language` (default: the active one) and the language it is really in.

    Falls back to the site's default language, then to any language that has text.
    """
    if not value:
        return "", ""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    for code in (language, settings.LANGUAGE_CODE, *value.keys()):
        text = value.get(code)
        if text:
            return text, code
    return "", ""
