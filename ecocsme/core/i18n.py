"""Multilingual content: a {language code: text} value shown in the reader's language.

Content written by people (an event's title, a lab's questions, a partner's name) is stored
per language. A reader gets their own language when it is given; otherwise the platform's
default, then any language that has text — and the page says which language that is.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# "Shown in English": one whole phrase per language, as each language says it.
SHOWN_IN = {
    "en": _("in English"),
    "ro": _("in Romanian"),
    "it": _("in Italian"),
    "de": _("in German"),
    "nl": _("in Dutch"),
    "hr": _("in Croatian"),
    "lt": _("in Lithuanian"),
    "fi": _("in Finnish"),
}


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def reader_language(language: str | None = None) -> str:
    return (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]


@dataclass(frozen=True)
class LocalizedText:
    """A content text as one reader gets it: the text, its language, the language wanted."""

    text: str
    language: str
    wanted: str

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def is_fallback(self) -> bool:
        return bool(self.text) and self.language != self.wanted

    @property
    def shown_in(self) -> str:
        """"in English", in the reader's language; empty when the text is in their language."""
        return str(SHOWN_IN.get(self.language, self.language)) if self.is_fallback else ""

    def plain(self) -> str:
        """For plain text (subjects, documents): "Text (in English)" when it falls back."""
        return f"{self.text} ({self.shown_in})" if self.is_fallback else self.text


def in_language(value: dict[str, str] | None, language: str | None = None) -> LocalizedText:
    """The text of `value` for a reader of `language` (default: the active language)."""
    wanted = reader_language(language)
    if isinstance(value, str):  # a plain text where a text per language belongs: the default language
        value = {settings.LANGUAGE_CODE: value}
    value = value if isinstance(value, dict) else {}
    for code in (wanted, settings.LANGUAGE_CODE, *value.keys()):
        text = value.get(code)
        if text and isinstance(text, str):
            return LocalizedText(text, code, wanted)
    return LocalizedText("", wanted, wanted)


def with_english(english: str, translations) -> dict[str, str]:
    """A name kept in English plus its translations, as one {language code: text} value."""
    stored = translations if isinstance(translations, dict) else {}
    return {"en": english, **{code: text for code, text in stored.items()
                              if code != "en" and isinstance(text, str)}}


def localized(value: dict[str, str] | None, language: str | None = None) -> tuple[str, str]:
    """Text for `language` (default: the active one) and the language it is really in."""
    found = in_language(value, language)
    return found.text, found.language


def missing_languages(value: dict[str, str] | None, languages: list[str] | None = None) -> list[str]:
    """Platform languages (or `languages`) in which `value` has no text yet."""
    value = value if isinstance(value, dict) else {}
    return [code for code in (languages or language_codes()) if not str(value.get(code) or "").strip()]
