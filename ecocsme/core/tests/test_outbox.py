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
