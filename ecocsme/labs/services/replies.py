"""Importing e-mail replies into a lab (LAB-3): match each to its invitation, find the answers,
count clear ones at once and keep the rest for a person to review.

An upload is imported whole or not at all: every message is read and matched first, then all
are saved in one transaction. A large upload is kept in a ReplyImport and read by the
background worker (`reply_import_execute`), which empties the kept bytes once it is over.
"""

import json
import logging
import mailbox
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.invitations.access import invitation_among
from ecocsme.text.detect import detect_language
from ecocsme.text.mail import (
    AUTO_REPLY,
    BOUNCE,
    DIFFERENT_LANGUAGE,
    IN_ORIGINAL,
    MALFORMED,
    TRUNCATED,
    UNMAPPED,
    ParsedReply,
    parse_reply,
)
from ecocsme.text.mail.similarity import normalise

from ..models import Answer, EmailReply, Invitation, Lab, ReplyImport, Response, reply_digest
from ..tasks import embed_later, import_replies
from .labs import require_change

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
BACKGROUND_BYTES = 1024 * 1024  # uploads larger than this, together, are read by the worker
BACKGROUND_MESSAGES = 20  # and so are uploads of more messages
STALE_AFTER = timedelta(minutes=30)  # an import with no progress for this long was interrupted
MAX_LINKS = 20  # personal links looked at in one reply
ADDRESS_ONLY = "matched_by_address_only"  # a From address is easy to forge
FORWARDED_HEADER = "matched_by_forwarded_header"  # only a forwarded header names the invitee
NEEDS_A_PERSON = {UNMAPPED, MALFORMED, DIFFERENT_LANGUAGE, TRUNCATED, ADDRESS_ONLY, FORWARDED_HEADER,
                  IN_ORIGINAL, "already_answered",
                  "not_matched"}
MESSAGE_ID_RE = re.compile(rb"<[^<>\s]+>")
ANSWER_LINK_RE = re.compile(r"/labs/answer/([A-Za-z0-9_\-:.]{16,200})/?")  # the personal link (urls.py)


def _unexpected_error() -> str:
    return _("The replies could not be imported because of an unexpected error; nothing was saved. "
             "Tell the platform's administrators if it happens again.")


@dataclass
class ImportReport:
    counted: int = 0
    to_review: int = 0
    ignored: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    queued: ReplyImport | None = None  # a large upload left to the worker


