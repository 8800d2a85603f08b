"""The open-data export of published practices (CSV, XLSX, JSON): one row per practice, the
texts in the reader's language where written in it (else English, else any), with the language
each is in; the API gives every language."""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ecocsme.core.exports import each_labelled
from ecocsme.core.http import absolute_url
from ecocsme.core.i18n import in_language
from ecocsme.reference.phases import Phase

from .themes import Theme

LANGUAGE_NAMES = dict(settings.LANGUAGES)

PRACTICE_COLUMNS = (
    ("id", _("ID")), ("address", _("Web address")), ("title", _("Title")), ("summary", _("Summary")),
    ("text_language", _("Language of the texts"), LANGUAGE_NAMES),
    ("languages", _("Written in"), each_labelled(LANGUAGE_NAMES)), ("ecoc_title", _("ECoC title")),
    ("ecoc_year", _("ECoC year")), ("country", _("Country")), ("nuts_region", _("NUTS-2 region")),
    ("city", _("City")), ("phases", _("ECoC phases"), each_labelled(dict(Phase.choices))),
    ("themes", _("Themes"), each_labelled(dict(Theme.choices))), ("sectors", _("Sectors (NACE)")),
    ("started", _("Started")), ("ended", _("Ended")), ("main_institution", _("Main institution")),
    ("contact_organisation", _("Contact organisation")), ("website", _("Website")),
    ("identified_by", _("Identified by")), ("project", _("Project")), ("published", _("Published")),
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
