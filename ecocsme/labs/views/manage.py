"""The partners' pages to run a lab: the list, a lab's page, creating and editing a lab with its
questions, and the actions on it (invite, send, remind, retry a mail, open, close)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ecocsme.core.forms import bind_with_draft
from ecocsme.core.http import number_from
from ecocsme.core.i18n import in_language
from ecocsme.invitations.access import invitation_of
from ecocsme.invitations.services import invitation_retry
from ecocsme.labs.services.invitations import invitations_create, invitations_send, reminders_send
from ecocsme.labs.services.labs import lab_save, lab_set_status
from ecocsme.organisations.access import people_visible_to

from ..access import lab_for, labs_visible_to
from ..forms import InviteForm, LabForm
from ..selectors import (
    invitation_figures,
    is_mail_failing,
    lab_invitations,
    lab_questions,
    labs_of_partner,
    partners_running,
    submitted_response_count,
)


@login_required
def lab_list(request):
    if not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    visible = labs_visible_to(request.user)
    labs, partner_id = labs_of_partner(visible, request.GET)
    return render(request, "labs/lab_list.html", {"labs": labs, "partner_id": partner_id,
                                                  "partners": partners_running(visible)})


@login_required
@require_safe
def lab_detail(request, pk: int):
    lab = lab_for(request.user, pk)
    can_change = request.user.has_perm("labs.change_lab", lab)
    invitations = list(lab_invitations(lab))
    shown, hidden = people_visible_to(request.user).split(invitations)
    show = request.GET.get("show", "")
    if show == "failing":  # the dashboard's link to the mail failing
        shown = [invitation for invitation in shown if is_mail_failing(invitation)]
    else:
        show = ""
    if can_change:
        for invitation in shown:
            invitation.personal_link = invitation.answer_url()
    return render(request, "labs/lab_detail.html", {
        "lab": lab, "can_change": can_change,
        "questions": list(lab_questions(lab)), "show": show,
        "invitation_filters": [("failing", _("Mail failing"))],
        "invitations": shown, "hidden": hidden, "figures": invitation_figures(invitations),
        "responses": submitted_response_count(lab),
        "invite_form": InviteForm(lab=lab, user=request.user) if can_change else None,
        "theme": in_language(lab.theme),
    })


@login_required
@require_http_methods(["GET", "POST"])
def lab_edit(request, pk: int | None = None):
    lab = lab_for(request.user, pk, "labs.change_lab") if pk else None
    if lab is None and not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    form, drafting = bind_with_draft(request, lambda data: LabForm(data, user=request.user, lab=lab))
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            saved = lab_save(actor=request.user, lab=lab,
                             partner=form.cleaned_data.get("partner") or (lab and lab.partner),
                             values=form.values(), questions=form.questions())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("labs:lab_detail", pk=saved.pk)
    return render(request, "labs/lab_form.html", {"form": form, "lab": lab,
                                                  "drafted": drafting and form.data["draft"]})


@login_required
@require_POST
def lab_action(request, pk: int, action: str):
    lab = lab_for(request.user, pk, "labs.change_lab")
    if action == "invite":
        form = InviteForm(request.POST, lab=lab, user=request.user)
        if form.is_valid():
            report = invitations_create(actor=request.user, lab=lab,
                                        contacts=list(form.cleaned_data["contacts"]))
            created = len(report.created)
            messages.success(request, ngettext("%(n)s invitation created.", "%(n)s invitations created.",
                                               created) % {"n": created})
        else:
            messages.error(request, _("Choose at least one contact."))
    elif action == "send":
        try:
            count = invitations_send(actor=request.user, lab=lab)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, ngettext("%(n)s invitation is being sent.",
                                               "%(n)s invitations are being sent.", count) % {"n": count})
    elif action == "remind":
        try:
            count = reminders_send(actor=request.user, lab=lab)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, ngettext("%(n)s reminder is being sent.",
                                               "%(n)s reminders are being sent.", count) % {"n": count})
    elif action == "retry":
        invitation = invitation_of(request.user, lab, number_from(request.POST.get("invitation", "")))
        if invitation_retry(actor=request.user, invitation=invitation):
            messages.success(request, _("The mail to %(name)s is being sent again.")
                             % {"name": invitation.contact.name})
    elif action in ("open", "closed"):
        lab_set_status(actor=request.user, lab=lab, status=action)
        messages.success(request, _("Saved."))
    else:
        raise Http404
    return redirect("labs:lab_detail", pk=lab.pk)
