"""The demo's monitoring of ECoC-SME, written through the monitoring services as the coordinator
and the partners' staff would: the programme's indicators installed, targets per partner, the
manual values (people with increased capacity, appearances in media) of the periods that have
ended for the partners with demo accounts, each with a note marked as an example and a link to
a platform page as evidence, the budget per period of Timișoara (its EUR 118,163 spread as
planned, spent reported for the periods that have ended), Rijeka and Kaunas, and Timișoara's
first period validated by the coordinator.

Only what is missing is written: a target, value, budget line or validation already there is
kept (the demo loads again over itself, and a walk-through's changes stay). A write the rules
refuse (a budget over the partner's total after someone's changes) is left out and counted.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ecocsme.accounts.models import Membership

from .models import BudgetLine, Indicator, PeriodValidation, Target, Value
from .services import (
    BudgetRow,
    budget_plan_save,
    indicators_install,
    period_validate,
    target_save,
    value_save,
)

# Targets per partner number (whole numbers for counts, euros for funds); the lead partner runs
# the exchange, the others the labs, practices and plans.
COMMON_TARGETS = {
    "policy_learning_events": 6, "event_participants": 120, "labs_held": 4, "lab_answers": 150,
    "good_practices_identified": 5, "organisations_engaged": 30, "smes_engaged": 20,
    "people_increased_capacity": 40, "media_appearances": 15, "action_plans_developed": 1,
    "actions_implemented": 3,
}
TARGETS = {
    1: {"policy_learning_events": 6, "event_participants": 150, "people_increased_capacity": 20,
        "media_appearances": 10},
    2: {**COMMON_TARGETS, "growth_jobs_instruments_improved": 1, "structural_funds_influenced": 500000},
    3: {**COMMON_TARGETS, "growth_jobs_instruments_improved": 1, "structural_funds_influenced": 250000},
    4: {**COMMON_TARGETS, "growth_jobs_instruments_improved": 1, "structural_funds_influenced": 500000},
    5: {**COMMON_TARGETS, "other_instruments_improved": 1, "other_funds_influenced": 100000},
    6: {**COMMON_TARGETS, "actions_implemented": 4, "growth_jobs_instruments_improved": 1,
        "structural_funds_influenced": 850000},
    7: {**COMMON_TARGETS, "other_instruments_improved": 1, "other_funds_influenced": 80000},
}
# Manual values per partner, indicator and period 1..6: (value, note, evidence page).
NOTES = {
    "people_increased_capacity": (
        "Staff and stakeholders who took part in the project's learning in the period, from the "
        "attendance lists (example)."),
    "media_appearances": "Articles, broadcasts and posts about the project in the period (example).",
}
VALUES = {
    6: {"people_increased_capacity": (4, 6, 12, 8, 10, 5), "media_appearances": (2, 3, 5, 2, 4, 3)},
    5: {"people_increased_capacity": (3, 5, 7, 9, 6, 4), "media_appearances": (4, 2, 3, 3, 2, 2)},
    7: {"people_increased_capacity": (2, 4, 6, 6, 8, 6), "media_appearances": (1, 2, 2, 4, 6, 5)},
}
# Budget per partner and period 1..6: (planned, spent). Timișoara's planned amounts add up to its
# EUR 118,163; Rijeka's and Kaunas's are examples (their budgets are not in the public records).
BUDGETS = {
    6: (("14000.00", "11420.35"), ("22000.00", "17980.10"), ("24000.00", "21305.72"),
        ("26000.00", "27112.40"), ("17163.00", "16240.00"), ("15000.00", "14850.55")),
    5: (("18000.00", "15210.00"), ("26000.00", "21874.60"), ("28000.00", "29930.15"),
        ("30000.00", "27446.80"), ("20000.00", "18120.00"), ("16000.00", "15505.25")),
    7: (("16000.00", "12980.40"), ("24000.00", "19860.00"), ("26000.00", "24415.70"),
        ("28000.00", "30210.35"), ("22000.00", "21080.00"), ("18000.00", "17345.90")),
}
VALIDATED = (6, 1)  # Timișoara's first period
VALIDATION_NOTE = "Checked against the partner report and its evidence (example)."


@dataclass
class DemoReport:
    indicators: int = 0
    targets: int = 0
    values: int = 0
    budget_lines: int = 0
    validations: int = 0
    skipped: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    def as_counts(self) -> dict[str, int]:
        """What the demo's project holds after the load (load-demo prints it)."""
        return dict(self.totals)


def _totals(project) -> dict[str, int]:
    return {"indicators": Indicator.objects.filter(project=project).count(),
            "targets": Target.objects.filter(indicator__project=project).count(),
            "indicator values": Value.objects.filter(indicator__project=project).count(),
            "budget lines": BudgetLine.objects.filter(partner__project=project).count(),
            "validated periods": PeriodValidation.objects.filter(partner__project=project).count()}


