"""Writes shared by every kind of personal invitation: creating them under the consent rule,
recording that the first mail went out, counting reminders, sending a failed mail again and
revoking links. Each app keeps what is its own: what the mail says and when it is due."""

import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ecocsme.core.audit import audit_log
from ecocsme.core.links import new_nonce
from ecocsme.core.models import OutgoingMail
from ecocsme.core.outbox import mail_retry
from ecocsme.organisations.models import Contact
from ecocsme.organisations.selectors import consenting_ids, why_not_invitable
from ecocsme.organisations.tokens import unsubscribe_headers

from .models import PersonalInvitation


@dataclass
class InvitationReport:
    created: list[PersonalInvitation] = field(default_factory=list)
    skipped: list[tuple[Contact, str]] = field(default_factory=list)


def require_change(actor, model: type[PersonalInvitation], owner) -> None:
    if not actor.has_perm(model.change_permission, owner):
        raise PermissionDenied(model.refusal)


def invitations_create(*, actor, model: type[PersonalInvitation], owner, contacts,
                       **fields) -> InvitationReport:
    """Invite the contacts that the owner's partner keeps and that agreed to the model's purpose,
    once each; say why the others were left out. `fields` go on every new invitation."""
    require_change(actor, model, owner)
    report = InvitationReport()
    invited = set(model.objects.filter(**{model.owner_field: owner}).values_list("contact_id", flat=True))
    consenting = consenting_ids(contacts, model.consent_purpose)
    with transaction.atomic():
        for contact in contacts:
            reason = why_not_invitable(actor, contact, purpose=model.consent_purpose, invited=invited,
                                       consenting=consenting, keeper_id=model.keeper_id(owner))
            if reason:
                report.skipped.append((contact, reason))
                continue
            report.created.append(model.objects.create(
                **{model.owner_field: owner}, contact=contact, language=contact.language,
                nonce=new_nonce(), message_id=message_id_for(model, owner, contact), **fields))
            invited.add(contact.pk)
        audit_log(actor=actor, action=f"{model._meta.app_label}.invitations.created", obj=owner,
                  data={"created": len(report.created), "skipped": len(report.skipped)})
    return report


def message_id_for(model: type[PersonalInvitation], owner, contact: Contact) -> str:
    """The Message-ID of the invitation mail; replies and reminders refer to it."""
    return (f"<{model.owner_field}{owner.pk}.inv{contact.pk}.{secrets.token_hex(6)}"
            f"@{settings.ECOCSME_MAIL_DOMAIN}>")


def mail_addressing(invitation: PersonalInvitation) -> tuple[dict, dict[str, str]]:
    """What every mail about an invitation carries: the recipient, their language and the
    unsubscribe link of the invitation's purpose (as context and as List-Unsubscribe headers)."""
    unsubscribe, headers = unsubscribe_headers(invitation.contact_id, invitation.consent_purpose,
                                               invitation.language)
    return {"to": invitation.contact.email, "contact_id": invitation.contact_id,
            "language": invitation.language, "unsubscribe_url": unsubscribe}, headers


def invitation_mailed(invitation: PersonalInvitation, mail: OutgoingMail, **fields) -> None:
    """Record that the invitation mail is queued (the worker sends it)."""
    invitation.mail, invitation.sent_at = mail, timezone.now()
    for name, value in fields.items():
        setattr(invitation, name, value)
    invitation.save(update_fields=["mail", "sent_at", *fields, "updated_at"])


def reminder_counted(invitation: PersonalInvitation) -> int:
    """Count one more reminder and return its number: it goes in the reminder's outbox key, so
    each numbered reminder is sent once, however often the sending is repeated or retried."""
    invitation.reminders_sent += 1
    type(invitation).objects.filter(pk=invitation.pk).update(reminders_sent=invitation.reminders_sent,
                                                             updated_at=timezone.now())
    return invitation.reminders_sent


def invitation_retry(*, actor, invitation: PersonalInvitation) -> bool:
    """Send a failed or uncertain invitation mail again (a person decided to); False when there
    was nothing to send again."""
    require_change(actor, type(invitation), invitation.owner)
    with transaction.atomic():
        if invitation.mail is None or not mail_retry(invitation.mail):
            return False
        audit_log(actor=actor, action=f"{invitation._meta.app_label}.invitation.retried",
                  obj=invitation.owner, data={"invitation": invitation.pk})
    return True


def links_revoke(invitations, **blanks) -> None:
    """Draw new nonces, so that the personal links stop working; `blanks` empties fields too
    (a person's erasure)."""
    for invitation in invitations:
        invitation.nonce = new_nonce()
        for name, value in blanks.items():
            setattr(invitation, name, value)
        invitation.save(update_fields=["nonce", *blanks, "updated_at"])
