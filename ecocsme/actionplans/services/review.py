"""Peer review of an action plan (AP-2): the project's partners comment on the plan as a whole,
on Part I, Part II or one action, in threads that are open until someone resolves them; the
plan's partner invites stakeholders, by a personal link, to read the plan in review and comment.

- `comment_add` takes a comment from a project member (`actionplans.comment_plan`: while the
  plan is a draft or in review) or from a stakeholder's review invitation (while the plan is in
  review and the link works). A reply names its parent; a reply to a reply joins the thread.
  Each comment records the plan's current version, and an action's key and title as they were.
  A new thread opened by anyone but the plan's own partner's staff is mailed to that staff, once
  per thread and person (outbox key `actionplans.thread:<comment>:<user>`).
- `comment_step` resolves or reopens a thread: the partner's staff and the coordinator
  (`actionplans.resolve_comments`), or the thread's own author.
- `reviewers_invite`, `reviewers_send`, `reviewers_remind`, `reviewer_retry`, `reviewer_revoke`
  run the stakeholders' invitations on the invitation core (consent and keeper rules, links,
  outbox keys `actionplans.invitation:<id>:invite` and `…:reminder:1`).
"""

from datetime import timedelta

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecocsme.accounts.models import Membership, User
from ecocsme.accounts.predicates import memberships_of
from ecocsme.core.audit import audit_log
from ecocsme.core.http import absolute_url
from ecocsme.core.i18n import in_language
from ecocsme.core.outbox import mail_queue, outbox_flush
from ecocsme.core.texts import checked_text
from ecocsme.invitations import services as invitation_core
from ecocsme.invitations.services import (
    InvitationReport,
    invitation_mailed,
    mail_addressing,
    reminder_counted,
)
from ecocsme.invitations.states import AnswerRefused, LinkState

from ..models import Action, ActionPlan, Comment, ReviewInvitation
from ..selectors import latest_version

COMMENT_MAX = 4000
DEFAULT_VALIDITY = timedelta(days=30)
LONGEST_VALIDITY = timedelta(days=366)
THREAD_MAIL = "actionplans.thread"
REFUSED = gettext_lazy("Only the project's partners comment on an action plan, and only while it is a draft "
                       "or in peer review.")
NOT_RESOLVABLE = gettext_lazy("Only the plan's partner, the coordinator or the thread's author resolve or "
                              "reopen a thread, while the plan is a draft or in peer review.")
TARGETS = {"general": Comment.Section.GENERAL, "part1": Comment.Section.PART_1,
           "part2": Comment.Section.PART_2}


def _allowed(actor, perm: str, plan: ActionPlan) -> bool:
    # rules.has_perm, not actor.has_perm: the model backend grants a superuser everything, an
    # endorsed (frozen) plan included.
    return bool(actor is not None and actor.is_active and rules.has_perm(perm, actor, plan))


def _locked(plan: ActionPlan) -> ActionPlan:
    return ActionPlan.objects.select_for_update().select_related("project", "partner").get(pk=plan.pk)


def review_permissions(user, plan: ActionPlan) -> dict[str, bool]:
    """What the thread list offers the user: `may_comment` (start threads, reply), `may_resolve`
    (resolve or reopen any thread; a thread's author may always step their own), `may_invite`
    (invite, send, remind, retry) and `may_revoke` (stop a reviewer's link)."""
    return {"may_comment": _allowed(user, "actionplans.comment_plan", plan),
            "may_resolve": _allowed(user, "actionplans.resolve_comments", plan),
            "may_invite": _allowed(user, ReviewInvitation.change_permission, plan),
            "may_revoke": _allowed(user, "actionplans.change_plan", plan)}


