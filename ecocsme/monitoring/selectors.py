"""What the monitoring pages, the dashboard, the exports and the API read (AP-4).

Every function here takes a project the caller may see (access.project_for) and makes a fixed
number of queries whatever the number of partners, periods and indicators:
`indicator_figures` reads the periods, partners, indicators, targets, manual values and
validations (six queries) and one query for each kind of record the computed indicators count
(events, labs, lab answers, practices, interests, endorsed plans, action reports: at most
seven more). A validated period shows the figures kept when the coordinator validated it.

Sums over the project (`partner=None`): a period's value is the sum of the partners' values
(None when no partner has one; the mean for an indicator in per cent), the target the sum of
the partners' targets (None when none is set). `total` is the sum of the periods' values for a
cumulative indicator, else the latest value; `progress` is total ÷ target (None without a
positive target).
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils import timezone

from ecocsme.partnerships.models import Partner, Project

from .indicators import (
    MANUAL,
    ZERO,
    Facts,
    PeriodFinder,
    Span,
    compute_all,
    indicator_description,
    indicator_name,
    spans_of,
    unit_label,
)
from .models import BudgetLine, Indicator, PeriodValidation, Target, Value


def _decimal(text) -> Decimal | None:
    return None if text is None or text == "" else Decimal(str(text))


def project_indicators(project: Project):
    return Indicator.objects.filter(project=project).order_by("position", "key")


def project_periods(project: Project) -> list:
    from ecocsme.partnerships.selectors import project_periods as periods

    return list(periods(project))


def project_partners(project: Project) -> list[Partner]:
    from ecocsme.partnerships.selectors import project_partners as partners

    return list(partners(project))


@dataclass
class Cell:
    value: Decimal | None
    validated: bool
    evidence: bool


class ProjectData:
    """Everything the figures of one project (or one of its partners) are made of, read once."""

    def __init__(self, project: Project, partner: Partner | None = None):
        self.project = project
        self.periods = project_periods(project)
        self.spans: list[Span] = spans_of(self.periods)
        self.spans.sort(key=lambda span: span.number)
        self.whole = partner is None  # the whole project's, every partner's
        self.partners = [partner] if partner is not None else project_partners(project)
        self.partner_ids = [p.pk for p in self.partners]

    @cached_property
    def indicators(self) -> list[Indicator]:
        return list(project_indicators(self.project))

    @cached_property
    def targets(self) -> dict[tuple[int, int], Target]:
        rows = Target.objects.filter(indicator__project=self.project, partner_id__in=self.partner_ids)
        return {(t.indicator_id, t.partner_id): t for t in rows}

    @cached_property
    def values(self) -> dict[tuple[int, int, int], Value]:
        rows = (
            Value.objects.filter(indicator__project=self.project, partner_id__in=self.partner_ids)
            .select_related("period")
            .defer("note")
        )
        return {(v.indicator_id, v.partner_id, v.period.number): v for v in rows}

    @cached_property
    def validations(self) -> dict[tuple[int, int], PeriodValidation]:
        rows = PeriodValidation.objects.filter(
            partner_id__in=self.partner_ids, period__project=self.project
        ).select_related("period", "validated_by")
        return {(v.partner_id, v.period.number): v for v in rows}

    @cached_property
    def facts(self) -> Facts:
        return Facts(self.project, self.partner_ids)

    @cached_property
    def computed(self) -> dict[str, dict]:
        sources = [indicator.source for indicator in self.indicators if indicator.source != MANUAL]
        if not sources or not self.partner_ids:
            return {}
        return compute_all(self.project, self.partner_ids, self.spans, sources)

    def cell(self, indicator: Indicator, partner_id: int, span: Span) -> Cell:
        validation = self.validations.get((partner_id, span.number))
        kept = (validation.figures or {}).get("indicators", {}) if validation else {}
        entered = self.values.get((indicator.pk, partner_id, span.number))
        evidence = bool(entered and (entered.evidence_link or entered.evidence_file))
        if validation is not None and indicator.key in kept:
            value = _decimal(kept[indicator.key])
            return Cell(value, True, evidence or (indicator.source != MANUAL and value is not None))
        if indicator.source == MANUAL:
            return Cell(entered.value if entered else None, validation is not None, evidence)
        if not span.has_started:
            return Cell(None, False, False)
        value = self.computed.get(indicator.source, {}).get((partner_id, span.number), ZERO)
        return Cell(value, validation is not None, True)


def _total(values: list[Decimal | None], cumulative: bool) -> Decimal:
    known = [value for value in values if value is not None]
    if not known:
        return ZERO
    return sum(known, ZERO) if cumulative else known[-1]


def _progress(total: Decimal, target: Decimal | None) -> float | None:
    if target is None or target <= 0:
        return None
    return float(total / target)


def _combined(values: list[Decimal | None], unit: str) -> Decimal | None:
    known = [value for value in values if value is not None]
    if not known:
        return None
    total = sum(known, ZERO)
    return (total / len(known)).quantize(Decimal("0.01")) if unit == "percent" else total


def _row(data: ProjectData, indicator: Indicator, partner_ids: list[int]) -> dict:
    targets = [
        data.targets[(indicator.pk, pid)] for pid in partner_ids if (indicator.pk, pid) in data.targets
    ]
    periods = []
    for span in data.spans:
        cells = [data.cell(indicator, pid, span) for pid in partner_ids]
        periods.append(
            {
                "number": span.number,
                "start": span.start,
                "end": span.end,
                "value": _combined([cell.value for cell in cells], indicator.unit),
                "validated": bool(cells) and all(cell.validated for cell in cells),
                "evidence": any(cell.evidence for cell in cells),
            }
        )
    target = _combined([t.target for t in targets], indicator.unit) if targets else None
    total = _total([period["value"] for period in periods], indicator.is_cumulative)
    return {
        "indicator": indicator,
        "key": indicator.key,
        "name": indicator_name(indicator),
        "description": indicator_description(indicator),
        "kind": indicator.kind,
        "unit": indicator.unit,
        "unit_label": unit_label(indicator.unit),
        "computed": indicator.source != MANUAL,
        "source": indicator.source,
        "cumulative": indicator.is_cumulative,
        "baseline": _combined([t.baseline for t in targets], indicator.unit) or ZERO,
        "target": target,
        "periods": periods,
        "total": total,
        "progress": _progress(total, target),
    }


def indicator_figures(
    project: Project, partner: Partner | None = None, *, data: ProjectData | None = None
) -> list[dict]:
    """One dict per indicator of the project, in order (module docstring):
    {"indicator", "key", "name" (LocalizedText), "description", "kind", "unit", "unit_label",
    "computed", "source", "cumulative", "baseline", "target", "periods": [{"number", "start",
    "end", "value", "validated", "evidence"}], "total", "progress"}."""
    data = data or ProjectData(project, partner)
    partner_ids = [partner.pk] if partner is not None else data.partner_ids
    return [_row(data, indicator, partner_ids) for indicator in data.indicators]


def figures_by_partner(project: Project, *, data: ProjectData | None = None) -> dict[int, list[dict]]:
    """`indicator_figures` of every partner of the project, from one reading of the data."""
    data = data or ProjectData(project)
    return {pid: [_row(data, indicator, [pid]) for indicator in data.indicators] for pid in data.partner_ids}


def partner_period_figures(project: Project, partner: Partner, number: int) -> dict[str, Decimal | None]:
    """{indicator key: value} of one partner and period as they are now, computed ones included
    (what a validation keeps)."""
    data = ProjectData(project, partner)
    span = next((s for s in data.spans if s.number == number), None)
    if span is None:
        return {}
    figures = {}
    for indicator in data.indicators:
        if indicator.source == MANUAL:
            entered = data.values.get((indicator.pk, partner.pk, number))
            figures[indicator.key] = entered.value if entered else None
        else:
            figures[indicator.key] = (
                data.computed.get(indicator.source, {}).get((partner.pk, number), ZERO)
                if span.has_started
                else None
            )
    return figures


def computed_records(project: Project, partner: Partner, indicator: Indicator, number: int) -> list:
    """What a computed value of one partner and period counts, each with a link to its page
    (indicators.Record); one query."""
    from .indicators import SOURCES

    source = SOURCES.get(indicator.source)
    if source is None:
        return []
    return source.records_of(project, partner.pk, number, project_periods(project))


# --- the budget -----------------------------------------------------------------------------------
def budget_lines(project: Project, partner_ids: list[int]) -> dict[tuple[int, int], BudgetLine]:
    rows = BudgetLine.objects.filter(partner_id__in=partner_ids, period__project=project).select_related(
        "period", "updated_by"
    )
    return {(line.partner_id, line.period.number): line for line in rows}


def budget_figures(project: Project, partner: Partner | None = None) -> dict:
    """{"budget": the partner's budget (for the project: its total budget, else the sum of the
    partners' budgets when every partner has one; None otherwise), "periods": [{"number", "start",
    "end", "planned", "spent" (None when not reported),
    "cumulative_planned", "cumulative_spent", "validated", "line" (the partner's BudgetLine),
    "period" (the Period), "started"}], "planned_total",
    "spent_total", "remaining" (budget less planned total, None without a budget),
    "unspent" (budget less spent total)}. Three queries for a partner, four for the project."""
    periods = project_periods(project)
    partners = [partner] if partner is not None else project_partners(project)
    ids = [p.pk for p in partners]
    lines = budget_lines(project, ids)
    validated = set(
        PeriodValidation.objects.filter(partner_id__in=ids, period__project=project).values_list(
            "partner_id", "period__number"
        )
    )
    budgets = [p.budget for p in partners if p.budget is not None]
    if partner is None and project.total_budget is not None:
        budget = project.total_budget  # the project's, whatever its partners' budgets say
    elif budgets and len(budgets) == len(partners):
        budget = sum(budgets, ZERO)
    else:  # a sum that leaves partners out would read as the whole
        budget = None
    rows, planned_total, spent_total, any_spent = [], ZERO, ZERO, False
    for period in sorted(periods, key=lambda p: p.number):
        own = [lines[(pid, period.number)] for pid in ids if (pid, period.number) in lines]
        planned = sum((line.planned for line in own), ZERO)
        reported = [line.spent for line in own if line.spent is not None]
        spent = sum(reported, ZERO) if reported else None
        planned_total += planned
        if spent is not None:
            spent_total += spent
            any_spent = True
        rows.append(
            {
                "number": period.number,
                "start": period.start_date,
                "end": period.end_date,
                "planned": planned,
                "spent": spent,
                "cumulative_planned": planned_total,
                "cumulative_spent": spent_total if any_spent else None,
                "validated": bool(ids) and all((pid, period.number) in validated for pid in ids),
                "period": period,
                "started": period.start_date <= timezone.localdate(),
                "line": own[0] if partner is not None and own else None,
            }
        )
    return {
        "budget": budget,
        "periods": rows,
        "planned_total": planned_total,
        "spent_total": spent_total,
        "remaining": None if budget is None else budget - planned_total,
        "unspent": None if budget is None else budget - spent_total,
    }


# --- actions, participation, partners -------------------------------------------------------------
def action_status_figures(project: Project, partner: Partner | None = None) -> dict[str, int]:
    """How many actions of the project's plans (or one partner's) are planned, in progress, done,
    dropped. One query."""
    from ecocsme.actionplans.selectors import action_status_counts

    return action_status_counts(project=project, partner=partner)


def participation_figures(project: Project, partner: Partner | None = None) -> list[dict]:
    """Per period {"number", "start", "end", "events", "participants", "labs", "answers"}: the
    events held and their participants, the labs held and the answers submitted (as the
    computed indicators count them). Four or five queries."""
    periods = project_periods(project)
    partners = [partner] if partner is not None else project_partners(project)
    ids = [p.pk for p in partners]
    cells = (
        compute_all(project, ids, periods, ["events_held", "event_participants", "labs_held", "lab_answers"])
        if ids
        else {}
    )

    def total(source: str, number: int) -> int:
        return int(sum((value for (pid, n), value in cells.get(source, {}).items() if n == number), ZERO))

    return [
        {
            "number": p.number,
            "start": p.start_date,
            "end": p.end_date,
            "events": total("events_held", p.number),
            "participants": total("event_participants", p.number),
            "labs": total("labs_held", p.number),
            "answers": total("lab_answers", p.number),
        }
        for p in sorted(periods, key=lambda p: p.number)
    ]


def elapsed_share(spans: list[Span]) -> float:
    """The share of the project's periods that have ended (0..1)."""
    return sum(1 for span in spans if span.has_ended) / len(spans) if spans else 0.0


