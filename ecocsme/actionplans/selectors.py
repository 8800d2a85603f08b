"""Reads of action plans for pages, files, monitoring and the API.

`plan_document(plan)` is the whole plan as plain data (JSON-ready: amounts as strings such as
"1200.00", dates as ISO strings): what every version stores, what the pages, the DOCX and the
PDF render, and what two versions are compared on. Its shape:

    {"schema": 1, "status", "language", "title": {lang: text}, "summary": {...},
     "project": {"code", "acronym", "title", "programme"},
     "partner": {"id", "number", "name", "names": {lang: name}, "city", "country",
                 "nuts": {"code", "name"} | None},
     "part1": {"other_organisations": {...}, "contact_role", "contact_email", "contact_phone"},
     "part2": {"instrument_category", "policy_instrument": {"key", "name", "names",
               "programming_period", "priority_axis", "thematic_objective", "managing_body"}
               | None, "policy_context": {...}, "improvement_aim": {...}},
     "actions": [{"key", "position", "title", "background", "description", "players",
                  "start_date", "end_date", "status",
                  "milestones": [{"date", "title"}], "costs": [{"item", "amount"}],
                  "funding": [{"source", "amount" | None}], "cost_total", "funding_total",
                  "inspirations": [{"kind", "id" | None, "label", "note"}]}],
     "endorsement": {"endorsed_on", "endorsed_by_role", "endorsing_organisation"} | None}
"""

from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from .models import Action, ActionPlan, ActionReport, Comment, Inspiration, PlanVersion

SCHEMA = 1


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def _date(value) -> str | None:
    return value.isoformat() if value else None


def plan_with_everything(plan_id: int) -> ActionPlan | None:
    return (ActionPlan.objects
            .select_related("project", "partner__nuts_region", "policy_instrument", "endorsed_version")
            .prefetch_related(Prefetch("actions", queryset=plan_actions_queryset()))
            .filter(pk=plan_id).first())


def plan_actions_queryset() -> QuerySet[Action]:
    return Action.objects.order_by("position").prefetch_related(
        "milestones", "cost_items", "funding_sources",
        Prefetch("inspirations", queryset=Inspiration.objects.order_by("position")))


def _inspiration_id(inspiration: Inspiration) -> int | None:
    return {"practice": inspiration.practice_id, "theme": inspiration.theme_id,
            "event": inspiration.event_id}.get(inspiration.kind)


def action_document(action: Action) -> dict:
    costs = [{"item": cost.item, "amount": _money(cost.amount)} for cost in action.cost_items.all()]
    funding = [{"source": source.source, "amount": _money(source.amount)}
               for source in action.funding_sources.all()]
    return {
        "key": action.key, "position": action.position, "title": action.title,
        "background": action.background, "description": action.description, "players": action.players,
        "start_date": _date(action.start_date), "end_date": _date(action.end_date), "status": action.status,
        "milestones": [{"date": _date(m.date), "title": m.title} for m in action.milestones.all()],
        "costs": costs, "funding": funding,
        "cost_total": _money(sum((cost.amount for cost in action.cost_items.all()), Decimal(0))),
        "funding_total": _money(sum((s.amount or 0 for s in action.funding_sources.all()), Decimal(0))),
        "inspirations": [{"kind": i.kind, "id": _inspiration_id(i), "label": i.label, "note": i.note}
                         for i in action.inspirations.all()],
    }


