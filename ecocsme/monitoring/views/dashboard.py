"""The monitoring dashboard (AP-4) for a project's members and the administrator: indicators
against their targets, actions by status, the budget planned and spent, participation over the
semesters and, for the whole project, each partner's standing; for the whole project or one
partner (the partner chooser). Charts are drawn on the server (core.charts), each with its table
and a download of it (CSV, XLSX) under the same permission as the page. Everyone else gets the
404 of a project that does not exist (access.project_for)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ecocsme.core.charts import (
    Mark,
    Progress,
    Series,
    column_chart,
    compact_stacked_bar_chart,
    line_chart,
    progress_chart,
)
from ecocsme.core.exports import export_response
from ecocsme.core.formats import money, percent

from ..access import monitored_projects, project_for
from ..indicators import shown, unit_label
from ..selectors import project_partners
from ..tables import (
    ACTION_STATUSES,
    KIND_HEADINGS,
    KIND_ORDER,
    TABLES,
    Figures,
    action_status_labels,
    export_filename,
    indicators_table,
    partner_label,
    period_short,
)

EXPORT_FORMATS = ("csv", "xlsx")
UNITS_NAMED = ("people", "organisations")  # units the figures' words name; € and % show in the number


@login_required
@require_safe
def index(request):
    """The projects whose monitoring the user may see; with one, straight to its dashboard."""
    if not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    projects = list(monitored_projects(request.user))
    if len(projects) == 1:
        return redirect("monitoring:dashboard", code=projects[0].code)
    return render(request, "monitoring/index.html", {"projects": projects})


def _chosen(request, partners: list):
    """The partner the dashboard is for, among the project's (None: the whole project); 404 for
    a partner that is not the project's, or an id that is no id."""
    value = request.GET.get("partner", "")
    if not value:
        return None
    partner = next((p for p in partners if str(p.pk) == value), None)
    if partner is None:
        raise Http404(_("This project has no such partner."))
    return partner


def _progress_words(figure: dict) -> str:
    unit = figure["unit"]
    value, target = shown(figure["total"], unit), shown(figure["target"], unit)
    named = {"unit": unit_label(unit)} if unit in UNITS_NAMED else {}
    if figure["target"] is None or figure["progress"] is None:
        if named:
            return _("%(value)s %(unit)s; no target set") % {"value": value, **named}
        return _("%(value)s; no target set") % {"value": value}
    share = percent(round(figure["progress"] * 100))
    if named:
        return _("%(value)s of %(target)s %(unit)s (%(share)s)") % {
            "value": value, "target": target, "share": share, **named}
    return _("%(value)s of %(target)s (%(share)s)") % {"value": value, "target": target, "share": share}


def indicator_sections(figures: list[dict]) -> list[dict]:
    """A chart and its table per kind of indicator (output, result, the project's own)."""
    sections = []
    for kind in KIND_ORDER:
        rows = [figure for figure in figures if figure["kind"] == kind]
        if not rows:
            continue
        title = str(KIND_HEADINGS[kind])
        progress = [Progress(str(f["name"]), float(f["total"]), float(f["target"]) if f["target"] else None,
                             _progress_words(f)) for f in rows]
        sections.append({"kind": kind, "title": title, "table": indicators_table(figures, kind),
                         "svg": progress_chart(progress, title=title, target_label=_("Target"))})
    return sections


def actions_chart(table, by_partner: bool):
    labels = action_status_labels()
    rows = [(row[0], dict(zip(ACTION_STATUSES, row[1:5], strict=True))) for row in table.rows]
    if not any(sum(values.values()) for _label, values in rows):
        return ""
    title = _("Actions by status, per partner") if by_partner else _("Actions by status")
    return compact_stacked_bar_chart(rows, title=title, order=list(ACTION_STATUSES), segment_labels=labels)


def budget_chart(figures: dict):
    periods = figures["periods"]
    if not periods:
        return ""
    spent = [float(p["cumulative_spent"]) if p["spent"] is not None else None for p in periods]
    planned = [float(p["cumulative_planned"]) for p in periods]
    mark = None
    if figures["budget"]:
        words = _("Total budget: %(amount)s") % {"amount": money(figures["budget"])}
        mark = Mark(float(figures["budget"]), words)
    return line_chart([period_short(p["number"]) for p in periods],
                      [Series(_("Spent so far"), spent), Series(_("Planned so far"), planned)],
                      title=_("Budget planned and spent, added up over the semesters"), mark=mark, fmt=money)


def participation_charts(figures: list[dict]) -> list:
    if not figures:
        return []
    periods = [period_short(p["number"]) for p in figures]

    def series(name: str, key: str) -> Series:
        return Series(name, [p[key] for p in figures])

    return [
        column_chart(periods, [series(_("Events held"), "events"), series(_("Labs held"), "labs")],
                     title=_("Events and labs held per semester")),
        column_chart(periods, [series(_("Participants"), "participants"), series(_("Answers"), "answers")],
                     title=_("Participants in the events and answers to the labs per semester")),
    ]


def burn_chart(overview: list[dict]):
    rows = []
    for row in overview:
        if not row["budget"]:
            continue
        rows.append(Progress(partner_label(row["partner"]), float(row["spent_total"]), float(row["budget"]),
                             _("%(spent)s of %(budget)s (%(share)s)") % {
                                 "spent": money(row["spent_total"]), "budget": money(row["budget"]),
                                 "share": percent(round((row["burn"] or 0) * 100))}))
    if not rows:
        return ""
    return progress_chart(rows, title=_("Budget spent per partner"), target_label=_("The partner's budget"))


@login_required
@require_safe
def dashboard(request, code: str):
    project = project_for(request.user, code)
    partners = project_partners(project)
    partner = _chosen(request, partners)
    figures = Figures(project, partner, partners=partners)
    budget = figures.budget
    context = {
        "project": project, "partner": partner, "partners": partners,
        "indicators": indicator_sections(figures.indicators),
        "actions": figures.table("actions"), "budget": budget, "budget_table": figures.table("budget"),
        "budget_svg": budget_chart(budget),
        "participation": figures.table("participation"),
        "participation_svgs": participation_charts(figures.participation),
    }
    context["actions_svg"] = actions_chart(context["actions"], partner is None)
    if partner is None:
        context["partners_table"] = figures.table("partners")
        context["burn_svg"] = burn_chart(figures.overview)
    return render(request, "monitoring/dashboard.html", context)


@login_required
@require_safe
def table_export(request, code: str, table: str, fmt: str):
    """A table of the dashboard as CSV or XLSX, for the project or the partner chosen."""
    project = project_for(request.user, code)
    if table not in TABLES or fmt not in EXPORT_FORMATS:
        raise Http404(_("No such table or format."))
    partners = project_partners(project)
    partner = _chosen(request, partners)
    data = Figures(project, partner, partners=partners).table(table)
    return export_response(fmt, export_filename(project, partner, table), data.headings, data.export_rows())