def partners_overview(project: Project, data: ProjectData | None = None) -> list[dict]:
    """Per partner {"partner", "plan_status" (ActionPlan.Status value or None), "plan_id",
    "indicators_on_track", "indicators_with_target", "budget", "spent_total", "burn" (spent ÷
    budget)}. An indicator with a target is on track when its progress is at least the share of
    the project's periods that have ended. A fixed number of queries (about fifteen); with the
    whole project's `data` already read (the dashboard's), what it holds is not read again."""
    from ecocsme.actionplans.selectors import plans_of_project

    if data is None or not data.whole or data.project.pk != project.pk:
        data = ProjectData(project)
    by_partner = figures_by_partner(project, data=data)
    plans = {plan.partner_id: plan for plan in plans_of_project(project)}
    lines = budget_lines(project, data.partner_ids)
    expected = elapsed_share(data.spans)
    overview = []
    for partner in data.partners:
        rows = [row for row in by_partner[partner.pk] if row["target"] is not None and row["target"] > 0]
        spent = [
            line.spent for (pid, _n), line in lines.items() if pid == partner.pk and line.spent is not None
        ]
        spent_total = sum(spent, ZERO)
        plan = plans.get(partner.pk)
        overview.append(
            {
                "partner": partner,
                "plan_status": plan.status if plan else None,
                "plan_id": plan.pk if plan else None,
                "indicators_on_track": sum(1 for row in rows if (row["progress"] or 0) >= expected),
                "indicators_with_target": len(rows),
                "budget": partner.budget,
                "spent_total": spent_total,
                "burn": float(spent_total / partner.budget) if partner.budget else None,
            }
        )
    return overview


