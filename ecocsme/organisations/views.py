"""Organisations, contacts, consent and import for the partners' staff; unsubscribe for everyone."""

import json
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import query_without
from ecocsme.core.imports import ImportRejected
from ecocsme.partnerships.access import default_partner_of, partner_changeable_by
from ecocsme.partnerships.models import Partner
from ecocsme.reference.sme import SizeClass

from . import services
from .access import contact_by_unsubscribe_link, contact_for, organisation_for
from .forms import ContactForm, ImportForm, OrganisationForm
from .imports import COLUMNS, contacts_import
from .models import Consent, Organisation
from .selectors import consents_of, contacts_list, organisations_list

PAGE_SIZE = 50
IMPORT_SALT = "ecocsme.organisations.import"
IMPORT_MAX_AGE = 3600  # seconds between checking a file and confirming its import
WAITING, CLAIMED = "imports", "imports-claimed"  # folders under VAR_DIR


def _require(user, perm):
    if not user.has_perm(perm):
        raise PermissionDenied(_("Your account has no role in a project yet."))


@login_required
def organisation_list(request):
    _require(request.user, "organisations.view_organisation")
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "kind", "country", "city")}
    organisations = organisations_list(request.user, **filters)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        columns = (("id", _("ID")), ("name", _("Name")),
                   ("kind", _("Kind"), dict(Organisation.Kind.choices)),
                   ("size_class", _("Size class"), dict(SizeClass.choices)), ("city", _("City")),
                   ("country", _("Country")), ("website", _("Website")), ("contacts", _("Contacts")))
        rows = ((o.pk, o.name, o.kind, o.size_class, o.city, o.country.code, o.website,
                 o.contact_count) for o in organisations.iterator(chunk_size=2000))
        return export_response(fmt, "organisations", columns, rows)
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/organisation_list.html", {
        "page": page, "filters": filters, "kinds": Organisation.Kind.choices,
        "query": query_without(request, "page"),
    })


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, pk: int | None = None):
    organisation = organisation_for(request.user, pk, "organisations.change_organisation") if pk else None
    if organisation is None:
        _require(request.user, "organisations.add_organisation")
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields if name != "sectors"}
        partner = default_partner_of(request.user)
        try:
            saved = services.organisation_save(actor=request.user, organisation=organisation,
                                               values=values, sectors=form.cleaned_data["sectors"],
                                               partner=partner)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("organisations:organisation_edit", pk=saved.pk)
    contacts = contacts_list(request.user, organisation_id=organisation.pk) if organisation else []
    return render(request, "organisations/organisation_form.html", {
        "form": form, "organisation": organisation, "contacts": contacts})


@login_required
@require_POST
def organisation_delete(request, pk: int):
    organisation = organisation_for(request.user, pk, "organisations.delete_organisation")
    services.organisation_delete(actor=request.user, organisation=organisation)
    messages.success(request, _("Deleted."))
    return redirect("organisations:organisation_list")


@login_required
def contact_list(request):
    _require(request.user, "organisations.add_contact")
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "language", "consent")}
    contacts = contacts_list(request.user, **filters)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        consents = consents_of(contacts)
        columns = (("id", _("ID")), ("name", _("Name")), ("email", _("E-mail")), ("phone", _("Phone")),
                   ("position", _("Position")), ("language", _("Language"), dict(settings.LANGUAGES)),
                   ("organisation", _("Organisation")), ("partner", _("Partner")),
                   *((f"consent_{purpose}", _("Consent: %s") % label, YES_NO)
                     for purpose, label in Consent.Purpose.choices))
        rows = ((c.pk, c.name, c.email, c.phone, c.role, c.language,
                 c.organisation.name if c.organisation else "", str(c.partner),
                 *(_yes_no(consents.get(c.pk, {}).get(p)) for p in Consent.Purpose.values))
                for c in contacts)
        return export_response(fmt, "contacts", columns, rows)
    page = Paginator(contacts, PAGE_SIZE).get_page(request.GET.get("page"))
    consents = consents_of(page.object_list)
    for contact in page.object_list:
        contact.consent_state = [(p, consents.get(contact.pk, {}).get(p)) for p in Consent.Purpose]
    return render(request, "organisations/contact_list.html", {
        "page": page, "filters": filters, "purposes": Consent.Purpose.choices,
        "languages": settings.LANGUAGES, "query": query_without(request, "page"),
    })


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request, pk: int | None = None):
    contact = contact_for(request.user, pk, "organisations.change_contact") if pk else None
    if contact is None:
        _require(request.user, "organisations.add_contact")
    consents = consents_of([contact]).get(contact.pk, {}) if contact else {}
    form = ContactForm(request.POST or None, instance=contact, user=request.user, consents=consents)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.contact_save(
                actor=request.user, contact=contact, values=form.contact_values(),
                partner=form.cleaned_data.get("partner"), consents=form.consents())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("organisations:contact_edit", pk=saved.pk)
    return render(request, "organisations/contact_form.html", {"form": form, "contact": contact})


@login_required
def contact_personal_data(request, pk: int):
    contact = contact_for(request.user, pk)
    data = services.contact_personal_data(actor=request.user, contact=contact)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="personal-data-contact-{contact.pk}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def contact_erase(request, pk: int):
    contact = contact_for(request.user, pk, "organisations.erase_contact")
    if request.method == "POST":
        services.contact_erase(actor=request.user, contact=contact)
        messages.success(request, _("The contact was erased; what they said stays, anonymised."))
        return redirect("organisations:contact_list")
    held = services.contact_holdings_count(actor=request.user, contact=contact)
    return render(request, "organisations/contact_erase.html", {
        "contact": contact, "held": [(HOLDING_LABELS.get(section, section), n)
                                     for section, n in held.items() if n]})


