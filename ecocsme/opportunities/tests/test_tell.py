"""Telling a suggested organisation (OPP-3): the poster's side or a moderator tells one of the
organisations that fit an open opportunity; its representatives get one mail each, with the
reasons in their language, once; a Reach row records it. Never an organisation that does not wish
to be found, is not verified or does not fit."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ecocsme.accounts.factories import UserFactory
from ecocsme.core.models import AuditEntry, OutgoingMail
from ecocsme.opportunities.factories import OpportunityFactory, in_days, representative
from ecocsme.opportunities.models import Reach
from ecocsme.opportunities.selectors import told_organisation_ids
from ecocsme.opportunities.services.reach import reach_tell
from ecocsme.organisations.factories import ProfileFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_catalogues")]


@pytest.fixture
def caterer(kitchen, cook):
    """The kitchen with two representatives: `cook` (Romanian) and cook-2 (English)."""
    representative(kitchen, UserFactory(username="cook-2", language="en"))
    return kitchen


@pytest.fixture
def call(partner, title, staff, food):
    return OpportunityFactory(partner=partner, posted_by=staff, ecoc_title=title, country="RO", city="Timișoara",
                              title="Catering for the summer festival (example)", sectors=[food],
                              description="Food for 600 guests over three days: vegetarian menus, a mobile "
                                          "kitchen (example).")


def _told():
    return list(OutgoingMail.objects.filter(key__startswith="opportunities.tell:").order_by("to"))


def test_the_representatives_are_told_once_with_the_reasons_in_their_language(caterer, call, staff):
    told = reach_tell(actor=staff, opportunity=call, organisation=caterer)
    assert told.new and told.recipients == 2
    reach = Reach.objects.get()
    assert (reach.opportunity, reach.organisation, reach.channel) == (call, caterer, "suggestion")
    mails = {mail.to: mail for mail in _told()}
    assert set(mails) == {"cook@example.org", "cook-2@example.org"}
    assert mails["cook@example.org"].language == "ro" and "/ro/opportunities/" in mails["cook@example.org"].text
    assert "56 Food and beverage service activities" in mails["cook-2@example.org"].text  # a reason
    assert mails["cook@example.org"].text != mails["cook-2@example.org"].text
    assert "Catering for the summer festival" in mails["cook-2@example.org"].subject
    again = reach_tell(actor=staff, opportunity=call, organisation=caterer)
    assert not again.new and len(_told()) == 2 and Reach.objects.count() == 1
    assert told_organisation_ids(call) == {caterer.pk}
    assert AuditEntry.objects.filter(action="opportunities.reach.told").count() == 1


def test_who_may_tell(caterer, call, other_staff, coordinator, partner):
    outsider = representative(caterer, UserFactory(username="outsider"))
    for actor in (other_staff, outsider):
        with pytest.raises(PermissionDenied):
            reach_tell(actor=actor, opportunity=call, organisation=caterer)
    assert reach_tell(actor=coordinator, opportunity=call, organisation=caterer).new  # a moderator too


def test_never_an_organisation_that_does_not_wish_to_be_found_or_does_not_fit(caterer, call, staff, partner,
                                                                               food_profile):
    hidden = food_profile(name="Hidden Kitchen (example)", findable=False,
                          description="We cook for festivals, mobile kitchens and buffets.")
    unverified = food_profile(name="New Kitchen (example)", verified=False,
                              description="We cook for festivals, mobile kitchens and buffets.")
    for organisation in (hidden, unverified):
        representative(organisation)
        with pytest.raises(ValidationError, match="does not wish to be found, or is not verified"):
            reach_tell(actor=staff, opportunity=call, organisation=organisation)
    printer = ProfileFactory(partner=partner, verified=True, findable=True, name="Print House (example)",
                             description="")  # no profile vector: fits nothing
    representative(printer)
    with pytest.raises(ValidationError, match="is not among the organisations that fit"):
        reach_tell(actor=staff, opportunity=call, organisation=printer)
    caterer.representatives.all().delete()
    with pytest.raises(ValidationError, match="Nobody represents"):
        reach_tell(actor=staff, opportunity=call, organisation=caterer)
    assert not Reach.objects.exists() and not _told()


def test_only_an_open_published_opportunity(caterer, call, staff):
    type(call).objects.filter(pk=call.pk).update(deadline=in_days(-1))
    call.refresh_from_db()
    with pytest.raises(ValidationError, match="Only a published opportunity"):
        reach_tell(actor=staff, opportunity=call, organisation=caterer)
    assert not Reach.objects.exists()


def test_the_route_goes_back_to_the_matches_with_a_message(client, caterer, call, staff, other_staff, food_profile):
    hidden = food_profile(name="Hidden Kitchen (example)", findable=False, description="We cook for festivals.")
    client.force_login(staff)
    url = f"/en/opportunities/{call.pk}/tell/{caterer.pk}/"
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == f"/en/opportunities/{call.pk}/matches/"
    assert "is told about the opportunity by e-mail" in response.content.decode()
    response = client.post(url, follow=True)
    assert "it is not told twice" in response.content.decode()
    assert client.post(f"/en/opportunities/{call.pk}/tell/{hidden.pk}/").status_code == 404
    client.force_login(other_staff)
    assert client.post(url).status_code == 403
    client.logout()
    assert client.post(url).status_code == 302 and Reach.objects.count() == 1


def test_the_matches_offer_to_tell_each_organisation_once(client, caterer, call, staff, other_staff, coordinator):
    client.force_login(staff)
    matches = f"/en/opportunities/{call.pk}/matches/"
    tell = f"/en/opportunities/{call.pk}/tell/{caterer.pk}/"
    page = client.get(matches).content.decode()
    assert f'action="{tell}"' in page and "about it</button>" in page
    client.post(tell)
    page = client.get(matches).content.decode()
    assert f'action="{tell}"' not in page and "Told about this opportunity." in page
    client.force_login(coordinator)  # sees who fits, but telling is the poster's side's
    page = client.get(matches).content.decode()
    assert caterer.name in page and f'action="{tell}"' not in page
