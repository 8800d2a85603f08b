"""What organisations and the shared core keep on a person: the contact record and its consent,
the mail addressed to them, the audit entries about the record, and contact files uploaded for
import that mention them. Registered in OrganisationsConfig.ready().

A user account is never part of a contact's data, even at the same address (an address alone
does not prove the same person): its owner downloads and deletes it on "My account", the
administrator through the administration site (accounts.personal_data). The organisations an
account represents are registered there (`represented_export`, `representatives_leave`)."""

import io
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from ecocsme.accounts import personal_data as account_data
from ecocsme.core.models import AuditEntry, OutgoingMail

from . import personal_data
from .models import Contact
from .personal_data import record, when


def register_all() -> None:
    personal_data.register("consents", models=("organisations.Contact", "organisations.Consent"),
                           exporter=consents_export, eraser=lambda contact: None)
    personal_data.register("mail", models=("core.OutgoingMail",), exporter=mail_export, eraser=mail_erase)
    personal_data.register("audit", models=("core.AuditEntry",), exporter=audit_export,
                           eraser=audit_erase)
    personal_data.register("import_files", models=(), exporter=import_files_export,
                           eraser=import_files_erase)
    personal_data.exempt("accounts.User",
                         "an account is its owner's, not a contact's: its owner downloads and deletes "
                         "it on My account, the administrator through the administration site "
                         "(accounts.personal_data), never a partner through a contact at the same address")
    account_data.register("organisations", exporter=represented_export, leaving=representatives_leave)
    personal_data.exempt("organisations.Organisation",
                         "profile_vector is the sentence vector of an organisation's own profile; "
                         "an organisation's page names no person")
    personal_data.exempt("events.Event", "contact_email is the organiser's public address")
    personal_data.exempt("labs.Lab", "reply_to is the partner's mailbox for replies")


def consents_export(contact: Contact) -> list[dict]:
    return [record(c, purpose=c.purpose, granted=c.granted, source=c.source, updated_at=when(c.updated_at))
            for c in contact.consents.order_by("purpose")]


# --- mail addressed to the contact (apps cover older mail without a contact, by outbox key) -------
def mail_export(contact: Contact) -> list[dict]:
    return [mail_record(mail) for mail in OutgoingMail.objects.filter(contact_id=contact.pk)
            .exclude(to="").order_by("queued_at", "id")]


def mail_erase(contact: Contact) -> None:
    mails_blank(OutgoingMail.objects.filter(contact_id=contact.pk))


def mail_record(mail: OutgoingMail) -> dict:
    return record(mail, to=mail.to, subject=mail.subject, text=mail.text, status=mail.status,
                  queued_at=when(mail.queued_at), sent_at=when(mail.sent_at), last_error=mail.last_error)


def mails_blank(mails) -> int:
    """Keep that a mail went (its key, so it is never sent again, and its status); drop what it said
    and to whom."""
    return mails.update(to="", subject="", text="", html="", raw=b"", headers={}, last_error="")


# --- audit log -------------------------------------------------------------------------------------
def audit_of(model, pks) -> QuerySet[AuditEntry]:
    """The entries about some records of a model (their text repeats the person's name)."""
    return AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(model),
                                     object_id__in=[str(pk) for pk in pks])


def audit_records(entries) -> list[dict]:
    return [record(e, at=when(e.at), action=e.action, object=e.object_repr, details=e.data)
            for e in entries.order_by("at", "id")]


def audit_blank(entries, replacement: str) -> int:
    return AuditEntry.objects.filter(pk__in=list(entries.values_list("pk", flat=True))).update(
        object_repr=replacement, data={})


def audit_export(contact: Contact) -> list[dict]:
    return audit_records(audit_of(Contact, [contact.pk]))


def audit_erase(contact: Contact) -> None:
    audit_blank(audit_of(Contact, [contact.pk]), f"contact {contact.pk} (erased)")


# --- contact files kept between the check and the confirmation of an import -----------------------
def _import_folders() -> list[Path]:
    return [Path(settings.VAR_DIR) / "imports", Path(settings.VAR_DIR) / "imports-claimed"]


def _file_mentions(path: Path, needle: bytes) -> bool:
    data = path.read_bytes()
    if zipfile.is_zipfile(io.BytesIO(data)):  # a workbook: its text is in the zipped XML
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = b"".join(archive.read(name) for name in archive.namelist() if name.endswith(".xml"))
    return needle in data.lower()


def import_files_of(contact: Contact) -> list[Path]:
    """Files waiting for a confirmation, or being imported, that mention the person's address."""
    if not contact.email:
        return []
    needle = contact.email.lower().encode()
    return [path for folder in _import_folders() if folder.is_dir() for path in sorted(folder.iterdir())
            if path.is_file() and path.stat().st_size and _file_mentions(path, needle)]


def import_files_export(contact: Contact) -> list[dict]:
    return [{"model": "file", "id": path.name,
             "kind": "contact file uploaded for import, awaiting confirmation"}
            for path in import_files_of(contact)]


def import_files_erase(contact: Contact) -> None:
    for path in import_files_of(contact):
        path.unlink(missing_ok=True)


# --- what an account (its owner's data, accounts.personal_data) holds here -------------------------
def stakeholder_accounts_of(contact: Contact):
    """No account, ever: an account is not part of a contact's data, even at the same address (an
    address alone does not prove the same person, and a partner's staff must not read or remove
    another person's account). Kept, empty, for holdings that still ask; what an app keeps on an
    account belongs in accounts.personal_data."""
    from ecocsme.accounts.models import User

    return User.objects.none()


def mails_to_account(user, prefixes) -> QuerySet[OutgoingMail]:
    """The mail sent to the account's address under one of the outbox key `prefixes`."""
    from django.db.models import Q

    if not user.email:
        return OutgoingMail.objects.none()
    keys = Q()
    for prefix in prefixes:
        keys |= Q(key__startswith=prefix)
    return OutgoingMail.objects.filter(keys, to__iexact=user.email)


def represented_export(user) -> list[dict]:
    """The organisations the account represents."""
    from .models import Representative

    return [record(link, organisation=link.organisation.name, organisation_id=link.organisation_id,
                   since=when(link.created_at), suggestions_stopped_at=when(link.suggestions_stopped_at))
            for link in Representative.objects.filter(user=user).select_related("organisation")
            .order_by("pk")]


def representatives_leave(user, actor) -> None:
    """Before the account goes: its organisations stay, as profiles without it; each is audited
    and its keeping partner told (organisations.services.representative_leave)."""
    from .services import representative_leave

    representative_leave(user=user, actor=actor)
