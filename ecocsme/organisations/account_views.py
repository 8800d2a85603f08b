"""My account: the signed-in person's own account — its data as a file, and, for a stakeholder's
account, its deletion (the organisations it represents stay; their keeping partner is told)."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ecocsme.accounts.forms import AccountDeleteForm
from ecocsme.accounts.services import account_delete, account_personal_data

from .selectors import profiles_of


@login_required
@require_http_methods(["GET", "POST"])
def my_account(request):
    user = request.user
    may_delete = user.has_perm("accounts.delete_own_account")
    form = AccountDeleteForm(request.POST or None) if may_delete else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("An account with a role in a project is deleted by the administrator."))
        if form.is_valid():
            try:
                account_delete(actor=user, user=user, password=form.cleaned_data["password"])
            except ValidationError as exc:
                form.add_error("password", exc.message_dict.get("password", exc.messages))
            else:
                logout(request)
                messages.success(request, _("Your account is deleted."))
                return redirect("web:home")
    return render(request, "organisations/my_account.html", {
        "account": user, "organisations": profiles_of(user), "form": form,
    }, status=400 if form is not None and form.errors else 200)


@login_required
@require_GET
def my_account_data(request):
    data = account_personal_data(actor=request.user, user=request.user)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-account.json"'
    return response
