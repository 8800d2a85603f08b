"""Posting opportunities and moderating them: the form, the poster's and the moderators'
actions, and the back office's list with its status filters and export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import query_without

from ..access import opportunities_moderated_by, opportunity_for
from ..exports import BACK_OFFICE_COLUMNS, back_office_rows
from ..forms import ModerationForm, OpportunityForm
from ..models import Opportunity
from ..selectors import by_status
from ..services import (
    Send,
    opportunity_close,
    opportunity_publish,
    opportunity_return,
    opportunity_save,
    opportunity_submit,
    opportunity_withdraw,
)


@login_required
@require_safe
def manage_list(request):
    """The opportunities the user moderates, of every status, newest change first."""
    if not request.user.has_perm("opportunities.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    status = request.GET.get("status")
    opportunities = by_status(opportunities_moderated_by(request.user), status)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(fmt, "opportunities-back-office", BACK_OFFICE_COLUMNS,
                               back_office_rows(opportunities))
    return render(request, "opportunities/manage_list.html", {
        "page": Paginator(opportunities, 25).get_page(request.GET.get("page")),
        "status": status if status in Opportunity.Status.values else "",
        "statuses": Opportunity.Status.choices,
        "query": query_without(request, "page", "format"),
    })


def _moderates_own_posts(user) -> bool:
    """Partner staff and coordinators moderate what they post for their partner: they may publish
    it without a review."""
    return user.has_perm("opportunities.manage")


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request, pk: int | None = None):
    opportunity = opportunity_for(request.user, pk, "opportunities.change_opportunity") if pk else None
    if opportunity is None and not request.user.has_perm("opportunities.add_opportunity"):
        raise PermissionDenied(_("Partner staff, coordinators and the representatives of a verified "
                                 "organisation post opportunities."))
    form = OpportunityForm(request.POST or None, user=request.user, opportunity=opportunity)
    if opportunity is not None:
        may_publish = request.user.has_perm("opportunities.moderate_opportunity", opportunity)
    else:
        may_publish = _moderates_own_posts(request.user)
    if request.method == "POST" and form.is_valid():
        send = request.POST.get("send", Send.KEEP)
        if send not in (Send.KEEP, Send.REVIEW, Send.PUBLISH) or (send == Send.PUBLISH and not may_publish):
            send = Send.KEEP
        data = form.cleaned_data
        try:
            saved = opportunity_save(actor=request.user, opportunity=opportunity, values=form.values(),
                                     sectors=list(data["sectors"]), organisation=data.get("organisation"),
                                     partner=data.get("partner"), send=send)
        except ValidationError as exc:
            for name, errors in getattr(exc, "error_dict", {None: exc}).items():
                for message in ValidationError(errors).messages:
                    form.add_error(name if name in form.fields else None, message)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, SAVED[saved.status])
            return redirect("opportunities:detail", pk=saved.pk)
    return render(request, "opportunities/form.html", {
        "form": form, "opportunity": opportunity, "may_publish": may_publish})


SAVED = {
    Opportunity.Status.DRAFT: gettext_lazy("Saved as a draft. Send it for review when it is ready."),
    Opportunity.Status.RETURNED: gettext_lazy("Saved. Send it for review again when it is ready."),
    Opportunity.Status.IN_REVIEW: gettext_lazy("Saved and sent to the moderators for review."),
    Opportunity.Status.PUBLISHED: gettext_lazy("Saved and published."),
}
ACTIONS = {
    "submit": "opportunities.submit_opportunity",
    "withdraw": "opportunities.withdraw_opportunity",
    "publish": "opportunities.moderate_opportunity",
    "return": "opportunities.moderate_opportunity",
    "close": "opportunities.moderate_opportunity",
}


@login_required
@require_POST
def opportunity_action(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404
    opportunity = opportunity_for(request.user, pk, ACTIONS[action])
    form = ModerationForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if action == "submit":
            opportunity_submit(actor=request.user, opportunity=opportunity)
            messages.success(request, _("Sent to the moderators for review."))
        elif action == "withdraw":
            opportunity_withdraw(actor=request.user, opportunity=opportunity)
            messages.success(request, _("Withdrawn: it no longer appears in any list or feed."))
        elif action == "publish":
            opportunity_publish(actor=request.user, opportunity=opportunity)
            messages.success(request, _("Published."))
        elif action == "return":
            opportunity_return(actor=request.user, opportunity=opportunity, note=note)
            messages.success(request, _("Returned to the poster with your note."))
        else:
            opportunity_close(actor=request.user, opportunity=opportunity, note=note)
            messages.success(request, _("Closed."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("opportunities:detail", pk=opportunity.pk)
