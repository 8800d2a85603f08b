"""The engagement figures (OPP-4) for the project's members: organisations reached, interested and
contracted through opportunities, in total and by ECoC title, phase, sector and size class, as bar
charts drawn on the server with their tables, each table downloadable (CSV, XLSX, JSON). Partner
staff see the figures of the opportunities their partner moderates; coordinators all."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ecocsme.core.charts import bar_chart, stacked_bar_chart
from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import query_without

from ..access import engagement_opportunities, engagement_titles
from ..exports import ENGAGEMENT_COLUMNS, engagement_rows
from ..forms import EngagementFilterForm
from ..selectors import engagement_figures

TABLES = {
    "ecoc_title": gettext_lazy("By ECoC title"),
    "phase": gettext_lazy("By ECoC phase"),
    "sector": gettext_lazy("By sector of the opportunity (NACE)"),
    "size_class": gettext_lazy("By size of the organisation"),
}
# The first column of each table.
HEADINGS = {
    "ecoc_title": gettext_lazy("ECoC title"),
    "phase": gettext_lazy("Phase"),
    "sector": gettext_lazy("Sector"),
    "size_class": gettext_lazy("Size"),
}
SEGMENTS = ["contracted", "interested", "reached"]  # the same colours in every chart


def figure_charts(figures: dict) -> list[dict]:
    """One chart per table: each bar an ECoC title (a phase…), its length the organisations
    reached, split into those contracted, interested (not contracted) and only reached."""
    labels = {"contracted": _("Contracted"), "interested": _("Interested, not contracted"),
              "reached": _("Reached, not interested")}
    charts = []
    for table, title in TABLES.items():
        rows = figures[f"by_{table}"]
        stacked = [(row["label"], {"contracted": row["contracted"],
                                   "interested": row["interested"] - row["contracted"],
                                   "reached": row["reached"] - row["interested"]}) for row in rows]
        svg = stacked_bar_chart(stacked, title=str(title), segment_labels=labels,
                                order=SEGMENTS) if rows else ""
        charts.append({"table": table, "title": str(title), "heading": str(HEADINGS[table]), "rows": rows,
                       "svg": svg})
    return charts


@login_required
@require_safe
def engagement(request):
    scope, whose = engagement_opportunities(request.user)
    titles = engagement_titles(scope)
    form = EngagementFilterForm(request.GET or None, titles=titles)
    if form.is_bound and not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.warning(request, error)
    figures = engagement_figures(opportunities=scope, **form.filters())
    fmt, table = request.GET.get("format"), request.GET.get("table", "")
    if fmt is not None:
        if fmt not in EXPORT_FORMATS or table not in ("totals", *TABLES):
            raise Http404(_("No such table or format."))
        return export_response(fmt, f"opportunity-engagement-{table.replace('_', '-')}", ENGAGEMENT_COLUMNS,
                               engagement_rows(figures, table))
    totals = figures["totals"]
    total_rows = [(_("Reached"), totals["reached"]), (_("Interested"), totals["interested"]),
                  (_("Contracted"), totals["contracted"])]
    return render(request, "opportunities/engagement.html", {
        "form": form, "figures": figures, "totals": totals, "whose": whose,
        "totals_svg": bar_chart(total_rows, title=_("Organisations reached, interested and contracted")),
        "charts": figure_charts(figures), "query": query_without(request, "format", "table", "page"),
    })
