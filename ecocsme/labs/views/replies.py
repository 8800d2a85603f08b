"""The e-mail replies of a lab: uploading .eml/.mbox files (read at once, or by the worker when
large, its status polled) and reviewing the replies kept aside."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from ecocsme.text.mail import parse_reply

from ..access import lab_for, reply_of
from ..forms import RepliesUploadForm, ReplyReviewForm
from ..models import EmailReply
from ..selectors import lab_email_replies, latest_reply_import
from ..services.replies import replies_upload, reply_ignore, reply_review, stale_imports_fail

FLAG_LABELS = {
    "auto_reply": gettext_lazy("Automatic reply"),
    "bounce": gettext_lazy("Returned as undeliverable"),
    "unmapped": gettext_lazy("Answers could not be told apart"),
    "partial": gettext_lazy("Not every question answered"),
    "from_attachment": gettext_lazy("Answers in an attachment"),
    "html_only": gettext_lazy("HTML only"),
    "different_language": gettext_lazy("Answered in another language"),
    "malformed": gettext_lazy("Damaged message"),
    "not_matched": gettext_lazy("No invitation found"),
    "already_answered": gettext_lazy("Answers again a question already answered otherwise"),
    "completes_answer": gettext_lazy("Adds to an earlier answer of the same person"),
    "forwarded": gettext_lazy("Answers inside a forwarded message"),
    "in_original": gettext_lazy("Answers typed into the quoted invitation"),
    "matched_by_forwarded_header": gettext_lazy("Matched only by an address in a forwarded message"),
    "matched_by_address_only": gettext_lazy("Matched only by the sender's address, which is easy to forge"),
    "truncated": gettext_lazy("Very long: only the beginning was read"),
}


@login_required
@require_http_methods(["GET", "POST"])
def lab_replies(request, pk: int):
    lab = lab_for(request.user, pk, "labs.change_lab")
    stale_imports_fail(lab)
    job = latest_reply_import(lab)
    if request.GET.get("part") == "import_status":  # polled while the worker reads an upload
        if request.htmx and request.GET.get("active") and (job is None or not job.is_active):
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"  # over: reload the page with the new replies
            return response
        return render(request, "labs/_reply_import_status.html", {"lab": lab, "job": job})
    form = RepliesUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = [(upload.name, upload.read()) for upload in form.cleaned_data["files"]]
        report = replies_upload(actor=request.user, lab=lab, files=files)
        for error in report.errors:
            messages.error(request, error)
        if report.queued:
            messages.info(request, _("The upload is large: the replies are being read in the background. "
                                     "This page shows when they are imported."))
        if report.errors or report.queued:
            return redirect("labs:lab_replies", pk=lab.pk)
        messages.success(request, _(
            "Counted: %(counted)s. To review: %(review)s. Ignored: %(ignored)s. Already imported: %(dup)s."
        ) % {"counted": report.counted, "review": report.to_review, "ignored": report.ignored,
             "dup": report.duplicates})
        return redirect("labs:lab_replies", pk=lab.pk)
    status = request.GET.get("status", EmailReply.Status.TO_REVIEW)
    replies = lab_email_replies(lab, status)
    for reply in replies:
        reply.flag_labels = [FLAG_LABELS.get(flag, flag) for flag in reply.flags]
    return render(request, "labs/replies.html", {
        "lab": lab, "form": form, "replies": replies, "status": status,
        "statuses": EmailReply.Status.choices, "job": job})


@login_required
@require_http_methods(["GET", "POST"])
def lab_reply(request, pk: int, reply_pk: int):
    lab = lab_for(request.user, pk, "labs.change_lab")
    reply = reply_of(request.user, lab, reply_pk)
    form = ReplyReviewForm(request.POST or None, reply=reply)
    if request.method == "POST" and "ignore" in request.POST:
        reply_ignore(actor=request.user, reply=reply)
        return redirect("labs:lab_replies", pk=lab.pk)
    if request.method == "POST" and form.is_valid():
        try:
            reply_review(actor=request.user, reply=reply, invitation=form.cleaned_data["invitation"],
                         answers=form.answers())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The answers now count."))
            return redirect("labs:lab_replies", pk=lab.pk)
    body = parse_reply(bytes(reply.raw), {}).text or ""
    return render(request, "labs/reply_review.html", {
        "lab": lab, "reply": reply, "form": form, "body": body,
        "flag_labels": [FLAG_LABELS.get(flag, flag) for flag in reply.flags]})
