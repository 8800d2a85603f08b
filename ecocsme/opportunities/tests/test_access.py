"""opportunities.access against the rules: `opportunities_visible_to(user)` is exactly the
opportunities for which `user.has_perm("opportunities.view_opportunity", o)` holds, for each kind
of user of ecocsme.testing.access and for representatives of a verified organisation; the
fetcher answers 404 to whoever may not see an opportunity and 403 to whoever sees it but may not
do what was asked; the back office's list, "my opportunities", the public lists and who sees the
matches follow the same rules."""

from dataclasses import dataclass

import pytest

from ecocsme.accounts.factories import UserFactory
from ecocsme.opportunities.access import (
    open_opportunities,
    opportunities_moderated_by,
    opportunities_of,
    opportunities_visible_to,
    opportunity_for,
    public_opportunities,
)
from ecocsme.opportunities.factories import OpportunityFactory, in_days, representative, verified_organisation
from ecocsme.opportunities.models import Opportunity
from ecocsme.testing.access import (
    ROLES,
    assert_fetches_by_the_rules,
    assert_visible_is_the_rule,
    fresh,
    kinds_of_user,
    seen_by_each,
)

Status = Opportunity.Status
PERMS = (None, "opportunities.change_opportunity", "opportunities.submit_opportunity",
         "opportunities.withdraw_opportunity", "opportunities.moderate_opportunity",
         "opportunities.see_matches")
ALL_ROLES = (*ROLES, "rep_a", "rep_colleague", "rep_unkept")


@dataclass
class World:
    users: dict
    partner_a: object
    partner_b: object
    elsewhere: object
    by_status: dict  # status → the opportunity staff_a posted for partner A
    represented: dict  # status → what rep_a posted for its organisation (kept by A)
    unkept: object  # in review, posted for an organisation no partner keeps
    elsewhere_waiting: object  # in review, of a partner of another project
    passed: object  # published, deadline passed


@pytest.fixture
def world(db) -> World:
    kinds = kinds_of_user()
    users = dict(kinds.users)
    organisation = verified_organisation(partner=kinds.partner_a)
    users["rep_a"] = representative(organisation, UserFactory(username="rep-a"))
    users["rep_colleague"] = representative(organisation, UserFactory(username="rep-colleague"))
    unkept = verified_organisation(partner=None, city="Example Town", country="FR")
    users["rep_unkept"] = representative(unkept, UserFactory(username="rep-unkept"))
    by_status = {status: OpportunityFactory(partner=kinds.partner_a, posted_by=users["staff_a"], status=status)
                 for status in Status.values}
    represented = {status: OpportunityFactory(partner=kinds.partner_a, posted_by=users["rep_a"],
                                              organisation=organisation, status=status)
                   for status in Status.values}
    return World(
        users=users, partner_a=kinds.partner_a, partner_b=kinds.partner_b, elsewhere=kinds.elsewhere,
        by_status=by_status, represented=represented,
        unkept=OpportunityFactory(partner=None, organisation=unkept, posted_by=users["rep_unkept"],
                                  status=Status.IN_REVIEW),
        elsewhere_waiting=OpportunityFactory(partner=kinds.elsewhere, status=Status.IN_REVIEW),
        passed=OpportunityFactory(partner=kinds.partner_b, deadline=in_days(-2)))


def everything():
    return list(Opportunity.objects.select_related("partner"))


@pytest.mark.parametrize("role", ALL_ROLES)
def test_opportunities_visible_to_is_the_view_rule(world, role):
    user = fresh(world.users[role])
    assert_visible_is_the_rule(opportunities_visible_to(user), user, "opportunities.view_opportunity",
                               everything())


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_fetcher_answers_by_the_rules(world, role):
    assert_fetches_by_the_rules(opportunity_for, fresh(world.users[role]), everything(),
                                view="opportunities.view_opportunity", perms=PERMS)


