"""The access functions of organisation profiles against the rules: the public rule (findable
and verified, nothing else), a representative's own organisations only, and verification by the
keeping partner's staff, its project's coordinators (every coordinator for an unkept profile) and
the administrator — for each kind of user of ecocsme.testing.access and a representative."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ecocsme.organisations.access import (
    organisation_to_verify,
    organisations_represented_by,
    profile_for,
    public_profile_for,
    public_profiles,
    verifiable_by,
    verification_queue_for,
)
from ecocsme.organisations.factories import ProfileFactory, RepresentativeFactory
from ecocsme.organisations.models import Organisation
from ecocsme.testing.access import (
    ROLES,
    assert_answers,
    assert_visible_is_the_rule,
    kinds_of_user,
    outcome,
)

from .afresh import again

ALL_ROLES = (*ROLES, "representative")


@dataclass
class World:
    users: dict
    own: Organisation  # the representative's, kept by partner A, waiting
    public: Organisation  # findable and verified, kept by partner B
    opted_out: Organisation  # verified, does not wish to be found
    unverified: Organisation  # findable, not verified
    unkept: Organisation  # no partner of its city or country: the coordinators'
    elsewhere: Organisation  # kept by a partner of another project


@pytest.fixture
def world(db) -> World:
    kinds = kinds_of_user()
    link = RepresentativeFactory(organisation=ProfileFactory(partner=kinds.partner_a))
    others = {
        "public": ProfileFactory(partner=kinds.partner_b, findable=True, verified=True),
        "opted_out": ProfileFactory(partner=kinds.partner_a, findable=False, verified=True),
        "unverified": ProfileFactory(partner=kinds.partner_a, findable=True),
        "unkept": ProfileFactory(partner=None, city="Nowhere", country="IS"),
        "elsewhere": ProfileFactory(partner=kinds.elsewhere),
    }
    for organisation in (others["unverified"], others["unkept"], others["elsewhere"]):
        RepresentativeFactory(organisation=organisation)
    return World(users={**kinds.users, "representative": link.user}, own=link.organisation, **others)


def test_the_public_sees_only_findable_and_verified_profiles(world):
    assert set(public_profiles()) == {world.public}
    assert public_profile_for(world.public.pk) == world.public
    for hidden in (world.opted_out, world.unverified, world.own, world.unkept):
        with pytest.raises(Http404):
            public_profile_for(hidden.pk)
    with pytest.raises(Http404):
        public_profile_for(2**62)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_a_representative_sees_and_changes_only_their_own(world, role):
    """(The administrator, who holds every permission, may open any profile's page too.)"""
    user = again(world.users[role])
    everything = Organisation.objects.select_related("partner")
    represented = {o.pk for o in organisations_represented_by(user)}
    assert represented == ({world.own.pk} if role == "representative" else set())
    if role != "admin":
        assert_visible_is_the_rule(organisations_represented_by(user), user, "organisations.change_profile",
                                   everything)
    for organisation in everything:
        assert_answers(outcome(user, organisation, view="organisations.change_profile"),
                       profile_for, user, organisation.pk)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_verifiable_by_is_the_verify_rule(world, role):
    user = again(world.users[role])
    everything = Organisation.objects.select_related("partner")
    expected = assert_visible_is_the_rule(verifiable_by(user), user, "organisations.verify_organisation",
                                          everything)
    named = {name: getattr(world, name).pk for name in ("own", "public", "opted_out", "unverified",
                                                         "unkept", "elsewhere")}
    assert {name for name, pk in named.items() if pk in expected} == {
        "anonymous": set(), "no_role": set(), "representative": set(),
        "staff_a": {"own", "opted_out", "unverified"}, "staff_b": {"public"},
        "coordinator": {"own", "public", "opted_out", "unverified", "unkept"},
        "staff_elsewhere": {"elsewhere"},
        "admin": set(named),
    }[role]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_queue_holds_the_waiting_profiles_the_user_may_verify(world, role):
    user = again(world.users[role])
    queue = {o.pk for o in verification_queue_for(user)}
    waiting = {world.own.pk, world.unverified.pk, world.unkept.pk, world.elsewhere.pk}  # with a representative
    assert queue == {o.pk for o in Organisation.objects.select_related("partner").filter(pk__in=waiting)
                     if user.has_perm("organisations.verify_organisation", o)}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_organisation_to_verify_answers_404_403_or_the_organisation(world, role):
    user = again(world.users[role])
    for organisation in Organisation.objects.select_related("partner"):
        assert_answers(outcome(user, organisation, view="organisations.view_organisation",
                               perm="organisations.verify_organisation"),
                       organisation_to_verify, user, organisation.pk)


def test_only_a_stakeholder_account_creates_a_profile(world):
    may = {role for role, user in world.users.items() if again(user).has_perm("organisations.create_profile")}
    assert may == {"no_role", "representative", "admin"}
    assert not AnonymousUser().has_perm("organisations.create_profile")
    with pytest.raises((Http404, PermissionDenied)):
        profile_for(world.users["no_role"], world.own.pk)
