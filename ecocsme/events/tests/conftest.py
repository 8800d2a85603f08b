"""An organising partner (Timișoara) with a member of its staff and four stakeholders, built
with factories; the walk-through overrides `partner` with the demo's Timișoara."""

import pytest

from ecocsme.accounts.factories import PartnerStaffFactory
from ecocsme.organisations.factories import StakeholderFactory
from ecocsme.partnerships.factories import PartnerFactory


@pytest.fixture
def partner(db):
    return PartnerFactory(city="Timișoara", country="RO", name="Municipality of Timișoara",
                          short_name="Timișoara")


@pytest.fixture
def other_partner(partner):
    return PartnerFactory(project=partner.project, city="Rijeka", country="HR", short_name="Rijeka")


@pytest.fixture
def staff(partner):
    return PartnerStaffFactory(username="t-staff", partner=partner)


@pytest.fixture
def people(partner):
    """Three example stakeholders of Timișoara who agreed to event invitations, and one who did not."""
    made = []
    for name, language, kind, consent in [("Example Ioana", "ro", "sme", True),
                                          ("Example Mark", "en", "ngo", True),
                                          ("Example Ana", "ro", "startup", True),
                                          ("Example No-consent", "en", "sme", False)]:
        made.append(StakeholderFactory(
            partner=partner, name=name, email=f"{name.split()[1].lower()}@example.org", language=language,
            organisation__kind=kind, consents={"event_invitations": consent}))
    return made
