"""partnerships.access against the rules: `projects_visible_to`, `partners_visible_to` and
`partners_changeable_by` give exactly the objects for which `user.has_perm(...)` holds, and the
fetchers answer 404 to whoever may not see a thing and 403 to whoever sees it but may not change
it — for each kind of user of ecocsme.testing.access: the anonymous visitor, the staff of
partner A and of partner B of a published project, its coordinator, the staff of an unpublished
project, a user without a role and the administrator."""

from dataclasses import dataclass

import pytest
from django.http import Http404

from ecocsme.partnerships.access import (
    default_partner_of,
    partner_changeable_by,
    partner_for_change,
    partners_changeable_by,
    partners_visible_to,
    project_for_view,
    projects_visible_to,
)
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory
from ecocsme.partnerships.models import Partner, Project
from ecocsme.partnerships.selectors import featured_project, partners_page_code
from ecocsme.testing.access import (
    ROLES,
    assert_answers,
    assert_visible_is_the_rule,
    fresh,
    kinds_of_user,
    outcome,
)


@dataclass
class World:
    users: dict
    partner_a: Partner  # of the published project
    partner_b: Partner  # of the same project
    hidden: Partner  # of an unpublished project


@pytest.fixture
def world(db) -> World:
    kinds = kinds_of_user(elsewhere_published=False)
    PartnerFactory(project=ProjectFactory())  # a published project nobody here belongs to
    return World(users=kinds.users, partner_a=kinds.partner_a, partner_b=kinds.partner_b, hidden=kinds.elsewhere)


@pytest.mark.parametrize("role", ROLES)
def test_projects_visible_to_is_the_view_project_rule(world, role):
    user = fresh(world.users[role])
    expected = assert_visible_is_the_rule(projects_visible_to(user), user, "partnerships.view_project",
                                          Project.objects.all())
    assert (world.hidden.project_id in expected) == (role in ("staff_elsewhere", "admin"))
    assert list(projects_visible_to(user)) == sorted(projects_visible_to(user), key=lambda p: p.code)


@pytest.mark.parametrize("role", ROLES)
def test_partners_visible_to_is_the_view_partner_rule(world, role):
    user = fresh(world.users[role])
    expected = assert_visible_is_the_rule(partners_visible_to(user), user, "partnerships.view_partner",
                                          Partner.objects.select_related("project"))
    assert world.partner_a.pk in expected


@pytest.mark.parametrize("role", ROLES)
def test_partners_changeable_by_is_the_change_partner_rule(world, role):
    user = fresh(world.users[role])
    assert_visible_is_the_rule(partners_changeable_by(user), user, "partnerships.change_partner",
                               Partner.objects.select_related("project"))
    assert {p.pk for p in partners_changeable_by(user)} == {
        "anonymous": set(), "no_role": set(),
        "staff_a": {world.partner_a.pk}, "staff_b": {world.partner_b.pk},
        "coordinator": {world.partner_a.pk, world.partner_b.pk},
        "staff_elsewhere": {world.hidden.pk},
        "admin": set(Partner.objects.values_list("pk", flat=True)),
    }[role]


@pytest.mark.parametrize("role", ROLES)
def test_project_for_view_answers_404_to_whoever_may_not_see_it(world, role):
    user = fresh(world.users[role])
    assert project_for_view(user, world.partner_a.project.code.lower()) == world.partner_a.project
    if role in ("staff_elsewhere", "admin"):
        assert project_for_view(user, world.hidden.project.code) == world.hidden.project
    else:
        with pytest.raises(Http404):
            project_for_view(user, world.hidden.project.code)
    with pytest.raises(Http404):
        project_for_view(user, "NO-SUCH-CODE")


@pytest.mark.parametrize("role", ROLES)
def test_partner_for_change_answers_404_403_or_the_partner(world, role):
    user = fresh(world.users[role])
    for partner in (world.partner_a, world.hidden):
        expected = outcome(user, partner, view="partnerships.view_partner", perm="partnerships.change_partner")
        assert_answers(expected, partner_for_change, user, partner.pk)
        assert partner_changeable_by(user, partner.pk) == (partner if expected is partner else None)
    with pytest.raises(Http404):
        partner_for_change(user, 2**62)


@pytest.mark.parametrize("role", ROLES)
def test_default_partner_is_the_first_the_user_may_change(world, role):
    user = fresh(world.users[role])
    assert default_partner_of(user) == partners_changeable_by(user).first()
    assert (default_partner_of(user) is None) == (role in ("anonymous", "no_role"))


@pytest.mark.parametrize("role", ROLES)
def test_the_featured_project_is_shown_only_to_whoever_may_see_it(world, role, settings):
    user = fresh(world.users[role])
    settings.ECOCSME_FEATURED_PROJECT = world.hidden.project.code
    sees_it = role in ("staff_elsewhere", "admin")
    assert featured_project(user) == (world.hidden.project if sees_it else None)
    assert partners_page_code(user) == world.hidden.project.code  # its page then answers 404
    settings.ECOCSME_FEATURED_PROJECT = "NO-SUCH-CODE"
    assert partners_page_code(user) == projects_visible_to(user).first().code
