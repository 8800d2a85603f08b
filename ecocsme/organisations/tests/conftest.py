"""Two partners of one project (Timișoara keeps the people, Rijeka is another partner), their
staff and the coordinator (ecocsme.testing.fixtures) and a user without a role — built with
factories, without the demo."""

import pytest

from ecocsme.accounts.factories import UserFactory


@pytest.fixture
def people(staff, other_staff, coordinator):
    return {"timisoara": staff, "rijeka": other_staff, "coordinator": coordinator,
            "outsider": UserFactory(username="outsider")}


@pytest.fixture
def nace(db):
    """The NACE Rev. 2 divisions the import checks sectors against."""
    from ecocsme.reference.services import nace_load

    return nace_load()
