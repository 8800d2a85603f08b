"""The partners and staff that the tests of several apps start from, built with factories,
without the demo: Timișoara (`partner`) and Rijeka (`other_partner`), partners of one project,
the staff of each (`staff`, "t-staff"; `other_staff`, "r-staff") and the project's coordinator
(`coordinator`, "coord").

A pytest plugin, loaded by the root conftest (`pytest_plugins`): a test module or an app's
conftest that needs another `partner` (the demo's Timișoara in the walk-throughs) overrides the
fixture, and `other_partner`, `staff`… follow it."""

import pytest

from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory
from ecocsme.partnerships.factories import PartnerFactory


@pytest.fixture
def partner(db):
    return PartnerFactory(city="Timișoara", country="RO", name="Municipality of Timișoara",
                          short_name="Timișoara")


@pytest.fixture
def other_partner(partner):
    return PartnerFactory(project=partner.project, city="Rijeka", country="HR", name="Municipality of Rijeka",
                          short_name="Rijeka")


@pytest.fixture
def staff(partner):
    return PartnerStaffFactory(username="t-staff", partner=partner)


@pytest.fixture
def other_staff(other_partner):
    return PartnerStaffFactory(username="r-staff", partner=other_partner)


@pytest.fixture
def coordinator(partner):
    return CoordinatorFactory(username="coord", project=partner.project)
