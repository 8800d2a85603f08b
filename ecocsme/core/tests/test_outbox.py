"""The outbox sends every mail once, also when the worker is killed mid-batch and restarted."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection

from ecocsme.core.models import OutgoingMail
from ecocsme.core.outbox import mail_deliver, mail_queue, mail_retry, outbox_recover
from ecocsme.testing.mail import free_port


def queue(n: int, prefix: str = "test") -> list[OutgoingMail]:
    return [mail_queue(key=f"{prefix}:{i}", to=f"person{i}@example.org",
                       template="core/mail/test_message", context={"note": f"n{i}"}, language="en")
            for i in range(n)]


@pytest.mark.django_db(transaction=True)
def test_the_same_key_queues_one_mail(smtp_server):
    first = queue(1)[0]
    again = mail_queue(key="test:0", to="other@example.org", template="core/mail/test_message",
                       context={}, language="de")
    assert again.pk == first.pk and OutgoingMail.objects.count() == 1
    assert mail_deliver([first.pk, first.pk]) == {"sent": 1, "failed": 0, "skipped": 1}
    assert mail_deliver([first.pk]) == {"sent": 0, "failed": 0, "skipped": 1}
    assert len(smtp_server.messages) == 1
    assert smtp_server.messages[0]["Message-ID"] == first.message_id


@pytest.mark.django_db(transaction=True)
def test_a_refused_recipient_is_recorded_and_the_batch_goes_on(smtp_server):
    mails = queue(3)
    smtp_server.refuse = {"person1@example.org"}
    assert mail_deliver([m.pk for m in mails]) == {"sent": 2, "failed": 1, "skipped": 0}
    failed = OutgoingMail.objects.get(to="person1@example.org")
    assert failed.status == "failed" and "550" in failed.last_error
    mail_retry(failed)
    smtp_server.refuse = set()
    assert mail_deliver([failed.pk])["sent"] == 1


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_server_fails_the_mail_without_losing_it(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    mail = queue(1)[0]
    with pytest.raises(OSError):
        mail_deliver([mail.pk])
    mail.refresh_from_db()
    assert mail.status == "sending"  # claimed, outcome unknown: never resent by itself
    assert outbox_recover(stale_after=__import__("datetime").timedelta(0)) == 1
    mail.refresh_from_db()
    assert mail.status == "uncertain"


def _worker(env):
    return subprocess.Popen(
        [sys.executable, "-m", "ecocsme", "db_worker", "--no-startup-delay", "--no-reload",
         "--interval", "0.05"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return (f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:"
            f"{settings['PORT']}/{settings['NAME']}")


@pytest.mark.django_db(transaction=True)
def test_killing_the_worker_mid_batch_sends_no_mail_twice(smtp_server):
    mails = queue(120, prefix="kill")
    env = {**os.environ, "DATABASE_URL": _database_url(),
           "DJANGO_SETTINGS_MODULE": "ecocsme.settings.test",
           "ECOCSME_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
           "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_server.port),
           "ECOCSME_MAIL_PAUSE_SECONDS": "0.03"}
    call_command("outbox", verbosity=0)  # hands the queued mail to the worker
    worker = _worker(env)
    deadline = time.monotonic() + 60
    while len(smtp_server.messages) < 20 and time.monotonic() < deadline:
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    sent_before = len(smtp_server.messages)
    assert 20 <= sent_before < 120, "the worker should die in the middle of the batch"

    # The restart: recover (nothing half-sent may go out again), then the worker finishes.
    subprocess.run([sys.executable, "-m", "ecocsme", "outbox", "--stale-seconds", "0"],
                   env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "ecocsme", "db_worker", "--batch", "--no-startup-delay",
                    "--no-reload"], env=env, check=True, capture_output=True, timeout=120)

    received = Counter(m["To"] for m in smtp_server.messages)
    assert max(received.values()) == 1, "a mail went out twice"
    statuses = Counter(OutgoingMail.objects.values_list("status", flat=True))
    assert statuses["sent"] + statuses["uncertain"] == len(mails)
    assert statuses["uncertain"] <= 1
    # A mail killed between the SMTP handover and its "sent" mark is uncertain: it may have
    # arrived or not, and is never sent again. Every mail marked sent arrived.
    assert statuses["sent"] <= len(received) <= statuses["sent"] + statuses["uncertain"]
    sent_to = set(OutgoingMail.objects.filter(status="sent").values_list("to", flat=True))
    assert sent_to <= set(received)


# --- every mail backend ----------------------------------------------------------------------------
CALENDAR = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"


def queue_with_calendar() -> OutgoingMail:
    return mail_queue(key="backend:0", to="person@example.org", template="core/mail/test_message",
                      context={"note": "Example note"}, language="de",
                      headers={"List-Unsubscribe": "<https://example.org/u>"},
                      attachments=[("request.ics", CALENDAR, "text/calendar; method=REQUEST; charset=utf-8")])


def assert_is_the_stored_mail(message, mail: OutgoingMail) -> None:
    import email
    import email.policy

    def content(part) -> str:  # the same text, whichever line ends the backend writes
        return part.get_content().replace("\r\n", "\n")

    stored = email.message_from_bytes(bytes(mail.raw), policy=email.policy.default)
    assert message["Message-ID"] == mail.message_id and message["To"] == mail.to
    assert message["List-Unsubscribe"] == "<https://example.org/u>"
    for kind in ("plain", "html"):
        assert content(message.get_body((kind,))) == content(stored.get_body((kind,)))
    calendar = next(message.iter_attachments())
    assert calendar.get_filename() == "request.ics" and calendar.get_param("method") == "REQUEST"
    assert content(calendar) == CALENDAR.decode().replace("\r\n", "\n")


def parsed(data: bytes):
    import email
    import email.policy

    return email.message_from_bytes(data, policy=email.policy.default)


@pytest.mark.django_db
def test_the_file_backend_writes_the_stored_mail(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    mail = queue_with_calendar()
    assert mail_deliver([mail.pk]) == {"sent": 1, "failed": 0, "skipped": 0}
    (written,) = tmp_path.iterdir()
    assert_is_the_stored_mail(parsed(written.read_bytes().rpartition(b"\n" + b"-" * 79)[0]), mail)
    mail.refresh_from_db()
    assert mail.status == "sent" and mail.sent_at is not None


@pytest.mark.django_db
def test_the_locmem_backend_keeps_the_stored_mail(settings, mailoutbox):
    mail = queue_with_calendar()
    assert mail_deliver([mail.pk])["sent"] == 1
    (message,) = mailoutbox
    assert message.to == ["person@example.org"] and message.subject == mail.subject
    assert message.alternatives[0][1] == "text/html" and message.attachments[0][0] == "request.ics"
    assert_is_the_stored_mail(parsed(message.message().as_bytes()), mail)


@pytest.mark.django_db
def test_the_console_backend_prints_the_stored_mail(settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    mail = queue_with_calendar()
    assert mail_deliver([mail.pk])["sent"] == 1
    printed = capsys.readouterr().out.rpartition("\n" + "-" * 79)[0]
    assert_is_the_stored_mail(parsed(printed.encode()), mail)


@pytest.mark.django_db(transaction=True)
def test_the_smtp_backend_sends_the_stored_bytes_unchanged(smtp_server):
    from aiosmtpd.controller import Controller

    received = []

    class Raw:
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope.original_content)
            return "250 OK"

    controller = Controller(Raw(), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        from django.conf import settings

        settings.EMAIL_PORT = controller.port
        mail = queue_with_calendar()
        assert mail_deliver([mail.pk])["sent"] == 1
    finally:
        controller.stop()
    assert received == [bytes(mail.raw)]


class RefusingBackend:
    """A provider's backend that refuses the first message and takes nothing it does not send."""

    def __init__(self, **kwargs):
        self.calls = 0

    def open(self):
        pass

    def close(self):
        pass

    def send_messages(self, messages):
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("Example: the provider refused the message")
        return 0


