"""The machine-translation backend the deployment chose, if any (off by default).

settings.ECOCSME_TRANSLATOR names a class with the `ecocsme.text.translate.Translator` interface,
e.g. "ecocsme.text.translate.ApertiumTranslator"; empty means no machine drafts are offered.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from ecocsme.text.translate import Translator


@cache
def _load(path: str) -> Translator | None:
    return import_string(path)() if path else None


def translator() -> Translator | None:
    return _load(getattr(settings, "ECOCSME_TRANSLATOR", "") or "")
