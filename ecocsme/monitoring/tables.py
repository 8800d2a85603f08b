"""The tables behind the dashboard's charts (AP-4): one per chart, the same rows on the page (for
screen readers and for people who would rather read) and in the downloads (CSV, XLSX).

A table keeps its cells as values (Decimal, int, date, text), so a download has numbers a
spreadsheet can add up; the page writes each in the reader's language by its column's kind
(`Table.shown`). Each table reads its figures from `selectors` once; `dashboard_tables` reads
those that a page shows, each once, so the page makes the same number of queries whatever the
number of partners, periods and indicators.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from ecocsme.core.formats import grouped, money, percent
from ecocsme.core.i18n import in_language

from . import selectors
from .indicators import SOURCES, shown, unit_label

TABLES = ("indicators", "actions", "budget", "participation", "partners")
KIND_ORDER = ("output", "result", "custom")
KIND_HEADINGS = {
    "output": gettext_lazy("Output indicators"),
    "result": gettext_lazy("Result indicators"),
    "custom": gettext_lazy("The project's own indicators"),
}
ACTION_STATUSES = ("planned", "in_progress", "done", "dropped")


def action_status_labels() -> dict[str, str]:
    from ecocsme.actionplans.selectors import status_labels

    return status_labels()["action"]


def plan_status_labels() -> dict[str, str]:
    from ecocsme.actionplans.selectors import status_labels

    return status_labels()["plan"]


def period_short(number: int) -> str:
    """A semester's name on a chart's axis: "S1"."""
    return pgettext("semester, short", "S%(number)s") % {"number": number}


def period_name(number: int) -> str:
    return _("Semester %(number)s") % {"number": number}


def whole(value):
    """A Decimal without its ".00" when it is whole (12, not 12.00); None stays None."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def per_cent(share: float | None) -> Decimal | None:
    """A share (0.625) as per cent with one decimal (62.5), for the tables and the downloads."""
    return None if share is None else Decimal(str(round(share * 100, 1)))


@dataclass
class Column:
    heading: str
    # How the page writes the cells: text, number, money, percent (a value in per cent), date,
    # or unit (the row's own unit, `Table.units`).
    kind: str = "text"

    @property
    def numeric(self) -> bool:
        """Figures align right, in tabular digits; text and dates stay left."""
        return self.kind not in ("text", "date")


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    units: list[str] = field(default_factory=list)  # per row, for the columns of kind "unit"
    totals: list | None = None  # a last row, set apart on the page

    def all_rows(self) -> list[list]:
        return self.rows + ([self.totals] if self.totals else [])

    @property
    def headings(self) -> list[str]:
        return [column.heading for column in self.columns]

    def shown(self) -> list[list[dict]]:
        """The rows for the page: each cell {"text", "numeric"} in the reader's formats; the first
        cell of a row is its heading."""
        writers: dict[str, Callable] = {"number": grouped, "money": money, "percent": percent,
                                        "date": lambda value: formats.date_format(value, "DATE_FORMAT")}
        shown_rows = []
        for index, row in enumerate(self.all_rows()):
            unit = self.units[index] if index < len(self.units) else "number"
            is_total = self.totals is not None and index == len(self.rows)
            cells = []
            for column, value in zip(self.columns, row, strict=True):
                if value is None or value == "":
                    text = "–" if column.kind != "text" and not is_total else ""
                elif column.kind == "unit":
                    text = shown(value, unit)
                elif column.kind in writers:
                    text = writers[column.kind](whole(value))
                else:
                    text = str(value)
                cells.append({"text": text, "numeric": column.numeric})
            shown_rows.append(cells)
        return shown_rows

    def export_rows(self) -> list[list]:
        """The rows for a download: numbers as numbers, text as text."""
        return [[str(value) if isinstance(value, str) else whole(value) for value in row]
                for row in self.all_rows()]


def partner_label(partner) -> str:
    """A partner as the charts and tables name it: its short name, else its name in the reader's
    language."""
    return partner.short_name or str(in_language(partner.names)) or partner.name