# --- the entry pages ------------------------------------------------------------------------------
def targets_table(project: Project) -> tuple[list[Partner], list[dict]]:
    """The partners and, per indicator, its targets per partner: ([partners], [{"indicator",
    "name", "unit", "targets": [Target | None per partner]}]). Three queries."""
    data = ProjectData(project)
    rows = []
    for indicator in data.indicators:
        rows.append(
            {
                "indicator": indicator,
                "name": indicator_name(indicator),
                "unit": indicator.unit,
                "unit_label": unit_label(indicator.unit),
                "computed": indicator.source != MANUAL,
                "targets": [data.targets.get((indicator.pk, p.pk)) for p in data.partners],
            }
        )
    return data.partners, rows


def indicator_targets(indicator: Indicator) -> dict[int, Target]:
    return {t.partner_id: t for t in Target.objects.filter(indicator=indicator)}


def partner_value_rows(project: Project, partner: Partner) -> dict:
    """The values page of a partner: {"periods": [Span with its validation], "rows": [{"indicator",
    "name", ..., "cells": [{"span", "value", "validated", "evidence", "entry": Value | None}]}]}."""
    data = ProjectData(project, partner)
    rows = []
    for figure in indicator_figures(project, partner, data=data):
        indicator = figure["indicator"]
        cells = []
        for span, period in zip(data.spans, figure["periods"], strict=True):
            cells.append(
                {**period, "span": span, "entry": data.values.get((indicator.pk, partner.pk, span.number))}
            )
        rows.append({**figure, "cells": cells})
    validations = {number: v for (pid, number), v in data.validations.items() if pid == partner.pk}
    periods = [{"span": span, "validation": validations.get(span.number)} for span in data.spans]
    return {"periods": periods, "rows": rows, "finder": PeriodFinder(data.spans)}


def validation_of(partner: Partner, period) -> PeriodValidation | None:
    return (
        PeriodValidation.objects.filter(partner=partner, period=period).select_related("validated_by").first()
    )


def value_of(indicator: Indicator, partner: Partner, period) -> Value | None:
    return (
        Value.objects.filter(indicator=indicator, partner=partner, period=period)
        .select_related("entered_by")
        .first()
    )


def period_is_validated(partner_id: int, period_id: int) -> bool:
    """Whether the coordinator validated the partner's figures for the period (action plans' reports
    on it no longer change)."""
    return PeriodValidation.objects.filter(partner_id=partner_id, period_id=period_id).exists()