def plan_document(plan: ActionPlan) -> dict:
    """The plan as plain data (module docstring). Fetch with plan_with_everything() for a
    fixed number of queries."""
    partner, project, instrument = plan.partner, plan.project, plan.policy_instrument
    nuts = partner.nuts_region
    return {
        "schema": SCHEMA, "status": plan.status, "language": plan.language,
        "title": plan.title, "summary": plan.summary,
        "project": {"code": project.code, "acronym": project.acronym, "title": project.title,
                    "programme": project.programme},
        "partner": {"id": partner.pk, "number": partner.number, "name": partner.name, "names": partner.names,
                    "city": partner.city, "country": str(partner.country),
                    "nuts": {"code": nuts.code, "name": nuts.name} if nuts else None},
        "part1": {"other_organisations": plan.other_organisations, "contact_role": plan.contact_role,
                  "contact_email": plan.contact_email, "contact_phone": plan.contact_phone},
        "part2": {
            "instrument_category": plan.instrument_category,
            "policy_instrument": None if instrument is None else {
                "key": instrument.key, "name": instrument.name,
                "names": {"en": instrument.name, **(instrument.name_translations or {})},
                "programming_period": instrument.programming_period,
                "priority_axis": instrument.priority_axis,
                "thematic_objective": instrument.thematic_objective,
                "managing_body": instrument.managing_body},
            "policy_context": plan.policy_context, "improvement_aim": plan.improvement_aim},
        "actions": [action_document(action) for action in plan.actions.all()],
        "endorsement": None if not plan.endorsed_on else {
            "endorsed_on": _date(plan.endorsed_on), "endorsed_by_role": plan.endorsed_by_role,
            "endorsing_organisation": plan.endorsing_organisation},
    }


def plan_versions(plan: ActionPlan) -> QuerySet[PlanVersion]:
    """The plan's versions, newest first, without their snapshots (the history's list)."""
    return plan.versions.select_related("created_by").defer("snapshot").order_by("-number")


def plan_version(plan: ActionPlan, number: int) -> PlanVersion | None:
    return plan.versions.select_related("created_by").filter(number=number).first()


def latest_version(plan: ActionPlan) -> PlanVersion | None:
    return plan.versions.order_by("-number").first()


def plan_comments(plan: ActionPlan) -> QuerySet[Comment]:
    """The threads of a plan (first comments), oldest first, with their replies."""
    return (plan.comments.filter(parent__isnull=True)
            .select_related("author", "author_partner", "reviewer__contact", "resolved_by", "version")
            .prefetch_related(Prefetch("replies", queryset=Comment.objects.select_related(
                "author", "author_partner", "reviewer__contact").order_by("created_at", "id"))))


def open_thread_count(plan: ActionPlan) -> int:
    return plan.comments.filter(parent__isnull=True, resolved_at__isnull=True).count()


def action_reports(plan: ActionPlan) -> QuerySet[ActionReport]:
    return (ActionReport.objects.filter(action__plan=plan)
            .select_related("action", "period", "reported_by").order_by("action__position", "period__number"))


# --- figures other apps read (monitoring) -------------------------------------------------------
def plans_of_project(project) -> QuerySet[ActionPlan]:
    return ActionPlan.objects.filter(project=project).select_related("partner").order_by("partner__number")


