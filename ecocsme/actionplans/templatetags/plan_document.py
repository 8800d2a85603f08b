"""`{% plan_view_of document links as plan %}`: a plan document (selectors.plan_document, a
version's snapshot) as `documents.PlanView` for a web page, its texts in the reader's language."""

from django import template
from django.utils import translation

from ..documents import plan_view

register = template.Library()


@register.simple_tag
def plan_view_of(document, links=None, version=None):
    if not isinstance(document, dict):
        return None
    return plan_view(document, language=(translation.get_language() or "en")[:2],
                     links=links if isinstance(links, dict) else None,
                     version=version if isinstance(version, dict) else None)
