"""A lab's IMAP mailbox (LAB-3): linking it, testing it, and fetching its new messages into the
lab's replies exactly once.

A fetch logs in, selects the folder (a new UIDVALIDITY starts the UIDs again), takes the UIDs
above the last one recorded, reads them (BODY.PEEK[], within a size cap and a count), imports
them through `replies.replies_receive` (a message imported before, by Message-ID or digest, is a
duplicate and adds nothing), moves them to the processed folder and only then records the last
UID. Whatever step a lost connection interrupts, the next fetch finds the messages still in
the folder, imports nothing twice and moves them.

The worker fetches every ECOCSME_MAILBOX_INTERVAL seconds: `fetch_mailbox` re-enqueues itself
with `run_after`, and `next_fetch_at` (set by a conditional update) lets one chain per mailbox
exist. `ecocsme watch-mailboxes` waits with IDLE and asks for a fetch when mail arrives.
"""

import logging
import threading
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import close_old_connections, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.core.secrets import SecretUnreadable, secret_open, secret_seal

from .. import imap
from ..models import Lab, LabMailbox
from ..tasks import fetch_mailbox
from .labs import require_change
from .replies import replies_receive

logger = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 25 * 1024 * 1024  # a larger message stays in the folder, for a person
MAX_FETCH_BYTES = 50 * 1024 * 1024  # read in one fetch at most (as an upload); the rest next time
MAX_PER_FETCH = 100
STALE_FETCH = timedelta(minutes=15)  # a fetch that started this long ago has died
IDLE_SECONDS = 25 * 60  # RFC 2177: renew IDLE before the server's 30 minutes
EDITABLE = ("host", "port", "security", "username", "folder", "processed_folder", "enabled")
Error = LabMailbox.Error


@dataclass
class FetchReport:
    fetched: int = 0
    counted: int = 0
    to_review: int = 0
    ignored: int = 0
    duplicates: int = 0
    too_large: int = 0
    failed: int = 0
    left: int = 0  # new messages left for the next fetch
    error: str = ""
    detail: str = ""
    counts: dict = field(default_factory=dict)


# --- reading ----------------------------------------------------------------------------------------
def mailbox_of(lab: Lab) -> LabMailbox | None:
    return LabMailbox.objects.filter(lab=lab).first()


def account_of(mailbox: LabMailbox, password: str | None = None) -> imap.Account:
    """How to log in; SecretUnreadable when the stored password cannot be opened."""
    return imap.Account(
        host=mailbox.host, port=mailbox.port, security=mailbox.security, username=mailbox.username,
        password=password if password is not None else secret_open(mailbox.password_sealed),
        cafile=settings.ECOCSME_MAILBOX_CAFILE)


def _interval() -> timedelta:
    return timedelta(seconds=settings.ECOCSME_MAILBOX_INTERVAL)


# --- linking, changing, unlinking, testing -------------------------------------------------------------
SERVER_FIELDS = ("host", "port", "security", "username")


def mailbox_check(values: dict, *, lab: Lab | None = None) -> None:
    """Refuse what cannot work: no encryption to a server that is not this machine; the
    processed folder the folder read; a folder another lab reads (its replies would be taken)."""
    if values.get("security") == LabMailbox.Security.NONE and not imap.is_loopback(values.get("host", "")):
        raise ValidationError(Error.INSECURE.label, code=Error.INSECURE)
    if values.get("folder") and values.get("folder") == values.get("processed_folder"):
        raise ValidationError(_("The processed folder must be another folder than the one read."),
                              code="same_folder")
    if lab is not None and LabMailbox.objects.exclude(lab=lab).filter(
            host__iexact=values.get("host", ""), username__iexact=values.get("username", ""),
            folder=values.get("folder", "")).exists():
        raise ValidationError(_("Another lab already reads this folder of this mailbox: give each lab a "
                                "mailbox or a folder of its own."), code="taken")


def _needs_password_again(mailbox: LabMailbox | None, values: dict) -> bool:
    """The stored password is only ever sent to the server it was given for."""
    return mailbox is None or not mailbox.password_sealed or any(
        str(values.get(name, getattr(mailbox, name))).lower() != str(getattr(mailbox, name)).lower()
        for name in SERVER_FIELDS)


