"""Language detection of free text, limited to the platform's languages (WEB-2)."""

from functools import lru_cache

from .languages import LANGUAGES

MIN_CONFIDENCE = 0.5
MIN_LENGTH = 12  # shorter texts are too often mistaken
READ_CHARS = 2000  # the beginning says enough


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, language.lingua_name) for language in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str, *, default: str = "") -> str:
    """ISO 639-1 code of the text's language, or `default` when it is too short or unclear."""
    text = (text or "").strip()
    if len(text) < MIN_LENGTH:
        return default
    return _detect(text[:READ_CHARS]) or default


@lru_cache(maxsize=4096)
def _detect(text: str) -> str:
    """Repeated texts (a lab's questions, parsed with every reply) are looked at once."""
    values = _detector().compute_language_confidence_values(text)
    if not values or values[0].value < MIN_CONFIDENCE:
        return ""
    return values[0].language.iso_code_639_1.name.lower()
