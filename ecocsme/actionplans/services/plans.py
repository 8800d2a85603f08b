"""Writing an action plan (AP-1, AP-2): its parts, its actions, and its way from draft to
monitoring. Every write checks the permission on the locked plan, refuses a form drawn from an
older revision (`StaleEdit`: two people editing at once — the second is told, nothing is
overwritten), validates everything before it saves anything, stores the whole plan as a new
`PlanVersion` with who and when, and records an audit entry (`actionplans.<thing>.<verb>`)."""

import re
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecocsme.core.audit import audit_log
from ecocsme.core.texts import checked_text, checked_texts

from ..models import Action, ActionPlan, CostItem, FundingSource, Inspiration, Milestone, PlanVersion
from ..selectors import plan_document, plan_with_everything

REFUSED = gettext_lazy(
    "Only the partner's staff change its action plan, and only while it is a draft or in peer review."
)
TITLE_MAX = 300
TEXT_MAX = 20000
SHORT_MAX = 2000
MAX_ACTIONS = 40
MAX_ROWS = 50  # milestones, cost items, funding sources, inspirations of one action
MAX_AMOUNT = Decimal("999999999999.99")
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)  # dates an action's timeframe may hold
AMOUNT = re.compile(r"[-+]?[0-9]+(\.[0-9]*)?|[-+]?\.[0-9]+")
PLAN_TEXTS = {
    "title": TITLE_MAX,
    "summary": TEXT_MAX,
    "other_organisations": SHORT_MAX,
    "policy_context": TEXT_MAX,
    "improvement_aim": TEXT_MAX,
}
ACTION_TEXTS = {"title": TITLE_MAX, "background": TEXT_MAX, "description": TEXT_MAX, "players": TEXT_MAX}


class StaleEdit(ValidationError):
    """The form was drawn from an older revision: someone else saved in between."""

    def __init__(self, version: PlanVersion | None):
        self.version = version
        if version is not None and version.created_by is not None:
            who = version.created_by.get_full_name() or version.created_by.get_username()
            message = _(
                "%(who)s changed this in the meantime (%(when)s). Nothing of yours was saved: "
                "your text is still in the form below; compare it with the current one and save "
                "again."
            ) % {
                "who": who,
                "when": date_format(timezone.localtime(version.created_at), "SHORT_DATETIME_FORMAT"),
            }
        else:
            message = _(
                "Someone changed this in the meantime. Nothing of yours was saved: your text is "
                "still in the form below; compare it with the current one and save again."
            )
        super().__init__(message, code="stale")


def _require(actor, perm: str, obj, refused=REFUSED) -> None:
    # rules.has_perm, not actor.has_perm: the model backend would grant a superuser everything,
    # a frozen plan included.
    if not (actor.is_active and rules.has_perm(perm, actor, obj)):
        raise PermissionDenied(refused)


def _locked(plan: ActionPlan) -> ActionPlan:
    return ActionPlan.objects.select_for_update().select_related("project", "partner").get(pk=plan.pk)


def _check_revision(current: int, expected, plan: ActionPlan) -> None:
    try:
        expected = int(expected)
    except (TypeError, ValueError):
        expected = -1
    if expected != current:
        raise StaleEdit(plan.versions.select_related("created_by").order_by("-number").first())


def _editable(actor, plan: ActionPlan) -> ActionPlan:
    plan = _locked(plan)
    if plan.is_endorsed:
        raise ValidationError(
            _("This plan is endorsed: the endorsed version is frozen and cannot change."), code="frozen"
        )
    _require(actor, "actionplans.change_plan", plan)
    return plan


def _changed(plan: ActionPlan, fields=("revision", "validated_at", "validated_by", "updated_at")) -> None:
    """A change to the plan's text: a new revision, and the coordinator's validation undone."""
    plan.revision += 1
    plan.validated_at = plan.validated_by = None
    plan.save(update_fields=list(fields) if fields else None)


