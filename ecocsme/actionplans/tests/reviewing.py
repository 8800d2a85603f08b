"""What the peer review's tests start from: Timișoara's plan in peer review, written in Romanian
with an English summary, with two actions; a stakeholder kept by Timișoara who agreed to be
consulted (and one who did not); the plan's comment part rendered as a member reads it."""

from django.template.loader import render_to_string
from django.test import RequestFactory

from ecocsme.actionplans.factories import ActionFactory, ActionPlanFactory
from ecocsme.actionplans.models import ActionPlan, PlanVersion
from ecocsme.actionplans.selectors import review_threads
from ecocsme.actionplans.services.plans import record_version
from ecocsme.actionplans.services.review import review_permissions
from ecocsme.organisations.factories import OrganisationFactory, StakeholderFactory

PLAN_TITLE = {"ro": "Planul de acțiune al Timișoarei pentru IMM-urile culturale (example)",
              "en": "Timișoara's action plan for cultural SMEs (example)"}


def plan_in_review(partner, *, status=ActionPlan.Status.REVIEW) -> ActionPlan:
    plan = ActionPlanFactory(partner=partner, status=status, language="ro", title=PLAN_TITLE)
    ActionFactory(plan=plan, key="mestesuguri", title={"ro": "Meșteșuguri digitale în Fabric (example)",
                                                       "en": "Digital crafts in Fabric (example)"})
    ActionFactory(plan=plan, key="vouchere", title={"ro": "Vouchere de creație pentru IMM-uri (example)"})
    record_version(plan, actor=None, change=PlanVersion.Change.SUBMITTED)  # as sent to peer review
    return plan


def stakeholder(partner, *, name="Ioana Popescu-Știrbu (example)", email="ioana@example.org", language="ro",
                consent=True, kind="sme"):
    organisation = OrganisationFactory(name="Atelierul Bega SRL (example)", kind=kind, partner=partner)
    return StakeholderFactory(partner=partner, organisation=organisation, name=name, email=email,
                              language=language, consents={"consultations": consent})


def comments_part(plan, user, *, query: str = "", **extra) -> str:
    """The comment part of the plan's page as `user` reads it (the include's contract)."""
    request = RequestFactory().get(f"/en/manage/action-plans/{plan.pk}/{query}")
    request.user = user
    permissions = review_permissions(user, plan)
    return render_to_string("actionplans/_comments.html", {
        "plan": plan, "threads": review_threads(plan), "may_comment": permissions["may_comment"],
        "may_resolve": permissions["may_resolve"], **extra}, request=request)
