"""Who may see and change action plans, as fetchers for views, the API, files and commands.

One rule decides who sees a plan: `actionplans.view_plan` (rules.py) — the project's members
and the administrator see every plan of the project; a visitor only an endorsed plan its
partner published, and of it only the endorsed version. `plans_visible_to(user)` is the query
form of that rule, `published_plans()` of its public half: the public pages, API and export
command use only the latter. A visitor asking for a plan they may not see gets the same 404 as
for a plan that does not exist.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy

from ecocsme.accounts.predicates import membership_scope, memberships_of
from ecocsme.core.access import permitted
from ecocsme.core.http import MAX_ID

from .models import Action, ActionPlan, Comment, PlanVersion

MISSING = gettext_lazy("There is no such action plan.")
PUBLIC = Q(is_published=True, status__in=[ActionPlan.Status.ENDORSED, ActionPlan.Status.MONITORING],
           project__is_published=True)


def _plans() -> QuerySet[ActionPlan]:
    return ActionPlan.objects.select_related("project", "partner", "policy_instrument")


def published_plans() -> QuerySet[ActionPlan]:
    return _plans().filter(PUBLIC)


def plans_visible_to(user) -> QuerySet[ActionPlan]:
    plans = _plans()
    if user.is_superuser:
        return plans
    projects = [m.project_id for m in memberships_of(user)]
    return plans.filter(PUBLIC | Q(project_id__in=projects))


def plans_in_work_for(user) -> QuerySet[ActionPlan]:
    """The plans of the projects the user belongs to (all, for the administrator): the back
    office's list."""
    plans = _plans().order_by("project__code", "partner__number")
    if user.is_superuser:
        return plans
    return plans.filter(project_id__in=[m.project_id for m in memberships_of(user)])


def own_partner_ids(user) -> list[int]:
    """The partners whose plans the user writes."""
    return membership_scope(user)[1]


def plan_for(user, pk, *, perm: str | None = None, refused: str = "") -> ActionPlan:
    """The plan when the user may see it (Http404 otherwise) and, with `perm`, do that to it
    (PermissionDenied otherwise)."""
    plan = _plans().filter(pk=pk).first() if 0 < int(pk) <= MAX_ID else None
    return permitted(user, plan, view="actionplans.view_plan", perm=perm, missing=MISSING, refused=refused)


def history_for(user, pk) -> ActionPlan:
    """The plan when the user may read its history and drafts (members and the administrator)."""
    return plan_for(user, pk, perm="actionplans.view_history")


def members_plan_for(user, pk) -> ActionPlan:
    """The plan for the back office: only the project's members and the administrator; others
    (a visitor of a published plan included) get the 404 of a plan that does not exist."""
    plan = plan_for(user, pk)
    if not user.has_perm("actionplans.view_history", plan):
        raise Http404(MISSING)
    return plan


def action_of(plan: ActionPlan, action_id) -> Action:
    action = plan.actions.filter(pk=action_id).first() if 0 < int(action_id) <= MAX_ID else None
    if action is None:
        raise Http404(gettext_lazy("There is no such action in this plan."))
    return action


def comment_of(plan: ActionPlan, comment_id) -> Comment:
    comment = plan.comments.filter(pk=comment_id).first() if 0 < int(comment_id) <= MAX_ID else None
    if comment is None:
        raise Http404(gettext_lazy("There is no such comment on this plan."))
    return comment


def version_of(plan: ActionPlan, number) -> PlanVersion:
    version = plan.versions.select_related("created_by").filter(number=number).first() \
        if 0 < int(number) <= MAX_ID else None
    if version is None:
        raise Http404(gettext_lazy("This plan has no such version."))
    return version


def shown_version(user, plan: ActionPlan) -> PlanVersion | None:
    """What a reader of `plan` sees: a member the latest version, a visitor the endorsed one."""
    if user.has_perm("actionplans.view_history", plan):
        return plan.versions.order_by("-number").first()
    return plan.endorsed_version


