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
INTEREST_COLUMNS = ("opportunity_id", "opportunity", "address", "ecoc_title", "deadline", "organisation",
                    "status", "said", "changed", "withdrawn", "message")


def interest_rows(interests):
    for interest in interests:
        opportunity = interest.opportunity
        yield (opportunity.pk, opportunity.title, absolute_url("opportunities:detail", args=[opportunity.pk]),
               str(opportunity.ecoc_title), opportunity.deadline, interest.organisation.name, interest.status,
               interest.created_at, interest.updated_at, interest.withdrawn_at, interest.message)


# The engagement figures (OPP-4), one table per chart: counts of organisations, never names.
ENGAGEMENT_COLUMNS = ("dimension", "key", "label", "reached", "interested", "contracted")


def engagement_rows(figures: dict, table: str):
    """The rows of one table of `selectors.engagement_figures` ("totals", "ecoc_title", "phase",
    "sector", "size_class")."""
    if table == "totals":
        totals = figures["totals"]
        yield ("totals", "", "", totals["reached"], totals["interested"], totals["contracted"])
        return
    for row in figures[f"by_{table}"]:
        yield (table, row["key"], row["label"], row["reached"], row["interested"], row["contracted"])
