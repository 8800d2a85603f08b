"""The demo's action plans (data/demo_plans.json), written through the plan's services as their
partners' staff would: every change a version, every text marked as an example.

- Timișoara's skeleton (in Romanian with English beside it), aimed at the West Romania ROP
  2014-2020, OT3, Priority Axis 2 (the partner's policy instrument in the reference data): Part I
  from the partner's data, four example actions whose costs and funding add up, each citing the
  demo's practices, Timișoara's lab 2 (its computed themes when the synthesis has run, else the
  lab's own theme) and partner workshop 4, found through those apps' access and selectors; sent
  to peer review, where Kaunas's and Rijeka's staff open a thread each (through the review
  services): the first answered, the action revised and the thread resolved.
- Rijeka's plan (in Croatian with English beside it), aimed at its local development strategy:
  validated by the coordinator, endorsed, published, and in implementation monitoring with
  reports on its three actions for reporting periods 5 and 6; its history dated as it happened.

A partner that already has a plan keeps it (the demo loads again over itself without
duplicates, and without undoing what someone did in a walk-through). What cannot be found — a
practice not loaded, the workshop, a demo account — is left out and counted.
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from ecocsme.accounts.models import Membership

from .models import Action, ActionPlan, ActionReport, PlanVersion
from .services.plans import (
    ActionRows,
    action_save,
    plan_create,
    plan_endorse,
    plan_publish,
    plan_submit,
    plan_validate,
)
from .services.reports import report_save

DATA = Path(__file__).resolve().parent / "data" / "demo_plans.json"


@dataclass
class DemoReport:
    plans: int = 0
    kept: int = 0
    actions: int = 0
    versions: int = 0
    comments: int = 0
    reports: int = 0
    skipped: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    def as_counts(self) -> dict[str, int]:
        """What the demo's project holds after the load (load-demo prints it)."""
        return dict(self.totals)


def _totals(project) -> dict[str, int]:
    from .models import Comment

    plans = ActionPlan.objects.filter(project=project)
    return {"action plans": plans.count(), "actions": Action.objects.filter(plan__in=plans).count(),
            "plan versions": PlanVersion.objects.filter(plan__in=plans).count(),
            "plan comments": Comment.objects.filter(plan__in=plans).count(),
            "action reports": ActionReport.objects.filter(action__plan__in=plans).count()}


def _users(project) -> dict[str, object]:
    """The demo's accounts by role: the staff of partners 5, 6 and 7 and the coordinator."""
    names = {5: "rijeka", 6: "timisoara", 7: "kaunas"}
    users = {}
    for membership in Membership.objects.filter(project=project).select_related("user", "partner"):
        if not membership.user.is_active:
            continue
        if membership.role == Membership.Role.COORDINATOR:
            users.setdefault("coordinator", membership.user)
        elif membership.partner and membership.partner.number in names:
            users.setdefault(names[membership.partner.number], membership.user)
    return users


class _Finder:
    """What the demo's actions cite, read through the other apps' access and selectors: the
    project's published practices by slug, partner workshop 4, and Timișoara's lab 2."""

    def __init__(self, project, users):
        from ecocsme.events.access import public_events
        from ecocsme.labs.access import labs_visible_to
        from ecocsme.practices.access import published_practices
        from ecocsme.practices.selectors import practice_by_slug

        self.project = project
        self._practices = published_practices().filter(project=project)
        self._by_slug = practice_by_slug
        self.workshop = (public_events(project).filter(partner__number=6, kind="partner_workshop")
                         .order_by("pk").first())
        self.lab = None
        staff = users.get("timisoara")
        if staff is not None:
            self.lab = labs_visible_to(staff).filter(project=project, partner__number=6, number=2).first()

    def _lab_theme(self, number: int, language: str) -> dict | None:
        from ecocsme.core.i18n import in_language
        from ecocsme.labs.selectors import lab_synthesis

        if self.lab is None or self.lab.number != number:
            return None
        scope = lab_synthesis(self.lab).get("lab")
        themes = [view for view in (scope.themes if scope else []) if not view.theme.is_other]
        if themes:  # the synthesis has run: cite its largest theme
            theme = themes[0].theme
            return {"kind": "theme", "id": theme.pk, "label": theme.label[:300]}
        # Not yet: cite the lab's own theme, as the partners name it (no computed theme to link).
        return {"kind": "theme", "id": None, "label": str(in_language(self.lab.theme, language))[:300]}

    def cite(self, item: dict, report: DemoReport, language: str) -> dict | None:
        from ecocsme.core.i18n import in_language

        if item["kind"] == "practice":
            practice = self._by_slug(self._practices, item["slug"])
            if practice is None:
                report.skipped.append(f"practice {item['slug']}")
                return None
            cited = {"kind": "practice", "id": practice.pk,
                     "label": str(in_language(practice.title, language))[:300]}
        elif item["kind"] == "event":
            if self.workshop is None:
                report.skipped.append("partner workshop 4")
                return None
            cited = {"kind": "event", "id": self.workshop.pk,
                     "label": str(in_language(self.workshop.title, language))[:300]}
        else:
            cited = self._lab_theme(item["lab"], language)
            if cited is None:
                report.skipped.append(f"lab {item['lab']}")
                return None
        return {**cited, "note": item.get("note", {})}