def _accounts(project) -> tuple[object | None, dict[int, object]]:
    """The coordinator and one active staff account per partner number."""
    coordinator, staff = None, {}
    for membership in Membership.objects.filter(project=project).select_related("user", "partner"):
        if not membership.user.is_active:
            continue
        if membership.role == Membership.Role.COORDINATOR:
            coordinator = coordinator or membership.user
        elif membership.partner_id:
            staff.setdefault(membership.partner.number, membership.user)
    return coordinator, staff


class _Pages:
    """Platform pages to cite as evidence: the workshop's page for the period it was held in,
    else the project's list of events (appearances) or its public page (capacity)."""

    def __init__(self, project):
        from ecocsme.events.access import public_events

        self.project = project
        workshop = (public_events(project).filter(partner__number=6, kind="partner_workshop")
                    .order_by("pk").first())
        self.workshop = workshop
        self.workshop_day = (timezone.localdate(workshop.starts_at)
                             if workshop and workshop.starts_at else None)

    def link(self, key: str, period) -> str:
        from ecocsme.core.http import absolute_url

        if self.workshop_day and period.start_date <= self.workshop_day <= period.end_date:
            return absolute_url("events:event_detail", [self.workshop.pk], language="en")
        if key == "media_appearances":
            return absolute_url("events:event_list", [self.project.code], language="en")
        return absolute_url("web:project_detail", [self.project.code], language="en")


def monitoring_demo_load(project) -> DemoReport:
    """Load the demo's monitoring of `project` (module docstring)."""
    report = DemoReport()
    coordinator, staff = _accounts(project)
    if coordinator is None:
        report.skipped.append("everything (no coordinator account)")
        return report
    today = timezone.localdate()
    partners = {p.number: p for p in project.partners.all()}
    periods = list(project.periods.order_by("number"))
    ended = [p for p in periods if p.end_date < today]
    pages = _Pages(project)
    with transaction.atomic():
        report.indicators = indicators_install(actor=None, project=project)
        indicators = {i.key: i for i in Indicator.objects.filter(project=project)}
        have = set(Target.objects.filter(indicator__project=project)
                   .values_list("indicator__key", "partner_id"))
        for number, targets in TARGETS.items():
            partner = partners.get(number)
            for key, target in targets.items():
                if partner is None or key not in indicators or (key, partner.pk) in have:
                    continue
                target_save(actor=coordinator, indicator=indicators[key], partner=partner, baseline=0,
                            target=Decimal(target))
                report.targets += 1
        entered = set(Value.objects.filter(indicator__project=project)
                      .values_list("indicator__key", "partner_id", "period_id"))
        for number, rows in VALUES.items():
            partner, actor = partners.get(number), staff.get(number)
            if partner is None or actor is None:
                report.skipped.append(f"values of partner {number} (no staff account)")
                continue
            for key, numbers in rows.items():
                for period in ended:
                    if key not in indicators or (key, partner.pk, period.pk) in entered:
                        continue
                    try:
                        value_save(actor=actor, indicator=indicators[key], partner=partner, period=period,
                                   value=Decimal(numbers[period.number - 1]), note=NOTES[key],
                                   evidence_link=pages.link(key, period))
                    except ValidationError as refused:
                        report.skipped.append(
                            f"{key} of partner {number}, period {period.number}: {refused}")
                        continue
                    report.values += 1
        lines = set(BudgetLine.objects.filter(partner__project=project)
                    .values_list("partner_id", "period_id"))
        for number, amounts in BUDGETS.items():
            partner, actor = partners.get(number), staff.get(number)
            if partner is None or actor is None:
                report.skipped.append(f"budget of partner {number} (no staff account)")
                continue
            rows = [BudgetRow(period, planned, spent if period in ended else None)
                    for period, (planned, spent) in zip(periods, amounts, strict=False)
                    if (partner.pk, period.pk) not in lines]
            if not rows:
                continue
            try:
                report.budget_lines += len(budget_plan_save(actor=actor, partner=partner, rows=rows))
            except ValidationError as refused:
                report.skipped.append(f"budget of partner {number}: {refused}")
        number, period_number = VALIDATED
        partner = partners.get(number)
        period = next((p for p in ended if p.number == period_number), None)
        if partner is not None and period is not None and \
                not PeriodValidation.objects.filter(partner=partner, period=period).exists():
            period_validate(actor=coordinator, partner=partner, period=period, note=VALIDATION_NOTE)
            report.validations += 1
    report.totals = _totals(project)
    return report