def messages_in(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """The messages of an uploaded .eml or .mbox file."""
    if not data.startswith(b"From ") and not name.lower().endswith(".mbox"):
        return [(name, data)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.mbox"
        path.write_bytes(data)
        box = mailbox.mbox(str(path), create=False)
        return [(f"{name}#{i}", box.get_bytes(key)) for i, key in enumerate(box.iterkeys(), start=1)]


# --- an upload now, or in the background ------------------------------------------------------------
def replies_upload(*, actor, lab: Lab, files: list[tuple[str, bytes]]) -> ImportReport:
    """Import an upload at once, or queue it for the worker when it is large."""
    if runs_in_background(files):
        return ImportReport(queued=replies_import_queue(actor=actor, lab=lab, files=files))
    return replies_import(actor=actor, lab=lab, files=files)


def runs_in_background(files: list[tuple[str, bytes]]) -> bool:
    size = sum(len(data) for _name, data in files)
    if size > MAX_UPLOAD_BYTES:
        return False  # refused at once
    if size > BACKGROUND_BYTES:
        return True
    try:
        return sum(len(messages_in(name, data)) for name, data in files) > BACKGROUND_MESSAGES
    except (OSError, mailbox.Error, ValueError):
        return False  # the import says what cannot be read


def replies_import_queue(*, actor, lab: Lab, files: list[tuple[str, bytes]]) -> ReplyImport:
    require_change(actor, lab)
    with transaction.atomic():
        job = ReplyImport.objects.create(
            lab=lab, requested_by=actor, language=translation.get_language() or "",
            upload=files_pack(files), size=sum(len(data) for _name, data in files))
        audit_log(actor=actor, action="labs.replies.queued", obj=lab, data={"import": job.pk})
        transaction.on_commit(lambda: import_replies.enqueue(job.pk))
    return job


def files_pack(files: list[tuple[str, bytes]]) -> bytes:
    """Files as one value: a JSON line of names and sizes, then their bytes one after another."""
    index = json.dumps([[name, len(data)] for name, data in files]).encode()
    return index + b"\n" + b"".join(data for _name, data in files)


def files_unpack(packed: bytes) -> list[tuple[str, bytes]]:
    index, _newline, data = packed.partition(b"\n")
    files, start = [], 0
    for name, size in json.loads(index):
        files.append((name, data[start:start + size]))
        start += size
    return files


def reply_import_execute(import_id: int) -> None:
    """Run a queued import; the uploaded bytes are emptied whatever happens."""
    claimed = ReplyImport.objects.filter(pk=import_id, status=ReplyImport.Status.QUEUED).update(
        status=ReplyImport.Status.RUNNING, progress=1, updated_at=timezone.now())
    if not claimed:
        return  # already run, or given up
    job = ReplyImport.objects.select_related("lab", "requested_by").get(pk=import_id)
    with translation.override(job.language or settings.LANGUAGE_CODE):
        report = _run(job)
    ReplyImport.objects.filter(pk=job.pk).update(
        status=ReplyImport.Status.FAILED if report.errors else ReplyImport.Status.DONE,
        progress=100, upload=b"", counted=report.counted, to_review=report.to_review,
        ignored=report.ignored, duplicates=report.duplicates, error="\n".join(report.errors)[:2000],
        finished_at=timezone.now(), updated_at=timezone.now())


def _run(job: ReplyImport) -> ImportReport:
    try:
        return replies_import(actor=job.requested_by, lab=job.lab, files=files_unpack(bytes(job.upload)),
                              progress=_progress_of(job))
    except PermissionDenied as exc:  # the rights were withdrawn meanwhile
        return ImportReport(errors=[str(exc)])
    except Exception:  # replies_import saves nothing when it fails
        logger.exception("reply import %s failed", job.pk)
        return ImportReport(errors=[_unexpected_error()])


def _progress_of(job: ReplyImport) -> Callable[[int, int], None]:
    shown = job.progress

    def progress(done: int, total: int) -> None:
        nonlocal shown
        percent = 1 + 97 * done // max(total, 1)
        if percent != shown:
            shown = percent
            ReplyImport.objects.filter(pk=job.pk).update(progress=percent, updated_at=timezone.now())

    return progress


def stale_imports_fail(lab: Lab) -> None:
    """Give up imports that stopped (the worker was restarted) and empty their bytes."""
    stale = lab.reply_imports.filter(status__in=[ReplyImport.Status.QUEUED, ReplyImport.Status.RUNNING],
                                     updated_at__lt=timezone.now() - STALE_AFTER)
    if stale.exists():  # a read, not a write, on every look at the page
        stale.update(status=ReplyImport.Status.FAILED, upload=b"", error=_("The import was interrupted."),
                     finished_at=timezone.now(), updated_at=timezone.now())


# --- the import ------------------------------------------------------------------------------------
def replies_import(*, actor, lab: Lab, files: list[tuple[str, bytes]],
                   progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Read every message of the files, then save them all in one transaction, or nothing."""
    require_change(actor, lab)
    report = ImportReport()
    if sum(len(data) for _name, data in files) > MAX_UPLOAD_BYTES:
        report.errors.append(_("The files are larger than 50 MB together; upload them in parts."))
        return report
    messages = []
    for name, data in files:
        try:
            messages += messages_in(name, data)
        except (OSError, mailbox.Error, ValueError) as exc:
            report.errors.append(_("%(file)s cannot be read: %(error)s. Nothing was imported.")
                                 % {"file": name, "error": exc})
            return report
    try:
        read = _read_all(lab, messages, progress)
        with transaction.atomic():
            for reply in read:
                _save(reply, report)
            audit_log(actor=actor, action="labs.replies.imported", obj=lab, data={
                "counted": report.counted, "to_review": report.to_review, "ignored": report.ignored})
    except Exception:  # whatever it was, the transaction saved nothing
        logger.exception("import of replies into lab %s failed", lab.pk)
        return ImportReport(errors=[_unexpected_error()])
    return report


def replies_receive(*, lab: Lab, messages: list[tuple[str, bytes]], source: str) -> ImportReport:
    """Import messages read from the lab's mailbox, as an upload is but without a user: all of
    them or nothing; a message imported before (Message-ID or digest) counts as a duplicate."""
    report = ImportReport()
    try:
        read = _read_all(lab, messages, None)
        with transaction.atomic():
            for reply in read:
                _save(reply, report)
            audit_log(actor=None, action="labs.replies.received", obj=lab, data={
                "source": source, "counted": report.counted, "to_review": report.to_review,
                "ignored": report.ignored, "duplicates": report.duplicates})
    except Exception:  # whatever it was, the transaction saved nothing
        logger.exception("replies from %s into lab %s failed", source, lab.pk)
        return ImportReport(errors=[_unexpected_error()])
    return report


def _read_all(lab: Lab, messages: list[tuple[str, bytes]], progress) -> list[EmailReply]:
    invitations = list(lab.invitations.select_related("contact", "response"))
    questions = _questions(lab)
    read = []
    for done, (_name, raw) in enumerate(messages, start=1):
        read.append(_read_one(lab, questions, invitations, raw))
        if progress is not None:
            progress(done, len(messages))
    return read


def _questions(lab: Lab) -> dict[str, dict[str, str]]:
    """The questions in each language the parser may need ({language: {"1": text}}), read once."""
    questions = list(lab.questions.order_by("position"))
    return {code: {str(q.position): q.localized_text(code)[0] for q in questions}
            for code, _name in settings.LANGUAGES}


def _match(invitations: list[Invitation], parsed: ParsedReply, raw: bytes) -> tuple[Invitation | None, str]:
    by_message_id = {i.message_id: i for i in invitations}
    for message_id in parsed.in_reply_to:
        if message_id in by_message_id:
            return by_message_id[message_id], EmailReply.Match.HEADERS
    if BOUNCE in parsed.flags:  # the returned message carries the original Message-ID
        quoted = {found.decode("utf-8", errors="replace") for found in MESSAGE_ID_RE.findall(raw)}
        for message_id, invitation in by_message_id.items():
            if message_id in quoted:
                return invitation, EmailReply.Match.HEADERS
    invitation = invitation_among(invitations, parsed.tokens[:MAX_LINKS])
    if invitation is not None:
        return invitation, EmailReply.Match.LINK
    for address in [parsed.sender, *parsed.forwarded_from]:  # a colleague's forward names the invitee
        by_address = [i for i in invitations if i.contact.email and i.contact.email.lower() == address]
        if len(by_address) == 1:
            return by_address[0], EmailReply.Match.ADDRESS
        if by_address:
            break  # an address of several invitees: a person chooses, no deeper guess
    return None, EmailReply.Match.NONE


def _parse_best(lab: Lab, questions: dict, raw: bytes, language: str | None, known: dict):
    """Parse with the questions in the invitee's language, or in whichever lab language finds
    most; `known` holds parses already made, by language."""
    languages = [language] if language else (lab.languages or ["en"])
    results = [known.get(code) or parse_reply(raw, questions[code], link_pattern=ANSWER_LINK_RE)
               for code in languages]
    return max(results, key=lambda parsed: len(parsed.answers))


def _read_one(lab: Lab, questions: dict, invitations: list[Invitation], raw: bytes) -> EmailReply:
    first_language = (lab.languages or ["en"])[0]
    first = parse_reply(raw, questions[first_language], link_pattern=ANSWER_LINK_RE)
    invitation, match = _match(invitations, first, raw)
    parsed = _parse_best(lab, questions, raw, invitation.language if invitation else None,
                         {first_language: first})
    flags = list(parsed.flags)
    if invitation is None:
        flags.append("not_matched")
    elif match == EmailReply.Match.ADDRESS:
        named_by_sender = invitation.contact.email.lower() == parsed.sender
        flags.append(ADDRESS_ONLY if named_by_sender else FORWARDED_HEADER)
    return EmailReply(
        lab=lab, invitation=invitation, match=match, sender=_address(parsed.sender),
        subject=_text(parsed.subject, 300), message_id=_text(parsed.message_id, 255), raw=raw,
        digest=reply_digest(raw),
        answers={number: _text(text) for number, text in parsed.answers.items()}, flags=flags,
        is_answer=parsed.is_answer)


def _text(value: str, length: int | None = None) -> str:
    """A text the database takes: no NUL, no lone surrogate, no longer than its column."""
    value = value.replace("\x00", "").encode("utf-8", errors="replace").decode("utf-8")
    return value[:length] if length else value


def _address(value: str) -> str:
    """The sender's address if it is one the sender column takes, else "" (the raw message
    keeps whatever it was)."""
    value = _text(value)
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value if len(value) <= EmailReply._meta.get_field("sender").max_length else ""


def _adds_to(response: Response, answers: dict[str, str]) -> str:
    """How a reply relates to the response its invitee already gave: it answers questions left
    open, and any other only with the same words ("completes_answer": counted, the answers
    merged); or it answers a question again differently, or adds nothing ("already_answered":
    a person decides what stands)."""
    given = {str(position): text for position, text in
             response.answers.values_list("question__position", "text")}
    differs = any(number in given and normalise(given[number]) != normalise(text)
                  for number, text in answers.items())
    adds = any(number not in given for number in answers)
    return "completes_answer" if adds and not differs else "already_answered"


def _status(reply: EmailReply) -> str:
    if not reply.is_answer or AUTO_REPLY in reply.flags:
        return EmailReply.Status.IGNORED
    if reply.answers and not NEEDS_A_PERSON & set(reply.flags):
        return EmailReply.Status.COUNTED
    return EmailReply.Status.TO_REVIEW


def _save(reply: EmailReply, report: ImportReport) -> None:
    """Save a reply read before; whether its invitation was answered is looked at now, as an
    earlier reply of the same upload may have answered it."""
    response = None
    if reply.invitation is not None:  # read again, locked: an earlier reply or the web may have answered
        response = Response.objects.select_for_update().filter(invitation=reply.invitation).first()
    if response is not None and response.status == Response.Status.SUBMITTED:
        reply.flags.append(_adds_to(response, reply.answers))
    reply.status = _status(reply)
    try:
        with transaction.atomic():  # a savepoint: a reply imported before is only counted
            reply.save()
    except IntegrityError:
        report.duplicates += 1
        return
    invitation = reply.invitation
    if BOUNCE in reply.flags and invitation is not None:
        invitation.status = Invitation.Status.BOUNCED
        invitation.last_error = reply.subject
        invitation.save(update_fields=["status", "last_error", "updated_at"])
    if reply.status == EmailReply.Status.COUNTED:
        reply_count(reply=reply, answers=reply.answers)
    setattr(report, reply.status, getattr(report, reply.status) + 1)  # statuses name the counters


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
