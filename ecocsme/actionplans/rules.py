"""Who may do what with an action plan (AP-2).

- A plan is read by the project's members (the partners' staff comment on each other's plans,
  the coordinator sees all) and the administrator; a visitor reads it only once endorsed and
  published by its partner, in a published project, and then only the endorsed version.
- The partner's staff write their own plan while it is a draft or in peer review, send it to
  review, invite stakeholders to comment, record the endorsement, publish it and report on its
  actions; the coordinator validates it before the endorsement. The endorsed text never changes.
- Comments: any project member while the plan is a draft or in review.
"""

import rules

from ecocsme.accounts.predicates import is_coordinator, is_partner_staff, is_project_member, is_superuser


@rules.predicate
def is_editable(user, plan) -> bool:
    return plan is not None and plan.status in ("draft", "review")


@rules.predicate
def is_draft(user, plan) -> bool:
    return plan is not None and plan.status == "draft"


@rules.predicate
def is_in_review(user, plan) -> bool:
    return plan is not None and plan.status == "review"


@rules.predicate
def is_validated(user, plan) -> bool:
    return plan is not None and plan.validated_at is not None


@rules.predicate
def is_endorsed(user, plan) -> bool:
    return plan is not None and plan.status in ("endorsed", "monitoring")


@rules.predicate
def is_public(user, plan) -> bool:
    return (plan is not None and plan.is_published and plan.status in ("endorsed", "monitoring")
            and plan.project.is_published)


owner = is_partner_staff | is_superuser

rules.add_perm("actionplans.view_plan", is_public | is_project_member | is_superuser)
rules.add_perm("actionplans.view_history", is_project_member | is_superuser)
rules.add_perm("actionplans.add_plan", owner)  # on a partner
rules.add_perm("actionplans.change_plan", is_editable & owner)
rules.add_perm("actionplans.submit_plan", is_draft & owner)
rules.add_perm("actionplans.withdraw_plan", is_in_review & owner)
rules.add_perm("actionplans.comment_plan", is_editable & (is_project_member | is_superuser))
rules.add_perm("actionplans.invite_reviewers", is_in_review & owner)
rules.add_perm("actionplans.validate_plan", is_in_review & (is_coordinator | is_superuser))
rules.add_perm("actionplans.endorse_plan", is_in_review & is_validated & owner)
rules.add_perm("actionplans.publish_plan", is_endorsed & owner)
rules.add_perm("actionplans.report_plan", is_endorsed & owner)  # phase 2 reports per action
rules.add_perm("actionplans.resolve_comments", is_editable & (owner | is_coordinator))
