"""Mail that goes out exactly once (LAB-2, EVT-2).

`mail_queue` renders a mail in the recipient's language and stores it under a key that says
what it is for; queuing the same key twice queues one mail. `outbox_wake` makes sure, once
the current transaction commits, that one `drain_outbox` task is waiting for the worker; the
task sends what is queued in batches over one connection, claiming each mail in its own
committed step before sending it, and goes on until the queue is empty. So the work per
mail stays the same however long the queue is. A worker killed and restarted never sends a
mail twice; the one it was sending at the moment it died is marked uncertain by
`outbox_recover` for a person to check.

With Django's SMTP backend the stored bytes go out unchanged; any other backend (file,
console, locmem, a provider's API) receives the stored message through `send_messages`.
"""

import email
import email.policy
import smtplib
import time
import uuid
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .mail import build_message, render_mail
from .models import OutgoingMail

BATCH_SIZE = 200
DRAIN_BATCHES = 5  # then the drain task makes way for other tasks and queues itself again


def _message_id(key: str) -> str:
    import hashlib
    import secrets

    domain = getattr(settings, "ECOCSME_MAIL_DOMAIN", "ecocsme.local")
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return f"<{digest}.{secrets.token_hex(6)}@{domain}>"


def mail_queue(*, key: str, to: str, template: str, context: dict, language: str,
               headers: dict[str, str] | None = None, message_id: str | None = None,
               attachments: list[tuple[str, bytes, str]] | None = None,
               contact_id: int | None = None) -> OutgoingMail:
    """Render and store one mail, with its attachments as (file name, content, MIME type);
    the same key never makes a second one."""
    existing = OutgoingMail.objects.filter(key=key).first()
    if existing is not None:
        return existing
    return mail_store(mail_prepare(key=key, to=to, template=template, context=context,
                                   language=language, headers=headers, message_id=message_id,
                                   attachments=attachments, contact_id=contact_id))


def mail_prepare(*, key: str, to: str, template: str, context: dict, language: str,
                 headers: dict[str, str] | None = None, message_id: str | None = None,
                 attachments: list[tuple[str, bytes, str]] | None = None,
                 contact_id: int | None = None) -> OutgoingMail:
    """The rendered mail, not stored yet (e.g. rendered before taking a lock)."""
    rendered = render_mail(template, context, language)
    message_id = message_id or _message_id(key)
    message = build_message(to=[to], mail=rendered, language=language,
                            headers={"Message-ID": message_id, **(headers or {})})
    for name, content, mimetype in attachments or []:
        message.attach(_attachment(name, content, mimetype))
    return OutgoingMail(key=key, to=to, contact_id=contact_id, subject=rendered.subject, text=rendered.text,
                        html=rendered.html, headers=headers or {}, language=language,
                        message_id=message_id, raw=message.message().as_bytes(linesep="\r\n"))


def mail_store(mail: OutgoingMail) -> OutgoingMail:
    """Store a prepared mail, unless one with its key exists: then that one is returned."""
    # One statement whatever happens concurrently: a second request with the same key inserts nothing.
    OutgoingMail.objects.bulk_create([mail], ignore_conflicts=True)
    stored_pk, stored_message_id = (OutgoingMail.objects.filter(key=mail.key)
                                    .values_list("pk", "message_id").get())
    if stored_message_id != mail.message_id:  # stored before, or by another request
        return OutgoingMail.objects.get(pk=stored_pk)
    mail.pk = stored_pk
    return mail


def _attachment(name: str, content: bytes, mimetype: str):
    """A MIME part; a calendar keeps its method parameter, which calendar clients read."""
    from email import encoders
    from email.mime.base import MIMEBase

    main, _, rest = mimetype.partition("/")
    subtype, *parameters = [part.strip() for part in rest.split(";")]
    part = MIMEBase(main, subtype)
    for parameter in parameters:
        name_, _, value = parameter.partition("=")
        part.set_param(name_, value)
    part.set_payload(content)
    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename=name)
    return part


def outbox_wake() -> None:
    """Once the current transaction commits, make sure a drain task waits for the worker.
    Checked after the commit: a drain that has not started yet will see this mail."""
    transaction.on_commit(_drain_enqueue)


def outbox_flush() -> int:
    """Hand every queued mail to the worker (after the current transaction commits); the
    number queued now."""
    outbox_wake()
    return OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED).count()


def _drain_enqueue() -> None:
    from django_tasks import TaskResultStatus
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    from .tasks import drain_outbox

    backend = drain_outbox.get_backend()
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=drain_outbox.module_path)
    if isinstance(backend, DatabaseBackend) and waiting.filter(backend_name=backend.alias).exists():
        return
    drain_outbox.enqueue()


def outbox_drain(*, batch_size: int = BATCH_SIZE, batches: int = DRAIN_BATCHES) -> dict[str, int]:
    """Send queued mail, oldest first, until none is left; after `batches` batches hand the
    rest to a new drain task, so that other tasks get their turn."""
    counts: Counter = Counter()
    for _batch in range(batches):
        mails = list(OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED)
                     .order_by("queued_at", "id")[:batch_size])
        if not mails:
            return dict(counts)
        counts.update(_deliver(mails))
    _drain_enqueue()
    return dict(counts)


def _claim(mail_id: int, *, sent: int | None = None) -> bool:
    """Take a queued mail for sending, committed at once so that no other worker takes it;
    in the same commit, mark the mail sent just before (one write per mail, not two)."""
    with transaction.atomic():
        if sent is not None:
            _mark_sent(sent)
        return OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.QUEUED).update(
            status=OutgoingMail.Status.SENDING, claimed_at=timezone.now(),
            attempts=F("attempts") + 1) == 1