def record_version(plan: ActionPlan, *, actor, change: str, summary: str = "") -> PlanVersion:
    """Store the whole plan as its next version (called inside the writing transaction). The
    summary names what changed in no language ("policy_context, title", "action-changed 2"): each
    reader reads it in theirs (views.plans.change_summary)."""
    number = (plan.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    document = plan_document(plan_with_everything(plan.pk))
    return PlanVersion.objects.create(
        plan=plan,
        number=number,
        change=change,
        summary=summary[:300],
        created_by=actor if getattr(actor, "pk", None) else None,
        snapshot=document,
    )


# --- the plan ------------------------------------------------------------------------------------
def _plan_values(values: dict) -> dict:
    checked = {}
    names = {
        "title": _("Title"),
        "summary": _("Summary"),
        "other_organisations": _("Other organisations involved"),
        "policy_context": _("Policy context"),
        "improvement_aim": _("What the plan aims to improve"),
    }
    for field, limit in PLAN_TEXTS.items():
        if field in values:
            checked[field] = checked_texts(
                values[field], name=names[field], limit=limit, required=field == "title"
            )
    for field, name, limit in (
        ("contact_role", _("Contact (role)"), 200),
        ("contact_phone", _("Contact phone"), 40),
    ):
        if field in values:
            checked[field] = checked_text(values[field], name=name, limit=limit)
    if "contact_email" in values:
        from django.core.validators import validate_email

        email = checked_text(values["contact_email"], name=_("Contact e-mail"), limit=254)
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise ValidationError(
                    _("Contact e-mail: “%(value)s” is not an e-mail address.") % {"value": email[:80]}
                ) from None
        checked["contact_email"] = email
    for field in ("language", "instrument_category", "policy_instrument"):
        if field in values:
            checked[field] = values[field]
    if "language" in checked:
        from django.conf import settings

        if checked["language"] not in {code for code, _name in settings.LANGUAGES}:
            raise ValidationError(_("Choose the plan's language from the list."))
    if "instrument_category" in checked:
        from ecocsme.reference.models import PolicyInstrument

        if checked["instrument_category"] not in ("", *PolicyInstrument.Category.values):
            raise ValidationError(_("Choose what the plan aims to impact from the list."))
    return checked


def plan_create(*, actor, partner, values: dict) -> ActionPlan:
    """The partner's plan, as a first draft (version 1). The policy instrument and what it is
    default to the partner's."""
    _require(actor, "actionplans.add_plan", partner)
    checked = _plan_values({"language": values.get("language") or "en", **values})
    instrument = checked.pop("policy_instrument", None) or partner.policy_instrument
    checked.setdefault("instrument_category", instrument.category if instrument else "")
    with transaction.atomic():
        if ActionPlan.objects.filter(project_id=partner.project_id, partner=partner).exists():
            raise ValidationError(
                _("%(partner)s already has an action plan in this project.") % {"partner": partner}
            )
        plan = ActionPlan.objects.create(
            project_id=partner.project_id, partner=partner, policy_instrument=instrument, **checked
        )
        record_version(plan, actor=actor, change=PlanVersion.Change.CREATED)
        audit_log(actor=actor, action="actionplans.plan.created", obj=plan)
    return plan


def plan_update(*, actor, plan: ActionPlan, revision, values: dict) -> ActionPlan:
    """Change Parts I and II (and the title, summary, language) of a draft or a plan in review."""
    with transaction.atomic():
        plan = _editable(actor, plan)
        _check_revision(plan.revision, revision, plan)
        checked = _plan_values(values)
        changed = [
            field
            for field, value in checked.items()
            if getattr(plan, field if field != "policy_instrument" else "policy_instrument") != value
        ]
        if not changed:
            return plan
        for field, value in checked.items():
            setattr(plan, field, value)
        _changed(plan, fields=None)
        record_version(
            plan, actor=actor, change=PlanVersion.Change.EDITED, summary=", ".join(sorted(changed))
        )
        audit_log(actor=actor, action="actionplans.plan.changed", obj=plan, data={"fields": sorted(changed)})
    return plan


# --- actions -------------------------------------------------------------------------------------
@dataclass
class ActionRows:
    """The rows of an action as a form gives them: each a dict, in order."""

    milestones: list[dict]  # {"date": date, "title": {lang: text}}
    costs: list[dict]  # {"item": {lang: text}, "amount": Decimal}
    funding: list[dict]  # {"source": {lang: text}, "amount": Decimal | None}
    inspirations: list[dict]  # {"kind", "id", "label", "note": {lang: text}}


def amount_in_range(amount: Decimal, *, name: str) -> None:
    """ValidationError unless `amount` (EUR) is not negative, in cents at most, and not too large:
    the rule of every amount of a plan and its reports, however it was written."""
    if amount < 0:
        raise ValidationError(_("%(name)s cannot be negative.") % {"name": name})
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(_("%(name)s: give at most two decimals (cents).") % {"name": name})
    if amount > MAX_AMOUNT:
        raise ValidationError(_("%(name)s is too large.") % {"name": name})


def amount_of(value, *, name: str, required: bool = True) -> Decimal | None:
    """A money amount in EUR from a form or a file: not negative, at most two decimals."""
    if value in (None, ""):
        if required:
            raise ValidationError(_("%(name)s: give an amount in euros.") % {"name": name})
        return None
    written = value if isinstance(value, Decimal) else "".join(str(value).split())
    try:
        amount = Decimal(written)
    except InvalidOperation:
        amount = None
    # Only digits, a sign and a point: "1e3", "NaN" or "Infinity" are no amount people write.
    plain = isinstance(written, Decimal) or AMOUNT.fullmatch(written)
    if amount is None or not plain or not amount.is_finite():
        raise ValidationError(
            _("%(name)s: “%(value)s” is not an amount; write it like 1200.50.")
            % {"name": name, "value": str(value)[:30]}
        )
    amount_in_range(amount, name=name)
    return amount


def _day(value, *, name: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(
            _("%(name)s: “%(value)s” is not a date.") % {"name": name, "value": str(value)[:20]}
        ) from None


def _check_action(values: dict, rows: ActionRows) -> tuple[dict, ActionRows]:
    names = {
        "title": _("Title of the action"),
        "background": _("Background"),
        "description": _("The action"),
        "players": _("Players involved"),
    }
    checked = {
        field: checked_texts(values.get(field), name=names[field], limit=limit, required=field == "title")
        for field, limit in ACTION_TEXTS.items()
    }
    start = _day(values.get("start_date"), name=_("Start"))
    end = _day(values.get("end_date"), name=_("End"))
    for day in (start, end):
        if day and not EARLIEST <= day <= LATEST:
            raise ValidationError({"start_date" if day == start else "end_date": _(
                "%(date)s is not a date of this plan's timeframe: give a date between %(earliest)s and "
                "%(latest)s.") % {"date": day.isoformat(), "earliest": EARLIEST.year, "latest": LATEST.year}})
    if start and end and end < start:
        raise ValidationError(
            {
                "end_date": _("The timeframe ends (%(end)s) before it starts (%(start)s).")
                % {"end": end.isoformat(), "start": start.isoformat()}
            }
        )
    checked.update(start_date=start, end_date=end)
    if any(len(group) > MAX_ROWS for group in (rows.milestones, rows.costs, rows.funding, rows.inspirations)):
        raise ValidationError(
            _("An action has at most %(count)s milestones, cost items, funding sources or inspirations.")
            % {"count": MAX_ROWS}
        )
    milestones = []
    for row in rows.milestones:
        day = _day(row.get("date"), name=_("Milestone"))
        if day is None:
            raise ValidationError(_("Every milestone needs a date."))
        if (start and day < start) or (end and day > end):
            raise ValidationError(
                _("The milestone of %(date)s is outside the action's timeframe.") % {"date": day.isoformat()}
            )
        milestones.append(
            {
                "date": day,
                "title": checked_texts(row.get("title"), name=_("Milestone"), limit=SHORT_MAX, required=True),
            }
        )
    costs = [
        {
            "item": checked_texts(row.get("item"), name=_("Cost item"), limit=SHORT_MAX, required=True),
            "amount": amount_of(row.get("amount"), name=_("Cost item")),
        }
        for row in rows.costs
    ]
    funding = [
        {
            "source": checked_texts(
                row.get("source"), name=_("Funding source"), limit=SHORT_MAX, required=True
            ),
            "amount": amount_of(row.get("amount"), name=_("Funding source"), required=False),
        }
        for row in rows.funding
    ]
    cost_total = sum((row["amount"] for row in costs), Decimal(0))
    if any(row["amount"] is not None for row in funding):
        funding_total = sum((row["amount"] or Decimal(0) for row in funding), Decimal(0))
        if funding_total != cost_total:
            raise ValidationError(
                _(
                    "The funding sources add up to %(funding)s euros and the costs to %(costs)s "
                    "euros: they must be the same."
                )
                % {
                    "funding": number_format(funding_total, 2, force_grouping=True),
                    "costs": number_format(cost_total, 2, force_grouping=True),
                }
            )
    inspirations = []
    for row in rows.inspirations:
        if row.get("kind") not in Inspiration.Kind.values:
            raise ValidationError(_("Choose what inspired the action from the list."))
        inspirations.append(
            {
                "kind": row["kind"],
                "id": row.get("id"),
                "label": checked_text(row.get("label"), name=_("Inspiration"), limit=300, required=True),
                "note": checked_texts(row.get("note"), name=_("Inspiration"), limit=SHORT_MAX),
            }
        )
    return checked, ActionRows(milestones, costs, funding, inspirations)


def _write_rows(action: Action, rows: ActionRows) -> None:
    action.milestones.all().delete()
    action.cost_items.all().delete()
    action.funding_sources.all().delete()
    action.inspirations.all().delete()
    Milestone.objects.bulk_create(
        Milestone(action=action, position=n, **row) for n, row in enumerate(rows.milestones)
    )
    CostItem.objects.bulk_create(
        CostItem(action=action, position=n, **row) for n, row in enumerate(rows.costs)
    )
    FundingSource.objects.bulk_create(
        FundingSource(action=action, position=n, **row) for n, row in enumerate(rows.funding)
    )
    Inspiration.objects.bulk_create(
        Inspiration(
            action=action,
            position=n,
            kind=row["kind"],
            label=row["label"],
            note=row["note"],
            **{f"{row['kind']}_id": row["id"]},
        )
        for n, row in enumerate(rows.inspirations)
    )


def action_save(
    *, actor, plan: ActionPlan, action: Action | None, revision, values: dict, rows: ActionRows
) -> Action:
    """Create an action (action None; revision is the plan's) or change one (revision is the
    action's), with all its rows at once. The ids of cited practices, themes and events must
    already be checked against what the actor may see (forms do it through those apps' access)."""
    with transaction.atomic():
        plan = _editable(actor, plan)
        checked, rows = _check_action(values, rows)
        if action is None:
            _check_revision(plan.revision, revision, plan)
            if plan.actions.count() >= MAX_ACTIONS:
                raise ValidationError(_("A plan has at most %(count)s actions.") % {"count": MAX_ACTIONS})
            position = (plan.actions.aggregate(top=Max("position"))["top"] or 0) + 1
            action = Action.objects.create(plan=plan, key=uuid.uuid4().hex[:12], position=position, **checked)
            verb, summary = "created", f"action-added {position}"
        else:
            action = Action.objects.select_for_update().get(pk=action.pk, plan=plan)
            _check_revision(action.revision, revision, plan)
            for field, value in checked.items():
                setattr(action, field, value)
            action.revision += 1
            action.save()
            verb, summary = "changed", f"action-changed {action.position}"
        _write_rows(action, rows)
        _changed(plan)
        record_version(plan, actor=actor, change=PlanVersion.Change.EDITED, summary=summary)
        audit_log(actor=actor, action=f"actionplans.action.{verb}", obj=action)
    return action


def action_delete(*, actor, plan: ActionPlan, action: Action, revision) -> None:
    with transaction.atomic():
        plan = _editable(actor, plan)
        action = Action.objects.select_for_update().get(pk=action.pk, plan=plan)
        _check_revision(action.revision, revision, plan)
        position = action.position
        audit_log(actor=actor, action="actionplans.action.deleted", obj=action)
        action.delete()
        _renumber(plan, [a.pk for a in plan.actions.order_by("position")])
        _changed(plan)
        record_version(
            plan,
            actor=actor,
            change=PlanVersion.Change.EDITED,
            summary=f"action-removed {position}",
        )


def _renumber(plan: ActionPlan, ids: list[int]) -> None:
    # Two steps, so that the unique (plan, position) never clashes in between.
    actions = {a.pk: a for a in plan.actions.all()}
    for offset in (1000, 0):
        for number, pk in enumerate(ids, start=1):
            actions[pk].position = number + offset
        Action.objects.bulk_update(actions.values(), ["position"])


def action_move(*, actor, plan: ActionPlan, action: Action, direction: int, revision) -> None:
    """Move an action one place up (-1) or down (+1)."""
    with transaction.atomic():
        plan = _editable(actor, plan)
        _check_revision(plan.revision, revision, plan)
        ids = list(plan.actions.order_by("position").values_list("pk", flat=True))
        if action.pk not in ids or direction not in (-1, 1):
            raise ValidationError(_("This action is not in the plan."))
        at = ids.index(action.pk)
        to = at + direction
        if not 0 <= to < len(ids):
            return
        ids[at], ids[to] = ids[to], ids[at]
        _renumber(plan, ids)
        _changed(plan)
        record_version(
            plan,
            actor=actor,
            change=PlanVersion.Change.EDITED,
            summary=f"action-moved {at + 1} {to + 1}",
        )


# --- the way from draft to monitoring ------------------------------------------------------------
def _transition(actor, plan: ActionPlan, perm: str, refused: str) -> ActionPlan:
    plan = _locked(plan)
    _require(actor, perm, plan, refused)
    return plan


def plan_submit(*, actor, plan: ActionPlan) -> ActionPlan:
    """Draft → peer review: the project's other partners (and invited stakeholders) comment."""
    with transaction.atomic():
        plan = _transition(
            actor,
            plan,
            "actionplans.submit_plan",
            _("Only a draft goes to peer review, sent by the partner's staff."),
        )
        if not plan.actions.exists():
            raise ValidationError(_("Add at least one action before the plan goes to peer review."))
        plan.status, plan.submitted_at, plan.validated_at, plan.validated_by = (
            ActionPlan.Status.REVIEW,
            timezone.now(),
            None,
            None,
        )
        plan.revision += 1
        plan.save()
        record_version(plan, actor=actor, change=PlanVersion.Change.SUBMITTED)
        audit_log(actor=actor, action="actionplans.plan.submitted", obj=plan)
    return plan


def plan_withdraw(*, actor, plan: ActionPlan) -> ActionPlan:
    """Peer review → draft; the coordinator's validation, if any, is undone."""
    with transaction.atomic():
        plan = _transition(
            actor,
            plan,
            "actionplans.withdraw_plan",
            _("Only the partner's staff take a plan in peer review back to draft."),
        )
        plan.status, plan.validated_at, plan.validated_by = ActionPlan.Status.DRAFT, None, None
        plan.revision += 1
        plan.save()
        record_version(plan, actor=actor, change=PlanVersion.Change.WITHDRAWN)
        audit_log(actor=actor, action="actionplans.plan.withdrawn", obj=plan)
    return plan


def plan_validate(*, actor, plan: ActionPlan, revision) -> ActionPlan:
    """The coordinator validates the plan as it is (its revision): ready for the endorsement.
    A change after it undoes the validation (plan_update → the revision moves on)."""
    with transaction.atomic():
        plan = _transition(
            actor,
            plan,
            "actionplans.validate_plan",
            _("Only the project's coordinator validates a plan in peer review."),
        )
        _check_revision(plan.revision, revision, plan)
        plan.validated_at, plan.validated_by = timezone.now(), actor
        plan.save(update_fields=["validated_at", "validated_by", "updated_at"])
        record_version(plan, actor=actor, change=PlanVersion.Change.VALIDATED)
        audit_log(actor=actor, action="actionplans.plan.validated", obj=plan)
    return plan


def plan_endorse(
    *, actor, plan: ActionPlan, endorsed_on, endorsed_by_role: str, endorsing_organisation: str
) -> ActionPlan:
    """Record the endorsement by the policy owner: the plan as it is becomes the endorsed,
    frozen version."""
    with transaction.atomic():
        plan = _transition(
            actor,
            plan,
            "actionplans.endorse_plan",
            _("The partner's staff record the endorsement of a plan the coordinator validated."),
        )
        day = _day(endorsed_on, name=_("Endorsed on"))
        if day is None:
            raise ValidationError({"endorsed_on": _("Give the date of the endorsement.")})
        if day > timezone.localdate():
            raise ValidationError({"endorsed_on": _("The endorsement cannot be dated in the future.")})
        if day < EARLIEST:  # a plan written on paper may be recorded here after its endorsement
            raise ValidationError({"endorsed_on": _("The endorsement cannot be dated before %(year)s.")
                                   % {"year": EARLIEST.year}})
        role = checked_text(endorsed_by_role, name=_("Signed by (role)"), limit=200, required=True)
        owner = checked_text(
            endorsing_organisation,
            name=_("Organisation that owns the policy instrument"),
            limit=300,
            required=True,
        )
        plan.status, plan.endorsed_on, plan.endorsed_by_role, plan.endorsing_organisation = (
            ActionPlan.Status.ENDORSED,
            day,
            role,
            owner,
        )
        plan.revision += 1
        plan.save()
        version = record_version(plan, actor=actor, change=PlanVersion.Change.ENDORSED)
        plan.endorsed_version = version
        plan.save(update_fields=["endorsed_version"])
        audit_log(
            actor=actor,
            action="actionplans.plan.endorsed",
            obj=plan,
            data={"version": version.number, "endorsed_on": day.isoformat()},
        )
    return plan


def plan_start_monitoring(*, actor, plan: ActionPlan) -> ActionPlan:
    with transaction.atomic():
        plan = _transition(
            actor, plan, "actionplans.report_plan", _("Only the partner's staff report on an endorsed plan.")
        )
        if plan.status == ActionPlan.Status.MONITORING:
            return plan
        plan.status = ActionPlan.Status.MONITORING
        plan.save(update_fields=["status", "updated_at"])
        record_version(plan, actor=actor, change=PlanVersion.Change.MONITORING)
        audit_log(actor=actor, action="actionplans.plan.monitoring", obj=plan)
    return plan


def plan_publish(*, actor, plan: ActionPlan, published: bool) -> ActionPlan:
    """Show (or hide) the endorsed plan on the public site."""
    with transaction.atomic():
        plan = _transition(
            actor,
            plan,
            "actionplans.publish_plan",
            _("Only the partner's staff publish their endorsed plan."),
        )
        if plan.is_published != bool(published):
            plan.is_published = bool(published)
            plan.save(update_fields=["is_published", "updated_at"])
            audit_log(
                actor=actor,
                action="actionplans.plan.published" if published else "actionplans.plan.unpublished",
                obj=plan,
            )
    return plan