def _rows(item: dict, finder: _Finder, report: DemoReport, language: str, *,
          revised: bool = False) -> ActionRows:
    source = item["revised"] if revised else item
    inspirations = [cited for entry in item.get("inspirations", [])
                    if (cited := finder.cite(entry, report, language))]
    return ActionRows(
        milestones=[{"date": m["date"], "title": m["title"]} for m in item["milestones"]],
        costs=[{"item": c["item"], "amount": c["amount"]} for c in source["costs"]],
        funding=[{"source": f["source"], "amount": f["amount"]} for f in source["funding"]],
        inspirations=inspirations)


def _action_values(item: dict) -> dict:
    names = ("title", "background", "description", "players", "start_date", "end_date")
    return {name: item[name] for name in names}


def _plan(partner, data: dict, staff, finder: _Finder, report: DemoReport) -> ActionPlan:
    """The plan with its actions, a draft, every text from `data`."""
    plan = plan_create(actor=staff, partner=partner, values={
        "language": data["language"], "title": data["title"], "summary": data["summary"],
        "other_organisations": data["other_organisations"], "contact_role": data["contact_role"],
        "contact_email": data["contact_email"], "policy_context": data["policy_context"],
        "improvement_aim": data["improvement_aim"]})
    ActionPlan.objects.filter(pk=plan.pk).update(is_example=True)
    for item in data["actions"]:
        plan.refresh_from_db()
        action = action_save(actor=staff, plan=plan, action=None, revision=plan.revision,
                             values=_action_values(item), rows=_rows(item, finder, report, data["language"]))
        Action.objects.filter(pk=action.pk).update(is_example=True)
        report.actions += 1
    plan.refresh_from_db()
    return plan


def _review(plan: ActionPlan, data: dict, users: dict, finder: _Finder, report: DemoReport) -> None:
    """The threads of the partners' staff, a reply, the revised action and the resolved thread."""
    try:
        from .services.review import comment_add, comment_step
    except ImportError:  # the review's services are not there: no comments
        report.skipped.append("comments (no review services)")
        return
    actions = {f"action:{a.position}": a for a in plan.actions.all()}
    for thread in data["review"]["threads"]:
        author = users.get(thread["by"])
        if author is None:
            report.skipped.append(f"a comment by {thread['by']}")
            continue
        on = thread["on"]
        target = f"action:{actions[on].key}" if on in actions else on
        comment = comment_add(plan=plan, actor=author, on=target, text=thread["text"])
        report.comments += 1
        reply = thread.get("reply")
        if reply and users.get(reply["by"]) is not None:
            comment_add(plan=plan, actor=users[reply["by"]], parent=comment, text=reply["text"])
            report.comments += 1
        if thread.get("revise") and on in actions:
            item = data["actions"][actions[on].position - 1]
            action = Action.objects.get(pk=actions[on].pk)
            action_save(actor=users["timisoara"], plan=plan, action=action, revision=action.revision,
                        values=_action_values(item),
                        rows=_rows(item, finder, report, data["language"], revised=True))
        if thread.get("resolve") and users.get(thread["resolve"]) is not None:
            comment_step(actor=users[thread["resolve"]], plan=plan, comment=comment, step="resolve")


def _on(day: str, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour)))


def _evidence_link(evidence: str, finder: _Finder) -> str:
    """The address of a platform page the report names as evidence ("practice:<slug>",
    "event:partner_workshop"), or "" when it is not there."""
    from ecocsme.core.http import absolute_url

    kind, _sep, name = evidence.partition(":")
    if kind == "practice" and finder._by_slug(finder._practices, name) is not None:
        return absolute_url("practices:detail", [name], language="en")
    if kind == "event" and finder.workshop is not None:
        return absolute_url("events:event_detail", [finder.workshop.pk], language="en")
    return ""


