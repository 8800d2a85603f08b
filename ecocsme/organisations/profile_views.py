"""Organisation profiles: a stakeholder keeps their organisation's profile (self-service), the
partners' staff verify it, and a visitor reads those that wish to be found and are verified."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import query_without

from . import services
from .access import organisation_to_verify, profile_for, public_profile_for
from .forms import ProfileForm, language_choices
from .models import Organisation
from .rules import forget_representing
from .selectors import profiles_of, representatives_of, verification_queue

PAGE_SIZE = 50


def _language_names(organisation) -> list[str]:
    names = dict(language_choices())
    return [names.get(code, code) for code in organisation.languages or ()]


# --- the public page of an organisation that wishes to be found ------------------------------------
def profile(request, pk: int):
    organisation = public_profile_for(pk)
    return render(request, "organisations/profile_public.html", {
        "organisation": organisation, "languages": _language_names(organisation)})


# --- self-service ----------------------------------------------------------------------------------
@login_required
def my_organisation(request):
    """The organisations the user represents, or the invitation to create one's profile."""
    organisations = profiles_of(request.user)
    for organisation in organisations:
        organisation.language_names = _language_names(organisation)
    return render(request, "organisations/my_organisation.html", {
        "organisations": organisations,
        "may_create": not organisations and request.user.has_perm("organisations.create_profile"),
    })


@login_required
@require_http_methods(["GET", "POST"])
def profile_add(request):
    if not request.user.has_perm("organisations.create_profile"):
        raise PermissionDenied(_("Profiles are kept by stakeholders' accounts; partner staff add "
                                 "organisations in the back office."))
    if profiles_of(request.user):
        return redirect("organisations:my_organisation")
    form = ProfileForm(request.POST or None, initial={"country": "", "findable": False})
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_create(actor=request.user, values=form.profile_values(),
                                    sectors=form.cleaned_data["sectors"])
        except ValidationError as exc:
            _errors_to_form(form, exc)
        except PermissionDenied:
            forget_representing(request.user)
            if not profiles_of(request.user):
                raise
            return redirect("organisations:my_organisation")  # a second click: the first made it
        else:
            messages.success(request, _("Saved. Partner staff will verify the profile; we write to "
                                        "you when they have."))
            return redirect("organisations:my_organisation")
    return render(request, "organisations/profile_form.html", {"form": form, "organisation": None})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request, pk: int):
    organisation = profile_for(request.user, pk)
    form = ProfileForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        was_verified = organisation.is_verified
        try:
            saved = services.profile_update(actor=request.user, organisation=organisation,
                                            values=form.profile_values(),
                                            sectors=form.cleaned_data["sectors"])
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            if was_verified and not saved.is_verified:
                messages.warning(request, _("Saved. The profile waits for verification again."))
            else:
                messages.success(request, _("Saved."))
            return redirect("organisations:my_organisation")
    return render(request, "organisations/profile_form.html", {"form": form, "organisation": organisation})


def _errors_to_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


# --- verification by the partners' staff -----------------------------------------------------------
@login_required
@require_GET
def verification_list(request):
    if not request.user.has_perm("organisations.view_verification_queue"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    q = request.GET.get("q", "").strip()
    organisations = verification_queue(request.user, q=q)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        columns = (("id", _("ID")), ("name", _("Name")), ("kind", _("Kind"), dict(Organisation.Kind.choices)),
                   ("city", _("City")), ("country", _("Country")), ("kept_by", _("Kept by")),
                   ("changed", _("Changed")))
        rows = ((o.pk, o.name, o.kind, o.city, o.country.code, str(o.partner or ""),
                 o.updated_at.isoformat()) for o in organisations)
        return export_response(fmt, "organisations-to-verify", columns, rows)
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/verification_list.html", {
        "page": page, "q": q, "query": query_without(request, "page")})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_verify(request, pk: int):
    organisation = organisation_to_verify(request.user, pk)
    error = ""
    if request.method == "POST":
        try:
            if request.POST.get("action") == "verify":
                services.organisation_verify(actor=request.user, organisation=organisation)
                messages.success(request, _("Verified. The representatives are told."))
            elif request.POST.get("action") == "decline":
                services.organisation_decline(actor=request.user, organisation=organisation,
                                              note=request.POST.get("note", ""))
                messages.success(request, _("Declined. The representatives are told why."))
            else:
                raise ValidationError(_("Choose to verify or to decline."))
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            return redirect("organisations:verification_list")
    return render(request, "organisations/organisation_verify.html", {
        "organisation": organisation, "languages": _language_names(organisation),
        "representatives": representatives_of(organisation), "error": error,
        "note": request.POST.get("note", "")}, status=400 if error else 200)