# --- what a comment is about --------------------------------------------------------------------
def target_of(plan: ActionPlan, on) -> tuple[str, Action | None]:
    """(section, action) that `on` names: "general", "part1", "part2" or "action:<key>" of an
    action of this plan. ValidationError for anything else (another plan's action included)."""
    on = on if isinstance(on, str) else ""
    if on in TARGETS:
        return TARGETS[on], None
    kind, _sep, key = on.partition(":")
    if kind == "action" and key and len(key) <= 32:
        action = plan.actions.filter(key=key).first()
        if action is not None:
            return Comment.Section.ACTION, action
        raise ValidationError(_("This plan has no such action (it may have been removed): choose again."),
                              code="target")
    raise ValidationError(_("Say what the comment is about: the plan as a whole, a part or an action."),
                          code="target")


def _thread_of(plan: ActionPlan, parent: Comment) -> Comment:
    if parent.plan_id != plan.pk:
        raise ValidationError(_("There is no such comment on this plan."), code="parent")
    while parent.parent_id is not None:  # a reply to a reply answers the thread
        parent = parent.parent
    return parent


def _author_partner_id(actor, plan: ActionPlan) -> int | None:
    """The partner the actor works for in the plan's project (none for a coordinator)."""
    return next((m.partner_id for m in memberships_of(actor)
                 if m.project_id == plan.project_id and m.role == Membership.Role.PARTNER_STAFF), None)


# --- what a personal link still allows ----------------------------------------------------------
def link_state(invitation: ReviewInvitation) -> LinkState:
    """Whether the stakeholder's link still takes comments, and if not, why not."""
    if invitation.contact.is_erased:
        return LinkState.INVALID
    if invitation.expires_at <= timezone.now():
        return LinkState.EXPIRED
    if invitation.plan.status != ActionPlan.Status.REVIEW:
        return LinkState.CLOSED
    return LinkState.OPEN


# --- comments -------------------------------------------------------------------------------------
def comment_add(*, plan: ActionPlan, text, on="", parent: Comment | None = None, actor=None,
                invitation: ReviewInvitation | None = None) -> Comment:
    """Add a comment by `actor` (a user) or through `invitation` (a stakeholder's link): a new
    thread about `on`, or a reply to `parent`. PermissionDenied for those who may not comment,
    AnswerRefused (with the link's state) for a link that no longer takes comments,
    ValidationError for a text or a target that does not do; nothing is saved then."""
    if (actor is None) == (invitation is None):
        raise ValueError("comment_add takes an actor or an invitation")
    body = checked_text(text, name=_("Comment"), limit=COMMENT_MAX, required=True)
    with transaction.atomic():
        plan = _locked(plan)
        if invitation is not None:
            invitation = ReviewInvitation.objects.select_for_update().select_related("contact").get(
                pk=invitation.pk)
            if invitation.plan_id != plan.pk:
                raise PermissionDenied(_("This link is for another action plan."))
            invitation.plan = plan
            state = link_state(invitation)
            if state is not LinkState.OPEN:
                raise AnswerRefused(state=state)
        elif not _allowed(actor, "actionplans.comment_plan", plan):
            raise PermissionDenied(REFUSED)
        thread = _thread_of(plan, parent) if parent is not None else None
        if thread is not None:
            if invitation is not None and thread.reviewer_id != invitation.pk:
                raise ValidationError(_("You can reply only to the threads you started."), code="parent")
            section, action = thread.section, thread.action
            action_key, action_title = thread.action_key, thread.action_title
        else:
            section, action = target_of(plan, on)
            action_key = action.key if action else ""
            action_title = str(in_language(action.title, plan.language))[:300] if action else ""
        comment = Comment.objects.create(
            plan=plan, section=section, action=action, action_key=action_key, action_title=action_title,
            parent=thread, version=latest_version(plan), text=body,
            author=actor if invitation is None else None,
            author_partner_id=_author_partner_id(actor, plan) if invitation is None else None,
            reviewer=invitation)
        if invitation is not None and invitation.status != ReviewInvitation.Status.ANSWERED:
            invitation.status = ReviewInvitation.Status.ANSWERED
            invitation.save(update_fields=["status", "updated_at"])
        audit_log(actor=actor, action="actionplans.comment.added", obj=plan,
                  data={"comment": comment.pk, "thread": thread.pk if thread else None, "section": section,
                        "action": action_key, "reviewer": invitation.pk if invitation else None})
        if thread is None:
            _thread_notify(plan, comment)
    return comment