def test_who_sees_which(world):
    public = {o.pk for o in everything() if o.status in (Status.PUBLISHED, Status.CLOSED)}
    every = {o.pk for o in everything()}
    a_drafts = {world.by_status[Status.DRAFT].pk, world.represented[Status.DRAFT].pk}
    seen = seen_by_each(opportunities_visible_to, world.users)
    assert seen["anonymous"] == seen["no_role"] == seen["staff_b"] == public
    assert seen["admin"] == every
    # The coordinators see all of their project's, drafts too, and the posts no partner moderates;
    # not another project's before it is published.
    assert seen["coordinator"] == every - {world.elsewhere_waiting.pk}
    # Partner A's staff: their partner's posts, but the drafts a representative has not sent yet.
    assert seen["staff_a"] == public | {o.pk for o in everything() if o.partner_id == world.partner_a.pk} - {
        world.represented[Status.DRAFT].pk}
    # The representatives of an organisation see all its posts, drafts included, and no one else's.
    assert seen["rep_a"] == seen["rep_colleague"] == public | {o.pk for o in world.represented.values()}
    assert seen["rep_unkept"] == public | {world.unkept.pk}
    # Another project's staff moderate their partner's posts once sent.
    assert seen["staff_elsewhere"] == public | {world.elsewhere_waiting.pk}
    assert not a_drafts & seen["staff_b"]


def test_the_public_rule(world):
    anonymous = world.users["anonymous"]
    assert {o.pk for o in public_opportunities()} == {o.pk for o in opportunities_visible_to(anonymous)}
    assert {o.pk for o in open_opportunities()} == {
        world.by_status[Status.PUBLISHED].pk, world.represented[Status.PUBLISHED].pk}
    assert world.passed.pk in {o.pk for o in public_opportunities()}  # its page stays, as closed


def test_the_back_office_lists_what_each_moderates(world):
    for role in ("staff_a", "staff_b", "staff_elsewhere", "coordinator", "admin", "rep_a", "anonymous"):
        user = fresh(world.users[role])
        listed = {o.pk for o in opportunities_moderated_by(user)}
        visible = {o.pk for o in opportunities_visible_to(user)}
        assert listed <= visible
        moderated = {o.pk for o in everything() if user.has_perm("opportunities.moderate_opportunity", o)}
        assert moderated & visible <= listed, role
    staff_a = {o.pk for o in opportunities_moderated_by(fresh(world.users["staff_a"]))}
    assert world.represented[Status.IN_REVIEW].pk in staff_a and world.represented[Status.DRAFT].pk not in staff_a
    assert not {o.pk for o in opportunities_moderated_by(fresh(world.users["rep_a"]))} - {
        o.pk for o in everything() if o.partner_id is None}  # nothing to moderate


def test_my_opportunities(world):
    mine = {o.pk for o in opportunities_of(fresh(world.users["rep_colleague"]))}
    assert mine == {o.pk for o in world.represented.values()}
    assert {o.pk for o in opportunities_of(fresh(world.users["staff_a"]))} == {
        o.pk for o in world.by_status.values()}
    assert not opportunities_of(world.users["anonymous"]).exists()


def test_who_sees_the_matches(world, client):
    from django.urls import reverse

    opportunity = world.represented[Status.PUBLISHED]
    may = {role for role in ALL_ROLES
           if fresh(world.users[role]).has_perm("opportunities.see_matches", opportunity)}
    assert may == {"staff_a", "coordinator", "admin", "rep_a", "rep_colleague"}
    for role in ALL_ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(world.users[role])
        response = client.get(reverse("opportunities:detail", args=[opportunity.pk]))
        assert response.status_code == 200
        included = "opportunities/_matches.html" in [t.name for t in response.templates]
        assert included == (role in may), role
        assert response.context["matches"] is None


def test_posting_is_for_staff_coordinators_and_representatives_of_a_verified_organisation(world):
    from ecocsme.organisations.factories import OrganisationFactory

    waiting = representative(OrganisationFactory(partner=world.partner_a), UserFactory(username="waiting"))
    may = {role for role in ALL_ROLES if fresh(world.users[role]).has_perm("opportunities.add_opportunity")}
    assert may == {"staff_a", "staff_b", "coordinator", "staff_elsewhere", "admin", "rep_a", "rep_colleague",
                   "rep_unkept"}
    assert not waiting.has_perm("opportunities.add_opportunity")
