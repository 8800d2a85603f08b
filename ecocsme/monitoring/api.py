"""Monitoring in the REST API (WEB-3, AP-4): a project's indicators against their targets and
its budget, per semester, for the whole project or one partner; the figures of the dashboard,
for the same readers (its members and the administrator, with a logged-in session). Everyone
else gets the 404 of a project that does not exist. Amounts are in euros, as decimal strings."""

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from .access import partner_of, project_for
from .selectors import budget_figures, indicator_figures

router = Router(tags=["monitoring"])


class PartnerQuery(Schema):
    partner: int | None = Field(None, ge=1, description="A partner's id (see /projects/{code}/partners): "
                                                        "its figures only; the whole project without it.")


class IndicatorPeriodOut(Schema):
    number: int
    start: dt.date
    end: dt.date
    value: Decimal | None = Field(description="Null where nothing is known yet (a period to come, a manual "
                                              "value not entered).")
    validated: bool = Field(description="The coordinator validated the period: the value is the one kept "
                                        "then.")
    evidence: bool = Field(description="Evidence backs the value (a link or a file, or the records counted).")


class IndicatorOut(Schema):
    key: str
    name: str = Field(description="In the language asked for (Accept-Language).")
    kind: str = Field(description="output, result, or custom (the project's own).")
    unit: str = Field(description="number, people, organisations, eur or percent.")
    computed: bool = Field(description="Computed from the platform's records; otherwise entered by the "
                                       "partners.")
    cumulative: bool = Field(description="The total adds up the periods; otherwise it is the latest value.")
    baseline: Decimal
    target: Decimal | None = Field(description="Null when no target is set.")
    total: Decimal
    progress: float | None = Field(description="total ÷ target (1 = reached); null without a target.")
    periods: list[IndicatorPeriodOut]


class IndicatorsOut(Schema):
    project: str
    partner: int | None = Field(description="The partner's id, or null for the whole project (sums over "
                                            "the partners; the mean for an indicator in per cent).")
    indicators: list[IndicatorOut]


class BudgetPeriodOut(Schema):
    number: int
    start: dt.date
    end: dt.date
    planned: Decimal
    spent: Decimal | None = Field(description="Null until spending is reported for the period.")
    cumulative_planned: Decimal
    cumulative_spent: Decimal | None
    validated: bool


class BudgetOut(Schema):
    project: str
    partner: int | None
    budget: Decimal | None = Field(description="The partner's budget, or the sum of the partners' budgets; "
                                               "null when none is set.")
    planned_total: Decimal
    spent_total: Decimal
    periods: list[BudgetPeriodOut]


def _scope(request: HttpRequest, code: str, params: PartnerQuery):
    project = project_for(request.user, code)
    partner = partner_of(request.user, project, params.partner) if params.partner is not None else None
    return project, partner


@router.get("/projects/{code}/indicators", response=IndicatorsOut, summary="A project's indicators")
def project_indicators(request: HttpRequest, code: str, params: Query[PartnerQuery]):
    """Each indicator with its target and its value per semester, as on the monitoring dashboard."""
    project, partner = _scope(request, code, params)
    rows = [{**row, "name": str(row["name"])} for row in indicator_figures(project, partner)]
    return {"project": project.code, "partner": partner.pk if partner else None, "indicators": rows}


@router.get("/projects/{code}/budget", response=BudgetOut, summary="A project's budget, planned and spent")
def project_budget(request: HttpRequest, code: str, params: Query[PartnerQuery]):
    """Planned and spent per semester and added up, as on the monitoring dashboard."""
    project, partner = _scope(request, code, params)
    return {**budget_figures(project, partner), "project": project.code,
            "partner": partner.pk if partner else None}
