"""Action plans in the REST API (WEB-3), with the permissions of the web pages: a visitor reads
the plans their partners endorsed and published, and of each only the endorsed version; a
logged-in member of a project reads its plans as they are now. A plan the reader may not see
answers 404, as one that does not exist does."""

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema

from .access import plan_for, plans_visible_to, shown_version
from .selectors import plans_listed

router = Router(tags=["action plans"])

Texts = dict[str, str]


class PlanSummary(Schema):
    id: int
    project: str = Field(description="The project's code, e.g. PGI06047.")
    partner: str
    partner_number: int
    country: str
    status: str = Field(description="draft, review (peer review), endorsed or monitoring.")
    title: Texts
    endorsed_on: dt.date | None
    policy_instrument: str | None = Field(description="The key of the policy instrument addressed.")
    is_example: bool
    url: str


class PlanOut(PlanSummary):
    version: int | None = Field(description="The version shown: the endorsed one to visitors, the "
                                            "latest to the project's members.")
    version_at: dt.datetime | None
    document: dict = Field(description="The plan in the programme's structure: part1, part2, actions (each "
                                       "with background, description, players, timeframe, milestones, "
                                       "costs, funding, inspirations), endorsement. Amounts are strings in "
                                       "EUR with two decimals.")


def _summary(request: HttpRequest, plan) -> dict:
    public = not request.user.has_perm("actionplans.view_history", plan)
    url = reverse("actionplans:public_detail" if public else "actionplans:detail", args=[plan.pk])
    return {"id": plan.pk, "project": plan.project.code, "partner": str(plan.partner),
            "partner_number": plan.partner.number, "country": str(plan.partner.country),
            "status": plan.status, "title": plan.title, "endorsed_on": plan.endorsed_on,
            "policy_instrument": plan.policy_instrument.key if plan.policy_instrument else None,
            "is_example": plan.is_example, "url": request.build_absolute_uri(url)}


@router.get("/action-plans", response=list[PlanSummary], summary="Action plans the reader may see")
def plan_list(request: HttpRequest, project: str | None = None):
    return [_summary(request, plan) for plan in plans_listed(plans_visible_to(request.user), project)]


@router.get("/action-plans/{plan_id}", response=PlanOut, summary="One action plan, as the reader may see it")
def plan_detail(request: HttpRequest, plan_id: int):
    plan = plan_for(request.user, plan_id)
    version = shown_version(request.user, plan)
    return {**_summary(request, plan), "version": version.number if version else None,
            "version_at": version.created_at if version else None,
            "document": version.snapshot if version else {}}
