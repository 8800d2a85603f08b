"""Digests of new opportunities that fit an organisation (OPP-3): a representative subscribes with
explicit consent (kept with its time, source and words, audited); each due subscription gets one
mail for its day or week, with the new opportunities that fit (their reasons in the recipient's
language), nothing when none is new, never twice; a one-click unsubscribe link (GET confirms,
POST stops, no login) and the List-Unsubscribe headers; an organisation no longer verified gets
none, one that no longer wishes to be found still gets its own."""

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from ecocsme.accounts.factories import UserFactory
from ecocsme.core.links import link_token
from ecocsme.core.models import AuditEntry, OutgoingMail
from ecocsme.opportunities.access import DIGEST_LINK_PURPOSE
from ecocsme.opportunities.factories import OpportunityFactory, representative
from ecocsme.opportunities.models import DigestSubscription, Reach
from ecocsme.opportunities.services.digests import (
    digest_send,
    digest_subscribe,
    digest_unsubscribe,
    digests_send,
    period_of,
)
from ecocsme.organisations.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_catalogues")]
MONDAY = dt.datetime(2030, 6, 3, 9, tzinfo=dt.UTC)  # a Monday


def _call(title, food, *, published_at, **fields):
    return OpportunityFactory(title=title, sectors=[food], country="RO", city="Timișoara", published_at=published_at,
                              description="Food for 600 guests over three days: vegetarian menus, a mobile "
                                          "kitchen (example).", deadline=(published_at + dt.timedelta(days=60)).date(),
                              **fields)


def _digests():
    return list(OutgoingMail.objects.filter(key__startswith="opportunities.digest:").order_by("pk"))


def _subscribed(cook, kitchen, frequency="weekly", *, now=MONDAY):
    return digest_subscribe(actor=cook, organisation=kitchen, frequency=frequency, consent=True,
                            now=now - dt.timedelta(days=1))


def test_subscribing_needs_consent_a_representative_and_a_verified_organisation(cook, kitchen, staff, partner):
    with pytest.raises(ValidationError, match="Tick the box"):
        digest_subscribe(actor=cook, organisation=kitchen, frequency="weekly", consent=False)
    with pytest.raises(ValidationError):
        digest_subscribe(actor=cook, organisation=kitchen, frequency="hourly", consent=True)
    with pytest.raises(PermissionDenied):
        digest_subscribe(actor=staff, organisation=kitchen, frequency="weekly", consent=True)
    waiting = OrganisationFactory(partner=partner, verified_at=None)
    newcomer = representative(waiting)
    with pytest.raises(ValidationError, match="verify the organisation first"):
        digest_subscribe(actor=newcomer, organisation=waiting, frequency="weekly", consent=True)
    assert not DigestSubscription.objects.exists()
    subscription = digest_subscribe(actor=cook, organisation=kitchen, frequency="daily", consent=True)
    assert subscription.consent_source == "form" and subscription.consented_at is not None
    assert "Banat Kitchen (example)" in subscription.consent_text and subscription.is_active
    entry = AuditEntry.objects.get(action="opportunities.digest.subscribed")
    assert entry.actor == cook and entry.data["frequency"] == "daily" and entry.data["source"] == "form"
    assert digest_subscribe(actor=cook, organisation=kitchen, frequency="daily", consent=True).pk == subscription.pk
    assert digest_subscribe(actor=cook, organisation=kitchen, frequency="weekly", consent=True).frequency == "weekly"
    assert DigestSubscription.objects.count() == 1


def test_periods():
    assert period_of("daily", MONDAY) == "2030-06-03"
    assert period_of("weekly", MONDAY) == period_of("weekly", MONDAY + dt.timedelta(days=6)) == "2030-W23"
    assert period_of("weekly", MONDAY + dt.timedelta(days=7)) == "2030-W24"


def test_a_weekly_digest_goes_once_a_week_with_what_is_new_and_fits(cook, kitchen, food):
    subscription = _subscribed(cook, kitchen)
    new = _call("Catering for the summer festival (example)", food, published_at=MONDAY - dt.timedelta(hours=5))
    old = _call("Catering for the spring fair (example)", food, published_at=MONDAY - dt.timedelta(days=20))
    assert digests_send(now=MONDAY) == {"due": 1, "sent": 1}
    (mail,) = _digests()
    assert mail.key == f"opportunities.digest:{subscription.pk}:2030-W23" and mail.language == "ro"
    assert new.title in mail.text and old.title not in mail.text
    assert "56 Food and beverage service activities" in mail.text or "56 " in mail.text  # its reasons
    assert f"/ro/opportunities/{new.pk}/" in mail.text
    assert Reach.objects.filter(opportunity=new, organisation=kitchen, channel="digest").exists()
    # Run again the same week, even with something new: nothing goes.
    _call("Catering for the autumn fair (example)", food, published_at=MONDAY + dt.timedelta(hours=1))
    assert digests_send(now=MONDAY + dt.timedelta(days=2)) == {"due": 0, "sent": 0}
    assert digest_send(subscription.pk, now=MONDAY + dt.timedelta(days=3)) is False
    assert len(_digests()) == 1
    # The next week: what came since.
    assert digests_send(now=MONDAY + dt.timedelta(days=7)) == {"due": 1, "sent": 1}
    assert "autumn fair" in _digests()[-1].text and "summer festival" not in _digests()[-1].text


