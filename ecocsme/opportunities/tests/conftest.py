"""What the opportunities' tests start from: Timișoara (`partner`, holding the ECoC title
`title`) and Rijeka (`other_partner`) of one project with their staff and coordinator
(ecocsme.testing.fixtures), a few NACE divisions, an organisation Timișoara keeps and has
verified with its representative (`representative`), and the form a poster fills in.

For the reach (telling an organisation, digests): the food sector (`food`), profiles in it that
the matcher reads (`food_profile`), Banat Kitchen (`kitchen`) with its representative `cook`,
and `fresh_catalogues` for a module that wants the matcher's catalogues dropped around each test
(`pytest.mark.usefixtures("fresh_catalogues")`)."""

import pytest

from ecocsme.accounts.factories import UserFactory
from ecocsme.opportunities import matching
from ecocsme.opportunities.factories import representative, verified_organisation
from ecocsme.organisations.factories import ProfileFactory
from ecocsme.organisations.services import profile_embed
from ecocsme.reference.factories import EcocTitleFactory, NaceDivisionFactory, NaceSectionFactory


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
    return representative(organisation, UserFactory(username="rep"))


@pytest.fixture
def fresh_catalogues():
    """The matcher's catalogues dropped before the test and after it."""
    matching.forget()
    yield
    matching.forget()


@pytest.fixture
def food(db):
    """NACE division 56 in its section I (not with `sectors`, which makes its own 56)."""
    return NaceDivisionFactory(code="56", title="Food and beverage service activities",
                               section=NaceSectionFactory(code="I"))


@pytest.fixture
def food_profile(partner, food):
    """Makes the profile of an organisation in the food sector kept by `partner`: unless told
    otherwise, in Timișoara, writing in English and Romanian, verified and wishing to be found; its
    description embedded for the matcher."""
    def make(**fields):
        fields = {"verified": True, "findable": True, "languages": ["en", "ro"], "country": "RO",
                  "city": "Timișoara", **fields}
        organisation = ProfileFactory(partner=partner, **fields)
        organisation.sectors.set([food])
        profile_embed(organisation.pk)
        organisation.refresh_from_db()
        return organisation

    return make


@pytest.fixture
def kitchen(food_profile):
    """Banat Kitchen, a caterer for festivals: it fits the calls for food."""
    return food_profile(name="Banat Kitchen (example)",
                        description="We cook for festivals: buffets for 800 guests, vegetarian menus, "
                                    "mobile kitchens.", capabilities="festival catering\nmobile kitchen")


@pytest.fixture
def cook(kitchen):
    """The kitchen's representative, reading Romanian."""
    return representative(kitchen, UserFactory(username="cook", language="ro"))
