"""Writing practices and taking them through review: the partnership's list of practices in
work, the form, the review and workflow actions, files and transferability assessments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.forms import bind_with_draft
from ecocsme.core.http import number_from, query_without

from ..access import assessment_partners, attachment_for, practice_for, practices_in_work_for
from ..exports import PRACTICE_COLUMNS, practice_rows
from ..forms import AssessmentForm, AttachmentForm, PracticeForm, ReviewForm
from ..models import Practice
from ..selectors import attachments_of, by_status
from ..services.assessments import assessment_save
from ..services.attachments import attachment_add, attachment_delete
from ..services.practices import (
    practice_delete,
    practice_publish,
    practice_return,
    practice_save,
    practice_submit,
)


def _require_role(user) -> None:
    if not user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))


@login_required
@require_safe
def practice_list(request):
    """The practices in work that the user may see: drafts and those waiting for review."""
    _require_role(request.user)
    status = request.GET.get("status")
    practices = by_status(practices_in_work_for(request.user), status)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(fmt, "practices-in-work", PRACTICE_COLUMNS, practice_rows(practices))
    return render(request, "practices/manage_list.html", {
        "page": Paginator(practices, 25).get_page(request.GET.get("page")), "status": status,
        "statuses": [(value, label) for value, label in Practice.Status.choices
                     if value != Practice.Status.PUBLISHED],
        "query": query_without(request, "page", "format"),
    })


@login_required
@require_http_methods(["GET", "POST"])
def practice_edit(request, slug: str | None = None):
    practice = practice_for(request.user, slug, "practices.change_practice") if slug else None
    if practice is None:
        _require_role(request.user)
    form, drafting = bind_with_draft(
        request, lambda data: PracticeForm(data, user=request.user, practice=practice))
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            saved = practice_save(actor=request.user, practice=practice,
                                  partner=form.cleaned_data.get("partner"), values=form.values(),
                                  sectors=list(form.cleaned_data["sectors"]))
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Saved."))
            return redirect("practices:detail", slug=saved.slug)
    return render(request, "practices/practice_form.html", {
        "form": form, "practice": practice, "drafted": drafting and form.data["draft"]})


ACTIONS = {
    "submit": "practices.submit_practice",
    "publish": "practices.review_practice",
    "return": "practices.review_practice",
    "delete": "practices.delete_practice",
}


@login_required
@require_POST
def practice_action(request, slug: str, action: str):
    if action not in ACTIONS:
        raise Http404
    practice = practice_for(request.user, slug, ACTIONS[action])
    form = ReviewForm(request.POST)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    try:
        if action == "submit":
            practice_submit(actor=request.user, practice=practice)
            messages.success(request, _("Sent to the coordinator for review."))
        elif action == "publish":
            opinion = data.get("expert_opinion", "").strip()
            practice_publish(actor=request.user, practice=practice,
                             expert_opinion={**practice.expert_opinion, get_language(): opinion}
                             if opinion else None)
            messages.success(request, _("Published. The search finds it within a minute."))
        elif action == "return":
            practice_return(actor=request.user, practice=practice, note=data.get("note", ""))
            messages.success(request, _("Returned to its authors as a draft."))
        else:
            practice_delete(actor=request.user, practice=practice)
            messages.success(request, _("The practice is deleted."))
            return redirect("practices:manage_list")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("practices:detail", slug=practice.slug)


@login_required
@require_POST
def assessment(request, slug: str):
    practice = practice_for(request.user, slug)
    partners = assessment_partners(request.user, practice)
    if not partners:
        raise PermissionDenied(_("Staff of a partner other than the one that identified the "
                                 "practice assess it, once it is published."))
    form = AssessmentForm(request.POST, partners=partners)
    if not form.is_valid():
        messages.error(request, _("Give a score from 1 to 5 for one of your partners' territories."))
        return redirect("practices:detail", slug=practice.slug)
    try:
        assessment_save(actor=request.user, practice=practice, partner=form.cleaned_data["partner"],
                        score=form.cleaned_data["score"], conditions=form.cleaned_data["conditions"],
                        comment=form.cleaned_data["comment"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your assessment is saved."))
    return redirect("practices:detail", slug=practice.slug)


@login_required
@require_http_methods(["GET", "POST"])
def attachments(request, slug: str):
    practice = practice_for(request.user, slug, "practices.change_practice")
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        removed = number_from(request.POST.get("delete", ""))
        if removed is not None:
            attachment_delete(actor=request.user, attachment=attachment_for(request.user, slug, removed))
            messages.success(request, _("The file is removed."))
            return redirect("practices:attachments", slug=slug)
        if form.is_valid():
            caption = form.cleaned_data["caption"].strip()
            try:
                attachment_add(actor=request.user, practice=practice, upload=form.cleaned_data["file"],
                               caption={get_language(): caption} if caption else {})
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error("file", message)
            else:
                messages.success(request, _("The file is attached."))
                return redirect("practices:attachments", slug=slug)
    return render(request, "practices/attachments.html", {
        "practice": practice, "form": form, "attachments": attachments_of(practice)})
