"""What the opportunities' tests start from: Timișoara (`partner`, holding the ECoC title
`title`) and Rijeka (`other_partner`) of one project with their staff and coordinator
(ecocsme.testing.fixtures), a few NACE divisions, an organisation Timișoara keeps and has
verified with its representative (`representative`), and the form a poster fills in."""

import pytest

from ecocsme.opportunities.factories import representative, verified_organisation
from ecocsme.reference.factories import EcocTitleFactory, NaceDivisionFactory


@pytest.fixture
def title(partner):
    title = EcocTitleFactory(year=2023, city="Timișoara", country="RO")
    partner.ecoc_title = title
    partner.save(update_fields=["ecoc_title"])
    return title


@pytest.fixture
def sectors(db):
    return {code: NaceDivisionFactory(code=code) for code in ("56", "59", "90")}


@pytest.fixture
def organisation(partner):
    return verified_organisation(partner=partner, name="Example Sound Studio (example)", kind="sme")


@pytest.fixture
def rep(organisation):
    """A stakeholder's account that speaks for `organisation` (no role in a project)."""
    from ecocsme.accounts.factories import UserFactory

    return representative(organisation, UserFactory(username="rep"))
