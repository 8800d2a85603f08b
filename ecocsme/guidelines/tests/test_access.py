"""guidelines.access against the rules, for each kind of user of ecocsme.testing.access: the
query forms hold exactly what `user.has_perm` allows, a visitor sees published versions only,
the fetchers answer 404 to whoever may not see a version (a draft is "no such version") and 403 to
whoever sees it but may not do what was asked; only the coordinator publishes."""

from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ecocsme.guidelines.access import (
    guidelines_visible_to,
    public_version,
    version_for,
    versions_visible_to,
)
from ecocsme.guidelines.factories import RecommendationFactory, VersionFactory
from ecocsme.guidelines.models import Guideline, Version
from ecocsme.guidelines.services import version_publish
from ecocsme.testing.access import ROLES, assert_answers, assert_visible_is_the_rule, fresh, kinds_of_user


@dataclass
class World:
    users: dict
    published: Version  # of the project of partners A and B
    draft: Version  # of the same project
    elsewhere_draft: Version  # of another project


@pytest.fixture
def world(db) -> World:
    kinds = kinds_of_user()
    published = VersionFactory(guideline__project=kinds.partner_a.project)
    RecommendationFactory(version=published)
    version_publish(actor=kinds.users["coordinator"], version=published, changelog={"en": "First (example)."})
    draft = VersionFactory(guideline__project=kinds.partner_a.project)
    elsewhere = VersionFactory(guideline__project=kinds.elsewhere.project)
    return World(users=kinds.users, published=published, draft=draft, elsewhere_draft=elsewhere)


def fetch(user, version, perm=None):
    return version_for(user, version.guideline.slug, version.number, perm)


@pytest.mark.parametrize("role", ROLES)
def test_versions_visible_to_is_the_view_version_rule(world, role):
    user = fresh(world.users[role])
    assert_visible_is_the_rule(versions_visible_to(user), user, "guidelines.view_version",
                               Version.objects.select_related("guideline"))
    assert_visible_is_the_rule(guidelines_visible_to(user), user, "guidelines.view_guideline",
                               Guideline.objects.all())


def test_who_sees_which_version(world):
    seen = {role: {v.pk for v in versions_visible_to(fresh(user))} for role, user in world.users.items()}
    assert seen["anonymous"] == seen["no_role"] == {world.published.pk}
    assert seen["staff_a"] == seen["staff_b"] == seen["coordinator"] == {world.published.pk, world.draft.pk}
    assert seen["staff_elsewhere"] == {world.published.pk, world.elsewhere_draft.pk}
    assert seen["admin"] == {world.published.pk, world.draft.pk, world.elsewhere_draft.pk}


# (role, reading the draft, changing it, publishing it)
DRAFT_OUTCOMES = [
    ("anonymous", Http404, Http404, Http404), ("no_role", Http404, Http404, Http404),
    ("staff_elsewhere", Http404, Http404, Http404),
    ("staff_a", None, None, PermissionDenied), ("staff_b", None, None, PermissionDenied),
    ("coordinator", None, None, None), ("admin", None, None, None)]


@pytest.mark.parametrize(("role", "read", "change", "publish"), DRAFT_OUTCOMES)
def test_version_for_a_draft(world, role, read, change, publish):
    user = fresh(world.users[role])
    assert_answers(read or world.draft, fetch, user, world.draft)
    assert_answers(change or world.draft, fetch, user, world.draft, "guidelines.change_version")
    assert_answers(publish or world.draft, fetch, user, world.draft, "guidelines.publish_version")


@pytest.mark.parametrize("role", [role for role in ROLES if role != "admin"])
def test_a_published_version_is_read_by_all_and_changed_by_none(world, role):
    """(Django grants the administrator every permission; the services refuse to change a
    published version whoever asks: test_services.)"""
    user = fresh(world.users[role])
    assert fetch(user, world.published) == world.published
    with pytest.raises(PermissionDenied):
        fetch(user, world.published, "guidelines.change_version")
    with pytest.raises(PermissionDenied):
        fetch(user, world.published, "guidelines.publish_version")


def test_public_version_serves_published_versions_only(world):
    slug = world.published.guideline.slug
    assert public_version(slug, "1.0") == world.published
    assert public_version(slug) == world.published
    for name, number in ((world.draft.guideline.slug, "1.0"), (world.draft.guideline.slug, None),
                         (slug, "2.0"), (slug, "x"), ("nothing-here", None)):
        with pytest.raises(Http404):
            public_version(name, number)