HOLDING_LABELS = {
    "consents": gettext_lazy("Consent records"),
    "mail": gettext_lazy("Mails sent to the person"),
    "audit": gettext_lazy("Entries in the audit log"),
    "import_files": gettext_lazy("Contact files waiting to be imported"),
    "labs": gettext_lazy("Lab invitations, answers, e-mail replies and their mail"),
    "events": gettext_lazy("Event invitations with notes and needs, calendar address and their mail"),
}


@login_required
@require_http_methods(["GET", "POST"])
def contact_import(request):
    _require(request.user, "organisations.add_contact")
    if request.GET.get("template"):
        example = ("Example Studio SRL (example)", "sme", "micro", "90.01;59", "Timișoara", "RO",
                   "https://studio.example.ro", "", "Ana Example", "ana@example.ro", "", "Manager",
                   "ro", "yes", "no", "")
        return export_response("csv", "contacts-template", COLUMNS, [example])
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    context = {"form": form, "columns": COLUMNS}
    if request.method == "POST" and request.POST.get("confirm"):
        return _import_confirmed(request, request.POST["confirm"])
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        partner = form.cleaned_data["partner"]
        try:
            report = contacts_import(actor=request.user, partner=partner, data=data,
                                     filename=upload.name, dry_run=True)
        except ImportRejected as exc:
            context["errors"] = exc.errors
        else:
            context["report"] = report
            context["confirm"] = _keep_upload(request.user, partner, upload.name, data)
    return render(request, "organisations/contact_import.html", context)


def _keep_upload(user, partner: Partner, filename: str, data: bytes) -> str:
    _forget_old_uploads()
    folder = _import_folder(WAITING)
    folder.mkdir(parents=True, exist_ok=True)
    key = uuid.uuid4().hex
    (folder / key).write_bytes(data)
    return signing.dumps({"key": key, "name": filename, "partner": partner.pk, "user": user.pk},
                         salt=IMPORT_SALT)


def _import_folder(state: str) -> Path:
    return Path(settings.VAR_DIR) / state


def _forget_old_uploads() -> None:
    """Checked files never confirmed, and the marks of imported ones, once their link expired."""
    limit = time.time() - IMPORT_MAX_AGE
    for path in [*_import_folder(WAITING).glob("*"), *_import_folder(CLAIMED).glob("*")]:
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass  # gone meanwhile


def _claim_upload(key: str) -> bytes | None:
    """The kept file's content, moved out of the waiting folder in one atomic rename, so of two
    confirmations of the same file (a double click) only one gets it. An empty file stays in
    its place as the mark that it was imported. None when it was claimed already or is gone."""
    claimed = _import_folder(CLAIMED) / key
    claimed.parent.mkdir(parents=True, exist_ok=True)
    try:
        (_import_folder(WAITING) / key).rename(claimed)
    except FileNotFoundError:
        return None
    data = claimed.read_bytes()
    claimed.write_bytes(b"")
    return data


def _import_expired(request):
    messages.error(request, _("The checked file has expired; upload it again."))
    return redirect("organisations:contact_import")


def _import_confirmed(request, token: str):
    try:
        kept = signing.loads(token, salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
    except signing.BadSignature:
        return _import_expired(request)
    partner = partner_changeable_by(request.user, kept["partner"])
    if kept["user"] != request.user.pk or partner is None:
        return _import_expired(request)
    data = _claim_upload(kept["key"])
    if data is None and (_import_folder(CLAIMED) / kept["key"]).exists():
        messages.info(request, _("This file has already been imported; nothing was imported again."))
        return redirect("organisations:contact_list")
    if data is None:
        return _import_expired(request)
    try:
        report = contacts_import(actor=request.user, partner=partner, data=data,
                                 filename=kept["name"], dry_run=False)
    except ImportRejected as exc:
        (_import_folder(CLAIMED) / kept["key"]).unlink(missing_ok=True)
        return render(request, "organisations/contact_import.html", {
            "form": ImportForm(user=request.user), "columns": COLUMNS, "errors": exc.errors})
    messages.success(request, _(
        "Imported: %(oc)s new and %(ou)s updated organisations, %(cc)s new and %(cu)s updated contacts."
    ) % {"oc": report.organisations_created, "ou": report.organisations_updated,
         "cc": report.contacts_created, "cu": report.contacts_updated})
    return redirect("organisations:contact_list")


@csrf_exempt  # the signed link is the credential; RFC 8058 one-click POSTs come from mail clients
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    target = contact_by_unsubscribe_link(token)
    if target is None:
        return render(request, "organisations/unsubscribe.html", {"invalid": True}, status=404)
    contact, purpose = target
    if request.method == "POST":
        services.contact_unsubscribe(contact_id=contact.pk, purpose=purpose)
        return render(request, "organisations/unsubscribe.html", {"done": True, "purpose": purpose.label})
    return render(request, "organisations/unsubscribe.html", {"purpose": purpose.label, "token": token})


YES_NO = {"yes": gettext_lazy("yes"), "no": gettext_lazy("no")}


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")
