"""The open-data export of opportunities (CSV, XLSX, JSON): one row per opportunity. The public
list's export leaves the contact point out (it is on each opportunity's page); the back office's
adds the status and the contact point for the moderators."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ecocsme.core.http import absolute_url
from ecocsme.reference.phases import Phase

from .models import Interest, Opportunity

LANGUAGE_NAMES = dict(settings.LANGUAGES)
YES_NO = {True: _("yes"), False: _("no")}
OPPORTUNITY_COLUMNS = (
    ("id", _("ID")), ("address", _("Web address")), ("title", _("Title")),
    ("kind", _("Kind"), dict(Opportunity.Kind.choices)), ("ecoc_title", _("ECoC title")),
    ("ecoc_year", _("ECoC year")), ("phase", _("ECoC phase"), dict(Phase.choices)),
    ("sectors", _("Sectors (NACE)")), ("language", _("Language"), LANGUAGE_NAMES), ("city", _("City")),
    ("country", _("Country")), ("deadline", _("Deadline")), ("budget_eur", _("Budget (EUR)")),
    ("cross_border", _("Open across borders"), YES_NO), ("posted_for", _("Posted for")),
    ("moderated_by", _("Moderated by")), ("published", _("Published")), ("description", _("Description")),
)
BACK_OFFICE_COLUMNS = (
    *OPPORTUNITY_COLUMNS, ("status", _("Status"), dict(Opportunity.Status.choices)), ("closed", _("Closed")),
    ("contact_point", _("Contact point")), ("contact_email", _("Contact e-mail")),
    ("contact_phone", _("Contact phone")), ("example", _("Example content"), YES_NO),
)


def _row(opportunity) -> tuple:
    title = opportunity.ecoc_title
    return (
        opportunity.pk, absolute_url("opportunities:detail", args=[opportunity.pk]), opportunity.title,
        opportunity.kind, title.city if title else "", title.year if title else None, opportunity.phase,
        " ".join(sector.code for sector in opportunity.sectors.all()), opportunity.language,
        opportunity.city, opportunity.country.code, opportunity.deadline, opportunity.budget_eur,
        opportunity.cross_border, opportunity.poster_name,
        opportunity.partner.name if opportunity.partner else "", opportunity.published_at,
        opportunity.description,
    )


def opportunity_rows(opportunities):
    for opportunity in opportunities:
        yield _row(opportunity)


def back_office_rows(opportunities):
    for opportunity in opportunities:
        yield (*_row(opportunity), opportunity.status, opportunity.closed_at, opportunity.contact_name,
               opportunity.contact_email, opportunity.contact_phone, opportunity.is_example)


# "Our interests": a representative's own organisations' interests (what they said, where it stands).
INTEREST_COLUMNS = (
    ("opportunity_id", _("Opportunity ID")), ("opportunity", _("Opportunity")), ("address", _("Web address")),
    ("ecoc_title", _("ECoC title")), ("deadline", _("Deadline")), ("organisation", _("Organisation")),
    ("status", _("Status"), dict(Interest.Status.choices)), ("said", _("Said on")), ("changed", _("Changed")),
    ("withdrawn", _("Withdrawn")), ("message", _("Message")),
)


def interest_rows(interests):
    for interest in interests:
        opportunity = interest.opportunity
        yield (opportunity.pk, opportunity.title, absolute_url("opportunities:detail", args=[opportunity.pk]),
               str(opportunity.ecoc_title), opportunity.deadline, interest.organisation.name, interest.status,
               interest.created_at, interest.updated_at, interest.withdrawn_at, interest.message)


# The engagement figures (OPP-4), one table per chart: counts of organisations, never names.
DIMENSIONS = {"totals": _("All"), "ecoc_title": _("ECoC title"), "phase": _("ECoC phase"),
              "sector": _("Sector"), "size_class": _("Size class")}
ENGAGEMENT_COLUMNS = (
    ("dimension", _("By"), DIMENSIONS), ("key", _("Code")), ("label", _("Group")),
    ("reached", _("Reached")), ("interested", _("Interested")), ("contracted", _("Contracted")),
)


def engagement_rows(figures: dict, table: str):
    """The rows of one table of `selectors.engagement_figures` ("totals", "ecoc_title", "phase",
    "sector", "size_class")."""
    if table == "totals":
        totals = figures["totals"]
        yield ("totals", "", "", totals["reached"], totals["interested"], totals["contracted"])
        return
    for row in figures[f"by_{table}"]:
        yield (table, row["key"], row["label"], row["reached"], row["interested"], row["contracted"])
