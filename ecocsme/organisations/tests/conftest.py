"""Two partners of one project (Timișoara keeps the people, Rijeka is another partner), their
staff, the coordinator and a user without a role — built with factories, without the demo."""

import pytest

from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory, UserFactory
from ecocsme.partnerships.factories import PartnerFactory


@pytest.fixture
def partner(db):
    return PartnerFactory(city="Timișoara", country="RO", name="Municipality of Timișoara")


@pytest.fixture
def other_partner(partner):
    return PartnerFactory(project=partner.project, city="Rijeka", country="HR", name="Municipality of Rijeka")


@pytest.fixture
def staff(partner):
    return PartnerStaffFactory(username="t-staff", partner=partner)


@pytest.fixture
def people(partner, other_partner, staff):
    return {"timisoara": staff, "rijeka": PartnerStaffFactory(username="r-staff", partner=other_partner),
            "coordinator": CoordinatorFactory(username="coord", project=partner.project),
            "outsider": UserFactory(username="outsider")}


@pytest.fixture
def nace(db):
    """The NACE Rev. 2 divisions the import checks sectors against."""
    from ecocsme.reference.services import nace_load

    return nace_load()