def test_a_daily_digest_is_due_each_day_and_nothing_goes_when_nothing_is_new(cook, kitchen, food):
    _subscribed(cook, kitchen, "daily")
    assert digests_send(now=MONDAY) == {"due": 1, "sent": 0}  # nothing published: no mail
    assert not _digests()
    assert digests_send(now=MONDAY + dt.timedelta(hours=3)) == {"due": 0, "sent": 0}  # done for the day
    _call("Catering for the summer festival (example)", food, published_at=MONDAY + dt.timedelta(hours=4))
    assert digests_send(now=MONDAY + dt.timedelta(days=1)) == {"due": 1, "sent": 1}
    assert _digests()[-1].key.endswith(":2030-06-04")


def test_not_what_the_organisation_already_said_it_is_interested_in(cook, kitchen, food):
    from ecocsme.opportunities.factories import InterestFactory

    _subscribed(cook, kitchen)
    answered = _call("Catering for the summer festival (example)", food, published_at=MONDAY - dt.timedelta(hours=5))
    InterestFactory(opportunity=answered, organisation=kitchen)
    assert digests_send(now=MONDAY) == {"due": 1, "sent": 0} and not _digests()


def test_at_most_ten_best_first(cook, kitchen, food):
    _subscribed(cook, kitchen)
    for number in range(12):
        _call(f"Catering for festival day {number} (example)", food, published_at=MONDAY - dt.timedelta(hours=number))
    digests_send(now=MONDAY)
    assert len(re.findall(r"Catering for festival day", _digests()[0].text)) == 10
    assert Reach.objects.filter(channel="digest").count() == 10


def test_no_longer_verified_none_no_longer_findable_its_own(cook, kitchen, food):
    _subscribed(cook, kitchen)
    _call("Catering for the summer festival (example)", food, published_at=MONDAY - dt.timedelta(hours=5))
    type(kitchen).objects.filter(pk=kitchen.pk).update(verified_at=None)
    assert digests_send(now=MONDAY) == {"due": 0, "sent": 0} and not _digests()
    type(kitchen).objects.filter(pk=kitchen.pk).update(verified_at=timezone.now(), findable=False)
    assert digests_send(now=MONDAY) == {"due": 1, "sent": 1}


def test_unsubscribing_by_the_link_get_confirms_post_stops_no_login(client, cook, kitchen, food):
    subscription = _subscribed(cook, kitchen)
    _call("Catering for the summer festival (example)", food, published_at=MONDAY - dt.timedelta(hours=5))
    digests_send(now=MONDAY)
    mail = _digests()[0]
    url = mail.headers["List-Unsubscribe"].strip("<>")
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in mail.text and url in mail.html
    path = url.split("://", 1)[1].split("/", 1)[1]
    page = client.get(f"/{path}")
    assert page.status_code == 200 and "Banat Kitchen (example)" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.is_active  # a GET (a mail scanner's) changes nothing
    assert client.post(f"/{path}").status_code == 200
    subscription.refresh_from_db()
    assert not subscription.is_active
    assert AuditEntry.objects.get(action="opportunities.digest.unsubscribed").data == {"via": "link"}
    assert digests_send(now=MONDAY + dt.timedelta(days=7)) == {"due": 0, "sent": 0}
    forged = link_token(DIGEST_LINK_PURPOSE, subscription.pk, "0" * 32)
    assert client.get(f"/en/opportunities/digest/unsubscribe/{forged}/").status_code == 404
    assert client.post("/en/opportunities/digest/unsubscribe/nonsense/").status_code == 404


def test_the_digest_page(client, cook, kitchen, staff, other_staff, partner):
    url = f"/en/my/organisation/{kitchen.pk}/digest/"
    client.force_login(cook)
    page = client.get(url).content.decode()
    assert "New opportunities by e-mail" in page and "Banat Kitchen (example)" in page
    response = client.post(url, {"frequency": "weekly"})
    assert "Tick the box" in response.content.decode() and not DigestSubscription.objects.exists()
    response = client.post(url, {"frequency": "daily", "consent": "on"})
    assert response.status_code == 302
    subscription = DigestSubscription.objects.get()
    assert subscription.frequency == "daily" and subscription.user == cook
    assert "You receive it" in client.get(url).content.decode()
    client.post(url, {"stop": "1"})
    subscription.refresh_from_db()
    assert not subscription.is_active
    assert AuditEntry.objects.filter(action="opportunities.digest.unsubscribed", actor=cook).exists()
    for outsider in (staff, other_staff):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.force_login(representative(OrganisationFactory(partner=partner, verified_at=None)))
    assert client.get(url).status_code == 404


def test_stopping_from_the_page_is_the_persons_own(cook, kitchen, partner):
    subscription = _subscribed(cook, kitchen)
    colleague = representative(kitchen, UserFactory(username="colleague"))
    with pytest.raises(PermissionDenied):
        digest_unsubscribe(subscription=subscription, actor=colleague, via="page")


def test_the_command_queues_the_task_or_sends_now(cook, kitchen, food, capsys):
    _subscribed(cook, kitchen, now=timezone.now())
    _call("Catering for the summer festival (example)", food, published_at=timezone.now() - dt.timedelta(hours=1))
    call_command("send-digests")
    assert "queued" in capsys.readouterr().out and not _digests()
    call_command("send-digests", "--now")
    assert "sent: 1" in capsys.readouterr().out and len(_digests()) == 1
