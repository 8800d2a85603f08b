"""The reach's mail through the real outbox, worker and an SMTP server: an interest reaches the
poster in their language and the answer reaches the organisation, each once; a digest carries
the one-click unsubscribe headers and link, in the recipient's language."""

import datetime as dt

import pytest
from django.utils import timezone

from ecocsme.accounts.factories import UserFactory
from ecocsme.opportunities import matching
from ecocsme.opportunities.factories import OpportunityFactory, representative
from ecocsme.opportunities.services.digests import digest_subscribe, digests_send
from ecocsme.opportunities.services.interests import interest_express, interest_reply
from ecocsme.organisations.factories import ProfileFactory
from ecocsme.organisations.services import profile_embed
from ecocsme.reference.factories import NaceDivisionFactory
from ecocsme.testing.mail import mails_to, plain_text
from ecocsme.testing.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_catalogues():
    matching.forget()
    yield
    matching.forget()


def test_an_interest_and_its_answer_go_once_each_in_each_language(partner, title, staff, organisation, rep,
                                                                 smtp_server):
    staff.language = "ro"
    staff.save(update_fields=["language"])
    opportunity = OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=title,
                                     title="Sound crew (example)")
    interest = interest_express(actor=rep, opportunity=opportunity, organisation=organisation,
                                message="Four technicians (example).")
    interest_express(actor=rep, opportunity=opportunity, organisation=organisation,
                     message="Four technicians (example).")  # a double click
    run_worker()
    (told,) = mails_to(smtp_server, staff.email)
    assert told["Content-Language"] == "ro" and "Four technicians (example)." in plain_text(told)
    assert f"/ro/opportunities/interests/{interest.pk}/" in plain_text(told)
    assert "List-Unsubscribe" not in told  # a conversation, not a subscription
    interest_reply(actor=staff, interest=interest, body="Welcome (example).")
    run_worker()
    (answer,) = mails_to(smtp_server, rep.email)
    assert answer["Content-Language"] == "en" and "Welcome (example)." in plain_text(answer)
    assert len(mails_to(smtp_server, staff.email)) == 1


def test_a_digest_carries_the_one_click_unsubscribe(partner, smtp_server, client):
    food = NaceDivisionFactory(code="56")
    kitchen = ProfileFactory(partner=partner, verified=True, findable=True, country="RO", city="Timișoara",
                             languages=["en", "ro"], description="We cook for festivals: buffets, vegetarian "
                                                                 "menus, mobile kitchens.")
    kitchen.sectors.set([food])
    profile_embed(kitchen.pk)
    cook = representative(kitchen, UserFactory(username="cook", language="lt"))
    digest_subscribe(actor=cook, organisation=kitchen, frequency="daily", consent=True)
    OpportunityFactory(title="Catering for the summer festival (example)", sectors=[food], country="RO",
                       published_at=timezone.now() - dt.timedelta(hours=2),
                       description="Food for 600 guests: vegetarian menus, a mobile kitchen (example).")
    assert digests_send() == {"due": 1, "sent": 1}
    assert digests_send() == {"due": 0, "sent": 0}
    run_worker()
    (digest,) = mails_to(smtp_server, cook.email)
    assert digest["Content-Language"] == "lt"
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = "".join(digest["List-Unsubscribe"].split()).strip("<>")  # folded by the mail server
    assert "/lt/opportunities/digest/unsubscribe/" in url and url in plain_text(digest)
    assert "Catering for the summer festival (example)" in plain_text(digest)
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    assert client.post(path).status_code == 200  # a mail client's one-click POST, without a login
    assert digests_send(now=timezone.now() + dt.timedelta(days=1)) == {"due": 0, "sent": 0}
