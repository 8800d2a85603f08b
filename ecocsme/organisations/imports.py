"""Bulk import of organisations and contacts from CSV or XLSX (ORG-4).

`contacts_import` checks the whole file first; a file with any bad row imports nothing and
the report names every problem by line and column. Organisations are matched by name and
city (case-insensitive), contacts by e-mail within the partner.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django_countries import countries

from ecocsme.accounts.plain_text import lines, one_line, without_direction_controls
from ecocsme.core.audit import audit_log
from ecocsme.core.imports import ImportRejected, RowError, read_table
from ecocsme.partnerships.models import Partner
from ecocsme.reference.models import NaceDivision
from ecocsme.reference.sme import SizeClass

from .models import Consent, Contact, Organisation
from .services import consent_set

COLUMNS = ("organisation", "kind", "size_class", "sectors", "city", "country", "website",
           "description", "contact_name", "email", "phone", "position", "language",
           "consent_consultations", "consent_event_invitations", "consent_newsletters")
CONSENT_COLUMNS = {f"consent_{p}": p for p in Consent.Purpose.values}
YES = {"yes", "y", "true", "1", "x", "da", "sì", "si", "ja", "kyllä", "taip", "oui"}
NO = {"no", "n", "false", "0", "nu", "nee", "nein", "ne", "ei", "non"}


@dataclass
class ImportReport:
    rows: int = 0
    organisations_created: int = 0
    organisations_updated: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0
    dry_run: bool = True
    errors: list[RowError] = field(default_factory=list)


@dataclass
class PlannedRow:
    line: int
    organisation: dict | None
    sectors: list[str]
    contact: dict | None
    consents: dict[str, bool]


def contacts_import(*, actor, partner: Partner, data: bytes, filename: str,
                    dry_run: bool = True) -> ImportReport:
    if not actor.has_perm("partnerships.change_partner", partner):
        raise PermissionDenied(_("You may import contacts only for a partner you work for."))
    table = read_table(data, filename)
    plan = _check(table)
    report = ImportReport(rows=len(plan), dry_run=dry_run)
    with transaction.atomic():
        _apply(plan, partner, actor, report)
        if dry_run:
            transaction.set_rollback(True)
        else:
            audit_log(actor=actor, action="organisations.contacts.imported", obj=partner,
                      data={"file": filename, "rows": report.rows})
    return report


def _check(table: list[tuple[int, dict[str, str]]]) -> list[PlannedRow]:
    errors: list[RowError] = []
    if table:
        unknown = sorted(set(table[0][1]) - set(COLUMNS) - {""})
        errors += [RowError(1, name, _("unknown column")) for name in unknown]
        if not {"organisation", "email"} & set(table[0][1]):
            # The column names are literal: the import accepts them in English only.
            reason = _("the file needs an “%(first)s” or an “%(second)s” column")
            errors.append(RowError(1, "organisation", reason % {"first": "organisation", "second": "email"}))
    divisions = set(NaceDivision.objects.values_list("code", flat=True))
    seen_emails: dict[str, int] = {}
    plan = []
    for line, row in table:
        plan.append(_check_row(line, row, divisions, seen_emails, errors))
    if errors:
        raise ImportRejected(errors)
    return plan


def _check_row(line, row, divisions, seen_emails, errors) -> PlannedRow:
    def error(column, reason):
        errors.append(RowError(line, column, reason))

    def get(name: str) -> str:
        """A cell on one line, without control characters or direction overrides (a description
        keeps its line breaks)."""
        value = row.get(name, "")
        return lines(value).strip() if name == "description" else one_line(without_direction_controls(value))

    organisation = None
    if get("organisation"):
        kind = get("kind").lower()
        if kind and kind not in Organisation.Kind.values:
            error("kind", _("must be one of: %s") % ", ".join(Organisation.Kind.values))
        size = get("size_class").lower()
        if size and size not in SizeClass.values:
            error("size_class", _("must be one of: %s") % ", ".join(SizeClass.values))
        country = get("country").upper()
        if country and country not in countries:
            error("country", _("“%s” is not a country code") % country)
        website = get("website")
        if website:
            try:
                URLValidator()(website)
            except ValidationError:
                error("website", _("not a web address"))
        organisation = {"name": get("organisation")[:300], "kind": kind, "size_class": size,
                        "city": get("city")[:100], "country": country, "website": website,
                        "description": get("description")}
    sectors = []
    for code in filter(None, (c.strip() for c in get("sectors").replace(",", ";").split(";"))):
        division = code.split(".")[0].zfill(2)
        if division not in divisions:
            error("sectors", _("“%s” is not a NACE Rev. 2 code") % code)
        sectors.append(division)
    contact = None
    email = get("email").lower()
    if email or get("contact_name"):
        if not email:
            error("email", _("a contact needs an e-mail address"))
        else:
            try:
                validate_email(email)
            except ValidationError:
                error("email", _("“%s” is not an e-mail address") % email)
            if email in seen_emails:
                error("email", _("the same address is on line %s") % seen_emails[email])
            seen_emails.setdefault(email, line)
        language = get("language").lower() or settings.LANGUAGE_CODE
        if language not in dict(settings.LANGUAGES):
            error("language", _("must be one of: %s") % ", ".join(dict(settings.LANGUAGES)))
        contact = {"name": get("contact_name")[:200] or email, "email": email,
                   "phone": get("phone")[:50], "role": get("position")[:200], "language": language}
    if not organisation and not contact:
        error("organisation", _("the row has neither an organisation nor a contact"))
    consents = {}
    for column, purpose in CONSENT_COLUMNS.items():
        value = get(column).lower()
        if not value:
            continue
        if value in YES:
            consents[purpose] = True
        elif value in NO:
            consents[purpose] = False
        else:
            error(column, _("write yes or no"))
        if contact is None:
            error(column, _("consent needs a contact"))
    return PlannedRow(line, organisation, sectors, contact, consents)


def _apply(plan: list[PlannedRow], partner: Partner, actor, report: ImportReport) -> None:
    from .access import organisations_visible_to

    organisations: dict[tuple[str, str], Organisation] = {}
    visible = organisations_visible_to(actor)
    for row in plan:
        organisation = None
        if row.organisation:
            organisation = _upsert_organisation(row, partner, organisations, report, actor=actor,
                                                visible=visible)
        if row.contact:
            _upsert_contact(row, partner, organisation, actor, report)


def _upsert_organisation(row: PlannedRow, partner, cache, report, *, actor, visible) -> Organisation:
    """The organisation of the row among those the importing user may see (by name and city), its
    fields updated when they may change it, merely named when they may not; a new one kept by the
    importing partner when they see none."""
    values = row.organisation
    key = (values["name"].lower(), values["city"].lower())
    if key in cache:
        return cache[key]
    organisation = (visible.filter(name__iexact=values["name"], city__iexact=values["city"])
                    .order_by("id").first())
    if organisation is None:
        organisation = Organisation(partner=partner, kind=values["kind"] or Organisation.Kind.OTHER)
        report.organisations_created += 1
    elif not actor.has_perm("organisations.change_organisation", organisation):
        cache[key] = organisation  # another partner's: the contact names it, its record stays theirs
        return organisation
    else:
        report.organisations_updated += 1
    for name, value in values.items():
        if value:
            setattr(organisation, name, value)
    organisation.save()
    if row.sectors:
        organisation.sectors.add(*row.sectors)
    cache[key] = organisation
    return organisation


def _upsert_contact(row: PlannedRow, partner, organisation, actor, report) -> None:
    values = row.contact
    contact = Contact.objects.filter(partner=partner, email=values["email"],
                                     erased_at__isnull=True).first()
    if contact is None:
        contact = Contact(partner=partner, email=values["email"])
        report.contacts_created += 1
    else:
        report.contacts_updated += 1
    for name, value in values.items():
        if value:
            setattr(contact, name, value)
    if organisation is not None:
        contact.organisation = organisation
    contact.save()
    for purpose, granted in row.consents.items():
        consent_set(contact=contact, purpose=purpose, granted=granted,
                    source=Consent.Source.IMPORT, actor=actor)