# --- the tables -----------------------------------------------------------------------------------
def indicators_table(figures: list[dict], kind: str | None = None) -> Table:
    """Per indicator: its kind and unit, baseline, target, the value of each semester, the total
    and the progress against the target (per cent). With `kind`, only the indicators of that kind
    and no column for it (the table under each chart); without, all (the download)."""
    periods = figures[0]["periods"] if figures else []
    rows = [figure for figure in figures if kind is None or figure["kind"] == kind]
    kinds = dict(KIND_HEADINGS)
    table = Table("indicators", str(kinds.get(kind, _("Indicators"))), [
        Column(_("Indicator")), *([Column(_("Kind"))] if kind is None else []), Column(_("Unit")),
        Column(_("Baseline"), "unit"), Column(_("Target"), "unit"),
        *(Column(period_name(p["number"]), "unit") for p in periods),
        Column(_("Total"), "unit"), Column(_("Progress (%)"), "percent")])
    kind_labels = {"output": _("Output"), "result": _("Result"), "custom": _("Project's own")}
    for figure in rows:
        kind_cell = [kind_labels.get(figure["kind"], figure["kind"])] if kind is None else []
        table.rows.append([str(figure["name"]), *kind_cell, unit_label(figure["unit"]), figure["baseline"],
                           figure["target"], *(p["value"] for p in figure["periods"]), figure["total"],
                           per_cent(figure["progress"])])
        table.units.append(figure["unit"])
    return table


def actions_table(counts: dict[str, int], by_partner: list[tuple[object, dict]] | None = None,
                  partner=None) -> Table:
    """Actions of the action plans by status: per partner with a total row (the project), or the
    partner's own (`by_partner` None)."""
    labels = action_status_labels()
    table = Table("actions", _("Actions by status"), [
        Column(_("Partner")), *(Column(labels[status], "number") for status in ACTION_STATUSES),
        Column(_("Total"), "number")])
    for partner, row in by_partner or []:
        table.rows.append([partner_label(partner), *(row.get(s, 0) for s in ACTION_STATUSES),
                           sum(row.get(s, 0) for s in ACTION_STATUSES)])
    label = _("All partners") if by_partner is not None else partner_label(partner) if partner else ""
    numbers = [counts.get(status, 0) for status in ACTION_STATUSES]
    total = [label, *numbers, sum(numbers)]
    if by_partner is None:
        table.rows.append(total)
    else:
        table.totals = total
    return table


def _semester_columns() -> list[Column]:
    return [Column(_("Semester")), Column(_("From"), "date"), Column(_("To"), "date")]


def budget_table(figures: dict) -> Table:
    """Per semester: planned and spent, and both added up over the semesters; the total last."""
    table = Table("budget", _("Budget: planned and spent"), [
        *_semester_columns(), Column(pgettext("budget", "Planned"), "money"), Column(_("Spent"), "money"),
        Column(_("Planned so far"), "money"), Column(_("Spent so far"), "money")])
    for period in figures["periods"]:
        reported = period["spent"] is not None
        table.rows.append([period_name(period["number"]), period["start"], period["end"], period["planned"],
                           period["spent"], period["cumulative_planned"],
                           period["cumulative_spent"] if reported else None])
    table.totals = [_("Total"), None, None, figures["planned_total"], figures["spent_total"], None, None]
    return table


def participation_table(figures: list[dict]) -> Table:
    """Per semester: events held and their participants, labs held and the answers to them."""
    table = Table("participation", _("Participation"), [
        *_semester_columns(), Column(_("Events held"), "number"), Column(_("Participants"), "number"),
        Column(_("Labs held"), "number"), Column(_("Answers"), "number")])
    names = ("events", "participants", "labs", "answers")
    for period in figures:
        table.rows.append([period_name(period["number"]), period["start"], period["end"],
                           *(period[name] for name in names)])
    if figures:
        table.totals = [_("Total"), None, None, *(sum(period[name] for period in figures) for name in names)]
    return table


