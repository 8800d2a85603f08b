"""Writes of the local learning labs: invitations, reminders (LAB-2)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.core.outbox import mail_queue, outbox_flush
from ecocsme.invitations import services as invitation_core
from ecocsme.invitations.services import (
    InvitationReport,
    invitation_mailed,
    mail_addressing,
    reminder_counted,
)
from ecocsme.invitations.states import AnswerRefused, LinkState

from .models import Answer, Invitation, Lab, Response
from .tasks import embed_later

DEFAULT_VALIDITY = timedelta(days=30)


def require_change(actor, lab: Lab) -> None:
    if not actor.has_perm("labs.change_lab", lab):
        raise PermissionDenied(_("Only the partner's staff and the coordinator may do this."))


def invitations_create(*, actor, lab: Lab, contacts, expires_at=None) -> InvitationReport:
    """Invite contacts who agreed to be consulted; say why the others were left out."""
    require_change(actor, lab)
    return invitation_core.invitations_create(
        actor=actor, model=Invitation, owner=lab, contacts=contacts,
        expires_at=expires_at or lab.closes_at or timezone.now() + DEFAULT_VALIDITY)


def _mail_parts(invitation: Invitation, *, reminder: bool) -> dict:
    lab = invitation.lab
    language = invitation.language
    addressing, headers = mail_addressing(invitation)
    questions = [q.localized_text(language)[0] for q in lab.questions.order_by("position")]
    context = {
        "name": invitation.contact.name, "partner": str(lab.partner),
        "theme": lab.localized_theme(language)[0], "questions": questions,
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


MAX_ANSWER_LENGTH = 20_000


def invitation_state(invitation: Invitation) -> LinkState:
    """Whether the personal link may still change answers: open, expired or closed."""
    if not invitation.lab.is_open:
        return LinkState.CLOSED
    if invitation.expires_at <= timezone.now():
        return LinkState.EXPIRED
    return LinkState.OPEN


def response_save(*, invitation: Invitation, texts: dict[int, str], submit: bool) -> Response:
    """Save a person's answers through their link: a draft, or submitted. Editable while open."""
    from ecocsme.text.detect import detect_language

    state = invitation_state(invitation)
    if state is not LinkState.OPEN:
        raise AnswerRefused(_("This consultation is closed.") if state is LinkState.CLOSED
                            else _("This personal link has expired."), state=state)
    too_long = [position for position, text in texts.items() if len(text) > MAX_ANSWER_LENGTH]
    if too_long:
        raise AnswerRefused(_("An answer may have at most %(n)s characters (question %(q)s).") % {
            "n": MAX_ANSWER_LENGTH, "q": too_long[0]})
    questions = {q.position: q for q in invitation.lab.questions.all()}
    organisation = invitation.contact.organisation
    with transaction.atomic():
        response, _created = Response.objects.select_for_update().get_or_create(
            invitation=invitation, defaults={
                "lab": invitation.lab, "channel": Response.Channel.WEB,
                "respondent_kind": organisation.kind if organisation else "",
                "respondent_city": organisation.city if organisation else ""})
        for position, text in texts.items():
            question = questions.get(position)
            if question is None:
                continue
            text = text.replace("\r\n", "\n").strip()
            if not text:
                response.answers.filter(question=question).delete()
                continue
            Answer.objects.update_or_create(response=response, question=question, defaults={
                "text": text, "language": detect_language(text, default=invitation.language),
                "embedding": None})
        response.language = invitation.language
        embed_later(list(response.answers.filter(embedding__isnull=True).values_list("pk", flat=True)))
        if submit:
            response.status = Response.Status.SUBMITTED
            response.submitted_at = response.submitted_at or timezone.now()
            invitation.status = Invitation.Status.ANSWERED
            invitation.save(update_fields=["status", "updated_at"])
        response.save()
    return response


def lab_save(*, actor, lab: Lab | None, partner, values: dict, questions: dict[str, list[str]]) -> Lab:
    """Create or change a lab and its questions, given per language as ordered lists."""
    from django.core.exceptions import ValidationError

    if lab is None and not actor.has_perm("partnerships.change_partner", partner):
        raise PermissionDenied(_("Labs are run by a partner you work for."))
    if lab is not None:
        require_change(actor, lab)
    lengths = {len(texts) for texts in questions.values() if texts}
    if not lengths:
        raise ValidationError(_("A lab needs at least one question."))
    if len(lengths) > 1:
        raise ValidationError(_("Give the same number of questions in every language."))
    creating = lab is None
    with transaction.atomic():
        lab = lab or Lab(project=partner.project, partner=partner)
        for name, value in values.items():
            setattr(lab, name, value)
        lab.languages = [code for code, texts in questions.items() if texts]
        lab.full_clean()
        lab.save()
        count = lengths.pop()
        for position in range(1, count + 1):
            text = {code: texts[position - 1] for code, texts in questions.items() if texts}
            lab.questions.update_or_create(position=position, defaults={"text": text})
        lab.questions.filter(position__gt=count).delete()
        audit_log(actor=actor, obj=lab, action="labs.lab." + ("added" if creating else "changed"))
    return lab


def lab_set_status(*, actor, lab: Lab, status: str) -> Lab:
    require_change(actor, lab)
    if status not in Lab.Status.values:
        raise ValueError(status)
    lab.status = status
    if status == Lab.Status.OPEN and lab.opens_at is None:
        lab.opens_at = timezone.now()
    if status == Lab.Status.CLOSED:
        lab.closes_at = min(lab.closes_at or timezone.now(), timezone.now())
    lab.save(update_fields=["status", "opens_at", "closes_at", "updated_at"])
    audit_log(actor=actor, obj=lab, action=f"labs.lab.{status}")
    return lab
