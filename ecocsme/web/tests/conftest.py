"""The demo with people in every object (ecocsme.testing.people), for the tests that open the
site as five kinds of user."""

import pytest

from ecocsme.testing.people import PeopleDemo, people_demo_load


@pytest.fixture
def people_demo(project) -> PeopleDemo:
    return people_demo_load(project)
