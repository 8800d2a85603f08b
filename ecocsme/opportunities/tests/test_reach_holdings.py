"""What the reach keeps on a person (ORG-3): a stakeholder's account that said its organisation
is interested, wrote in the thread and subscribed to a digest. It is the account's own data:
its owner's copy (My account) holds all of it and the mail the reach sent to its address; the
account's deletion keeps what was said without its author, stops the digest and blanks that
mail. A partner's contact at the same address neither shows nor removes any of it."""

import pytest

from ecocsme.accounts import personal_data as account_data
from ecocsme.accounts.factories import UserFactory
from ecocsme.accounts.models import User
from ecocsme.accounts.services import account_delete, account_personal_data
from ecocsme.core.models import AuditEntry, OutgoingMail
from ecocsme.opportunities.factories import OpportunityFactory, representative
from ecocsme.opportunities.models import DigestSubscription, Interest, InterestMessage
from ecocsme.opportunities.services.digests import digest_subscribe
from ecocsme.opportunities.services.interests import interest_express, interest_reply
from ecocsme.organisations.factories import ContactFactory
from ecocsme.organisations.services import contact_erase, contact_personal_data

pytestmark = pytest.mark.django_db
ADDRESS = "vaiva.uniquename@example.org"
SAID = "Vaiva's kitchen can cook for 400 (example)."
PASSWORD = "a long example passphrase 7"


@pytest.fixture
def story(partner, title, staff, organisation):
    vaiva = UserFactory(username="vaiva", email=ADDRESS, first_name="Vaiva", last_name="Uniquename")
    vaiva.set_password(PASSWORD)
    vaiva.save()
    representative(organisation, vaiva)
    opportunity = OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=title)
    interest = interest_express(actor=vaiva, opportunity=opportunity, organisation=organisation, message=SAID)
    interest_reply(actor=staff, interest=interest, body="Welcome (example).")
    interest_reply(actor=vaiva, interest=interest, body="Thank you, Vaiva here (example).")
    digest_subscribe(actor=vaiva, organisation=organisation, frequency="weekly", consent=True)
    contact = ContactFactory(partner=partner, email=ADDRESS, name="Vaiva Uniquename")
    return {"vaiva": vaiva, "interest": interest, "contact": contact}


def test_the_reach_is_kept_on_the_account():
    assert "opportunity_reach" in {holding.section for holding in account_data.holdings()}


def test_the_owners_copy_holds_what_the_account_said_and_was_sent(story):
    vaiva = story["vaiva"]
    records = account_personal_data(actor=vaiva, user=vaiva)["opportunity_reach"]
    models = [item["model"] for item in records]
    assert models.count("opportunities.Interest") == 1 and models.count("opportunities.InterestMessage") == 1
    assert models.count("opportunities.DigestSubscription") == 1
    assert any(item.get("message") == SAID for item in records)
    assert any(item.get("consent_text") for item in records)
    assert [item for item in records if item["model"] == "core.OutgoingMail"]  # the poster's answer, mailed


def test_a_contact_at_the_same_address_shows_and_removes_none_of_it(story, staff):
    data = contact_personal_data(actor=staff, contact=story["contact"])
    assert SAID not in str(data) and "opportunity_reach" not in data
    contact_erase(actor=staff, contact=story["contact"])
    assert User.objects.filter(pk=story["vaiva"].pk).exists()
    assert Interest.objects.get(pk=story["interest"].pk).created_by == story["vaiva"]
    assert DigestSubscription.objects.filter(user=story["vaiva"]).exists()


def test_deleting_the_account_keeps_what_was_said_without_its_author(story):
    vaiva = story["vaiva"]
    account_delete(actor=vaiva, user=vaiva, password=PASSWORD)
    assert not User.objects.filter(pk=vaiva.pk).exists()
    interest = Interest.objects.get(pk=story["interest"].pk)
    assert interest.created_by is None and interest.message == SAID  # what was said stays
    assert not InterestMessage.objects.filter(author_id=vaiva.pk).exists()
    assert InterestMessage.objects.filter(interest=interest).count() == 2
    assert not DigestSubscription.objects.exists()
    assert not OutgoingMail.objects.filter(to__iexact=ADDRESS).exclude(subject="").filter(
        key__startswith="opportunities.").exists()
    assert not OutgoingMail.objects.filter(text__contains="Uniquename").exists()
    assert not AuditEntry.objects.filter(object_repr__contains="Uniquename").exists()


def test_the_moderation_and_verification_mails_are_the_accounts_too(story, partner, title, staff, organisation):
    """The mail telling the account its post was returned (with the reach's mail, in full), and
    the one saying its organisation's profile was verified (with the account's mail, by subject),
    are in its owner's copy and blanked with the account."""
    from ecocsme.opportunities.services.opportunities import opportunity_return
    from ecocsme.organisations.services import organisation_verify

    vaiva = story["vaiva"]
    post = OpportunityFactory(partner=partner, posted_by=vaiva, organisation=organisation, ecoc_title=title,
                              status="in_review", published_at=None)
    opportunity_return(actor=staff, opportunity=post, note="Add the dates, please (example).")
    organisation.verified_at = None
    organisation.save(update_fields=["verified_at"])
    organisation_verify(actor=staff, organisation=organisation)
    data = account_personal_data(actor=vaiva, user=vaiva)
    assert any(item["subject"].startswith("Returned with a note:") for item in data["opportunity_reach"]
               if item["model"] == "core.OutgoingMail")
    assert any(item["subject"].startswith("Your organisation's profile is verified:")  # the account's mail:
               for item in data["mail"])  # subjects and dates
    account_delete(actor=vaiva, user=vaiva, password=PASSWORD)
    assert not OutgoingMail.objects.filter(to__iexact=ADDRESS).exists()
