"""Mail that goes out exactly once (LAB-2, EVT-2).

`mail_queue` renders a mail in the recipient's language and stores it under a key that says
what it is for; queuing the same key twice queues one mail. `outbox_flush` hands queued mail
to the background worker in batches; `mail_deliver` sends a batch over one SMTP connection,
claiming each mail in its own committed step before sending it. A worker killed and
restarted therefore never sends a mail twice; the one it was sending at the moment it died
is marked uncertain by `outbox_recover` for a person to check.
"""

import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .mail import build_message, render_mail
from .models import OutgoingMail

BATCH_SIZE = 200


def _message_id(key: str) -> str:
    import hashlib
    import secrets

    domain = getattr(settings, "ECOCSME_MAIL_DOMAIN", "ecocsme.local")
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return f"<{digest}.{secrets.token_hex(6)}@{domain}>"


def mail_queue(*, key: str, to: str, template: str, context: dict, language: str,
               headers: dict[str, str] | None = None, message_id: str | None = None,
               attachments: list[tuple[str, bytes, str]] | None = None) -> OutgoingMail:
    """Render and store one mail, with its attachments as (file name, content, MIME type);
    the same key never makes a second one."""
    existing = OutgoingMail.objects.filter(key=key).first()
    if existing is not None:
        return existing
    rendered = render_mail(template, context, language)
    message_id = message_id or _message_id(key)
    message = build_message(to=[to], mail=rendered, language=language,
                            headers={"Message-ID": message_id, **(headers or {})})
    for name, content, mimetype in attachments or []:
        message.attach(_attachment(name, content, mimetype))
    mail, _created = OutgoingMail.objects.get_or_create(key=key, defaults={
        "to": to, "subject": rendered.subject, "text": rendered.text, "html": rendered.html,
        "headers": headers or {}, "language": language, "message_id": message_id,
        "raw": message.message().as_bytes(linesep="\r\n"),
    })
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


def outbox_flush(*, batch_size: int = BATCH_SIZE) -> int:
    """Give every queued mail to the worker, after the current transaction commits."""
    from .tasks import deliver_mail

    ids = list(OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED)
               .order_by("queued_at", "id").values_list("id", flat=True))
    batches = [ids[i:i + batch_size] for i in range(0, len(ids), batch_size)]

    def enqueue():
        for batch in batches:
            deliver_mail.enqueue(batch)

    transaction.on_commit(enqueue)
    return len(ids)


def _claim(mail_id: int) -> bool:
    """Take a queued mail for sending; committed at once, so no other worker takes it."""
    return OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.QUEUED).update(
        status=OutgoingMail.Status.SENDING, claimed_at=timezone.now(),
        attempts=F("attempts") + 1) == 1


def mail_deliver(mail_ids: list[int]) -> dict[str, int]:
    """Send the given mails that are still queued, each at most once."""
    counts = {"sent": 0, "failed": 0, "skipped": 0}
    pause = float(getattr(settings, "ECOCSME_MAIL_PAUSE_SECONDS", 0))
    connection = get_connection()
    opened = False
    mails = OutgoingMail.objects.in_bulk(mail_ids)
    try:
        for mail_id in mail_ids:
            if mail_id not in mails or not _claim(mail_id):
                counts["skipped"] += 1
                continue
            if not opened:
                connection.open()
                opened = True
            counts[_send(connection, mails[mail_id])] += 1
            if pause:
                time.sleep(pause)
    finally:
        if opened:
            connection.close()
    return counts


def _send(connection, mail: OutgoingMail) -> str:
    """Hand the prepared message to the SMTP server; record what happened."""
    try:
        refused = connection.connection.sendmail(
            settings.DEFAULT_FROM_EMAIL, [mail.to], bytes(mail.raw))
        if refused:
            raise smtplib.SMTPRecipientsRefused(refused)
    except (smtplib.SMTPException, OSError) as exc:
        OutgoingMail.objects.filter(pk=mail.pk).update(
            status=OutgoingMail.Status.FAILED, last_error=f"{type(exc).__name__}: {exc}"[:2000])
        try:  # the connection may be unusable now; a fresh one for the next mail
            connection.close()
            connection.open()
        except (smtplib.SMTPException, OSError):
            pass
        return "failed"
    OutgoingMail.objects.filter(pk=mail.pk).update(status=OutgoingMail.Status.SENT,
                                                   sent_at=timezone.now(), last_error="")
    return "sent"


def outbox_recover(*, stale_after: timedelta = timedelta(minutes=5)) -> int:
    """Mark mail a stopped worker left half-sent as uncertain; never resend it by itself."""
    return OutgoingMail.objects.filter(
        status=OutgoingMail.Status.SENDING, claimed_at__lt=timezone.now() - stale_after
    ).update(status=OutgoingMail.Status.UNCERTAIN,
             last_error="The worker stopped while sending this mail; it may or may not have gone out.")


def mail_retry(mail: OutgoingMail) -> None:
    """Put a failed or uncertain mail back in the queue (a person decided to)."""
    OutgoingMail.objects.filter(
        pk=mail.pk, status__in=[OutgoingMail.Status.FAILED, OutgoingMail.Status.UNCERTAIN]
    ).update(status=OutgoingMail.Status.QUEUED, claimed_at=None)
