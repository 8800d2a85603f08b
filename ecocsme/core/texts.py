"""Checking what people write into a {language code: text} field or a plain text field: control,
direction and format characters taken out, blank-looking text treated as empty, lengths kept.
Every app's services use these, so a text is cleaned the same way everywhere."""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

# Hangul fillers and the Braille blank look like nothing but are letters or symbols.
BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def cleaned(text: str) -> str:
    """The text without control and format characters, line ends as \\n, stripped."""
    text = CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(c for c in text if unicodedata.category(c) != "Cf").strip()


def has_words(text: str) -> bool:
    return any(unicodedata.category(c)[0] in "LNS" and c not in BLANK_LOOKING for c in text)


def checked_text(value, *, name: str, limit: int, required: bool = False) -> str:
    """One plain text, cleaned; ValidationError when required and empty, or too long."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(_("%(name)s: write a text.") % {"name": name})
    text = cleaned(value)
    if not has_words(text):
        text = ""
    if required and not text:
        raise ValidationError(_("%(name)s: write a few words.") % {"name": name})
    if len(text) > limit:
        raise ValidationError(
            _("%(name)s is %(count)s characters long; at most %(limit)s are allowed.")
            % {
                "name": name,
                "count": number_format(len(text), force_grouping=True),
                "limit": number_format(limit, force_grouping=True),
            }
        )
    return text


def checked_texts(value, *, name: str, limit: int, required: bool = False) -> dict[str, str]:
    """A {language code: text} value, each text cleaned, empty languages dropped, only the
    platform's languages; ValidationError when required and empty, or too long in a language."""
    if value is None:
        value = {}
    codes = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ValidationError(_("%(name)s: give a text per language.") % {"name": name})
    unknown = sorted(set(value) - codes)
    if unknown:
        raise ValidationError(
            _("%(name)s: “%(code)s” is not a language of the platform.")
            % {"name": name, "code": unknown[0][:10]}
        )
    texts = {}
    for code, text in value.items():
        text = cleaned(text)
        if has_words(text):
            texts[code] = text
    if required and not texts:
        raise ValidationError(_("%(name)s: write it in at least one language.") % {"name": name})
    for code, text in texts.items():
        if len(text) > limit:
            raise ValidationError(
                _("%(name)s in %(language)s is %(count)s characters long; at most %(limit)s are allowed.")
                % {
                    "name": name,
                    "language": code,
                    "count": number_format(len(text), force_grouping=True),
                    "limit": number_format(limit, force_grouping=True),
                }
            )
    return texts