def comment_step(*, actor, plan: ActionPlan, comment: Comment, step: str) -> Comment:
    """Resolve or reopen a thread ("resolve", "reopen"); repeating a step changes nothing."""
    if step not in ("resolve", "reopen"):
        raise ValidationError(_("Resolve or reopen a thread."), code="step")
    with transaction.atomic():
        plan = _locked(plan)
        comment = Comment.objects.select_for_update().filter(pk=comment.pk, plan=plan).first()
        if comment is None:
            raise ValidationError(_("There is no such comment on this plan."), code="parent")
        own = comment.author_id is not None and comment.author_id == getattr(actor, "pk", None)
        if not (_allowed(actor, "actionplans.resolve_comments", plan)
                or (own and _allowed(actor, "actionplans.comment_plan", plan))):
            raise PermissionDenied(NOT_RESOLVABLE)
        if comment.parent_id is not None:
            raise ValidationError(_("A reply is resolved with its thread."), code="reply")
        resolving = step == "resolve"
        if resolving == (comment.resolved_at is not None):
            return comment
        comment.resolved_at, comment.resolved_by = (timezone.now(), actor) if resolving else (None, None)
        comment.save(update_fields=["resolved_at", "resolved_by", "updated_at"])
        audit_log(actor=actor, action=f"actionplans.comment.{'resolved' if resolving else 'reopened'}",
                  obj=plan, data={"comment": comment.pk})
    return comment


# --- the mail to the plan's partner about a new thread --------------------------------------------
def partner_staff(plan: ActionPlan) -> list[User]:
    """The active accounts with an address that work for the plan's partner, each once."""
    users = (User.objects.filter(is_active=True, memberships__partner_id=plan.partner_id,
                                 memberships__role=Membership.Role.PARTNER_STAFF)
             .exclude(email="").distinct().order_by("pk"))
    return list(users)


def thread_mail_key(comment: Comment, user) -> str:
    return f"{THREAD_MAIL}:{comment.pk}:{user.pk}"


def _thread_notify(plan: ActionPlan, comment: Comment) -> None:
    """Tell the plan's partner's staff of a thread someone else opened (inside the transaction)."""
    if comment.author_id is not None and comment.author_partner_id == plan.partner_id:
        return
    recipients = [user for user in partner_staff(plan) if user.pk != comment.author_id]
    if not recipients:
        return
    if comment.reviewer_id is not None:
        contact = comment.reviewer.contact
        organisation = contact.organisation.name if contact.organisation_id else ""
        who = f"{contact.name} ({organisation})" if organisation else contact.name
    else:
        who = comment.author.get_full_name() or comment.author.get_username()
        if comment.author_partner_id:
            who = f"{who} ({comment.author_partner})"
    for user in recipients:
        context = {"name": user.get_full_name() or user.username, "who": who,
                   "stakeholder": comment.reviewer_id is not None,
                   "plan_title": in_language(plan.title, user.language), "partner": str(plan.partner),
                   "section": Comment.Section(comment.section).label, "action_title": comment.action_title,
                   "text": comment.text,
                   "url": absolute_url("actionplans:detail", [plan.pk], language=user.language)
                   + f"#thread-{comment.pk}"}
        mail_queue(key=thread_mail_key(comment, user), to=user.email, language=user.language,
                   template="actionplans/mail/new_thread", context=context)
    outbox_flush()


# --- stakeholders invited by a personal link ------------------------------------------------------
def _require_invite(actor, plan: ActionPlan) -> None:
    if not _allowed(actor, ReviewInvitation.change_permission, plan):
        raise PermissionDenied(_("Only the partner's staff invite reviewers, while the plan is in peer "
                                 "review."))


