from django import template

from ecocsme.core.i18n import localized

register = template.Library()


@register.simple_tag
def i18n_text(value, language=None):
    """{% i18n_text project.summary as summary %} → summary.text and summary.lang."""
    text, lang = localized(value, language)
    return {"text": text, "lang": lang}


@register.filter
def eur(value):
    """A whole-euro amount with the active language's digit grouping."""
    from django.utils.formats import number_format

    if value is None:
        return ""
    return number_format(round(value), decimal_pos=0, use_l10n=True, force_grouping=True)