@pytest.mark.django_db
def test_a_backend_that_refuses_fails_the_mail_with_its_reason(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    mails = queue(2)
    assert mail_deliver([m.pk for m in mails]) == {"sent": 0, "failed": 2, "skipped": 0}
    first, second = (OutgoingMail.objects.get(pk=m.pk) for m in mails)
    assert first.status == second.status == "failed"
    assert first.last_error == "RuntimeError: Example: the provider refused the message"
    assert "did not take the message" in second.last_error


# --- the drain task -----------------------------------------------------------------------------------
def drain_tasks(status: str = "READY"):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path="ecocsme.core.tasks.drain_outbox", status=status)


@pytest.mark.django_db(transaction=True)
def test_one_drain_task_waits_however_many_mails_are_queued():
    from ecocsme.core.outbox import outbox_flush, outbox_wake

    queue(5)
    assert outbox_flush() == 5
    outbox_wake()
    queue(3, prefix="more")
    outbox_wake()
    (task,) = drain_tasks()
    assert task.args_kwargs == {"args": [], "kwargs": {}}  # no list of mails that grows with the queue
    drain_tasks().update(status="RUNNING")  # a drain already running may have read the queue
    outbox_wake()
    assert drain_tasks().count() == 1 and drain_tasks("RUNNING").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_drain_sends_in_batches_and_makes_way_for_other_tasks(settings, mailoutbox):
    from ecocsme.core.outbox import outbox_drain

    queue(5)
    assert outbox_drain(batch_size=2, batches=2) == {"sent": 4, "failed": 0, "skipped": 0}
    assert drain_tasks().count() == 1  # the rest is left to a new drain task
    assert outbox_drain(batch_size=2, batches=2)["sent"] == 1
    assert outbox_drain() == {}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(f"person{i}@example.org" for i in range(5))
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.django_db(transaction=True)
def test_mail_queued_in_a_transaction_reaches_the_server_through_the_worker(smtp_server):
    from django.db import transaction

    from ecocsme.core.outbox import outbox_wake

    with transaction.atomic():
        queue(3)
        outbox_wake()
        assert not drain_tasks().exists()  # nothing for the worker before the commit
    assert drain_tasks().count() == 1
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert sorted(m["To"] for m in smtp_server.messages) == [f"person{i}@example.org" for i in range(3)]


@pytest.mark.django_db(transaction=True)
def test_the_outbox_command_hands_over_mail_a_stopped_worker_left(smtp_server):
    from django_tasks_db.models import DBTaskResult

    from ecocsme.core.outbox import outbox_wake

    queue(4)
    outbox_wake()
    DBTaskResult.objects.all().delete()  # e.g. the worker's tasks lost with a restored database
    call_command("outbox", verbosity=0)
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert len(smtp_server.messages) == 4
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.django_db(transaction=True)
def test_tasks_queued_before_the_drain_still_deliver(smtp_server):
    from ecocsme.core.tasks import deliver_mail

    mails = queue(2)
    deliver_mail.enqueue([m.pk for m in mails])
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert len(smtp_server.messages) == 2