def mailbox_save(*, actor, lab: Lab, values: dict, password: str = "") -> LabMailbox:
    """Link the lab to a mailbox or change it; a blank password keeps the stored one."""
    require_change(actor, lab)
    mailbox_check(values, lab=lab)
    stored = mailbox_of(lab)
    mailbox = stored or LabMailbox(lab=lab)
    if not password and _needs_password_again(stored, values):
        raise ValidationError(_("Give the mailbox's password: it is needed again when the server, port, "
                                "security or user changes."), code="password")
    server_changed = any(values.get(name) != getattr(mailbox, name)
                         for name in ("host", "username", "folder"))
    for name in EDITABLE:
        if name in values:
            setattr(mailbox, name, values[name])
    if password:
        mailbox.password_sealed = secret_seal(password)
    if server_changed:  # another mailbox: its UIDs are not the old one's
        mailbox.uid_validity, mailbox.last_uid = None, 0
    mailbox.last_error = "" if password or server_changed else mailbox.last_error
    with transaction.atomic():
        creating = mailbox.pk is None
        mailbox.save()
        audit_log(actor=actor, action="labs.mailbox." + ("linked" if creating else "changed"), obj=lab,
                  data={"host": mailbox.host, "folder": mailbox.folder, "password_changed": bool(password)})
        if mailbox.enabled:
            mailbox_fetch_request(mailbox)
    return mailbox


def mailbox_unlink(*, actor, lab: Lab) -> None:
    require_change(actor, lab)
    with transaction.atomic():
        deleted, _count = LabMailbox.objects.filter(lab=lab).delete()
        if deleted:
            audit_log(actor=actor, action="labs.mailbox.unlinked", obj=lab)


def mailbox_test(*, actor, lab: Lab, values: dict, password: str = "") -> tuple[str, str]:
    """Log in with these settings (a blank password: the stored one, only to the server it was
    given for), select the folder and make sure the processed folder exists. ("", "") when all
    went well, else (error code, detail); ValidationError for settings that cannot be tried."""
    require_change(actor, lab)
    try:
        mailbox_check(values)
    except ValidationError as exc:
        if exc.code != Error.INSECURE:
            raise
        return Error.INSECURE, ""
    stored = mailbox_of(lab)
    trial = LabMailbox(lab=lab, **{name: values[name] for name in EDITABLE if name in values})
    if not password and _needs_password_again(stored, values):
        raise ValidationError(_("Give the mailbox's password: it is needed again when the server, port, "
                                "security or user changes."), code="password")
    try:
        if not password:
            password = secret_open(stored.password_sealed)
        with imap.session(account_of(trial, password)) as session:
            session.select(trial.folder, readonly=True)
            session.folder_ensure(trial.processed_folder)
    except SecretUnreadable:
        return Error.PASSWORD_UNREADABLE, ""
    except imap.MailboxError as exc:
        return exc.code, exc.detail
    return "", ""


# --- fetching ----------------------------------------------------------------------------------------
def mailbox_fetch_request(mailbox: LabMailbox) -> None:
    """Ask the worker for a fetch soon ("Fetch now", new mail seen by IDLE, a changed mailbox);
    one request waits at a time."""
    asked = LabMailbox.objects.filter(pk=mailbox.pk, fetch_requested_at__isnull=True).update(
        fetch_requested_at=timezone.now())
    if asked:
        transaction.on_commit(lambda: fetch_mailbox.enqueue(mailbox.pk))


def mailbox_fetch_now(*, actor, lab: Lab) -> LabMailbox:
    """Staff ask for a fetch at once ("Fetch now")."""
    require_change(actor, lab)
    mailbox = mailbox_of(lab)
    if mailbox is None:
        raise ValidationError(_("The lab has no mailbox yet."))
    with transaction.atomic():
        mailbox_fetch_request(mailbox)
        audit_log(actor=actor, action="labs.mailbox.fetch_asked", obj=lab)
    mailbox.refresh_from_db()
    return mailbox


