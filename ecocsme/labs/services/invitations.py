"""Inviting contacts to a lab, sending the invitations and the reminders (LAB-2), on the
invitation core: the consent rule, the personal links and the outbox keys are its."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.core.i18n import in_language
from ecocsme.core.outbox import mail_queue, outbox_flush
from ecocsme.invitations import services as invitation_core
from ecocsme.invitations.services import (
    InvitationReport,
    invitation_mailed,
    mail_addressing,
    reminder_counted,
)

from ..models import Invitation, Lab, Response
from .labs import require_change

DEFAULT_VALIDITY = timedelta(days=30)


def invitations_create(*, actor, lab: Lab, contacts, expires_at=None) -> InvitationReport:
    """Invite contacts who agreed to be consulted; say why the others were left out (the core
    checks that the actor may run the lab)."""
    return invitation_core.invitations_create(
        actor=actor, model=Invitation, owner=lab, contacts=contacts,
        expires_at=expires_at or lab.closes_at or timezone.now() + DEFAULT_VALIDITY)


def _mail_parts(invitation: Invitation, *, reminder: bool) -> dict:
    lab = invitation.lab
    language = invitation.language
    addressing, headers = mail_addressing(invitation)
    questions = [in_language(q.text, language) for q in lab.questions.order_by("position")]
    context = {
        "name": invitation.contact.name, "partner": str(lab.partner),
        "theme": in_language(lab.theme, language), "questions": questions,
        "answer_url": invitation.answer_url(), "expires_at": invitation.expires_at,
        "reminder": reminder, "reply_by_mail": bool(lab.reply_to),
        "unsubscribe_url": addressing.pop("unsubscribe_url"),
    }
    if lab.reply_to:
        headers["Reply-To"] = lab.reply_to
    if reminder:
        headers["In-Reply-To"] = invitation.message_id
    return {**addressing, "template": "labs/mail/invitation", "context": context, "headers": headers}


def invitations_send(*, actor, lab: Lab) -> int:
    """Queue the invitation mail of every invitation not sent yet; the worker sends them."""
    require_change(actor, lab)
    _require_open(lab)
    queued = 0
    with transaction.atomic():
        for invitation in lab.invitations.filter(mail__isnull=True).select_related("contact", "lab__partner"):
            mail = mail_queue(key=invitation.mail_key("invite"), message_id=invitation.message_id,
                              **_mail_parts(invitation, reminder=False))
            invitation_mailed(invitation, mail, status=Invitation.Status.SENT)
            queued += 1
        audit_log(actor=actor, action="labs.invitations.sent", obj=lab, data={"queued": queued})
        outbox_flush()
    return queued


def _require_open(lab: Lab) -> None:
    """Invitees must find an open consultation behind their link."""
    from django.core.exceptions import ValidationError

    if lab.status == Lab.Status.DRAFT:
        raise ValidationError(_("Open the lab before sending invitations: until then the links "
                                "lead to a closed consultation."))
    if not lab.is_open:
        raise ValidationError(_("The lab is closed: invitations and reminders can no longer be sent."))


def reminders_send(*, actor, lab: Lab) -> int:
    """Remind, once more, those invited who have not answered and whose link still works."""
    require_change(actor, lab)
    _require_open(lab)
    now = timezone.now()
    waiting = (lab.invitations.filter(status=Invitation.Status.SENT, expires_at__gt=now)
               .exclude(response__status=Response.Status.SUBMITTED)
               .select_related("contact", "lab__partner"))
    queued = 0
    with transaction.atomic():
        for invitation in waiting:
            if invitation.contact.is_erased:
                continue
            number = reminder_counted(invitation)
            mail_queue(key=invitation.mail_key("reminder", number), **_mail_parts(invitation, reminder=True))
            queued += 1
        audit_log(actor=actor, action="labs.reminders.sent", obj=lab, data={"queued": queued})
        outbox_flush()
    return queued
