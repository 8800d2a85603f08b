from django import template

from ecocsme.reference.countries import country_name

register = template.Library()


@register.filter(name="country_name")
def country_name_filter(country) -> str:
    """`{{ partner.country|country_name }}`: the country as the reader's language names it today."""
    return country_name(getattr(country, "code", country) or "")
