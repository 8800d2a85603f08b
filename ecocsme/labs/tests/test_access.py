"""labs.access against the rules: `labs_visible_to(user)` is exactly the labs for which
`user.has_perm("labs.view_lab", lab)` holds, and the fetchers answer 404 to whoever may not see a
thing and 403 to whoever sees it but may not do what was asked — for the anonymous visitor, the
staff of the keeping partner (A) and of another partner (B) of the project, its coordinator, a
user without a role and the administrator, on two projects with two partners each."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from ecocsme.accounts.factories import (
    AdministratorFactory,
    CoordinatorFactory,
    PartnerStaffFactory,
    UserFactory,
)
from ecocsme.labs.access import (
    invitation_for_token,
    lab_for,
    labs_visible_to,
    reply_of,
    theme_of,
)
from ecocsme.labs.factories import EmailReplyFactory, InvitationFactory, LabFactory, ThemeFactory
from ecocsme.labs.models import Lab
from ecocsme.partnerships.factories import PartnerFactory

ROLES = ("anonymous", "staff_a", "staff_b", "coordinator", "no_role", "admin")


@dataclass
class World:
    users: dict
    lab_a: Lab  # kept by partner A of the project
    lab_a2: Lab
    lab_b: Lab  # kept by partner B of the same project
    lab_elsewhere: Lab  # of another project
    invitation_a: object
    invitation_b: object


@pytest.fixture
def world(db) -> World:
    partner_a = PartnerFactory(city="Timișoara", name="Municipality of Timișoara")
    partner_b = PartnerFactory(project=partner_a.project, city="Rijeka", name="Municipality of Rijeka")
    elsewhere = PartnerFactory(city="Example Town", name="Example partner (example)")
    PartnerFactory(project=elsewhere.project)
    lab_a = LabFactory(partner=partner_a)
    lab_b = LabFactory(partner=partner_b)
    users = {
        "anonymous": AnonymousUser(),
        "staff_a": PartnerStaffFactory(username="staff-a", partner=partner_a),
        "staff_b": PartnerStaffFactory(username="staff-b", partner=partner_b),
        "coordinator": CoordinatorFactory(username="coord", project=partner_a.project),
        "no_role": UserFactory(username="no-role"),
        "admin": AdministratorFactory(username="admin-x"),
    }
    return World(users=users, lab_a=lab_a, lab_a2=LabFactory(partner=partner_a), lab_b=lab_b,
                 lab_elsewhere=LabFactory(partner=elsewhere),
                 invitation_a=InvitationFactory(lab=lab_a), invitation_b=InvitationFactory(lab=lab_b))


def fresh(user):
    """The user as a new request would have it (memberships and people scope read again)."""
    for cached in ("_ecocsme_memberships", "_ecocsme_people_scope"):
        if hasattr(user, cached):
            delattr(user, cached)
    return user


@pytest.mark.parametrize("role", ROLES)
def test_labs_visible_to_is_the_view_lab_rule(world, role):
    user = fresh(world.users[role])
    expected = {lab.pk for lab in Lab.objects.select_related("partner") if user.has_perm("labs.view_lab", lab)}
    assert {lab.pk for lab in labs_visible_to(user)} == expected


def test_who_sees_which_labs(world):
    project_labs = {world.lab_a.pk, world.lab_a2.pk, world.lab_b.pk}
    seen = {role: {lab.pk for lab in labs_visible_to(fresh(world.users[role]))} for role in ROLES}
    assert seen["anonymous"] == seen["no_role"] == set()
    assert seen["staff_a"] == seen["staff_b"] == seen["coordinator"] == project_labs  # the whole partnership reads
    assert seen["admin"] == project_labs | {world.lab_elsewhere.pk}


def test_labs_visible_to_counts_invitations(world):
    labs = {lab.pk: lab for lab in labs_visible_to(fresh(world.users["staff_a"]))}
    assert labs[world.lab_a.pk].invitation_count == 1
    assert labs[world.lab_a2.pk].invitation_count == 0


@pytest.mark.parametrize("role", ROLES)
def test_lab_for_opens_what_the_rules_allow(world, role):
    user = fresh(world.users[role])
    for lab in (world.lab_a, world.lab_b, world.lab_elsewhere):
        if user.has_perm("labs.view_lab", lab):
            assert lab_for(user, lab.pk) == lab
        else:
            with pytest.raises(Http404):
                lab_for(user, lab.pk)
            with pytest.raises(Http404):  # not 403: a stranger does not learn that the lab exists
                lab_for(user, lab.pk, "labs.change_lab")


@pytest.mark.parametrize(("role", "outcome"), [
    ("anonymous", Http404), ("no_role", Http404), ("staff_b", PermissionDenied),
    ("staff_a", None), ("coordinator", None), ("admin", None)])
def test_lab_for_with_a_permission(world, role, outcome):
    user = fresh(world.users[role])
    if outcome is None:
        assert lab_for(user, world.lab_a.pk, "labs.change_lab") == world.lab_a
    else:
        with pytest.raises(outcome):
            lab_for(user, world.lab_a.pk, "labs.change_lab")


def test_lab_for_an_unknown_lab(world):
    with pytest.raises(Http404):
        lab_for(world.users["admin"], 10**9)


@pytest.mark.parametrize(("role", "outcome"), [
    ("staff_a", None), ("coordinator", None), ("admin", None), ("staff_b", PermissionDenied)])
def test_reply_of_is_for_those_who_run_the_lab(world, role, outcome):
    reply = EmailReplyFactory(lab=world.lab_a)
    user = fresh(world.users[role])
    if outcome is None:
        assert reply_of(user, world.lab_a, reply.pk) == reply
    else:
        with pytest.raises(outcome):
            reply_of(user, world.lab_a, reply.pk)


def test_reply_of_another_lab_is_not_found(world):
    reply = EmailReplyFactory(lab=world.lab_b)
    with pytest.raises(Http404):
        reply_of(world.users["staff_a"], world.lab_a, reply.pk)


def test_theme_of(world):
    theme, other = ThemeFactory(lab=world.lab_a), ThemeFactory(lab=world.lab_b)
    assert theme_of(fresh(world.users["staff_b"]), world.lab_a, theme.pk) == theme  # members read themes
    with pytest.raises(Http404):
        theme_of(world.users["staff_a"], world.lab_a, other.pk)
    with pytest.raises(Http404):
        theme_of(world.users["no_role"], world.lab_a, theme.pk)


def test_invitation_for_token(world):

    invitation = world.invitation_a
    token = invitation.token()
    assert invitation_for_token(token) == invitation
    assert invitation_for_token(token[:-2] + "xx") is None
    assert invitation_for_token("not-a-token") is None
    invitation.contact.erased_at = timezone.now()
    invitation.contact.save(update_fields=["erased_at"])
    assert invitation_for_token(token) is None
