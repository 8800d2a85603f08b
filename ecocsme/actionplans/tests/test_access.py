"""actionplans.access against the rules, for each kind of user of ecocsme.testing.access: the
query forms hold exactly what the rule `actionplans.view_plan` allows; a visitor sees only the
plans their partners endorsed and published, and of them only the endorsed version; the back
office's fetcher answers 404 to everyone outside the project (a visitor of a published plan too);
the rules of writing follow the plan's state."""

import datetime as dt
from dataclasses import dataclass

import pytest
import rules
from django.http import Http404

from ecocsme.actionplans.access import (
    members_plan_for,
    plan_for,
    plans_in_work_for,
    plans_visible_to,
    published_plans,
    shown_version,
)
from ecocsme.actionplans.factories import ActionFactory, ActionPlanFactory
from ecocsme.actionplans.models import ActionPlan
from ecocsme.actionplans.services.plans import (
    ActionRows,
    action_save,
    plan_endorse,
    plan_publish,
    plan_submit,
    plan_validate,
)
from ecocsme.testing.access import ROLES, assert_visible_is_the_rule, fresh, kinds_of_user, seen_by_each


@dataclass
class World:
    users: dict
    draft: ActionPlan  # partner A's
    published: ActionPlan  # partner B's, endorsed and published
    elsewhere: ActionPlan  # another project's, endorsed, not published


def _endorsed(plan: ActionPlan, staff, coordinator, *, publish: bool) -> ActionPlan:
    ActionFactory(plan=plan)
    plan = plan_submit(actor=staff, plan=plan)
    plan = plan_validate(actor=coordinator, plan=plan, revision=plan.revision)
    plan = plan_endorse(actor=staff, plan=plan, endorsed_on=dt.date(2021, 7, 1), endorsed_by_role="Mayor (example)",
                        endorsing_organisation="Example County Council (example)")
    return plan_publish(actor=staff, plan=plan, published=True) if publish else plan


@pytest.fixture
def world(db) -> World:
    from ecocsme.accounts.factories import CoordinatorFactory

    kinds = kinds_of_user()
    users = kinds.users
    draft = ActionPlanFactory(partner=kinds.partner_a)
    published = _endorsed(ActionPlanFactory(partner=kinds.partner_b), users["staff_b"], users["coordinator"],
                          publish=True)
    other_coordinator = CoordinatorFactory(username="coord-elsewhere", project=kinds.elsewhere.project)
    elsewhere = _endorsed(ActionPlanFactory(partner=kinds.elsewhere), users["staff_elsewhere"], other_coordinator,
                          publish=False)
    return World(users=users, draft=draft, published=published, elsewhere=elsewhere)


@pytest.mark.parametrize("role", ROLES)
def test_plans_visible_to_is_the_view_plan_rule(world, role):
    user = fresh(world.users[role])
    assert_visible_is_the_rule(plans_visible_to(user), user, "actionplans.view_plan", ActionPlan.objects.all())


def test_who_sees_which_plan(world):
    seen = seen_by_each(plans_visible_to, world.users)
    assert seen["anonymous"] == seen["no_role"] == {world.published.pk}
    assert seen["staff_a"] == seen["staff_b"] == seen["coordinator"] == {world.draft.pk, world.published.pk}
    assert seen["staff_elsewhere"] == {world.published.pk, world.elsewhere.pk}
    assert seen["admin"] == {world.draft.pk, world.published.pk, world.elsewhere.pk}
    assert {plan.pk for plan in published_plans()} == {world.published.pk}
    in_work = seen_by_each(plans_in_work_for, world.users)
    assert in_work["anonymous"] == in_work["no_role"] == set()
    assert in_work["staff_elsewhere"] == {world.elsewhere.pk}


def test_a_visitor_reads_only_the_endorsed_version(world):
    visitor = fresh(world.users["anonymous"])
    assert plan_for(visitor, world.published.pk) == world.published
    assert shown_version(visitor, world.published) == world.published.endorsed_version
    with pytest.raises(Http404):
        members_plan_for(visitor, world.published.pk)
    with pytest.raises(Http404):
        plan_for(visitor, world.draft.pk)
    with pytest.raises(Http404):
        plan_for(visitor, 10**12)


@pytest.mark.parametrize(("role", "change", "comment", "validate"), [
    ("anonymous", False, False, False), ("no_role", False, False, False), ("staff_elsewhere", False, False, False),
    ("staff_a", True, True, False), ("staff_b", False, True, False), ("coordinator", False, True, False),
    ("admin", True, True, False)])
def test_who_may_do_what_with_a_draft(world, role, change, comment, validate):
    user = fresh(world.users[role])
    assert rules.has_perm("actionplans.change_plan", user, world.draft) is change
    assert rules.has_perm("actionplans.comment_plan", user, world.draft) is comment
    assert rules.has_perm("actionplans.validate_plan", user, world.draft) is validate  # not in review yet


def test_nobody_changes_or_comments_an_endorsed_plan(world):
    for role, user in world.users.items():
        user = fresh(user)
        assert not rules.has_perm("actionplans.change_plan", user, world.published), role
        assert not rules.has_perm("actionplans.comment_plan", user, world.published), role
    assert rules.has_perm("actionplans.report_plan", fresh(world.users["staff_b"]), world.published)
    assert not rules.has_perm("actionplans.report_plan", fresh(world.users["staff_a"]), world.published)


def test_a_change_after_validation_undoes_it(world):
    staff, coordinator = world.users["staff_a"], world.users["coordinator"]
    action = ActionFactory(plan=world.draft)
    plan = plan_submit(actor=staff, plan=world.draft)
    plan = plan_validate(actor=coordinator, plan=plan, revision=plan.revision)
    assert rules.has_perm("actionplans.endorse_plan", fresh(staff), plan)
    action.refresh_from_db()
    action_save(actor=staff, plan=plan, action=action, revision=action.revision,
                values={"title": {"en": "Changed after validation (example)"}}, rows=ActionRows([], [], [], []))
    plan.refresh_from_db()
    assert plan.validated_at is None
    assert not rules.has_perm("actionplans.endorse_plan", fresh(staff), plan)


def test_a_published_plan_of_a_project_taken_off_the_site_is_not_public(world):
    project = world.published.project
    project.is_published = False
    project.save(update_fields=["is_published"])
    visitor = fresh(world.users["anonymous"])
    assert not published_plans().exists()
    assert world.published.pk not in {plan.pk for plan in plans_visible_to(visitor)}
    with pytest.raises(Http404):
        plan_for(visitor, world.published.pk)
    assert plan_for(fresh(world.users["staff_a"]), world.published.pk) == world.published


def test_the_public_page_shows_the_partner_as_endorsed(client, world):
    partner = world.published.partner
    endorsed_name = partner.name
    partner.name, partner.city = "Renamed Later (example)", "Renamed City (example)"
    partner.save(update_fields=["name", "city"])
    page = client.get(f"/en/action-plans/{world.published.pk}/").content.decode()
    assert endorsed_name in page
    assert "Renamed Later" not in page and "Renamed City" not in page
