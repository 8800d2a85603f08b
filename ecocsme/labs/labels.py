"""How respondent kinds and languages read in the synthesis pages, charts and reports."""

from django.conf import settings
from django.utils.translation import gettext, gettext_lazy

from ecocsme.organisations.models import Organisation

NOT_KNOWN = gettext_lazy("not known")


def kind_labels() -> dict[str, str]:
    return {"": str(NOT_KNOWN), **{k: str(v) for k, v in Organisation.Kind.choices}}


def language_labels() -> dict[str, str]:
    return {"": str(NOT_KNOWN), "?": str(NOT_KNOWN),
            **{code: gettext(name) for code, name in settings.LANGUAGES}}
