"""The addresses of a version: its page in a language, and its citable address — the same page
without the language prefix, which the site sends on to the reader's language, so that one
address names the version for ever, whatever language the citing reader used."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def version_path(slug: str, number: str, *, language: str | None = None) -> str:
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return reverse("guidelines:version", args=[slug, number])


def citable_path(slug: str, number: str) -> str:
    """/guidelines/<slug>/<number>/, without the language prefix."""
    path = version_path(slug, number, language=settings.LANGUAGE_CODE)
    prefix = f"/{settings.LANGUAGE_CODE}/"
    return "/" + path[len(prefix):] if path.startswith(prefix) else path


def citable_url(slug: str, number: str) -> str:
    return settings.ECOCSME_BASE_URL.rstrip("/") + citable_path(slug, number)


def file_url(slug: str, number: str, fmt: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("guidelines:file", args=[slug, number, fmt])
    return settings.ECOCSME_BASE_URL.rstrip("/") + path
