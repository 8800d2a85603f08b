"""An opportunity's contact point is the poster's personal data (ORG-3): a person whose address is
an opportunity's contact gets it in their export, and erasure blanks the contact point, keeping
the opportunity."""

import pytest

from ecocsme.opportunities.factories import OpportunityFactory
from ecocsme.opportunities.holdings import opportunities_erase, opportunities_export
from ecocsme.organisations import personal_data
from ecocsme.organisations.factories import ContactFactory

pytestmark = pytest.mark.django_db


def test_the_contact_point_is_exported_and_erased(partner):
    person = ContactFactory(partner=partner, email="Ioana.Example@example.org", name="Ioana Example")
    theirs = OpportunityFactory(partner=partner, contact_name="Ioana Example, programme office",
                                contact_email="ioana.example@example.org", contact_phone="+40 256 111 111")
    others = OpportunityFactory(partner=partner)
    assert "opportunities.Opportunity" in personal_data.covered_models()
    (item,) = opportunities_export(person)
    assert item["model"] == "opportunities.Opportunity" and item["id"] == theirs.pk
    assert item["contact_email"] == "ioana.example@example.org" and item["contact_phone"] == "+40 256 111 111"
    opportunities_erase(person)
    theirs.refresh_from_db()
    others.refresh_from_db()
    assert (theirs.contact_name, theirs.contact_email, theirs.contact_phone) == ("", "", "")
    assert theirs.title and others.contact_email == "programme.office@example.org"
    assert opportunities_export(ContactFactory(partner=partner, email="")) == []
