"""The open-data export of opportunities (CSV, XLSX, JSON): one row per opportunity. The public
list's export leaves the contact point out (it is on each opportunity's page); the back office's
adds the status and the contact point for the moderators."""

from ecocsme.core.http import absolute_url

OPPORTUNITY_COLUMNS = (
    "id", "address", "title", "kind", "ecoc_title", "ecoc_year", "phase", "sectors", "language",
    "city", "country", "deadline", "budget_eur", "cross_border", "posted_for", "moderated_by",
    "published", "description",
)
BACK_OFFICE_COLUMNS = (*OPPORTUNITY_COLUMNS, "status", "closed", "contact_point", "contact_email",
                       "contact_phone", "example")


def _row(opportunity) -> tuple:
    title = opportunity.ecoc_title
    return (
        opportunity.pk, absolute_url("opportunities:detail", args=[opportunity.pk]), opportunity.title,
        opportunity.kind, title.city if title else "", title.year if title else None, opportunity.phase,
        " ".join(sector.code for sector in opportunity.sectors.all()), opportunity.language,
        opportunity.city, opportunity.country.code, opportunity.deadline, opportunity.budget_eur,
        opportunity.cross_border, opportunity.organisation.name if opportunity.organisation else "",
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