def _mark_sent(mail_id: int) -> None:
    OutgoingMail.objects.filter(pk=mail_id).update(status=OutgoingMail.Status.SENT,
                                                   sent_at=timezone.now(), last_error="")


def mail_deliver(mail_ids: list[int]) -> dict[str, int]:
    """Send the given mails that are still queued, each at most once."""
    mails = OutgoingMail.objects.in_bulk(mail_ids)
    counts = _deliver([mails.get(mail_id) for mail_id in mail_ids])
    return {"sent": counts["sent"], "failed": counts["failed"], "skipped": counts["skipped"]}


def _deliver(mails: list[OutgoingMail | None]) -> Counter:
    """Send over one connection. At any moment at most one mail is "sending": the one handed
    to the server, whose "sent" mark is committed together with the next claim."""
    counts: Counter = Counter(sent=0, failed=0, skipped=0)
    pause = float(getattr(settings, "ECOCSME_MAIL_PAUSE_SECONDS", 0))
    connection = get_connection()
    opened, unmarked = False, None
    try:
        for mail in mails:
            if mail is None:
                counts["skipped"] += 1
                continue
            claimed = _claim(mail.pk, sent=unmarked)
            unmarked = None
            if not claimed:
                counts["skipped"] += 1
                continue
            if not opened:
                connection.open()
                opened = True
            outcome = _send(connection, mail)
            counts[outcome] += 1
            if outcome == "sent":
                unmarked = mail.pk
            if pause:
                if unmarked is not None:
                    _mark_sent(unmarked)
                    unmarked = None
                time.sleep(pause)
    finally:
        if unmarked is not None:
            _mark_sent(unmarked)
        if opened:
            connection.close()
    return counts


class StoredMessage(EmailMultiAlternatives):
    """A queued mail for any mail backend: `message()` is the stored MIME message; subject,
    parts, headers and attachments are filled in too, for backends that build their own
    request from them."""

    def __init__(self, mail: OutgoingMail):
        self.raw = bytes(mail.raw)
        super().__init__(subject=mail.subject, body=mail.text, from_email=settings.DEFAULT_FROM_EMAIL,
                         to=[mail.to], headers={"Message-ID": mail.message_id,
                                                "Content-Language": mail.language, **mail.headers})
        if mail.html:
            self.attach_alternative(mail.html, "text/html")
        for part in email.message_from_bytes(self.raw, policy=email.policy.default).iter_attachments():
            self.attach(part.get_filename(), part.get_content(), part.get_content_type())

    def message(self):
        return email.message_from_bytes(self.raw.replace(b"\r\n", b"\n"))


def _send(connection, mail: OutgoingMail) -> str:
    """Hand the prepared message to the mail backend; record a failure."""
    try:
        if isinstance(connection, SMTPBackend):
            _send_smtp(connection, mail)
        elif connection.send_messages([StoredMessage(mail)]) != 1:
            raise RuntimeError("The mail backend did not take the message.")
    except Exception as exc:  # whatever the backend raised is recorded on the mail
        OutgoingMail.objects.filter(pk=mail.pk).update(
            status=OutgoingMail.Status.FAILED, last_error=f"{type(exc).__name__}: {exc}"[:2000])
        try:  # the connection may be unusable now; a fresh one for the next mail
            connection.close()
            connection.open()
        except Exception:  # noqa: S110 - the next mail records its own failure
            pass
        return "failed"
    return "sent"  # marked by the caller, with the next claim


def _send_smtp(connection: SMTPBackend, mail: OutgoingMail) -> None:
    """The stored bytes, exactly as they were built when the mail was queued."""
    refused = connection.connection.sendmail(settings.DEFAULT_FROM_EMAIL, [mail.to], bytes(mail.raw))
    if refused:
        raise smtplib.SMTPRecipientsRefused(refused)


def outbox_recover(*, stale_after: timedelta = timedelta(minutes=5)) -> int:
    """Mark mail a stopped worker left half-sent as uncertain; never resend it by itself."""
    return OutgoingMail.objects.filter(
        status=OutgoingMail.Status.SENDING, claimed_at__lt=timezone.now() - stale_after
    ).update(status=OutgoingMail.Status.UNCERTAIN,
             last_error="The worker stopped while sending this mail; it may or may not have gone out.")


def mail_retry(mail: OutgoingMail) -> bool:
    """Put a failed or uncertain mail back in the queue (a person decided to) and have the worker
    send it; False when the mail was neither."""
    retried = OutgoingMail.objects.filter(
        pk=mail.pk, status__in=[OutgoingMail.Status.FAILED, OutgoingMail.Status.UNCERTAIN]
    ).update(status=OutgoingMail.Status.QUEUED, claimed_at=None) == 1
    if retried:
        outbox_wake()
    return retried


def send_templated_mail(*, to: list[str], template: str, context: dict, language: str,
                        headers: dict[str, str] | None = None) -> int:
    """Send at once, one mail per address, through the outbox: stored like every other mail
    (so the development mail viewer shows it, whatever the mail backend) and sent once.
    Raises if one could not be sent; the reason is kept on the stored mail."""
    batch = uuid.uuid4().hex
    ids = [mail_queue(key=f"{template}:{batch}:{number}", to=address, template=template,
                      context=context, language=language, headers=headers).pk
           for number, address in enumerate(to)]
    counts = mail_deliver(ids)
    if counts["failed"]:
        errors = OutgoingMail.objects.filter(pk__in=ids, status=OutgoingMail.Status.FAILED)
        raise MailNotSent("; ".join(errors.values_list("last_error", flat=True)))
    return counts["sent"]


class MailNotSent(Exception):
    pass
