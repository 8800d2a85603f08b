"""The open-data export of published practices (CSV, XLSX, JSON): one row per practice, the
texts in the reader's language where written in it (else English, else any), with the language
each is in; the API gives every language."""

from django.utils.translation import get_language

from ecocsme.core.http import absolute_url
from ecocsme.core.i18n import in_language

PRACTICE_COLUMNS = (
    "id", "address", "title", "summary", "text_language", "languages", "ecoc_title", "ecoc_year",
    "country", "nuts_region", "city", "phases", "themes", "sectors", "started", "ended",
    "main_institution", "contact_organisation", "website", "identified_by", "project", "published",
)


def practice_rows(practices):
    language = get_language()
    for practice in practices:
        title = in_language(practice.title, language)
        yield (
            practice.pk, absolute_url("practices:detail", args=[practice.slug]), str(title),
            str(in_language(practice.summary, title.language)), title.language,
            " ".join(practice.languages),
            practice.ecoc_title.city if practice.ecoc_title else "",
            practice.ecoc_title.year if practice.ecoc_title else None,
            practice.country.code, practice.nuts_region_id or "", practice.city,
            " ".join(practice.phases), " ".join(practice.themes),
            " ".join(sector.code for sector in practice.sectors.all()),
            practice.starts_on, practice.ends_on, practice.main_institution,
            practice.contact_organisation, practice.website, practice.partner.name,
            practice.partner.project.code if practice.partner.project_id else "", practice.published_at,
        )
