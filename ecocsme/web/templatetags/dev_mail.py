from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def mail_viewer_on() -> bool:
    """{% mail_viewer_on as on %}: whether the development mail viewer is switched on."""
    return bool(getattr(settings, "ECOCSME_MAIL_VIEWER", False))
