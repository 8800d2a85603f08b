"""What the reach keeps on a person (ORG-3): a stakeholder's account that said its organisation
is interested, wrote in the thread and subscribed to a digest. Its export holds all of it and the
mail the reach sent to its address; erasure keeps what was said without its author, stops the
digest and blanks that mail."""

import pytest

from ecocsme.accounts.factories import UserFactory
from ecocsme.accounts.models import User
from ecocsme.core.models import AuditEntry, OutgoingMail
from ecocsme.opportunities.factories import OpportunityFactory, representative
from ecocsme.opportunities.holdings import reach_erase, reach_export
from ecocsme.opportunities.models import DigestSubscription, Interest, InterestMessage
from ecocsme.opportunities.services.digests import digest_subscribe
from ecocsme.opportunities.services.interests import interest_express, interest_reply
from ecocsme.organisations import personal_data
from ecocsme.organisations.factories import ContactFactory
from ecocsme.organisations.services import contact_erase, contact_personal_data

pytestmark = pytest.mark.django_db
ADDRESS = "vaiva.uniquename@example.org"
SAID = "Vaiva's kitchen can cook for 400 (example)."


@pytest.fixture
def story(partner, title, staff, organisation):
    vaiva = representative(organisation, UserFactory(username="vaiva", email=ADDRESS, first_name="Vaiva",
                                                     last_name="Uniquename"))
    opportunity = OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=title)
    interest = interest_express(actor=vaiva, opportunity=opportunity, organisation=organisation, message=SAID)
    interest_reply(actor=staff, interest=interest, body="Welcome (example).")
    interest_reply(actor=vaiva, interest=interest, body="Thank you, Vaiva here (example).")
    digest_subscribe(actor=vaiva, organisation=organisation, frequency="weekly", consent=True)
    contact = ContactFactory(partner=partner, email=ADDRESS, name="Vaiva Uniquename")
    return {"vaiva": vaiva, "interest": interest, "contact": contact}


def test_the_reach_is_registered(story):
    assert {"opportunities.Interest", "opportunities.InterestMessage",
            "opportunities.DigestSubscription"} <= personal_data.covered_models()


def test_the_export_holds_what_the_account_said_and_was_sent(story):
    records = reach_export(story["contact"])
    models = [item["model"] for item in records]
    assert models.count("opportunities.Interest") == 1 and models.count("opportunities.InterestMessage") == 1
    assert models.count("opportunities.DigestSubscription") == 1
    assert any(item.get("message") == SAID for item in records)
    assert any(item.get("consent_text") for item in records)
    assert [item for item in records if item["model"] == "core.OutgoingMail"]  # the poster's answer, mailed
    assert reach_export(ContactFactory(partner=story["contact"].partner, email="")) == []


def test_erasure_keeps_what_was_said_without_its_author(story, staff):
    full = contact_personal_data(actor=staff, contact=story["contact"])
    assert full["opportunity_reach"]
    contact_erase(actor=staff, contact=story["contact"])
    assert not User.objects.filter(pk=story["vaiva"].pk).exists()
    interest = Interest.objects.get(pk=story["interest"].pk)
    assert interest.created_by is None and interest.message == SAID  # what was said stays
    assert not InterestMessage.objects.filter(author_id=story["vaiva"].pk).exists()
    assert InterestMessage.objects.filter(interest=interest).count() == 2
    assert not DigestSubscription.objects.exists()
    assert not OutgoingMail.objects.filter(to__iexact=ADDRESS).exists()
    assert not OutgoingMail.objects.filter(text__contains="Uniquename").exists()
    assert not AuditEntry.objects.filter(object_repr__contains="Uniquename").exists()
    reach_erase(story["contact"])  # again, after the account is gone: nothing left to do, no error
