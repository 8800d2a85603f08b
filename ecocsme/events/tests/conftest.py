"""Four stakeholders of the organising partner (`partner`, Timișoara, from
ecocsme.testing.fixtures, built with factories); the walk-through overrides `partner` with the
demo's Timișoara."""

import pytest

from ecocsme.organisations.factories import StakeholderFactory


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
