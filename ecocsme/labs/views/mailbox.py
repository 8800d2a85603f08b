"""A lab's mailbox (LAB-3): linking, changing, testing and unlinking it, asking for a fetch, and
its status (the last fetch, what it imported, its error), polled while a fetch runs. Only those
who may change the lab see any of it; the password is write-only."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ..access import lab_for
from ..models import LabMailbox
from ..services.mailbox import (
    EDITABLE,
    mailbox_fetch_now,
    mailbox_of,
    mailbox_save,
    mailbox_test,
    mailbox_unlink,
)


class MailboxForm(forms.Form):
    host = forms.CharField(label=gettext_lazy("Mail server (IMAP)"), max_length=255,
                           help_text=gettext_lazy("For example imap.example.org"))
    security = forms.ChoiceField(label=gettext_lazy("Encryption"), choices=LabMailbox.Security.choices)
    port = forms.IntegerField(
        label=gettext_lazy("Port"), min_value=1, max_value=65535, required=False,
        help_text=gettext_lazy("Leave it blank for the usual port of the encryption chosen: 993 for "
                               "SSL/TLS, 143 otherwise."))
    username = forms.CharField(label=gettext_lazy("User name"), max_length=255)
    password = forms.CharField(label=gettext_lazy("Password"), required=False, strip=False,
                               widget=forms.PasswordInput(render_value=False,
                                                          attrs={"autocomplete": "new-password"}))
    folder = forms.CharField(label=gettext_lazy("Folder to read"), max_length=255, initial="INBOX")
    processed_folder = forms.CharField(
        label=gettext_lazy("Folder for processed messages"), max_length=255, initial="Processed",
        help_text=gettext_lazy("Each imported message is moved there; it is created if missing."))
    enabled = forms.BooleanField(label=gettext_lazy("Fetch the replies every few minutes"), required=False,
                                 initial=True)

    def __init__(self, *args, mailbox: LabMailbox | None, **kwargs):
        initial = {name: getattr(mailbox, name) for name in EDITABLE} if mailbox else None
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["password"].help_text = (
            _("Leave it blank to keep the stored password; it is never shown.") if mailbox
            else _("Stored encrypted and never shown."))

    def clean(self):
        cleaned = super().clean()
        security = cleaned.get("security")
        was = (self.initial or {}).get("security")
        if security and not cleaned.get("port") and "port" not in self.errors:
            cleaned["port"] = LabMailbox.Security(security).usual_port
        elif security and was and was != security \
                and cleaned.get("port") == LabMailbox.Security(was).usual_port:
            # the encryption changed and the port was the old one's usual: it follows
            cleaned["port"] = LabMailbox.Security(security).usual_port
        if cleaned.get("port") and str(cleaned["port"]) != self.data.get("port"):
            self.data = self.data.copy()  # the page shown again says which port was used
            self.data["port"] = str(cleaned["port"])
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITABLE}


@login_required
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def lab_mailbox(request, pk: int):
    lab = lab_for(request.user, pk, "labs.change_lab")
    mailbox = mailbox_of(lab)
    form = MailboxForm(request.POST or None, mailbox=mailbox)
    tested = None
    if request.method == "POST" and form.is_valid():
        password = form.cleaned_data["password"]
        if "test" in request.POST:
            try:
                code, detail = mailbox_test(actor=request.user, lab=lab, values=form.values(),
                                            password=password)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                tested = {"ok": not code, "detail": detail,
                          "message": LabMailbox.Error(code).label if code else ""}
        else:
            try:
                mailbox_save(actor=request.user, lab=lab, values=form.values(), password=password)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Saved. The replies in the mailbox are being fetched."))
                return redirect("labs:lab_mailbox", pk=lab.pk)
    return render(request, "labs/mailbox.html", {"lab": lab, "mailbox": mailbox, "form": form,
                                                 "tested": tested})


@login_required
@require_safe
def lab_mailbox_status(request, pk: int):
    lab = lab_for(request.user, pk, "labs.change_lab")
    return render(request, "labs/_mailbox_status.html", {"lab": lab, "mailbox": mailbox_of(lab)})


@login_required
@require_POST
def lab_mailbox_action(request, pk: int, action: str):
    lab = lab_for(request.user, pk, "labs.change_lab")
    if action == "fetch":
        try:
            mailbox_fetch_now(actor=request.user, lab=lab)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        if request.htmx:
            return render(request, "labs/_mailbox_status.html", {"lab": lab, "mailbox": mailbox_of(lab)})
    elif action == "unlink":
        mailbox_unlink(actor=request.user, lab=lab)
        messages.success(request, _("The mailbox is unlinked; the replies already imported stay."))
        return redirect("labs:lab_detail", pk=lab.pk)
    else:
        raise Http404(_("No such action."))
    return redirect("labs:lab_mailbox", pk=lab.pk)