def mailbox_fetch_turn(mailbox_id: int) -> FetchReport | None:
    """The worker's task: fetch when due or asked, then keep the one chain of fetches going."""
    mailbox = LabMailbox.objects.filter(pk=mailbox_id).first()
    if mailbox is None:
        return None
    now = timezone.now()
    if mailbox.next_fetch_at is not None and mailbox.next_fetch_at <= now + timedelta(seconds=1):
        LabMailbox.objects.filter(pk=mailbox_id, next_fetch_at=mailbox.next_fetch_at).update(
            next_fetch_at=None)  # this run is the chain's turn
    report = None
    if mailbox.enabled or mailbox.fetch_requested_at is not None:
        report = mailbox_fetch(mailbox_id)
    chain_continue(mailbox_id)
    return report


def chain_continue(mailbox_id: int) -> bool:
    """Schedule the next fetch unless one is pending (a pending one overdue by three intervals was
    lost, e.g. with the worker's queue, and is replaced). True when one was scheduled."""
    now = timezone.now()
    at = now + _interval()
    with transaction.atomic():
        scheduled = LabMailbox.objects.filter(pk=mailbox_id, enabled=True).filter(
            Q(next_fetch_at__isnull=True) | Q(next_fetch_at__lt=now - 3 * _interval())
        ).update(next_fetch_at=at)
        if scheduled:
            transaction.on_commit(lambda: fetch_mailbox.using(run_after=at).enqueue(mailbox_id))
    return bool(scheduled)


def mailbox_fetch(mailbox_id: int) -> FetchReport | None:
    """Fetch the mailbox's new messages now; None when another fetch of it is running."""
    now = timezone.now()
    claimed = LabMailbox.objects.filter(pk=mailbox_id).filter(
        Q(fetching_since__isnull=True) | Q(fetching_since__lt=now - STALE_FETCH)).update(
        fetching_since=now, fetch_requested_at=None)
    if not claimed:
        return None
    mailbox = LabMailbox.objects.select_related("lab").get(pk=mailbox_id)
    report = FetchReport()
    try:
        mailbox_check({"security": mailbox.security, "host": mailbox.host})
        _fetch(mailbox, report)
    except ValidationError:
        report.error = Error.INSECURE
    except SecretUnreadable:
        report.error = Error.PASSWORD_UNREADABLE
    except imap.MailboxError as exc:
        report.error, report.detail = exc.code, exc.detail
    except Exception:
        logger.exception("fetch of lab mailbox %s failed", mailbox_id)
        report.error = Error.UNEXPECTED
    _record(mailbox, report)
    return report


def _fetch(mailbox: LabMailbox, report: FetchReport) -> None:
    with imap.session(account_of(mailbox)) as session:
        session.folder_ensure(mailbox.processed_folder)
        validity = session.select(mailbox.folder)
        if validity != mailbox.uid_validity:  # the folder was rebuilt: its UIDs start again
            mailbox.uid_validity, mailbox.last_uid = validity, 0
            LabMailbox.objects.filter(pk=mailbox.pk).update(uid_validity=validity, last_uid=0)
        uids = session.uids_after(mailbox.last_uid, since=_replies_since(mailbox.lab))
        chosen, skipped = _within_bounds(uids, session.sizes(uids[:MAX_PER_FETCH]))
        report.left, report.too_large = len(uids) - len(chosen) - len(skipped), len(skipped)
        messages = []
        for uid in chosen:
            raw = session.message(uid)
            if raw is not None:
                messages.append((uid, raw))
        report.fetched = len(messages)
        imported = _import(mailbox, messages, report)
        session.move(imported, mailbox.processed_folder)
        handled = [uid for uid, _raw in messages] + skipped
        failed = sorted({uid for uid, _raw in messages} - set(imported))
        if handled:  # too large ones stay in the folder for a person; failed ones are tried again
            mailbox.last_uid = failed[0] - 1 if failed else max(handled)
            LabMailbox.objects.filter(pk=mailbox.pk).update(last_uid=mailbox.last_uid)


def _replies_since(lab: Lab):
    """Mail older than the lab cannot answer it: a shared address's earlier mail stays where it is."""
    started = lab.opens_at or lab.created_at
    return (started - timedelta(days=1)).date() if started else None


