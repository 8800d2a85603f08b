"""A project whose reporting periods lie around today, whatever day the tests run: period 1 ended
two months ago, period 2 is under way, periods 3 and 4 are still to come. Its partners are
Timișoara (`partner`) and Rijeka (`other_partner`) with their staff and the coordinator
(ecocsme.testing.fixtures)."""

import datetime as dt

import pytest
from django.utils import timezone

from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory
from ecocsme.partnerships.periods import add_months


def months_ago(months: int) -> dt.date:
    today = timezone.localdate()
    return add_months(today.replace(day=1), -months)


@pytest.fixture
def project(db):
    return ProjectFactory(code="MON01", acronym="MON-EXAMPLE", start_date=months_ago(8), duration_months=24)


@pytest.fixture
def partner(project):
    return PartnerFactory(project=project, city="Timișoara", country="RO", name="Municipality of Timișoara",
                          short_name="Timișoara", budget=118163)


@pytest.fixture
def periods(project):
    return list(project.periods.order_by("number"))


@pytest.fixture
def installed(project):
    from ecocsme.monitoring.services import indicators_install

    indicators_install(actor=None, project=project)
    return {indicator.key: indicator for indicator in project.indicators.all()}
