from decimal import Decimal

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils import formats, translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ecocsme.core.i18n import LocalizedText, in_language, missing_languages

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`{{ mapping|get_item:key }}`: a dictionary's value for a key held in a variable."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


def _format_setting(name: str, default: str) -> str:
    """A setting of our own format modules (ecocsme/core/formats) for the active language."""
    for module in formats.get_format_modules(translation.get_language()):
        if hasattr(module, name):
            return getattr(module, name)
    return default


def money(value) -> str:
    """An amount in euros as the active language writes it: "118.163 €", "€118,163"."""
    if value is None or value == "":
        return ""
    amount = Decimal(value)
    whole = amount == amount.to_integral_value()
    grouped = formats.number_format(amount, decimal_pos=0 if whole else 2, use_l10n=True,
                                    force_grouping=True)
    return _format_setting("MONEY_FORMAT", "EUR %(amount)s") % {"amount": grouped}


register.filter("money", money)


@register.filter
def grouped(value) -> str:
    """A count with the active language's thousands separator: "10.000", "10 000"."""
    if value is None or value == "":
        return ""
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def _as_localized(value) -> LocalizedText:
    return value if isinstance(value, LocalizedText) else in_language(value)


@register.filter
def content(value):
    """Inline content in the reader's language; in another language it carries its `lang`
    and says which language it is shown in."""
    text = _as_localized(value)
    if not text.is_fallback:
        return text.text
    return format_html('<span lang="{}">{}</span> <small class="fallback-note">({})</small>',
                       text.language, text.text, text.shown_in)


@register.filter
def content_block(value):
    """Paragraphs of content in the reader's language, with a note when it falls back."""
    text = _as_localized(value)
    if not text:
        return ""
    paragraphs = linebreaks_filter(text.text, autoescape=True)  # escaped, then marked safe
    if not text.is_fallback:
        return paragraphs
    note = _("Not translated yet: shown %(in_language)s.") % {"in_language": text.shown_in}
    return format_html('<p class="fallback-note">{}</p><div lang="{}">{}</div>',
                       note, text.language, paragraphs)


@register.filter
def content_text(value) -> str:
    """Content as plain text (titles, subjects, attributes): "Text (in English)" on fallback."""
    return _as_localized(value).plain()


@register.inclusion_tag("core/_content_languages.html")
def content_languages(value, edit_url: str = ""):
    """Staff pages: the languages a content value is written in and those still missing."""
    names = dict(settings.LANGUAGES)
    missing = missing_languages(value)
    return {"written": [str(names[code]) for code in names if code not in missing],
            "missing": [str(names[code]) for code in missing], "edit_url": edit_url}
