"""The peer review's pages (AP-2): comments on the plan's page (add, resolve, reopen; htmx swaps
the thread list), the stakeholders invited to review (list, invite, send, remind, retry, revoke,
CSV/XLSX/JSON), and the page a stakeholder's personal link opens (the plan in review, their own
threads and the replies to them)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import number_from
from ecocsme.core.i18n import in_language
from ecocsme.invitations.access import invitation_of
from ecocsme.invitations.states import AnswerRefused, LinkState
from ecocsme.invitations.views import link_unavailable
from ecocsme.organisations.access import people_visible_to

from ..access import comment_of, members_plan_for, review_invitation_for_token
from ..models import ReviewInvitation
from ..review_forms import ReviewerInviteForm
from ..selectors import latest_version, plan_reviewers, review_threads
from ..services import review as service

UNAVAILABLE = "actionplans/review_unavailable.html"
STATUS_FILTERS = ("created", "sent", "failed", "answered", "expired")
# The rows hold labels already (status, mail, language) in every format.
REVIEWER_COLUMNS = (
    ("contact", gettext_lazy("Contact")), ("organisation", gettext_lazy("Organisation")),
    ("language", gettext_lazy("Language")), ("status", gettext_lazy("Status")),
    ("mail", gettext_lazy("Mail")), ("sent", gettext_lazy("Sent")),
    ("link_expires", gettext_lazy("Link expires")), ("reminders", gettext_lazy("Reminders")),
    ("comments", gettext_lazy("Comments")),
)


def _parent(plan, value):
    """The comment a reply names (404 for one of another plan, or no number at all)."""
    if value in (None, ""):
        return None
    number = number_from(value)
    if number is None:
        raise Http404(_("There is no such comment on this plan."))
    return comment_of(plan, number)


def _comments_partial(request, plan, **extra):
    permissions = service.review_permissions(request.user, plan)
    return render(request, "actionplans/_comments.html", {
        "plan": plan, "threads": review_threads(plan), "may_comment": permissions["may_comment"],
        "may_resolve": permissions["may_resolve"], **extra})


def _back_to_plan(plan, anchor: str, shown: str = ""):
    query = f"?comments={shown}" if shown in ("open", "resolved") else ""
    return redirect(reverse("actionplans:detail", args=[plan.pk]) + query + anchor)


@login_required
@require_POST
def comment_add(request, pk: int):
    """A new thread (`on`, `text`) or a reply (`parent`, `text`) from a member of the project."""
    plan = members_plan_for(request.user, pk)
    parent = _parent(plan, request.POST.get("parent"))
    shown = request.POST.get("comments", "")
    try:
        comment = service.comment_add(actor=request.user, plan=plan, on=request.POST.get("on", ""),
                                      parent=parent, text=request.POST.get("text", ""))
    except ValidationError as exc:
        error = " ".join(exc.messages)
        if request.htmx:
            return _comments_partial(request, plan, error=error, error_parent=parent.pk if parent else None,
                                     draft=request.POST.get("text", "")[:5000], on=request.POST.get("on", ""))
        messages.error(request, error)
        return _back_to_plan(plan, f"#thread-{parent.pk}" if parent else "#comment-form", shown)
    if request.htmx:
        return _comments_partial(request, plan)
    messages.success(request, _("Your comment is saved."))
    return _back_to_plan(plan, f"#thread-{comment.parent_id or comment.pk}", shown)


@login_required
@require_POST
def comment_step(request, pk: int, comment_id: int, step: str):
    """Resolve or reopen a thread."""
    plan = members_plan_for(request.user, pk)
    comment = comment_of(plan, comment_id)
    if step not in ("resolve", "reopen"):
        raise Http404
    try:
        comment = service.comment_step(actor=request.user, plan=plan, comment=comment, step=step)
    except ValidationError as exc:
        if request.htmx:
            return _comments_partial(request, plan, error=" ".join(exc.messages), error_parent=comment.pk)
        messages.error(request, " ".join(exc.messages))
    if request.htmx:
        return _comments_partial(request, plan)
    return _back_to_plan(plan, f"#thread-{comment.pk}", request.POST.get("comments", ""))


# --- the stakeholders invited to review -----------------------------------------------------------
def _reviewer_state(invitation, now) -> str:
    if invitation.expires_at <= now:
        return "expired"
    if invitation.mail is not None and invitation.mail.status in ("failed", "uncertain"):
        return "failed"
    return invitation.status


def reviewer_rows(invitations, now):
    for invitation in invitations:
        contact = invitation.contact
        yield (contact.name, contact.organisation.name if contact.organisation_id else "",
               invitation.get_language_display(), invitation.get_status_display(),
               invitation.mail.get_status_display() if invitation.mail else "",
               invitation.sent_at, invitation.expires_at, invitation.reminders_sent, invitation.comment_count)


@login_required
@require_http_methods(["GET", "POST"])
def reviewers(request, pk: int, fmt: str | None = None):
    plan = members_plan_for(request.user, pk)
    if request.method == "POST":
        if fmt is not None:
            raise Http404
        return _reviewers_action(request, plan)
    permissions = service.review_permissions(request.user, plan)
    now = timezone.now()
    invitations = list(plan_reviewers(plan))
    for invitation in invitations:
        invitation.state = _reviewer_state(invitation, now)
    shown, hidden = people_visible_to(request.user).split(invitations)
    status = request.GET.get("status", "")
    listed = [i for i in shown if i.state == status] if status in STATUS_FILTERS else shown
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            raise Http404
        return export_response(fmt, f"action-plan-{plan.pk}-reviewers", REVIEWER_COLUMNS,
                               reviewer_rows(listed, now))
    if permissions["may_invite"]:
        for invitation in listed:
            if invitation.state != "expired":
                invitation.personal_link = invitation.answer_url()
    return render(request, "actionplans/reviewers.html", {
        "plan": plan, "plan_title": in_language(plan.title), **permissions,
        "invitations": listed, "hidden": hidden, "status": status if status in STATUS_FILTERS else "",
        "statuses": [(value, label) for value, label in ReviewInvitation.Status.choices if value != "bounced"]
        + [("expired", _("Link expired or revoked"))],
        "figures": {
            "invited": len(invitations),
            "commented": sum(1 for i in invitations if i.status == ReviewInvitation.Status.ANSWERED),
            "not_sent": sum(1 for i in invitations if i.mail_id is None),
            "failing": sum(1 for i in invitations if i.state == "failed"),
        },
        "invite_form": (ReviewerInviteForm(plan=plan, user=request.user)
                        if permissions["may_invite"] else None),
    })


def _reviewers_action(request, plan):
    action = request.POST.get("do", "")
    user = request.user
    needed = {"invite": "may_invite", "send": "may_invite", "remind": "may_invite", "retry": "may_invite",
              "revoke": "may_revoke"}.get(action)
    if needed is None:
        raise Http404
    if not service.review_permissions(user, plan)[needed]:
        raise PermissionDenied(_("Only the partner's staff change who reviews its plan, while the plan is "
                                 "in peer review."))
    if action == "invite":
        form = ReviewerInviteForm(request.POST, plan=plan, user=user)
        if form.is_valid():
            try:
                report = service.reviewers_invite(actor=user, plan=plan,
                                                  contacts=list(form.cleaned_data["contacts"]),
                                                  expires_at=form.expires_at())
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                # Inviting is sending: people who tick contacts and press Invite expect the mail to go.
                count = service.reviewers_send(actor=user, plan=plan) if report.created else 0
                messages.success(request, ngettext("%(n)s invitation is being sent.",
                                                   "%(n)s invitations are being sent.", count) % {"n": count})
                for contact, reason in report.skipped:
                    messages.warning(request, _("%(name)s: %(reason)s")
                                     % {"name": contact.name, "reason": reason})
        else:
            errors = [error for field_errors in form.errors.values() for error in field_errors]
            messages.error(request, " ".join(errors) or _("Choose at least one contact."))
    elif action == "send":
        count = service.reviewers_send(actor=user, plan=plan)
        messages.success(request, ngettext("%(n)s invitation is being sent.",
                                           "%(n)s invitations are being sent.", count) % {"n": count})
    elif action == "remind":
        count = service.reviewers_remind(actor=user, plan=plan)
        messages.success(request, ngettext("%(n)s reminder is being sent.", "%(n)s reminders are being sent.",
                                           count) % {"n": count})
    elif action in ("retry", "revoke"):
        invitation = invitation_of(user, plan, number_from(request.POST.get("invitation", "")))
        if action == "retry":
            if service.reviewer_retry(actor=user, invitation=invitation):
                messages.success(request, _("The mail to %(name)s is being sent again.")
                                 % {"name": invitation.contact.name})
        else:
            service.reviewer_revoke(actor=user, invitation=invitation)
            messages.success(request, _("The link of %(name)s no longer works.")
                             % {"name": invitation.contact.name})
    else:
        raise Http404
    return redirect("actionplans:reviewers", pk=plan.pk)


# --- the stakeholder's personal link ----------------------------------------------------------------
def _unavailable(request, state, invitation=None):
    context = {}
    if invitation is not None:
        context = {"invitation": invitation, "plan": invitation.plan,
                   "plan_title": in_language(invitation.plan.title)}
    response = link_unavailable(request, state, UNAVAILABLE, context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def review(request, token: str):
    """The plan in review as a stakeholder reads it through their link, with the threads they
    started and the replies to them; they comment on the plan, a part or an action."""
    invitation = review_invitation_for_token(token)
    if invitation is None:
        return _unavailable(request, LinkState.INVALID)
    state = service.link_state(invitation)
    if state is not LinkState.OPEN:
        return _unavailable(request, state, invitation)
    plan = invitation.plan
    error = error_parent = None
    draft = on = ""
    if request.method == "POST":
        parent = _parent(plan, request.POST.get("parent"))
        try:
            comment = service.comment_add(invitation=invitation, plan=plan, on=request.POST.get("on", ""),
                                          parent=parent, text=request.POST.get("text", ""))
        except AnswerRefused as exc:
            return _unavailable(request, exc.state or LinkState.CLOSED, invitation)
        except ValidationError as exc:
            error, error_parent = " ".join(exc.messages), parent.pk if parent else None
            draft, on = request.POST.get("text", "")[:5000], request.POST.get("on", "")
        else:
            messages.success(request, _("Thank you: your comment is saved. %(partner)s will read it.")
                             % {"partner": plan.partner})
            return redirect(request.path + f"#thread-{comment.parent_id or comment.pk}")
    version = latest_version(plan)
    document = version.snapshot if version else {}
    response = render(request, "actionplans/review.html", {
        "plan": plan, "invitation": invitation, "plan_title": in_language(plan.title),
        "document": document, "actions": document.get("actions", []),
        "threads": review_threads(plan, reviewer_id=invitation.pk), "may_comment": True,
        "error": error, "error_parent": error_parent, "draft": draft, "on": on or request.GET.get("on", ""),
    }, status=400 if error else 200)
    response["X-Robots-Tag"] = "noindex"
    return response
