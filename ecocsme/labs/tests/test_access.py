"""labs.access against the rules: `labs_visible_to(user)` is exactly the labs for which
`user.has_perm("labs.view_lab", lab)` holds, and the fetchers answer 404 to whoever may not see a
thing and 403 to whoever sees it but may not do what was asked — for each kind of user of
ecocsme.testing.access (the staff of the keeping partner A, of another partner B of the project,
of another project, its coordinator…), on two projects with two partners each."""

from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from ecocsme.labs.access import (
    invitation_for_token,
    lab_for,
    labs_visible_to,
    reply_of,
    theme_of,
)
from ecocsme.labs.factories import EmailReplyFactory, InvitationFactory, LabFactory, ThemeFactory
from ecocsme.labs.models import Lab
from ecocsme.testing.access import (
    CHANGING_WHAT_A_KEEPS,
    ROLES,
    assert_answers,
    assert_fetches_by_the_rules,
    assert_visible_is_the_rule,
    fresh,
    kinds_of_user,
    seen_by_each,
)


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
    kinds = kinds_of_user()
    lab_a = LabFactory(partner=kinds.partner_a)
    lab_b = LabFactory(partner=kinds.partner_b)
    return World(users=kinds.users, lab_a=lab_a, lab_a2=LabFactory(partner=kinds.partner_a), lab_b=lab_b,
                 lab_elsewhere=LabFactory(partner=kinds.elsewhere),
                 invitation_a=InvitationFactory(lab=lab_a), invitation_b=InvitationFactory(lab=lab_b))


@pytest.mark.parametrize("role", ROLES)
def test_labs_visible_to_is_the_view_lab_rule(world, role):
    user = fresh(world.users[role])
    assert_visible_is_the_rule(labs_visible_to(user), user, "labs.view_lab", Lab.objects.select_related("partner"))


def test_who_sees_which_labs(world):
    project_labs = {world.lab_a.pk, world.lab_a2.pk, world.lab_b.pk}
    seen = seen_by_each(labs_visible_to, world.users)
    assert seen["anonymous"] == seen["no_role"] == set()
    assert seen["staff_a"] == seen["staff_b"] == seen["coordinator"] == project_labs  # the whole partnership reads
    assert seen["staff_elsewhere"] == {world.lab_elsewhere.pk}
    assert seen["admin"] == project_labs | {world.lab_elsewhere.pk}


def test_labs_visible_to_counts_invitations(world):
    labs = {lab.pk: lab for lab in labs_visible_to(fresh(world.users["staff_a"]))}
    assert labs[world.lab_a.pk].invitation_count == 1
    assert labs[world.lab_a2.pk].invitation_count == 0


@pytest.mark.parametrize("role", ROLES)
def test_lab_for_opens_what_the_rules_allow(world, role):
    """Not 403 to a stranger: whoever may not see a lab does not learn that it exists."""
    assert_fetches_by_the_rules(lab_for, fresh(world.users[role]), (world.lab_a, world.lab_b, world.lab_elsewhere),
                                view="labs.view_lab", perms=("labs.view_lab", "labs.change_lab"))


@pytest.mark.parametrize(("role", "outcome"), CHANGING_WHAT_A_KEEPS)
def test_lab_for_with_a_permission(world, role, outcome):
    assert_answers(outcome or world.lab_a, lab_for, fresh(world.users[role]), world.lab_a.pk, "labs.change_lab")


def test_lab_for_an_unknown_lab(world):
    with pytest.raises(Http404):
        lab_for(world.users["admin"], 10**9)


@pytest.mark.parametrize(("role", "outcome"), [
    ("staff_a", None), ("coordinator", None), ("admin", None), ("staff_b", PermissionDenied)])
def test_reply_of_is_for_those_who_run_the_lab(world, role, outcome):
    reply = EmailReplyFactory(lab=world.lab_a)
    assert_answers(outcome or reply, reply_of, fresh(world.users[role]), world.lab_a, reply.pk)


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