def review_invitation_for_token(token: str):
    """The review invitation a stakeholder's personal link opens, with its plan and person, or
    None when the link is malformed, forged, revoked or its person erased: the link is the
    permission (what it still allows is the review service's `link_state`)."""
    from ecocsme.invitations.access import invitation_for_token

    from .models import ReviewInvitation

    return invitation_for_token(
        ReviewInvitation.objects.select_related("plan__project", "plan__partner", "contact__organisation"),
        token)


# --- the back office's list and the start of a plan ------------------------------------------------
def partners_to_start(user) -> list:
    """The partners whose plan the user may start and that have none yet (`actionplans.add_plan`:
    the partner's staff, the administrator), in the list's order."""
    from ecocsme.partnerships.models import Partner

    partners = Partner.objects.select_related("project").filter(action_plans__isnull=True)
    if not user.is_superuser:
        partners = partners.filter(pk__in=own_partner_ids(user))
    return list(partners.order_by("project__code", "number"))


def partner_for_new_plan(user, partner_id):
    """The partner whose plan the user starts: Http404 when the user is no member of its project
    (nor the administrator), PermissionDenied when a member may not start it (`actionplans.add_plan`:
    only the partner's staff and the administrator)."""
    import rules
    from django.core.exceptions import PermissionDenied

    from ecocsme.partnerships.models import Partner

    partner = None
    if 0 < int(partner_id) <= MAX_ID:
        partner = Partner.objects.select_related("project", "policy_instrument").filter(pk=partner_id).first()
    members = {m.project_id for m in memberships_of(user)}
    if partner is None or not (user.is_superuser or partner.project_id in members):
        raise Http404(gettext_lazy("There is no such partner."))
    if not rules.has_perm("actionplans.add_plan", user, partner):
        raise PermissionDenied(gettext_lazy("Only the partner's staff start its action plan."))
    return partner


# --- phase 2 reports (views/reports.py) ------------------------------------------------------------
def report_period_of(plan: ActionPlan, number):
    """The plan's project's reporting period `number` (S1, S2…), else Http404."""
    from ecocsme.partnerships.models import Period

    period = Period.objects.filter(project_id=plan.project_id, number=number).first() \
        if 0 < int(number) <= 1000 else None
    if period is None:
        raise Http404(gettext_lazy("The plan's project has no such reporting period."))
    return period


def report_of(plan: ActionPlan, report_id):
    """A report on an action of `plan`, else Http404 (a report of another plan included)."""
    from .models import ActionReport

    report = ActionReport.objects.select_related("action", "period").filter(
        pk=report_id, action__plan=plan).first() if 0 < int(report_id) <= MAX_ID else None
    if report is None:
        raise Http404(gettext_lazy("There is no such report on this plan."))
    return report


def report_on(action, period):
    """The report on `action` (already fetched through the plan) for `period`, or None."""
    from .models import ActionReport

    return ActionReport.objects.select_related("reported_by").filter(action=action, period=period).first()


# --- the plan as a document: public pages and files (views/files.py) ----------------------------
def published_plan(pk):
    """A plan anyone may read — endorsed and published by its partner — with its endorsed
    version, for the public page and files; Http404 for any other plan, whoever asks (members
    read drafts in the back office, never here)."""
    plan = (published_plans().select_related("endorsed_version", "partner__nuts_region")
            .filter(pk=pk).first()) if 0 < int(pk) <= MAX_ID else None
    if plan is None or plan.endorsed_version_id is None:
        raise Http404(MISSING)
    return plan


def members_version_for(user, pk, number=None):
    """(plan, version) for a member's file of a plan: the version `number`, else the latest;
    Http404 for anyone outside the project (a visitor of a published plan included) and for a
    version the plan does not have."""
    plan = members_plan_for(user, pk)
    version = version_of(plan, number) if number is not None else plan.versions.order_by("-number").first()
    if version is None:
        raise Http404(gettext_lazy("This plan has no such version."))
    return plan, version
