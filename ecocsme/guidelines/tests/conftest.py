"""A draft version 1.0 of guidelines of Timișoara's project (`partner`, from
ecocsme.testing.fixtures), built with factories: a recommendation in the preparation chapter
citing a published good practice and quoting a stakeholder's answer (given through a personal
invitation, so that the person can be erased), and one in the legacy chapter citing a
monitoring figure."""

from dataclasses import dataclass

import pytest

from ecocsme.guidelines.factories import EvidenceFactory, RecommendationFactory, VersionFactory
from ecocsme.guidelines.models import Version
from ecocsme.guidelines.services import version_publish
from ecocsme.labs.factories import InvitationFactory, LabFactory, ResponseFactory, ThemeFactory
from ecocsme.practices.factories import PracticeFactory

QUOTE = "Put every call, deadline and contact in one place online, please (example)"
NAME = "Example Ioana Quotable"
EMAIL = "ioana.quotable@example.org"


@dataclass
class World:
    partner: object
    lab: object
    contact: object
    answer: object
    theme: object
    practice: object
    version: Version
    first: object  # recommendation 1.1, preparation
    second: object  # recommendation 2.1, legacy

    @property
    def slug(self) -> str:
        return self.version.guideline.slug


@pytest.fixture
def world(partner, staff, other_staff, coordinator) -> World:
    lab = LabFactory(partner=partner)
    invitation = InvitationFactory(lab=lab, contact__name=NAME, contact__email=EMAIL,
                                   contact__organisation__kind="sme", contact__organisation__city="Lugoj")
    response = ResponseFactory(invitation=invitation, answers={1: QUOTE})
    answer = response.answers.get()
    theme = ThemeFactory(lab=lab, label="One place for information", answers=[answer])
    practice = PracticeFactory(partner=partner, slug="example-creative-hub",
                               title={"en": "A prison turned into a creative hub (example)",
                                      "ro": "O închisoare devenită centru creativ (exemplu)"})
    version = VersionFactory(guideline__project=partner.project, guideline__slug="engaging-smes-example")
    first = RecommendationFactory(version=version, phase="preparation", key="one-information-point",
                                  title={"en": "Set up one information point", "ro": "Un punct unic de informare"},
                                  text={"en": "Create one online place with every call and contact."})
    EvidenceFactory(recommendation=first, practice=practice, note={"en": "The hub informs firms (example)."})
    EvidenceFactory(recommendation=first, answer=answer, note={"en": "An SME asks for one place (example)."})
    second = RecommendationFactory(version=version, phase="legacy", key="keep-contact-point",
                                   title={"en": "Keep the contact point after the year"},
                                   text={"en": "Firms lose trust when the contact disappears."})
    EvidenceFactory(recommendation=second, figure_label="SMEs still in touch a year later (example)",
                    figure_value="61")
    return World(partner=partner, lab=lab, contact=invitation.contact, answer=answer, theme=theme,
                 practice=practice, version=version, first=first, second=second)


@pytest.fixture
def published(world, coordinator) -> Version:
    """The world's version 1.0, published by the coordinator."""
    return version_publish(actor=coordinator, version=world.version, changelog={"en": "First version (example)."})