def _within_bounds(uids: list[int], sizes: dict[int, int]) -> tuple[list[int], list[int]]:
    chosen, skipped, total = [], [], 0
    for uid in uids[:MAX_PER_FETCH]:
        size = sizes.get(uid, 0)
        if size > MAX_MESSAGE_BYTES:
            skipped.append(uid)
            continue
        if chosen and total + size > MAX_FETCH_BYTES:
            break
        chosen.append(uid)
        total += size
    return chosen, skipped


def _import(mailbox: LabMailbox, messages: list[tuple[int, bytes]], report: FetchReport) -> list[int]:
    """Import the messages together, or, if that fails, one by one; the UIDs imported (or found
    imported before)."""
    source = f"imap://{mailbox.username}@{mailbox.host}/{mailbox.folder}"
    named = [(f"{source};UID={uid}", raw) for uid, raw in messages]
    if not named:
        return []
    result = replies_receive(lab=mailbox.lab, messages=named, source=source)
    if not result.errors:
        _add(report, result)
        return [uid for uid, _raw in messages]
    imported = []
    for (uid, _raw), one in zip(messages, named, strict=True):
        result = replies_receive(lab=mailbox.lab, messages=[one], source=source)
        if result.errors:
            report.failed += 1
            report.error, report.detail = Error.IMPORT, "; ".join(result.errors)
        else:
            _add(report, result)
            imported.append(uid)
    return imported


def _add(report: FetchReport, result) -> None:
    for name in ("counted", "to_review", "ignored", "duplicates"):
        setattr(report, name, getattr(report, name) + getattr(result, name))


def _record(mailbox: LabMailbox, report: FetchReport) -> None:
    now = timezone.now()
    counts = {name: value for name, value in asdict(report).items()
              if name not in ("error", "detail", "counts")}
    changes = {"fetching_since": None, "last_fetch_at": now, "last_error": report.error,
               "last_error_detail": report.detail, "last_counts": counts, "updated_at": now}
    if not report.error or report.error == Error.IMPORT:
        changes["last_success_at"] = now
    LabMailbox.objects.filter(pk=mailbox.pk).update(**changes)
    asked_meanwhile = LabMailbox.objects.filter(pk=mailbox.pk, fetch_requested_at__isnull=False).exists()
    if asked_meanwhile or (report.left and not report.error):  # new mail meanwhile, or more waiting
        transaction.on_commit(lambda: fetch_mailbox.enqueue(mailbox.pk))


# --- waiting for mail ----------------------------------------------------------------------------------
def mailboxes_to_watch() -> list[LabMailbox]:
    return list(LabMailbox.objects.filter(enabled=True).order_by("pk"))


def mailbox_watch(mailbox_id: int, *, stop: threading.Event, idle_seconds: float = IDLE_SECONDS,
                  max_backoff: float = 300, ready: threading.Event | None = None) -> None:
    """Keep an IDLE connection to the mailbox and ask for a fetch when mail arrives, until `stop`
    is set or the mailbox is unlinked, disabled or its server has no IDLE; reconnect after a
    failure, waiting longer each time (up to `max_backoff` seconds). `ready` is set once the
    folder is watched."""
    backoff = 1.0
    while not stop.is_set():
        close_old_connections()
        mailbox = LabMailbox.objects.filter(pk=mailbox_id, enabled=True).first()
        if mailbox is None:
            return
        try:
            with imap.session(account_of(mailbox)) as session:
                if not session.has("IDLE"):
                    logger.info("mailbox %s: no IDLE; the worker fetches on schedule", mailbox_id)
                    return
                session.select(mailbox.folder, readonly=True)
                backoff = 1.0
                if ready is not None:
                    ready.set()
                while not stop.is_set():
                    if session.idle(idle_seconds, stop):
                        close_old_connections()
                        mailbox_fetch_request(mailbox)
        except (imap.MailboxError, SecretUnreadable) as exc:
            logger.warning("mailbox %s: %s; trying again in %s s", mailbox_id, exc, backoff)
        stop.wait(backoff)
        backoff = min(backoff * 2, max_backoff)
