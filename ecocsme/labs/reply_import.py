"""Importing e-mail replies into a lab (LAB-3): match each to its invitation, find the answers,
count clear ones at once and keep the rest for a person to review."""

import mailbox
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.core.language import detect_language

from .access import invitation_for_token
from .models import Answer, EmailReply, Invitation, Lab, Response
from .replies import AUTO_REPLY, BOUNCE, DIFFERENT_LANGUAGE, MALFORMED, UNMAPPED, parse_reply
from .services import require_change
from .tasks import embed_later

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
NEEDS_A_PERSON = {UNMAPPED, MALFORMED, DIFFERENT_LANGUAGE, "already_answered", "not_matched"}


@dataclass
class ImportReport:
    counted: int = 0
    to_review: int = 0
    ignored: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)


def messages_in(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """The messages of an uploaded .eml or .mbox file."""
    if not data.startswith(b"From ") and not name.lower().endswith(".mbox"):
        return [(name, data)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.mbox"
        path.write_bytes(data)
        box = mailbox.mbox(str(path), create=False)
        return [(f"{name}#{i}", box.get_bytes(key)) for i, key in enumerate(box.iterkeys(), start=1)]


def replies_import(*, actor, lab: Lab, files: list[tuple[str, bytes]]) -> ImportReport:
    require_change(actor, lab)
    report = ImportReport()
    if sum(len(data) for _name, data in files) > MAX_UPLOAD_BYTES:
        report.errors.append(_("The files are larger than 50 MB together; upload them in parts."))
        return report
    invitations = list(lab.invitations.select_related("contact", "response"))
    questions = _questions(lab)
    for name, data in files:
        try:
            messages = messages_in(name, data)
        except (OSError, mailbox.Error, ValueError) as exc:
            report.errors.append(_("%(file)s cannot be read: %(error)s") % {"file": name, "error": exc})
            continue
        for message_name, raw in messages:
            _import_one(actor, lab, questions, invitations, message_name, raw, report)
    audit_log(actor=actor, action="labs.replies.imported", obj=lab, data={
        "counted": report.counted, "to_review": report.to_review, "ignored": report.ignored})
    return report


def _questions(lab: Lab) -> dict[str, dict[str, str]]:
    """The questions in each language the parser may need ({language: {"1": text}}), read once."""
    questions = list(lab.questions.order_by("position"))
    return {code: {str(q.position): q.localized_text(code)[0] for q in questions}
            for code, _name in settings.LANGUAGES}


def _match(invitations: list[Invitation], parsed, raw: bytes) -> tuple[Invitation | None, str]:
    by_message_id = {i.message_id: i for i in invitations}
    for message_id in parsed.in_reply_to:
        if message_id in by_message_id:
            return by_message_id[message_id], EmailReply.Match.HEADERS
    if BOUNCE in parsed.flags:  # the returned message carries the original Message-ID
        text = raw.decode("utf-8", errors="replace")
        for message_id, invitation in by_message_id.items():
            if message_id in text:
                return invitation, EmailReply.Match.HEADERS
    ids = {i.pk for i in invitations}
    for token in parsed.tokens:
        invitation = invitation_for_token(token)
        if invitation is not None and invitation.pk in ids:
            return next(i for i in invitations if i.pk == invitation.pk), EmailReply.Match.LINK
    by_address = [i for i in invitations if i.contact.email and i.contact.email.lower() == parsed.sender]
    if len(by_address) == 1:
        return by_address[0], EmailReply.Match.ADDRESS
    return None, EmailReply.Match.NONE


def _parse_best(lab: Lab, questions: dict, raw: bytes, language: str | None, known: dict):
    """Parse with the questions in the invitee's language, or in whichever lab language finds
    most; `known` holds parses already made, by language."""
    languages = [language] if language else (lab.languages or ["en"])
    results = [known.get(code) or parse_reply(raw, questions[code]) for code in languages]
    return max(results, key=lambda parsed: len(parsed.answers))


def _import_one(actor, lab, questions, invitations, name, raw, report) -> None:
    first_language = (lab.languages or ["en"])[0]
    first = parse_reply(raw, questions[first_language])
    invitation, match = _match(invitations, first, raw)
    parsed = _parse_best(lab, questions, raw, invitation.language if invitation else None,
                         {first_language: first})
    flags = list(parsed.flags)
    if invitation is None:
        flags.append("not_matched")
    elif getattr(invitation, "response", None) is not None and \
            invitation.response.status == Response.Status.SUBMITTED:
        flags.append("already_answered")
    status = EmailReply.Status.TO_REVIEW
    if not parsed.is_answer or AUTO_REPLY in flags:
        status = EmailReply.Status.IGNORED
    elif parsed.answers and not NEEDS_A_PERSON & set(flags):
        status = EmailReply.Status.COUNTED
    try:
        with transaction.atomic():
            reply = EmailReply.objects.create(
                lab=lab, invitation=invitation, match=match, sender=parsed.sender,
                subject=parsed.subject[:300], message_id=parsed.message_id[:255], raw=raw,
                answers=parsed.answers, flags=flags, is_answer=parsed.is_answer, status=status)
            if BOUNCE in flags and invitation is not None:
                invitation.status = Invitation.Status.BOUNCED
                invitation.last_error = parsed.subject[:300]
                invitation.save(update_fields=["status", "last_error", "updated_at"])
            if status == EmailReply.Status.COUNTED:
                reply_count(reply=reply, answers=parsed.answers)
    except IntegrityError:
        report.duplicates += 1
        return
    setattr(report, status, getattr(report, status) + 1)  # the statuses name the report's counters


def reply_count(*, reply: EmailReply, answers: dict[str, str], actor=None) -> Response:
    """Make a reply's answers count: they become the invitee's response, sent by e-mail."""
    if reply.invitation is None:
        raise ValueError("a reply counts only once it belongs to an invitation")
    invitation = reply.invitation
    organisation = invitation.contact.organisation
    questions = {str(q.position): q for q in reply.lab.questions.all()}
    with transaction.atomic():
        response, _created = Response.objects.get_or_create(invitation=invitation, defaults={
            "lab": reply.lab, "channel": Response.Channel.EMAIL,
            "respondent_kind": organisation.kind if organisation else "",
            "respondent_city": organisation.city if organisation else ""})
        for number, text in answers.items():
            if number in questions and text.strip():
                Answer.objects.update_or_create(response=response, question=questions[number], defaults={
                    "text": text.strip(), "language": detect_language(text, default=invitation.language),
                    "embedding": None})
        response.status = Response.Status.SUBMITTED
        response.submitted_at = response.submitted_at or timezone.now()
        response.language = invitation.language
        response.save()
        invitation.status = Invitation.Status.ANSWERED
        invitation.save(update_fields=["status", "updated_at"])
        embed_later(list(response.answers.filter(embedding__isnull=True).values_list("pk", flat=True)))
        reply.status = EmailReply.Status.COUNTED
        reply.response = response
        reply.answers = answers
        reply.save(update_fields=["status", "response", "answers", "updated_at"])
        if actor is not None:
            audit_log(actor=actor, action="labs.reply.counted", obj=reply.lab,
                      data={"reply": reply.pk})
    return response


def reply_review(*, actor, reply: EmailReply, invitation: Invitation | None, answers: dict[str, str]
                 ) -> Response:
    """A person confirms a reply: who it is from and what it answers."""
    from django.core.exceptions import ValidationError

    require_change(actor, reply.lab)
    if invitation is None:
        raise ValidationError(_("Choose the invitation this reply answers."))
    if not answers:
        raise ValidationError(_("Give at least one answer, or ignore the reply."))
    reply.invitation = invitation
    reply.save(update_fields=["invitation", "updated_at"])
    return reply_count(reply=reply, answers=answers, actor=actor)


def reply_ignore(*, actor, reply: EmailReply) -> None:
    require_change(actor, reply.lab)
    reply.status = EmailReply.Status.IGNORED
    reply.save(update_fields=["status", "updated_at"])
    audit_log(actor=actor, action="labs.reply.ignored", obj=reply.lab, data={"reply": reply.pk})
