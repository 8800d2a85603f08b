"""Local learning lab pages: the answer form stakeholders open through their personal link (LAB-3),
no account needed, and the partners' pages to run a lab."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import number_from
from ecocsme.core.i18n import localized
from ecocsme.invitations.services import invitation_retry
from ecocsme.organisations.access import people_visible_to

from . import services
from .access import invitation_for_token
from .forms import AnswerForm, InviteForm, LabForm, RepliesUploadForm, ReplyReviewForm
from .models import EmailReply, Lab
from .replies import parse_reply
from .reply_import import replies_upload, reply_ignore, reply_review, stale_imports_fail
from .selectors import invitation_figures, lab_answers, lab_invitations, labs_visible_to
from .services import AnswerRefused, invitation_state, response_save


@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    invitation = invitation_for_token(token)
    if invitation is None:
        return render(request, "labs/answer_unavailable.html", {"reason": "invalid"}, status=404)
    lab = invitation.lab
    state = invitation_state(invitation)
    response = getattr(invitation, "response", None)
    current = ({a.question.position: a.text for a in response.answers.select_related("question")}
               if response else {})
    questions = list(lab.questions.order_by("position"))
    language = get_language()
    if state != "open":
        return render(request, "labs/answer_unavailable.html", {
            "reason": state, "lab": lab, "invitation": invitation, "response": response,
            "theme": lab.localized_theme(language)[0]}, status=410)
    form = AnswerForm(request.POST or None, questions=questions, language=language,
                      initial_texts=current)
    saved_at = None
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            response = response_save(invitation=invitation, texts=form.texts(), submit=submit)
        except AnswerRefused as exc:
            form.add_error(None, str(exc))
        else:
            saved_at = timezone.now()
            if request.htmx:
                return render(request, "labs/_saved.html", {"saved_at": saved_at})
            messages.success(request, _(
                "Thank you: your answers are submitted. You can still change them until the "
                "consultation closes.") if submit else _("Your draft is saved."))
    theme, theme_language = lab.localized_theme(language)
    return render(request, "labs/answer.html", {
        "lab": lab, "invitation": invitation, "form": form, "response": response,
        "theme": theme, "theme_language": theme_language, "saved_at": saved_at,
        "description": localized(lab.description, language)[0],
    })


# --- the partners' pages -------------------------------------------------------------------------
def _lab_for(user, pk: int, perm: str = "labs.view_lab") -> Lab:
    lab = Lab.objects.select_related("partner", "project").filter(pk=pk).first()
    if lab is None or not user.has_perm("labs.view_lab", lab):
        raise Http404(_("No such lab."))
    if not user.has_perm(perm, lab):
        raise PermissionDenied(_("Only the partner's staff and the coordinator may do this."))
    return lab


@login_required
def lab_list(request):
    if not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    return render(request, "labs/lab_list.html", {"labs": labs_visible_to(request.user)})


@login_required
@require_safe
def lab_detail(request, pk: int):
    lab = _lab_for(request.user, pk)
    can_change = request.user.has_perm("labs.change_lab", lab)
    invitations = list(lab_invitations(lab))
    shown, hidden = people_visible_to(request.user).split(invitations)
    if can_change:
        for invitation in shown:
            invitation.personal_link = invitation.answer_url()
    return render(request, "labs/lab_detail.html", {
        "lab": lab, "can_change": can_change,
        "questions": list(lab.questions.order_by("position")),
        "invitations": shown, "hidden": hidden, "figures": invitation_figures(invitations),
        "invite_form": InviteForm(lab=lab, user=request.user) if can_change else None,
        "theme": lab.localized_theme(get_language())[0],
    })


@login_required
@require_http_methods(["GET", "POST"])
def lab_edit(request, pk: int | None = None):
    lab = _lab_for(request.user, pk, "labs.change_lab") if pk else None
    if lab is None and not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    form = LabForm(request.POST or None, user=request.user, lab=lab)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.lab_save(actor=request.user, lab=lab,
                                      partner=form.cleaned_data.get("partner") or (lab and lab.partner),
                                      values=form.values(), questions=form.questions())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("labs:lab_detail", pk=saved.pk)
    return render(request, "labs/lab_form.html", {"form": form, "lab": lab})


@login_required
@require_POST
def lab_action(request, pk: int, action: str):
    lab = _lab_for(request.user, pk, "labs.change_lab")
    if action == "invite":
        form = InviteForm(request.POST, lab=lab, user=request.user)
        if form.is_valid():
            report = services.invitations_create(actor=request.user, lab=lab,
                                                 contacts=list(form.cleaned_data["contacts"]))
            messages.success(request, _("%(n)s invitation(s) created.") % {"n": len(report.created)})
        else:
            messages.error(request, _("Choose at least one contact."))
    elif action == "send":
        try:
            count = services.invitations_send(actor=request.user, lab=lab)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(n)s invitation(s) are being sent.") % {"n": count})
    elif action == "remind":
        try:
            count = services.reminders_send(actor=request.user, lab=lab)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(n)s reminder(s) are being sent.") % {"n": count})
    elif action == "retry":
        invitation = _invitation_of(request, lab)
        if invitation_retry(actor=request.user, invitation=invitation):
            messages.success(request, _("The mail to %(name)s is being sent again.")
                             % {"name": invitation.contact.name})
    elif action in ("open", "closed"):
        services.lab_set_status(actor=request.user, lab=lab, status=action)
        messages.success(request, _("Saved."))
    else:
        raise Http404
    return redirect("labs:lab_detail", pk=lab.pk)


def _invitation_of(request, lab: Lab):
    """The invitation named in a POST, if it is of this lab and its person is the user's to see."""
    pk = number_from(request.POST.get("invitation", ""))
    invitation = lab.invitations.select_related("contact", "mail").filter(pk=pk).first() if pk else None
    if invitation is None or not people_visible_to(request.user).sees(invitation.contact):
        raise Http404(_("No such invitation."))
    return invitation


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
    "already_answered": gettext_lazy("Already answered on the web"),
    "matched_by_address_only": gettext_lazy("Matched only by the sender's address, which is easy to forge"),
    "truncated": gettext_lazy("Very long: only the beginning was read"),
}


