"""The reach's rules around the edges: an organisation is never offered its own posts; a digest
goes only to someone who still represents the organisation, and is nobody else's to start; the
mail of a partner's suggestion can be stopped by its recipient and comes at most three times a
day; an interest reaches someone even when the moderating partner has no staff account."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from ecocsme.accounts.factories import AdministratorFactory, UserFactory
from ecocsme.accounts.models import Membership
from ecocsme.core.models import AuditEntry, OutgoingMail
from ecocsme.opportunities import matching
from ecocsme.opportunities.factories import OpportunityFactory, representative
from ecocsme.opportunities.models import DigestSubscription, Reach
from ecocsme.opportunities.services.digests import digest_subscribe, digests_send
from ecocsme.opportunities.services.interests import interest_express
from ecocsme.opportunities.services.reach import TELLS_PER_DAY, reach_tell, suggestions_set
from ecocsme.organisations.factories import ProfileFactory
from ecocsme.organisations.models import Representative
from ecocsme.organisations.services import profile_embed
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.reference.factories import NaceDivisionFactory, NaceSectionFactory

pytestmark = pytest.mark.django_db
MEALS = "Food for 600 guests over three days: vegetarian menus and a mobile kitchen (example)."


@pytest.fixture
def meals_division(db):
    return NaceDivisionFactory(code="56", title="Food and beverage service activities",
                               section=NaceSectionFactory(code="I"))


@pytest.fixture
def canteen(partner, meals_division):
    organisation = ProfileFactory(partner=partner, verified=True, findable=True, name="Bega Canteen (example)",
                                  city="Timișoara", country="RO", languages=["ro", "en"],
                                  description="We cook for festivals: buffets, vegetarian menus and a mobile "
                                              "kitchen for up to 800 guests (example).",
                                  capabilities="festival catering\nmobile kitchen\nvegetarian menus")
    organisation.sectors.set([meals_division])
    profile_embed(organisation.pk)
    organisation.refresh_from_db()
    return organisation


@pytest.fixture
def chef(canteen):
    return representative(canteen, UserFactory(username="chef", language="ro"))


def _meal_call(partner, ecoc_title, meals_division, **fields):
    return OpportunityFactory(partner=partner, ecoc_title=ecoc_title, country="RO", city="Timișoara",
                              sectors=[meals_division], description=MEALS, **fields)


# --- one's own posts -----------------------------------------------------------------------------
def test_an_organisation_is_not_offered_its_own_post_nor_suggested_for_it(partner, title, meals_division, canteen,
                                                                           chef, staff):
    own = _meal_call(partner, title, meals_division, title="Our own call for cooks (example)",
                     organisation=canteen, posted_by=chef)
    other = _meal_call(partner, title, meals_division, title="Catering for the festival (example)",
                       posted_by=staff)
    offered = {match.record for match in matching.opportunities_for(canteen)}
    assert other in offered and own not in offered
    assert canteen in {match.record for match in matching.organisations_for(other)}
    assert canteen not in {match.record for match in matching.organisations_for(own)}
    with pytest.raises(ValidationError, match="not among the organisations that fit"):
        reach_tell(actor=staff, opportunity=own, organisation=canteen)


def test_a_digest_leaves_out_the_organisations_own_post(partner, title, meals_division, canteen, chef, staff):
    digest_subscribe(actor=chef, organisation=canteen, frequency="daily", consent=True,
                     now=timezone.now() - timezone.timedelta(days=2))
    _meal_call(partner, title, meals_division, title="Our own call for cooks (example)", organisation=canteen,
               posted_by=chef)
    assert digests_send() == {"due": 1, "sent": 0}


# --- digests: the subscriber's own ---------------------------------------------------------------
def test_a_representative_removed_gets_no_more_digests(partner, title, meals_division, canteen, chef, staff):
    digest_subscribe(actor=chef, organisation=canteen, frequency="daily", consent=True,
                     now=timezone.now() - timezone.timedelta(days=2))
    _meal_call(partner, title, meals_division, title="Catering for the festival (example)", posted_by=staff)
    Representative.objects.filter(user=chef).delete()
    assert digests_send() == {"due": 0, "sent": 0}
    assert not OutgoingMail.objects.filter(key__startswith="opportunities.digest:").exists()


def test_the_administrator_does_not_subscribe_for_someone_else(canteen, client):
    admin = AdministratorFactory()
    with pytest.raises(PermissionDenied):
        digest_subscribe(actor=admin, organisation=canteen, frequency="weekly", consent=True)
    client.force_login(admin)
    assert client.get(f"/en/my/organisation/{canteen.pk}/digest/").status_code == 404
    assert not DigestSubscription.objects.exists()


# --- telling: stopped by its recipient, three a day ----------------------------------------------
def _told_mails():
    return list(OutgoingMail.objects.filter(key__startswith="opportunities.tell:").order_by("pk"))


def test_a_suggestion_can_be_stopped_from_its_mail_without_logging_in(partner, title, meals_division, canteen,
                                                                       chef, staff, client):
    colleague = representative(canteen, UserFactory(username="sous-chef", language="en"))
    first = _meal_call(partner, title, meals_division, title="Catering for the festival (example)",
                       posted_by=staff)
    assert reach_tell(actor=staff, opportunity=first, organisation=canteen).recipients == 2
    mail = next(m for m in _told_mails() if m.to == chef.email)
    assert mail.headers["Auto-Submitted"] == "auto-generated"
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    stop = mail.headers["List-Unsubscribe"].strip("<>")
    assert stop in mail.text and stop in mail.html
    path = stop.split("://", 1)[1].split("/", 1)[1]
    assert client.get(f"/{path}").status_code == 200 and Representative.objects.get(
        user=chef).suggestions_stopped_at is None  # a GET only asks
    assert client.head(f"/{path}").status_code == 200  # a link checker's HEAD neither fails nor stops
    assert Representative.objects.get(user=chef).suggestions_stopped_at is None
    done = client.post(f"/{path}")
    assert done.status_code == 200 and f"/ro/my/organisation/{canteen.pk}/digest/" in done.content.decode()
    assert Representative.objects.get(user=chef).suggestions_stopped_at is not None
    assert Representative.objects.get(user=colleague).suggestions_stopped_at is None
    assert client.get(f"/{path[:-3]}xyz/").status_code == 404  # a forged link stops nothing
    second = _meal_call(partner, title, meals_division, title="Catering for the closing night (example)",
                        posted_by=staff)
    assert reach_tell(actor=staff, opportunity=second, organisation=canteen).recipients == 1
    assert [m.to for m in _told_mails()][-1] == colleague.email
    suggestions_set(link=Representative.objects.get(user=colleague), stopped=True, actor=colleague, via="page")
    third = _meal_call(partner, title, meals_division, title="Catering for the volunteers (example)",
                       posted_by=staff)
    with translation.override("en"), pytest.raises(ValidationError, match="asked not to be told"):
        reach_tell(actor=staff, opportunity=third, organisation=canteen)
    assert AuditEntry.objects.filter(action="opportunities.suggestions.stopped").count() == 2


def test_the_digest_page_stops_and_restarts_suggestions(canteen, chef, client):
    client.force_login(chef)
    page = f"/en/my/organisation/{canteen.pk}/digest/"
    assert "Stop these mails" in client.get(page).content.decode()
    client.post(page, {"suggestions": "stop"})
    link = Representative.objects.get(user=chef)
    assert link.suggestions_stopped_at is not None and "Receive them again" in client.get(page).content.decode()
    client.post(page, {"suggestions": "start"})
    link.refresh_from_db()
    assert link.suggestions_stopped_at is None
    with pytest.raises(PermissionDenied):
        suggestions_set(link=link, stopped=True, actor=UserFactory(username="somebody"), via="page")
    canteen.findable = False  # never suggested to anyone: nothing to stop
    canteen.save()
    assert "Stop these mails" not in client.get(page).content.decode()


def test_an_organisation_is_told_of_three_opportunities_a_day_at_most(partner, title, meals_division, canteen,
                                                                       chef, staff):
    calls = [_meal_call(partner, title, meals_division, title=f"Catering, day {day} of the festival (example)",
                        posted_by=staff) for day in range(TELLS_PER_DAY + 1)]
    for call in calls[:TELLS_PER_DAY]:
        assert reach_tell(actor=staff, opportunity=call, organisation=canteen).new
    with pytest.raises(ValidationError, match="tomorrow"):
        reach_tell(actor=staff, opportunity=calls[-1], organisation=canteen)
    assert Reach.objects.count() == TELLS_PER_DAY and len(_told_mails()) == TELLS_PER_DAY
    Reach.objects.update(first_at=timezone.now() - timezone.timedelta(days=1, minutes=1))
    assert reach_tell(actor=staff, opportunity=calls[-1], organisation=canteen).new


# --- interests reach someone ---------------------------------------------------------------------
def test_an_interest_in_a_post_of_a_partner_without_staff_reaches_its_projects_coordinators(
        partner, title, canteen, chef, coordinator):
    lonely = PartnerFactory(project=partner.project, name="Example Partner Without Staff (example)")
    assert not Membership.objects.filter(partner=lonely).exists()
    unsigned = OpportunityFactory(partner=lonely, ecoc_title=title, posted_by=None,
                                  title="Sound crew (example)")
    elsewhere = UserFactory(username="elsewhere-coordinator")
    Membership.objects.create(user=elsewhere, project=PartnerFactory().project,
                              role=Membership.Role.COORDINATOR)
    interest_express(actor=chef, opportunity=unsigned, organisation=canteen, message="We can help (example).")
    told = {mail.to for mail in OutgoingMail.objects.filter(key__startswith="opportunities.interest:")}
    assert told == {coordinator.email}


# --- the figures: a coordinator's project only ---------------------------------------------------
def test_a_coordinator_of_another_project_counts_nothing_of_this_one(partner, title, canteen, chef, coordinator,
                                                                     staff, client):
    from ecocsme.accounts.factories import CoordinatorFactory

    call = OpportunityFactory(partner=partner, ecoc_title=title, posted_by=staff, title="Sound crew (example)")
    interest_express(actor=chef, opportunity=call, organisation=canteen, message="We can help (example).")
    elsewhere = CoordinatorFactory(username="elsewhere", project=PartnerFactory().project)
    for user, expected, whose in ((coordinator, 1, "of your project's partners"),
                                  (staff, 1, "your partner moderates"), (elsewhere, 0, "of your project's partners"),
                                  (AdministratorFactory(), 1, "of every partner")):
        client.force_login(user)
        figures = client.get("/api/v1/engagement").json()
        assert figures["totals"]["interested"] == expected, user.username
        assert whose in client.get("/en/manage/opportunities/engagement/").content.decode().replace("&#x27;", "'")


def test_the_tell_button_only_where_someone_takes_the_mail(partner, title, meals_division, canteen, chef, staff,
                                                           client):
    nobody = ProfileFactory(partner=partner, verified=True, findable=True, name="Timiș Buffets (example)",
                            city="Timișoara", country="RO", languages=["ro"],
                            description="Festival buffets and a mobile kitchen, vegetarian menus (example).",
                            capabilities="festival catering\nmobile kitchen")
    nobody.sectors.set([meals_division])
    profile_embed(nobody.pk)
    call = _meal_call(partner, title, meals_division, title="Catering for the festival (example)",
                      posted_by=staff)
    client.force_login(staff)
    page = client.get(f"/en/opportunities/{call.pk}/matches/").content.decode()
    assert "Tell Bega Canteen (example) about it" in page
    assert "Tell Timiș Buffets (example) about it" not in page and "Nobody to tell on the platform" in page
    suggestions_set(link=Representative.objects.get(user=chef), stopped=True, actor=chef, via="page")
    page = client.get(f"/en/opportunities/{call.pk}/matches/").content.decode()
    assert "Tell Bega Canteen (example) about it" not in page