def reviewers_invite(*, actor, plan: ActionPlan, contacts, expires_at=None) -> InvitationReport:
    """Invite contacts of the plan's partner who agreed to be consulted, once each (the
    invitation core's consent and keeper rules); say why the others were left out. The links
    work until `expires_at` (30 days from now unless given; at most a year)."""
    _require_invite(actor, plan)
    now = timezone.now()
    expires_at = expires_at or now + DEFAULT_VALIDITY
    if expires_at <= now:
        raise ValidationError(_("The links must work until a day in the future."), code="expires")
    if expires_at > now + LONGEST_VALIDITY:
        raise ValidationError(_("A personal link works for a year at most."), code="expires")
    return invitation_core.invitations_create(actor=actor, model=ReviewInvitation, owner=plan,
                                              contacts=list(contacts), expires_at=expires_at)


def _mail_parts(invitation: ReviewInvitation, *, reminder: bool) -> dict:
    plan = invitation.plan
    addressing, headers = mail_addressing(invitation)
    context = {
        "name": invitation.contact.name, "partner": str(plan.partner),
        "plan_title": in_language(plan.title, invitation.language),
        "review_url": invitation.answer_url(), "expires_at": invitation.expires_at,
        "reminder": reminder, "unsubscribe_url": addressing.pop("unsubscribe_url"),
    }
    if reminder:
        headers["In-Reply-To"] = invitation.message_id
    return {**addressing, "template": "actionplans/mail/review_invitation", "context": context,
            "headers": headers}


def reviewers_send(*, actor, plan: ActionPlan) -> int:
    """Queue the invitation mail of every invitation not sent yet whose link still works."""
    _require_invite(actor, plan)
    queued = 0
    with transaction.atomic():
        waiting = (plan.invitations.filter(mail__isnull=True, expires_at__gt=timezone.now(),
                                           contact__erased_at__isnull=True)
                   .select_related("contact", "plan__partner").order_by("pk"))
        for invitation in waiting:
            mail = mail_queue(key=invitation.mail_key("invite"), message_id=invitation.message_id,
                              **_mail_parts(invitation, reminder=False))
            invitation_mailed(invitation, mail, status=ReviewInvitation.Status.SENT)
            queued += 1
        audit_log(actor=actor, action="actionplans.invitations.sent", obj=plan, data={"queued": queued})
        outbox_flush()
    return queued


def reviewers_remind(*, actor, plan: ActionPlan) -> int:
    """Remind, once, those invited who have not commented yet and whose link still works."""
    _require_invite(actor, plan)
    queued = 0
    with transaction.atomic():
        waiting = (plan.invitations.filter(status=ReviewInvitation.Status.SENT, reminders_sent=0,
                                           expires_at__gt=timezone.now(), contact__erased_at__isnull=True)
                   .select_related("contact", "plan__partner").order_by("pk"))
        for invitation in waiting:
            number = reminder_counted(invitation)
            mail_queue(key=invitation.mail_key("reminder", number), **_mail_parts(invitation, reminder=True))
            queued += 1
        audit_log(actor=actor, action="actionplans.reminders.sent", obj=plan, data={"queued": queued})
        outbox_flush()
    return queued


def reviewer_retry(*, actor, invitation: ReviewInvitation) -> bool:
    """Send a failed or uncertain invitation mail again; False when there was nothing to send."""
    return invitation_core.invitation_retry(actor=actor, invitation=invitation)


def reviewer_revoke(*, actor, invitation: ReviewInvitation) -> ReviewInvitation:
    """Stop the stakeholder's link at once (a new nonce, and its validity ends now). Their
    comments stay. The partner's staff, while the plan is a draft or in review."""
    plan = invitation.plan
    if not _allowed(actor, "actionplans.change_plan", plan):
        raise PermissionDenied(_("Only the partner's staff revoke a reviewer's link, while the plan is a "
                                 "draft or in peer review."))
    with transaction.atomic():
        invitation_core.links_revoke([invitation], expires_at=timezone.now())
        audit_log(actor=actor, action="actionplans.invitation.revoked", obj=plan,
                  data={"invitation": invitation.pk})
    return invitation
