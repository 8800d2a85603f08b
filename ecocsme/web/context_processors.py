from django.urls import translate_url
from django.utils.translation import get_language

from ecocsme.text.languages import LANGUAGES as PLATFORM_LANGUAGES


def site(request):
    """The language switcher: the current page in every interface language."""
    path = request.get_full_path()
    current = get_language()
    languages = []
    for language in PLATFORM_LANGUAGES:  # each named in itself, as a menu writes it
        languages.append({"code": language.code, "name": language.native_name,
                          "url": translate_url(path, language.code), "current": language.code == current})
    return {"interface_languages": languages}
