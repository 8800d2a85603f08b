
from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ecocsme.core.formats import grouped, money, percent
from ecocsme.core.i18n import LocalizedText, in_language, missing_languages

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`{{ mapping|get_item:key }}`: a dictionary's value for a key held in a variable."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


register.filter("money", money)
register.filter("grouped", grouped)
register.filter("percent", percent)


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


# Languages that capitalise nouns, so a label cannot simply be lowered inside a sentence.
CAPITALISING = {"de"}


@register.filter
def inline(label) -> str:
    """A label ("Confirmed", "Event invitations") as it reads inside a sentence: small first
    letter, except in German, whose labels are mostly nouns."""
    text = str(label)
    language = (translation.get_language() or "en")[:2]
    return text if language in CAPITALISING or text[1:2].isupper() else text[:1].lower() + text[1:]
