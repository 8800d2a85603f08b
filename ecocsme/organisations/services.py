"""Writes to organisations, contacts and consent. Each checks permission and is audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log, audit_scrub, changed_fields
from ecocsme.partnerships.models import Partner

from . import personal_data
from .models import Consent, Contact, Organisation

ORGANISATION_FIELDS = ("name", "kind", "size_class", "city", "country", "nuts_region", "languages",
                       "description", "capabilities", "website")
CONTACT_FIELDS = ("organisation", "name", "email", "phone", "role", "language", "notes")


def _require(actor, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def organisation_save(*, actor, organisation: Organisation | None, values: dict,
                      sectors=None, partner: Partner | None = None) -> Organisation:
    """Create (organisation=None, kept by `partner`) or change an organisation."""
    creating = organisation is None
    if creating:
        _require(actor, "organisations.add_organisation")
        organisation = Organisation(partner=partner)
    else:
        _require(actor, "organisations.change_organisation", organisation)
    changes = {} if creating else changed_fields(organisation, values)
    with transaction.atomic():
        for name, value in values.items():
            setattr(organisation, name, value)
        organisation.full_clean()
        organisation.save()
        if sectors is not None:
            organisation.sectors.set(sectors)
        audit_log(actor=actor, obj=organisation,
                  action="organisations.organisation." + ("added" if creating else "changed"),
                  data={"changes": changes})
    return organisation


def organisation_delete(*, actor, organisation: Organisation) -> None:
    _require(actor, "organisations.delete_organisation", organisation)
    with transaction.atomic():
        audit_log(actor=actor, action="organisations.organisation.deleted", obj=organisation)
        organisation.delete()


def contact_save(*, actor, contact: Contact | None, values: dict, partner: Partner | None = None,
                 consents: dict[str, bool] | None = None,
                 source: str = Consent.Source.STAFF) -> Contact:
    """Create (contact=None, kept by `partner`) or change a contact and, optionally, its consent."""
    creating = contact is None
    if creating:
        _require(actor, "organisations.add_contact")
        if partner is None or not actor.has_perm("partnerships.change_partner", partner):
            raise PermissionDenied(_("Contacts are kept by a partner you work for."))
        contact = Contact(partner=partner)
    else:
        _require(actor, "organisations.change_contact", contact)
        if contact.is_erased:
            raise ValidationError(_("This contact was erased and cannot be changed."))
    changes = {} if creating else changed_fields(contact, values)
    with transaction.atomic():
        for name, value in values.items():
            setattr(contact, name, value)
        contact.email = contact.email.strip().lower()
        contact.full_clean()
        contact.save()
        audit_log(actor=actor, obj=contact,
                  action="organisations.contact." + ("added" if creating else "changed"),
                  data={"changes": changes})
        for purpose, granted in (consents or {}).items():
            consent_set(contact=contact, purpose=purpose, granted=granted, source=source,
                        actor=actor)
    return contact


def consent_set(*, contact: Contact, purpose: str, granted: bool, source: str, actor=None) -> bool:
    """Record consent for one purpose; returns whether anything changed."""
    if purpose not in Consent.Purpose.values:
        raise ValidationError(_("Unknown purpose: %s") % purpose)
    current = Consent.objects.filter(contact=contact, purpose=purpose).first()
    if current is not None and current.granted == granted:
        return False
    Consent.objects.update_or_create(contact=contact, purpose=purpose,
                                     defaults={"granted": granted, "source": source})
    audit_log(actor=actor, obj=contact,
              action="organisations.consent." + ("granted" if granted else "withdrawn"),
              data={"purpose": purpose, "source": source})
    return True


def contact_unsubscribe(*, contact_id: int, purpose: str) -> Contact | None:
    """Withdraw consent through a signed link; the link was checked by the caller."""
    contact = Contact.objects.filter(pk=contact_id, erased_at__isnull=True).first()
    if contact is None or purpose not in Consent.Purpose.values:
        return None
    with transaction.atomic():
        consent_set(contact=contact, purpose=purpose, granted=False,
                    source=Consent.Source.UNSUBSCRIBE)
    return contact


def contact_personal_data(*, actor, contact: Contact) -> dict:
    """Everything held on the person, as JSON-ready data (ORG-3): the contact record and one
    section per holding that an app registered (organisations.personal_data)."""
    _require(actor, "organisations.view_contact", contact)
    organisation = contact.organisation
    data = {
        "contact": personal_data.record(
            contact, name=contact.name, email=contact.email, phone=contact.phone, position=contact.role,
            language=contact.language, notes=contact.notes, created_at=contact.created_at.isoformat(),
            kept_by_partner=str(contact.partner), erased_at=personal_data.when(contact.erased_at)),
        "organisation": {"id": organisation.pk, "name": organisation.name,
                         "city": organisation.city} if organisation else None,
    }
    for holding in personal_data.holdings():
        data[holding.section] = holding.exporter(contact)
    audit_log(actor=actor, action="organisations.contact.exported", obj=contact)
    return data


def contact_holdings_count(*, actor, contact: Contact) -> dict[str, int]:
    """How many records each holding keeps on the person, shown before an erasure."""
    _require(actor, "organisations.erase_contact", contact)
    return {holding.section: len(holding.exporter(contact)) for holding in personal_data.holdings()}


def contact_erase(*, actor, contact: Contact) -> Contact:
    """Remove what identifies the person; what they said stays, anonymised (ORG-3)."""
    _require(actor, "organisations.erase_contact", contact)
    if contact.is_erased:
        return contact
    with transaction.atomic():
        for purpose in Consent.Purpose.values:
            consent_set(contact=contact, purpose=purpose, granted=False,
                        source=Consent.Source.ERASURE, actor=actor)
        for holding in personal_data.holdings():
            holding.eraser(contact)
        contact.name = _("Erased contact %(id)s") % {"id": contact.pk}
        contact.email = ""
        contact.phone = ""
        contact.role = ""
        contact.notes = ""
        contact.erased_at = timezone.now()
        contact.save()
        audit_scrub(contact, replacement=contact.name)
        audit_log(actor=actor, action="organisations.contact.erased", obj=contact)
        transaction.on_commit(_database_file_compact)
    return contact


def _database_file_compact() -> None:
    """Copy the write-ahead log into the SQLite file and empty it, so that the pages that held
    the person's data before the erasure leave the log too (secure_delete clears the file)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
