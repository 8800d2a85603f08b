"""The plan's writes (services/plans.py) with what people really send them: a timeframe that ends
before it starts, costs and funding that do not add up, negative and non-numeric amounts, an
endorsed plan, two people saving at once (the second gets StaleEdit and nothing is overwritten),
and the people who may not write: another partner's staff, a visitor, the coordinator, the
administrator on a frozen plan. Each refusal leaves the plan, its actions and its history as they
were; each accepted write stores one version of the whole plan and an audit entry."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ecocsme.accounts.factories import AdministratorFactory, PartnerStaffFactory
from ecocsme.actionplans.models import Action, ActionPlan, PlanVersion
from ecocsme.actionplans.selectors import plan_document, plan_with_everything
from ecocsme.actionplans.services.plans import (
    ActionRows,
    StaleEdit,
    action_delete,
    action_move,
    action_save,
    amount_of,
    plan_create,
    plan_endorse,
    plan_publish,
    plan_start_monitoring,
    plan_submit,
    plan_update,
    plan_validate,
    plan_withdraw,
)
from ecocsme.core.models import AuditEntry
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory

EMPTY = ActionRows(milestones=[], costs=[], funding=[], inspirations=[])
TITLE = {"en": "Mentoring for creative start-ups (example)", "ro": "Mentorat pentru start-up-uri (exemplu)"}


def rows(costs=("1200.50",), funding=("1200.50",), milestones=(), inspirations=()) -> ActionRows:
    return ActionRows(
        milestones=[{"date": day, "title": {"en": f"Milestone {n} (example)"}} for n, day in enumerate(milestones)],
        costs=[{"item": {"en": f"Cost {n} (example)"}, "amount": amount} for n, amount in enumerate(costs)],
        funding=[{"source": {"en": f"Source {n} (example)"}, "amount": amount} for n, amount in enumerate(funding)],
        inspirations=list(inspirations))


@pytest.fixture
def plan(staff, partner):
    return plan_create(actor=staff, partner=partner, values={
        "language": "ro", "title": {"ro": "Planul de acțiune al Timișoarei (exemplu)", "en": "Timișoara's plan"}})


def fresh(plan) -> ActionPlan:
    return ActionPlan.objects.get(pk=plan.pk)


def save_action(staff, plan, *, action=None, values=None, action_rows=None):
    plan = fresh(plan)
    revision = action.revision if action is not None else plan.revision
    return action_save(actor=staff, plan=plan, action=action, revision=revision, rows=action_rows or rows(),
                       values={"title": TITLE, "start_date": dt.date(2021, 9, 1), "end_date": dt.date(2022, 6, 30),
                               **(values or {})})


def snapshot(plan) -> tuple:
    """Everything a refused write must leave as it was."""
    plan = fresh(plan)
    return (plan.revision, plan.status, plan.versions.count(), AuditEntry.objects.count(),
            plan_document(plan_with_everything(plan.pk)))


# --- creating --------------------------------------------------------------------------------------------
def test_a_plan_starts_as_a_draft_with_its_first_version(plan, staff, partner):
    assert plan.status == "draft" and plan.language == "ro" and plan.revision == 1
    version = plan.versions.get()
    assert (version.number, version.change, version.created_by) == (1, PlanVersion.Change.CREATED, staff)
    assert version.snapshot["title"]["ro"] == "Planul de acțiune al Timișoarei (exemplu)"
    assert AuditEntry.objects.filter(action="actionplans.plan.created").count() == 1


def test_one_plan_per_partner(plan, staff, partner):
    with pytest.raises(ValidationError, match="already has an action plan"):
        plan_create(actor=staff, partner=partner, values={"language": "en", "title": {"en": "Again"}})
    assert ActionPlan.objects.filter(partner=partner).count() == 1


@pytest.mark.parametrize("who", ["other_staff", "coordinator", "visitor"])
def test_only_the_partners_staff_start_its_plan(request, partner, who):
    actor = AnonymousUser() if who == "visitor" else request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        plan_create(actor=actor, partner=partner, values={"language": "en", "title": {"en": "Not mine"}})
    assert not ActionPlan.objects.exists()


@pytest.mark.parametrize("values, message", [
    ({"language": "xx", "title": {"en": "T"}}, "Choose the plan's language"),
    ({"language": "en", "title": {}}, "write it in at least one language"),
    ({"language": "en", "title": {"en": "\u200b\u2800 "}}, "write it in at least one language"),
    ({"language": "en", "title": {"en": "x" * 301}}, "Title"),
    ({"language": "en", "title": {"klingon": "Qapla'"}}, "not a language of the platform"),
    ({"language": "en", "title": {"en": "T"}, "contact_email": "nobody@"}, "is not an e-mail address"),
    ({"language": "en", "title": {"en": "T"}, "instrument_category": "galactic"}, "Choose what the plan aims"),
])
def test_a_plan_is_not_started_from_bad_values(staff, partner, values, message):
    with pytest.raises(ValidationError, match=message):
        plan_create(actor=staff, partner=partner, values=values)
    assert not ActionPlan.objects.exists()


# --- Parts I and II ----------------------------------------------------------------------------------
def test_a_change_is_a_new_version_and_undoes_the_validation(plan, staff, coordinator):
    save_action(staff, plan)
    plan = plan_submit(actor=staff, plan=fresh(plan))
    plan = plan_validate(actor=coordinator, plan=plan, revision=plan.revision)
    assert plan.validated_at is not None
    plan = plan_update(actor=staff, plan=fresh(plan), revision=plan.revision,
                       values={"policy_context": {"ro": "POR Vest 2014–2020, axa prioritară 2 (exemplu)."}})
    assert plan.validated_at is None and plan.validated_by is None
    latest = plan.versions.order_by("-number").first()
    assert latest.change == "edited" and latest.summary == "policy_context"
    assert latest.snapshot["part2"]["policy_context"] == {"ro": "POR Vest 2014–2020, axa prioritară 2 (exemplu)."}


def test_saving_the_same_values_stores_nothing(plan, staff):
    before = snapshot(plan)
    plan_update(actor=staff, plan=fresh(plan), revision=1, values={"title": fresh(plan).title})
    assert snapshot(plan) == before


def test_two_people_edit_parts_one_and_two_at_once(plan, staff, partner):
    colleague = PartnerStaffFactory(username="t-colleague-s", first_name="Ioana", last_name="Popescu (example)",
                                    partner=partner)
    drawn = fresh(plan).revision  # both forms drawn from here
    plan_update(actor=colleague, plan=fresh(plan), revision=drawn, values={"summary": {"en": "Theirs (example)."}})
    before = snapshot(plan)
    with pytest.raises(StaleEdit) as refused:
        plan_update(actor=staff, plan=fresh(plan), revision=drawn, values={"summary": {"en": "Mine (example)."}})
    assert "Ioana Popescu (example) changed this in the meantime" in refused.value.messages[0]
    assert refused.value.version.number == 2
    assert snapshot(plan) == before
    assert fresh(plan).summary == {"en": "Theirs (example)."}


@pytest.mark.parametrize("revision", [None, "", "abc", "-1", 0, 10**30])
def test_a_missing_or_forged_revision_is_stale(plan, staff, revision):
    before = snapshot(plan)
    with pytest.raises(StaleEdit):
        plan_update(actor=staff, plan=fresh(plan), revision=revision, values={"summary": {"en": "X"}})
    assert snapshot(plan) == before


# --- actions --------------------------------------------------------------------------------------------
def test_an_action_with_all_its_rows(plan, staff, partner):
    action = save_action(staff, plan, action_rows=rows(
        costs=[Decimal("1200.50"), "799.50"], funding=[Decimal("1500"), None, "500.00"],
        milestones=[dt.date(2021, 9, 1), dt.date(2022, 6, 30)],
        inspirations=[{"kind": "practice", "id": None, "label": "RInovatoRI (example)",
                       "note": {"hr": "Poduzetništvo za djecu (primjer)"}}]))
    assert action.position == 1 and len(action.key) == 12
    document = fresh(plan).versions.order_by("-number").first().snapshot["actions"][0]
    assert document["cost_total"] == document["funding_total"] == "2000.00"
    assert [row["amount"] for row in document["funding"]] == ["1500.00", None, "500.00"]
    assert document["inspirations"][0]["note"] == {"hr": "Poduzetništvo za djecu (primjer)"}
    assert AuditEntry.objects.filter(action="actionplans.action.created").count() == 1


def test_funding_without_amounts_need_not_add_up(plan, staff):
    action = save_action(staff, plan, action_rows=rows(costs=["1000"], funding=[None, None]))
    assert action.funding_sources.count() == 2


def test_a_timeframe_that_ends_before_it_starts(plan, staff):
    before = snapshot(plan)
    with pytest.raises(ValidationError) as refused:
        save_action(staff, plan, values={"start_date": dt.date(2022, 5, 1), "end_date": "2022-04-30"})
    assert refused.value.message_dict == {
        "end_date": ["The timeframe ends (2022-04-30) before it starts (2022-05-01)."]}
    assert snapshot(plan) == before and not Action.objects.exists()


@pytest.mark.parametrize("values, message", [
    ({"start_date": "1 September"}, "is not a date"),
    ({"end_date": "2022-02-30"}, "is not a date"),
    ({"title": {}}, "write it in at least one language"),
    ({"title": "a plain string"}, "give a text per language"),
])
def test_bad_action_values_are_refused(plan, staff, values, message):
    before = snapshot(plan)
    with pytest.raises(ValidationError, match=message):
        save_action(staff, plan, values=values)
    assert snapshot(plan) == before


@pytest.mark.parametrize("action_rows, message", [
    (rows(costs=["1000"], funding=["999.99"]), "add up to 999.99 euros and the costs to 1,000.00 euros"),
    (rows(costs=["1000", "500"], funding=["1000", None]), "add up to 1,000.00 euros and the costs to 1,500.00"),
    (rows(costs=["-1"], funding=[]), "cannot be negative"),
    (rows(costs=[Decimal("-0.01")], funding=[]), "cannot be negative"),
    (rows(costs=["1000"], funding=["-1000"]), "cannot be negative"),
    (rows(costs=["mille"], funding=[]), "is not an amount"),
    (rows(costs=["NaN"], funding=[]), "is not an amount"),
    (rows(costs=["Infinity"], funding=[]), "is not an amount"),
    (rows(costs=["10.001"], funding=[]), "at most two decimals"),
    (rows(costs=["1" * 16], funding=[]), "too large"),
    (rows(costs=[""], funding=[]), "give an amount in euros"),
    (rows(milestones=[dt.date(2020, 1, 1)]), "outside the action's timeframe"),
    (ActionRows(milestones=[{"date": None, "title": {"en": "X"}}], costs=[], funding=[], inspirations=[]),
     "Every milestone needs a date"),
    (ActionRows(milestones=[], costs=[{"item": {}, "amount": "5"}], funding=[], inspirations=[]),
     "write it in at least one language"),
    (ActionRows(milestones=[], costs=[], funding=[], inspirations=[{"kind": "rumour", "id": None, "label": "x"}]),
     "Choose what inspired the action"),
    (ActionRows(milestones=[], costs=[], funding=[], inspirations=[{"kind": "practice", "id": None, "label": " "}]),
     "write a few words"),
    (rows(costs=["1"] * 51, funding=[]), "at most 50"),
])
def test_rows_that_do_not_do_are_refused_and_nothing_is_saved(plan, staff, action_rows, message):
    existing = save_action(staff, plan)
    before = snapshot(plan)
    with pytest.raises(ValidationError, match=message):
        save_action(staff, plan, action_rows=action_rows)  # a new action
    with pytest.raises(ValidationError, match=message):
        save_action(staff, plan, action=Action.objects.get(pk=existing.pk), action_rows=action_rows)
    assert snapshot(plan) == before
    assert Action.objects.get(pk=existing.pk).revision == 1


@pytest.mark.parametrize("text, amount", [
    ("1200.50", Decimal("1200.50")), (" 1 200.50 ", Decimal("1200.50")), ("1\u00a0200.50", Decimal("1200.50")),
    (Decimal("7"), Decimal("7")), ("0", Decimal("0")), ("", None)])
def test_amount_of_reads_plain_amounts(text, amount):
    assert amount_of(text, name="Cost item", required=False) == amount


def test_two_people_edit_one_action_at_once(plan, staff, partner):
    colleague = PartnerStaffFactory(username="t-colleague-a", first_name="Mihai", last_name="Ionescu (example)",
                                    partner=partner)
    action = save_action(staff, plan)
    drawn = Action.objects.get(pk=action.pk)  # both forms drawn from revision 1
    save_action(colleague, plan, action=drawn, values={"players": {"en": "Theirs (example)"}})
    before = snapshot(plan)
    with pytest.raises(StaleEdit) as refused:
        save_action(staff, plan, action=drawn, values={"players": {"en": "Mine (example)"}})
    assert "Mihai Ionescu (example)" in refused.value.messages[0]
    assert snapshot(plan) == before
    assert Action.objects.get(pk=action.pk).players == {"en": "Theirs (example)"}
    # deleting from the old form is refused too
    with pytest.raises(StaleEdit):
        action_delete(actor=staff, plan=fresh(plan), action=drawn, revision=drawn.revision)
    assert Action.objects.filter(pk=action.pk).exists()


def test_a_new_action_from_an_old_page_is_stale(plan, staff):
    drawn = fresh(plan).revision
    save_action(staff, plan)
    before = snapshot(plan)
    with pytest.raises(StaleEdit):
        action_save(actor=staff, plan=fresh(plan), action=None, revision=drawn, rows=EMPTY, values={"title": TITLE})
    assert snapshot(plan) == before


def test_move_and_delete_renumber_and_keep_history(plan, staff):
    first, second, third = (save_action(staff, plan, values={"title": {"en": f"Action {n}"}}) for n in (1, 2, 3))
    action_move(actor=staff, plan=fresh(plan), action=third, direction=-1, revision=fresh(plan).revision)
    assert list(fresh(plan).actions.order_by("position").values_list("pk", flat=True)) == [first.pk, third.pk,
                                                                                          second.pk]
    with pytest.raises(StaleEdit):
        action_move(actor=staff, plan=fresh(plan), action=first, direction=1, revision=1)
    action_move(actor=staff, plan=fresh(plan), action=first, direction=-1, revision=fresh(plan).revision)  # at the top
    assert Action.objects.get(pk=first.pk).position == 1
    with pytest.raises(ValidationError):
        action_move(actor=staff, plan=fresh(plan), action=first, direction=5, revision=fresh(plan).revision)
    third = Action.objects.get(pk=third.pk)
    action_delete(actor=staff, plan=fresh(plan), action=third, revision=third.revision)
    assert list(fresh(plan).actions.order_by("position").values_list("position", flat=True)) == [1, 2]
    latest = fresh(plan).versions.order_by("-number").first()
    assert latest.summary == "action-removed 2" and len(latest.snapshot["actions"]) == 2
    assert AuditEntry.objects.filter(action="actionplans.action.deleted").count() == 1


# --- who may write ----------------------------------------------------------------------------------------
@pytest.fixture
def admin(db):
    return AdministratorFactory(username="admin-s")


@pytest.mark.parametrize("who", ["other_staff", "coordinator", "visitor", "staff_elsewhere", "inactive"])
def test_nobody_else_writes_the_plan(request, plan, staff, partner, who):
    action = save_action(staff, plan)
    if who == "visitor":
        actor = AnonymousUser()
    elif who == "staff_elsewhere":
        actor = PartnerStaffFactory(username="k-staff-s", partner=PartnerFactory(project=ProjectFactory()))
    elif who == "inactive":
        actor = PartnerStaffFactory(username="t-left-s", partner=partner, is_active=False)
    else:
        actor = request.getfixturevalue(who)
    before = snapshot(plan)
    action = Action.objects.get(pk=action.pk)
    attempts = [
        lambda: plan_update(actor=actor, plan=fresh(plan), revision=fresh(plan).revision,
                            values={"summary": {"en": "Not mine"}}),
        lambda: action_save(actor=actor, plan=fresh(plan), action=None, revision=fresh(plan).revision, rows=EMPTY,
                            values={"title": TITLE}),
        lambda: action_save(actor=actor, plan=fresh(plan), action=action, revision=action.revision, rows=EMPTY,
                            values={"title": TITLE}),
        lambda: action_delete(actor=actor, plan=fresh(plan), action=action, revision=action.revision),
        lambda: action_move(actor=actor, plan=fresh(plan), action=action, direction=1, revision=fresh(plan).revision),
        lambda: plan_submit(actor=actor, plan=fresh(plan)),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert snapshot(plan) == before


def test_the_administrator_writes_a_draft_but_never_an_endorsed_plan(plan, staff, coordinator, admin):
    save_action(admin, plan, values={"title": {"en": "Added by the administrator (example)"}})
    assert fresh(plan).actions.count() == 1
    plan = plan_submit(actor=staff, plan=fresh(plan))
    plan = plan_validate(actor=coordinator, plan=plan, revision=plan.revision)
    plan_endorse(actor=staff, plan=plan, endorsed_on=dt.date(2021, 7, 1), endorsed_by_role="Mayor (example)",
                 endorsing_organisation="Timiș County Council (example)")
    before = snapshot(plan)
    for actor in (admin, staff):
        with pytest.raises(ValidationError, match="endorsed version is frozen"):
            plan_update(actor=actor, plan=fresh(plan), revision=fresh(plan).revision, values={"summary": {"en": "X"}})
        with pytest.raises(ValidationError, match="frozen"):
            save_action(actor, plan)
        action = fresh(plan).actions.get()
        with pytest.raises(ValidationError, match="frozen"):
            action_delete(actor=actor, plan=fresh(plan), action=action, revision=action.revision)
        with pytest.raises(ValidationError, match="frozen"):
            action_move(actor=actor, plan=fresh(plan), action=action, direction=1, revision=fresh(plan).revision)
    assert snapshot(plan) == before


# --- the workflow ------------------------------------------------------------------------------------------
def test_the_way_from_draft_to_monitoring(plan, staff, other_staff, coordinator):
    with pytest.raises(ValidationError, match="Add at least one action"):
        plan_submit(actor=staff, plan=fresh(plan))
    save_action(staff, plan)
    with pytest.raises(PermissionDenied):
        plan_validate(actor=coordinator, plan=fresh(plan), revision=fresh(plan).revision)  # a draft
    plan = plan_submit(actor=staff, plan=fresh(plan))
    assert plan.status == "review" and plan.submitted_at is not None
    with pytest.raises(PermissionDenied):  # not validated yet
        plan_endorse(actor=staff, plan=fresh(plan), endorsed_on=dt.date(2021, 7, 1), endorsed_by_role="Mayor",
                     endorsing_organisation="County")
    for actor in (staff, other_staff):
        with pytest.raises(PermissionDenied):
            plan_validate(actor=actor, plan=fresh(plan), revision=fresh(plan).revision)
    plan = plan_validate(actor=coordinator, plan=fresh(plan), revision=fresh(plan).revision)
    with pytest.raises(PermissionDenied):
        plan_endorse(actor=other_staff, plan=fresh(plan), endorsed_on=dt.date(2021, 7, 1), endorsed_by_role="Mayor",
                     endorsing_organisation="County")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    for day, role, message in ((tomorrow, "Mayor", "future"), (None, "Mayor", "date of the endorsement"),
                               ("31/02/2021", "Mayor", "is not a date"), (dt.date(2021, 7, 1), " ", "a few words")):
        with pytest.raises(ValidationError, match=message):
            plan_endorse(actor=staff, plan=fresh(plan), endorsed_on=day, endorsed_by_role=role,
                         endorsing_organisation="Timiș County Council (example)")
    assert fresh(plan).status == "review"
    with pytest.raises(PermissionDenied):
        plan_publish(actor=staff, plan=fresh(plan), published=True)  # not endorsed yet
    plan = plan_endorse(actor=staff, plan=fresh(plan), endorsed_on=dt.date(2021, 7, 1),
                        endorsed_by_role="Mayor (example)", endorsing_organisation="Timiș County Council (example)")
    assert plan.status == "endorsed" and plan.endorsed_version.number == plan.versions.count()
    assert plan.endorsed_version.snapshot["endorsement"]["endorsed_on"] == "2021-07-01"
    with pytest.raises(PermissionDenied):
        plan_withdraw(actor=staff, plan=fresh(plan))
    with pytest.raises(PermissionDenied):
        plan_publish(actor=other_staff, plan=fresh(plan), published=True)
    plan_publish(actor=staff, plan=fresh(plan), published=True)
    plan = plan_start_monitoring(actor=staff, plan=fresh(plan))
    assert plan.status == "monitoring" and fresh(plan).is_published


def test_taking_a_plan_back_to_draft_undoes_the_validation(plan, staff, coordinator):
    save_action(staff, plan)
    plan = plan_submit(actor=staff, plan=fresh(plan))
    plan = plan_validate(actor=coordinator, plan=plan, revision=plan.revision)
    plan = plan_withdraw(actor=staff, plan=fresh(plan))
    assert plan.status == "draft" and plan.validated_at is None
    assert [v.change for v in plan.versions.order_by("number")][-3:] == ["submitted", "validated", "withdrawn"]
