"""The partners' back office. Every view checks permissions through rules."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ecocsme.accounts.predicates import memberships_of
from ecocsme.core.forms import bind_with_draft
from ecocsme.organisations.selectors import verification_waiting_count
from ecocsme.partnerships.access import partner_for_change
from ecocsme.partnerships.services import partner_update

from ..dashboard import dashboard_for
from ..forms_manage import PartnerForm, PhaseNotesForm


@login_required
def dashboard(request):
    if not request.user.has_perm("accounts.manage"):
        raise PermissionDenied(_("Your account has no role in a project yet."))
    return render(request, "web/manage/dashboard.html", {
        "memberships": memberships_of(request.user),
        "dashboard": dashboard_for(request.user, request.GET),
        "profiles_waiting": verification_waiting_count(request.user),
    })


@login_required
def partner_edit(request, pk: int):
    from ecocsme.partnerships.logos import partner_logo_data_url
    from ecocsme.partnerships.services import partner_logo_set

    partner = partner_for_change(request.user, pk)
    form, drafting = bind_with_draft(
        request, lambda data: PartnerForm(data, request.FILES or None, instance_values=partner))
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            partner_update(actor=request.user, partner=partner, values=form.values())
            changes_logo, logo = form.logo_change()
            if changes_logo:
                partner_logo_set(actor=request.user, partner=partner, content=logo)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("web:partner_list", code=partner.project.code)
    return render(request, "web/manage/partner_edit.html", {"partner": partner, "form": form,
                                                            "logo": partner_logo_data_url(partner),
                                                            "drafted": drafting and form.data["draft"]})


@login_required
def ecoc_notes_edit(request, year: int, city: str):
    from django.http import Http404

    from ecocsme.reference.selectors import ecoc_title_at, phase_notes
    from ecocsme.reference.services import phase_notes_save

    if not request.user.has_perm("accounts.curate_ecoc_notes"):
        raise PermissionDenied(_("Only a project's coordinator curates these notes."))
    title = ecoc_title_at(year, city)
    if title is None:
        raise Http404(_("No such ECoC title."))
    form, drafting = bind_with_draft(
        request, lambda data: PhaseNotesForm(data, notes=phase_notes(title)))
    if request.method == "POST" and not drafting and form.is_valid():
        phase_notes_save(actor=request.user, title=title, texts=form.texts())
        messages.success(request, _("Saved."))
        return redirect(title.get_absolute_url())
    return render(request, "web/manage/ecoc_notes_edit.html", {
        "title": title, "form": form, "drafted": drafting and form.data["draft"]})