def _monitored(plan: ActionPlan, data: dict, users: dict, finder: _Finder, report: DemoReport) -> ActionPlan:
    """Rijeka's plan through peer review and the endorsement into monitoring, with its reports."""
    staff, coordinator = users["rijeka"], users.get("coordinator")
    if coordinator is None:
        report.skipped.append("the endorsement (no coordinator)")
        return plan
    plan = plan_submit(actor=staff, plan=plan)
    plan = plan_validate(actor=coordinator, plan=plan, revision=plan.revision)
    endorsement = data["endorsement"]
    plan = plan_endorse(actor=staff, plan=plan, **endorsement)
    plan = plan_publish(actor=staff, plan=plan, published=True)
    actions = {a.position: a for a in plan.actions.all()}
    periods = {p.number: p for p in plan.project.periods.all()}
    today = timezone.localdate()
    for item in data["reports"]:
        period = periods.get(item["period"])
        if period is None or period.start_date > today:
            report.skipped.append(f"report for period {item['period']}")
            continue
        values = {name: item[name] for name in ("status", "progress", "instrument_improved",
                                                "improvement_type", "funds_influenced")}
        values["evidence_link"] = _evidence_link(item["evidence"], finder) if item["evidence"] else ""
        if values["instrument_improved"] == "yes" and not values["evidence_link"]:
            values["evidence_link"] = _evidence_link("event:partner_workshop", finder) or \
                "https://example.org/rijeka/odluka-gradskog-vijeca.pdf"
        saved = report_save(actor=staff, plan=plan, action=actions[item["action"]], period=period,
                            values=values)
        # dated at the end of its period, as it was reported
        ActionReport.objects.filter(pk=saved.pk).update(created_at=_on(period.end_date.isoformat(), 16),
                                                        updated_at=_on(period.end_date.isoformat(), 16))
        report.reports += 1
    # The history as it happened: drafted, sent to review, validated, endorsed, monitored.
    dates = data["dates"]
    ActionPlan.objects.filter(pk=plan.pk).update(submitted_at=_on(dates["submitted"]),
                                                 validated_at=_on(dates["validated"]))
    when = {PlanVersion.Change.CREATED: dates["created"], PlanVersion.Change.EDITED: dates["created"],
            PlanVersion.Change.SUBMITTED: dates["submitted"],
            PlanVersion.Change.VALIDATED: dates["validated"],
            PlanVersion.Change.ENDORSED: endorsement["endorsed_on"]}
    first_report = min((periods[item["period"]].end_date for item in data["reports"]
                        if item["period"] in periods), default=today)
    for number, version in enumerate(plan.versions.order_by("number"), start=1):
        day = when.get(version.change, first_report.isoformat())
        PlanVersion.objects.filter(pk=version.pk).update(created_at=_on(day, 9 + min(number, 8)))
    return plan


def actionplans_demo_load(project, *, data_path: Path = DATA) -> DemoReport:
    """Load the demo's plans of `project` (module docstring); a partner with a plan keeps it."""
    data = json.loads(data_path.read_text(encoding="utf-8"))
    report = DemoReport()
    users = _users(project)
    finder = _Finder(project, users)
    partners = {p.number: p for p in project.partners.all()}
    with transaction.atomic():
        for key, staff_name, monitored in (("timisoara", "timisoara", False), ("rijeka", "rijeka", True)):
            entry = data[key]
            partner = partners.get(entry["partner_number"])
            staff = users.get(staff_name)
            if partner is None or staff is None:
                report.skipped.append(f"{key}'s plan (no partner or staff account)")
                continue
            if ActionPlan.objects.filter(project=project, partner=partner).exists():
                report.kept += 1
                continue
            plan = _plan(partner, entry, staff, finder, report)
            if monitored:
                plan = _monitored(plan, entry, users, finder, report)
            else:
                plan = plan_submit(actor=staff, plan=plan)
                _review(plan, entry, users, finder, report)
            report.plans += 1
            report.versions += plan.versions.count()
    report.totals = _totals(project)
    return report


def plan_totals(plan: ActionPlan) -> list[tuple[Decimal, Decimal]]:
    """(costs, funding) of each action of `plan`, to check that they add up."""
    totals = []
    for action in plan.actions.prefetch_related("cost_items", "funding_sources").order_by("position"):
        totals.append((sum((c.amount for c in action.cost_items.all()), Decimal(0)),
                       sum((f.amount or Decimal(0) for f in action.funding_sources.all()), Decimal(0))))
    return totals