@login_required
@require_http_methods(["GET", "POST"])
def lab_replies(request, pk: int):
    lab = _lab_for(request.user, pk, "labs.change_lab")
    stale_imports_fail(lab)
    job = lab.reply_imports.order_by("-created_at").first()
    if request.GET.get("part") == "import_status":  # polled while the worker reads an upload
        if request.htmx and request.GET.get("active") and (job is None or not job.is_active):
            from django.http import HttpResponse

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
    replies = lab.email_replies.select_related("invitation__contact").order_by("-created_at")
    if status in EmailReply.Status.values:
        replies = replies.filter(status=status)
    replies = list(replies)
    for reply in replies:
        reply.flag_labels = [FLAG_LABELS.get(flag, flag) for flag in reply.flags]
    return render(request, "labs/replies.html", {
        "lab": lab, "form": form, "replies": replies, "status": status,
        "statuses": EmailReply.Status.choices, "job": job})


@login_required
@require_http_methods(["GET", "POST"])
def lab_reply(request, pk: int, reply_pk: int):
    lab = _lab_for(request.user, pk, "labs.change_lab")
    reply = lab.email_replies.select_related("invitation__contact").filter(pk=reply_pk).first()
    if reply is None:
        raise Http404(_("No such reply."))
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


@login_required
def lab_answers_export(request, pk: int, fmt: str):
    """All submitted answers of a lab as CSV, XLSX or JSON (LAB-5); no names, only kinds and cities."""
    lab = _lab_for(request.user, pk)
    if fmt not in EXPORT_FORMATS:
        raise Http404
    columns = ("response", "channel", "submitted_at", "respondent_kind", "respondent_city",
               "question", "question_text", "answer", "answer_language")
    rows = ((a.response_id, a.response.channel, a.response.submitted_at, a.response.respondent_kind,
             a.response.respondent_city, a.question.position, a.question.localized_text()[0], a.text,
             a.language) for a in lab_answers(lab))
    return export_response(fmt, f"lab-{lab.pk}-answers", columns, rows)
