"""The demo's monitoring of ECoC-SME: the programme's indicators, targets per partner, manual
values of the periods that have ended with notes marked as examples and platform pages as
evidence, the budget per period (Timișoara's EUR 118,163 in all), Timișoara's first period
validated, and a second load that adds nothing."""

from decimal import Decimal
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import resolve
from django.utils import timezone

from ecocsme.accounts.models import User
from ecocsme.monitoring.demo import monitoring_demo_load
from ecocsme.monitoring.indicators import PROGRAMME_INDICATORS
from ecocsme.monitoring.models import BudgetLine, Indicator, PeriodValidation, Target, Value
from ecocsme.monitoring.selectors import budget_figures, indicator_figures
from ecocsme.monitoring.services import value_save
from ecocsme.partnerships.models import Project


@pytest.fixture
def demo(db) -> Project:
    """The demo's ECoC-SME as web.demo.demo_load makes it (this app's conftest has a `project` of
    its own, and monitoring imports nothing of web): reference data, the project, its accounts,
    Timișoara's lab 2 and partner workshop 4."""
    from ecocsme.events.demo import partner_workshop_4_load
    from ecocsme.labs.demo import timisoara_lab2_load
    from ecocsme.partnerships.demo import demo_users_load, ecoc_sme_load
    from ecocsme.reference.services import reference_load

    reference_load()
    project = ecoc_sme_load()
    demo_users_load(project)
    timisoara_lab2_load(project)
    partner_workshop_4_load(project)
    return Project.objects.get(code="PGI06047")


def _counts(project) -> tuple[int, ...]:
    return (Indicator.objects.filter(project=project).count(),
            Target.objects.filter(indicator__project=project).count(),
            Value.objects.filter(indicator__project=project).count(),
            BudgetLine.objects.filter(partner__project=project).count(),
            PeriodValidation.objects.filter(partner__project=project).count())


def test_the_demo_monitoring(demo):
    report = monitoring_demo_load(demo)
    assert report.skipped == []
    ended = demo.periods.filter(end_date__lt=timezone.localdate()).count()
    assert report.indicators == len(PROGRAMME_INDICATORS)
    assert report.values == 3 * 2 * ended and report.budget_lines == 3 * 6 and report.validations == 1
    assert report.targets == Target.objects.filter(indicator__project=demo).count() > 7 * 3
    timisoara = demo.partners.get(number=6)
    assert timisoara.budget == Decimal("118163.00")
    budget = budget_figures(demo, timisoara)
    assert budget["planned_total"] == Decimal("118163.00")
    spent = [row["spent"] for row in budget["periods"]]
    assert all(value is not None for value in spent[:ended]) and all(value is None for value in spent[ended:])
    validation = PeriodValidation.objects.get(partner__project=demo)
    assert (validation.partner, validation.period.number) == (timisoara, 1)
    assert validation.validated_by.username == "coordinator" and "(example)" in validation.note
    assert validation.figures["budget"]["planned"] == "14000.00"
    # what is validated no longer changes
    value = Value.objects.get(partner=timisoara, period__number=1, indicator__key="media_appearances")
    with pytest.raises(ValidationError):
        value_save(actor=User.objects.get(username="timisoara"), indicator=value.indicator, partner=timisoara,
                   period=value.period, value=99, revision=value.revision)
    figures = {row["key"]: row for row in indicator_figures(demo, timisoara)}
    assert figures["media_appearances"]["total"] == sum((2, 3, 5, 2, 4, 3)[:ended])
    assert figures["labs_held"]["target"] == 4


def test_values_are_examples_with_platform_pages_as_evidence(demo):
    monitoring_demo_load(demo)
    values = Value.objects.filter(indicator__project=demo)
    assert values.exists()
    for value in values:
        assert "(example)" in value.note
        assert value.evidence_link.startswith(settings.ECOCSME_BASE_URL)
        resolve(urlparse(value.evidence_link).path)  # a page of the platform
    assert not values.filter(indicator__source__in=[i.source for i in PROGRAMME_INDICATORS if i.is_computed]).exists()
    workshop = values.filter(evidence_link__contains="/events/").exclude(evidence_link__contains="/projects/")
    assert set(workshop.values_list("period__number", flat=True)) == {3}  # partner workshop 4, autumn 2020


def test_the_demo_loads_again_without_duplicates(demo):
    monitoring_demo_load(demo)
    counts = _counts(demo)
    again = monitoring_demo_load(demo)
    assert (again.indicators, again.targets, again.values, again.budget_lines, again.validations) == (0, 0, 0, 0, 0)
    assert _counts(demo) == counts and again.skipped == []
    assert tuple(again.as_counts().values()) == counts


def test_the_dashboard_reads_the_action_plans_demo(demo):
    from ecocsme.actionplans.demo import actionplans_demo_load

    actionplans_demo_load(demo)
    monitoring_demo_load(demo)
    rijeka = {row["key"]: row for row in indicator_figures(demo, demo.partners.get(number=5))}
    assert rijeka["other_instruments_improved"]["total"] == 1
    assert rijeka["other_funds_influenced"]["total"] == Decimal("146000")
    assert rijeka["action_plans_developed"]["total"] == 1
    assert rijeka["actions_implemented"]["total"] == 1