def partners_table(overview: list[dict]) -> Table:
    """Per partner: the action plan's status, the indicators on track of those with a target,
    the budget, what was spent and its share."""
    labels = plan_status_labels()
    table = Table("partners", _("Partners"), [
        Column(_("Partner")), Column(_("Action plan")), Column(_("Indicators on track"), "number"),
        Column(_("Indicators with a target"), "number"), Column(_("Budget"), "money"),
        Column(_("Spent"), "money"), Column(_("Budget spent (%)"), "percent")])
    for row in overview:
        table.rows.append([partner_label(row["partner"]),
                           labels.get(row["plan_status"], "") if row["plan_status"] else _("No plan yet"),
                           row["indicators_on_track"], row["indicators_with_target"], row["budget"],
                           row["spent_total"], per_cent(row["burn"])])
    return table


# --- what a page or a download reads -------------------------------------------------------------
PARTICIPATION = {"events": "events_held", "participants": "event_participants", "labs": "labs_held",
                 "answers": "lab_answers"}


def participation_of(data: selectors.ProjectData) -> list[dict]:
    """selectors.participation_figures counted as the indicators count them (the same sources,
    the same periods) from what `data` computed for the indicators, so the dashboard reads the
    events and the labs' answers once; a source no indicator uses is computed apart. Per period
    {"number", "start", "end", "events", "participants", "labs", "answers"}."""
    computed = data.computed

    def cells_of(source: str) -> dict:
        if source in computed:
            return computed[source]
        return SOURCES[source](data.project, data.partner_ids, data.spans, facts=data.facts)

    cells = {key: cells_of(source) for key, source in PARTICIPATION.items()} if data.partner_ids else {}
    rows = []
    for span in data.spans:
        counts = {key: int(sum((value for (_pid, number), value in cells.get(key, {}).items()
                                if number == span.number), Decimal(0))) for key in PARTICIPATION}
        rows.append({"number": span.number, "start": span.start, "end": span.end, **counts})
    return rows


@dataclass
class Figures:
    """The selectors' figures for one project (or one partner), each read on first use."""

    project: object
    partner: object = None
    partners: list | None = None  # the project's, when the caller has them already
    _cache: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.partners is None:
            self.partners = selectors.project_partners(self.project)

    @cached_property
    def data(self) -> selectors.ProjectData:
        """What the indicators are made of, read once for the indicators and the participation."""
        return selectors.ProjectData(self.project, self.partner)

    def _read(self, name: str, reader: Callable):
        if name not in self._cache:
            self._cache[name] = reader()
        return self._cache[name]

    @property
    def indicators(self) -> list[dict]:
        return self._read("indicators",
                          lambda: selectors.indicator_figures(self.project, self.partner, data=self.data))

    @property
    def budget(self) -> dict:
        return self._read("budget", lambda: selectors.budget_figures(self.project, self.partner))

    @property
    def actions(self) -> dict[str, int]:
        return self._read("actions", lambda: selectors.action_status_figures(self.project, self.partner))

    @property
    def actions_by_partner(self) -> dict[int, dict[str, int]]:
        from ecocsme.actionplans.selectors import action_status_by_partner

        return self._read("actions_by_partner", lambda: action_status_by_partner(project=self.project))

    @property
    def participation(self) -> list[dict]:
        return self._read("participation", lambda: participation_of(self.data))


    @property
    def overview(self) -> list[dict]:
        def read():
            rows = selectors.partners_overview(self.project, data=self.data if self.partner is None else None)
            return [row for row in rows if self.partner is None or row["partner"].pk == self.partner.pk]
        return self._read("overview", read)

    def table(self, name: str) -> Table:
        if name == "indicators":
            return indicators_table(self.indicators)
        if name == "actions":
            if self.partner is not None:
                return actions_table(self.actions, partner=self.partner)
            by_partner = self.actions_by_partner
            return actions_table(self.actions, [(partner, by_partner.get(partner.pk, {}))
                                                for partner in self.partners])
        if name == "budget":
            return budget_table(self.budget)
        if name == "participation":
            return participation_table(self.participation)
        if name == "partners":
            return partners_table(self.overview)
        raise KeyError(name)


def export_filename(project, partner, table: str) -> str:
    who = f"-partner-{partner.number}" if partner is not None else ""
    return f"monitoring-{project.code}{who}-{table}"