def action_status_counts(*, project, partner=None) -> dict[str, int]:
    """How many actions of the project's plans (or one partner's) are in each status."""
    from django.db.models import Count
    actions = Action.objects.filter(plan__project=project)
    if partner is not None:
        actions = actions.filter(plan__partner=partner)
    counts = dict(actions.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    return {status: counts.get(status, 0) for status in Action.Status.values}


# --- peer review (threads on the plan's pages, the reviewers' list) -----------------------------
def review_threads(plan: ActionPlan, *, reviewer_id: int | None = None) -> QuerySet[Comment]:
    """plan_comments with what the thread list shows beside the text: each stakeholder's
    organisation (its kind is what those who may not see the person read) and the version's
    number without its snapshot. With `reviewer_id`, only the threads that review invitation
    started (the stakeholder's own page)."""
    replies = (Comment.objects.select_related("author", "author_partner", "reviewer__contact__organisation")
               .order_by("created_at", "id"))
    threads = (plan.comments.filter(parent__isnull=True)
               .select_related("author", "author_partner", "reviewer__contact__organisation",
                               "resolved_by", "version")
               .defer("version__snapshot")
               .prefetch_related(Prefetch("replies", queryset=replies))
               .order_by("created_at", "id"))
    return threads if reviewer_id is None else threads.filter(reviewer_id=reviewer_id)


def comment_targets(plan: ActionPlan) -> QuerySet[Action]:
    """The actions a comment may be about (the choice in the comment form), by number."""
    return plan.actions.order_by("position").only("id", "plan_id", "key", "position", "title")


def plan_reviewers(plan: ActionPlan):
    """The plan's review invitations with their person, mail and number of comments, by name."""
    from django.db.models import Count

    return (plan.invitations.select_related("contact__organisation", "mail")
            .annotate(comment_count=Count("comments")).order_by("contact__name", "id"))


def invitable_reviewers(user, plan: ActionPlan):
    """The people the user may invite to review a plan: contacts of the plan's partner the user
    may see, not erased, with an address, who agreed to be consulted and are not invited yet."""
    from ecocsme.organisations.access import contacts_visible_to
    from ecocsme.organisations.selectors import with_consent

    from .models import ReviewInvitation

    return (contacts_visible_to(user).filter(partner=plan.partner_id, erased_at__isnull=True)
            .exclude(email="").filter(with_consent(ReviewInvitation.consent_purpose))
            .exclude(actionplans_invitations__plan=plan).order_by("name", "id"))


# --- figures monitoring reads (monitoring.indicators) ---------------------------------------------
def endorsed_plans(*, project, partner_ids) -> list[dict]:
    """The plans of `project`'s partners among `partner_ids` that were endorsed by their policy
    owner (endorsed, or past it in implementation monitoring): [{"id", "partner_id",
    "endorsed_on"}]. One query for the whole project."""
    rows = (ActionPlan.objects.filter(project=project, partner_id__in=list(partner_ids),
                                      status__in=[ActionPlan.Status.ENDORSED, ActionPlan.Status.MONITORING],
                                      endorsed_on__isnull=False)
            .order_by("endorsed_on", "id").values_list("id", "partner_id", "endorsed_on"))
    return [{"id": pk, "partner_id": partner_id, "endorsed_on": day} for pk, partner_id, day in rows]


def report_facts(*, project, partner_ids) -> list[dict]:
    """What the phase-2 reports of the plans of `project`'s partners among `partner_ids` say, one
    row per action and reporting period: [{"plan_id", "partner_id", "action_id", "period_number",
    "status", "instrument_improved", "instrument_category", "funds_influenced"}], the category
    being the plan's own ("the plan aims to impact") or else its policy instrument's. One query
    for the whole project."""
    rows = (ActionReport.objects.filter(action__plan__project=project,
                                        action__plan__partner_id__in=list(partner_ids),
                                        period__project=project)
            .order_by("period__number", "action_id")
            .values_list("action__plan_id", "action__plan__partner_id", "action_id", "period__number",
                         "status", "instrument_improved", "action__plan__instrument_category",
                         "action__plan__policy_instrument__category", "funds_influenced"))
    return [{"plan_id": plan_id, "partner_id": partner_id, "action_id": action_id, "period_number": number,
             "status": status, "instrument_improved": improved,
             "instrument_category": own_category or instrument_category or "",
             "funds_influenced": funds}
            for (plan_id, partner_id, action_id, number, status, improved, own_category, instrument_category,
                 funds) in rows]


# --- the back office's list of plans -------------------------------------------------------------
def plans_with_figures(plans: QuerySet[ActionPlan]) -> QuerySet[ActionPlan]:
    """Plans with `action_count`, `open_threads` and their latest version: `last_number`,
    `last_changed_at`, `last_by_username`, `last_by_first_name`, `last_by_last_name` (one query)."""
    from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
    from django.db.models.functions import Coalesce

    def counted(queryset):
        return Coalesce(Subquery(queryset.filter(plan=OuterRef("pk")).order_by().values("plan")
                                 .annotate(n=Count("id")).values("n")[:1], output_field=IntegerField()),
                        Value(0))

    latest = PlanVersion.objects.filter(plan=OuterRef("pk")).order_by("-number")
    return plans.annotate(
        action_count=counted(Action.objects.all()),
        open_threads=counted(Comment.objects.filter(parent__isnull=True, resolved_at__isnull=True)),
        last_number=Subquery(latest.values("number")[:1]),
        last_changed_at=Subquery(latest.values("created_at")[:1]),
        last_by_username=Subquery(latest.values("created_by__username")[:1]),
        last_by_first_name=Subquery(latest.values("created_by__first_name")[:1]),
        last_by_last_name=Subquery(latest.values("created_by__last_name")[:1]),
    )


def filter_plans(plans: QuerySet[ActionPlan], params) -> tuple[QuerySet[ActionPlan], dict]:
    """The plans of one project, one partner and one status, from query parameters (each may be
    empty); what was chosen, as strings, for the form."""
    from ecocsme.core.http import number_from

    chosen = {"project": params.get("project", ""), "partner": params.get("partner", ""),
              "status": params.get("status", "")}
    if (project_id := number_from(chosen["project"])) is not None:
        plans = plans.filter(project_id=project_id)
    else:
        chosen["project"] = ""
    if (partner_id := number_from(chosen["partner"])) is not None:
        plans = plans.filter(partner_id=partner_id)
    else:
        chosen["partner"] = ""
    if chosen["status"] in ActionPlan.Status.values:
        plans = plans.filter(status=chosen["status"])
    else:
        chosen["status"] = ""
    return plans, chosen


def plan_filter_choices(plans: QuerySet[ActionPlan]) -> dict[str, list[tuple[int, str]]]:
    """The projects and partners of some plans, each once, for the list's filters (one query)."""
    rows = plans.order_by("project__code", "partner__number").values_list(
        "project_id", "project__acronym", "project__code", "partner_id", "partner__short_name",
        "partner__name", "partner__number")
    projects, partners = {}, {}
    for project_id, acronym, code, partner_id, short_name, name, number in rows:
        projects.setdefault(project_id, acronym or code)
        partners.setdefault(partner_id, f"{acronym or code} · {number}. {short_name or name}")
    return {"projects": list(projects.items()), "partners": list(partners.items())}


# --- phase 2 reports: the grid of actions and reporting periods (views/reports.py) -----------------
def report_grid(plan: ActionPlan) -> dict:
    """The plan's actions × its project's reporting periods, each cell with its report or None:
    {"periods": [Period], "rows": [{"action": Action, "cells": [{"period", "report"}]}],
     "funds": [Decimal per period], "funds_total": Decimal}. Three queries."""
    from ecocsme.partnerships.models import Period

    actions = list(plan.actions.order_by("position").only(
        "id", "plan_id", "key", "position", "title", "start_date", "end_date", "status", "is_example"))
    periods = list(Period.objects.filter(project_id=plan.project_id).order_by("number"))
    reports = {(report.action_id, report.period_id): report
               for report in ActionReport.objects.filter(action__plan=plan).select_related("reported_by")}
    rows = [{"action": action,
             "cells": [{"period": period, "report": reports.get((action.pk, period.pk))}
                       for period in periods]}
            for action in actions]
    funds = [sum((reports[(a.pk, p.pk)].funds_influenced or Decimal(0)
                  for a in actions if (a.pk, p.pk) in reports), Decimal(0)) for p in periods]
    return {"periods": periods, "rows": rows, "funds": funds, "funds_total": sum(funds, Decimal(0))}


# --- the plan as a document: the public list, links of the files, the export command ------------
def public_plan_list(plans: QuerySet[ActionPlan], *, project: str = "",
                     country: str = "") -> list[ActionPlan]:
    """The published plans (access.published_plans) of a project's code and a partner's country,
    when given, by project and partner number, each with `action_count`. One query."""
    from django.db.models import Count

    if project:
        plans = plans.filter(project__code=project)
    if country:
        plans = plans.filter(partner__country=country)
    return list(plans.select_related("partner__nuts_region").annotate(action_count=Count("actions"))
                .order_by("project__code", "partner__number"))


def public_plan_facets(plans: QuerySet[ActionPlan]) -> tuple[list[tuple[str, str]], list[str]]:
    """What the public list filters by: [(project code, acronym)] and the partners' country codes
    of the published plans. One query."""
    rows = set(plans.order_by().values_list("project__code", "project__acronym", "partner__country"))
    projects = sorted({(code, acronym) for code, acronym, _country in rows})
    return projects, sorted({country for _code, _acronym, country in rows if country})


def inspiration_links(document: dict, *, language: str | None = None) -> dict[str, str]:
    """The addresses of what inspired the plan's actions that anyone may open — published
    practices, public events — as {"practice:12": "/en/practices/…/"}: what files and public
    pages link to (a lab's themes are the staff's pages: cited by their label alone). At most
    one query per kind."""
    from django.urls import reverse
    from django.utils import translation

    from ecocsme.events.access import public_events
    from ecocsme.practices.access import published_practices

    wanted: dict[str, set[int]] = {"practice": set(), "event": set()}
    for action in document.get("actions") or []:
        for item in action.get("inspirations") or []:
            if item.get("kind") in wanted and isinstance(item.get("id"), int):
                wanted[item["kind"]].add(item["id"])
    links: dict[str, str] = {}
    with translation.override(language or translation.get_language()):
        if wanted["practice"]:
            for pk, slug in published_practices().filter(pk__in=wanted["practice"]).values_list("pk", "slug"):
                links[f"practice:{pk}"] = reverse("practices:detail", args=[slug])
        if wanted["event"]:
            events = public_events().prefetch_related(None).filter(pk__in=wanted["event"])
            for pk in events.values_list("pk", flat=True):
                links[f"event:{pk}"] = reverse("events:event_detail", args=[pk])
    return links


def project_for_export(code: str):
    """The project with this code (any case), with its partners by number, or (None, []): the
    export command's look-up (an operator's, on every project)."""
    from ecocsme.partnerships.models import Project

    project = Project.objects.filter(code__iexact=code.strip()).first() if code else None
    return project, (list(project.partners.order_by("number")) if project else [])


def plan_of_partner(partner) -> ActionPlan | None:
    return ActionPlan.objects.select_related("project", "partner", "endorsed_version").filter(
        partner=partner).first()


# --- the back office's plan pages (views/plans.py) -------------------------------------------------
def actions_by_key(plan: ActionPlan) -> dict[str, Action]:
    """The plan's actions by key (no query when fetched with plan_with_everything)."""
    return {action.key: action for action in plan.actions.all()}


def latest_change(plan: ActionPlan) -> PlanVersion | None:
    """The plan's latest version without its snapshot: who changed the plan last, and when."""
    return plan_versions(plan).first()


# --- the monitoring dashboard (monitoring.tables reads these) ------------------------------------
def action_status_by_partner(*, project) -> dict[int, dict[str, int]]:
    """{partner id: {status: number of actions}} of the project's plans: one grouped query for
    every partner (the dashboard's actions per partner)."""
    from django.db.models import Count

    rows = (Action.objects.filter(plan__project=project).values_list("plan__partner_id", "status")
            .annotate(n=Count("id")).order_by())
    counts: dict[int, dict[str, int]] = {}
    for partner_id, status, n in rows:
        counts.setdefault(partner_id, {})[status] = n
    return counts


def status_labels() -> dict[str, dict[str, str]]:
    """The words for a plan's and an action's statuses in the reader's language:
    {"plan": {value: label}, "action": {value: label}}."""
    return {"plan": {value: str(label) for value, label in ActionPlan.Status.choices},
            "action": {value: str(label) for value, label in Action.Status.choices}}


def plans_listed(plans: QuerySet[ActionPlan], project_code: str | None = None) -> QuerySet[ActionPlan]:
    """`plans` (what a reader may see) in the project's and partners' order, of one project if given."""
    plans = plans.order_by("project__code", "partner__number")
    return plans.filter(project__code=project_code) if project_code else plans


# --- what needs doing: the back office's dashboard reads this ------------------------------------
def plans_with_failing_review_mail(partner_ids) -> list[ActionPlan]:
    """The plans of these partners with review invitations whose mail failed or may not have gone
    out (the reviewers page's "failed": the link not expired), with `failing_count`. One query."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from ecocsme.invitations.selectors import FAILING

    from .models import ReviewInvitation

    failing = Q(invitations__expires_at__gt=timezone.now()) & (
        Q(invitations__mail__status__in=FAILING) | Q(invitations__status=ReviewInvitation.Status.FAILED))
    plans = ActionPlan.objects.filter(partner_id__in=list(partner_ids)).select_related("partner", "project")
    return list(plans.annotate(failing_count=Count("invitations", filter=failing, distinct=True))
               .filter(failing_count__gt=0).order_by("partner__number", "id"))
