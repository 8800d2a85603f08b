"""Mail under load: people answering an event through its answer page while the real worker
(`ecocsme db_worker`, its own process) hands the confirmations to an SMTP server on loopback
(aiosmtpd, its own process). The end-to-end rate counts an answer once it is stored and its
mail accepted by the server; beside it, the bare SMTP rate of the same messages over one
connection, and the largest backlog of queued mail seen during the run."""

import os
import smtplib
import subprocess
import sys
import threading
import time

from django.db import connection
from django.test import Client

from .harness import Table, smtp_sink

BURST = 400  # answers per unthrottled run
PACED = 500  # answers in the run paced at PACE a second
PACE = 50
DRAIN = 1000  # queued at once, for the worker's own rate
TIMEOUT = 300


def run(table: Table) -> None:
    from ecocsme.core.models import OutgoingMail

    tokens = _invitation_tokens(2 * BURST + PACED)
    with smtp_sink() as port:
        worker = _worker(port)
        try:
            _settle()
            for concurrency in (1, 4):
                label = f"{BURST} answers, {concurrency} answering"
                stored, done, backlog = _answer(tokens[:BURST], concurrency)
                tokens = tokens[BURST:]
                table.add("event answers stored (POST answer page)", label, BURST / stored, "answers/s")
                table.add("event answers stored and their mail sent, end to end", label,
                          BURST / done, "answers/s")
                table.add("largest backlog of queued mail", label, backlog, "mails")
            label = f"{PACED} answers at {PACE}/s, 4 answering"
            stored, done, backlog = _answer(tokens[:PACED], 4, pace=PACE)
            table.add("event answers stored (POST answer page)", label, PACED / stored, "answers/s")
            table.add("event answers stored and their mail sent, end to end", label,
                      PACED / done, "answers/s")
            table.add("mail still unsent when the last answer was stored: drained in", label,
                      done - stored, "s")
            table.add("largest backlog of queued mail", label, backlog, "mails")
            table.add("queued confirmations drained by the worker", f"{DRAIN:,} mails",
                      DRAIN / _drain(DRAIN), "mails/s")
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        raw = bytes(OutgoingMail.objects.filter(key__contains=":confirmed:").latest("id").raw)
        table.add("bare SMTP: the same confirmation over one connection", f"{DRAIN:,} mails",
                  _bare_smtp(port, raw, DRAIN), "mails/s")


def _invitation_tokens(n: int) -> list[str]:
    """Invitations to one open online workshop with unlimited places (example people)."""
    from ecocsme.core.links import new_nonce
    from ecocsme.events.models import EventInvitation
    from ecocsme.organisations.models import Contact

    from .events import _event

    event, _staff = _event()
    contacts = Contact.objects.bulk_create([
        Contact(partner=event.partner, name=f"Example answerer {i} (example)",
                email=f"answerer{i}@example.org", language=("ro", "en", "it", "de")[i % 4])
        for i in range(n)], batch_size=2000)
    invitations = EventInvitation.objects.bulk_create([
        EventInvitation(event=event, contact=c, language=c.language, nonce=new_nonce(),
                        message_id=f"<bench-answer-{c.pk}@example.org>") for c in contacts],
        batch_size=2000)
    return [f"/{i.language}/events/answer/{i.token()}/" for i in invitations]


def _settle() -> None:
    """Let the worker finish what earlier benchmarks left queued."""
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + TIMEOUT
    while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
        if time.monotonic() > deadline:
            raise RuntimeError("the worker did not finish the earlier tasks")
        time.sleep(0.1)


def _worker(port: int) -> subprocess.Popen:
    env = {**os.environ, "ECOCSME_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
           "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), "EMAIL_USE_TLS": "0"}
    return subprocess.Popen([sys.executable, "-m", "ecocsme", "db_worker", "--no-reload",
                             "--no-startup-delay"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _answer(urls: list[str], concurrency: int, pace: float | None = None) -> tuple[float, float, int]:
    """Seconds until every answer was stored, seconds until every mail was sent, and the
    largest number of mails queued at once."""
    from ecocsme.core.models import OutgoingMail

    sent_before = OutgoingMail.objects.filter(status="sent").count()
    errors: list[str] = []
    started = time.perf_counter()

    def answerer(number: int) -> None:
        client = Client()
        try:
            for position in range(number, len(urls), concurrency):
                if pace:
                    time.sleep(max(0.0, started + position / pace - time.perf_counter()))
                response = client.post(urls[position], {"answer": "yes"})
                if response.status_code != 200:
                    errors.append(f"{urls[position]}: HTTP {response.status_code}")
        finally:
            connection.close()

    threads = [threading.Thread(target=answerer, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    backlog = 0
    while any(thread.is_alive() for thread in threads):
        backlog = max(backlog, _queued())
        time.sleep(0.05)
    stored = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"{len(errors)} answers failed, e.g. {errors[0]}")
    deadline = time.monotonic() + TIMEOUT
    while OutgoingMail.objects.filter(status="sent").count() < sent_before + len(urls):
        if time.monotonic() > deadline or OutgoingMail.objects.filter(status="failed").exists():
            raise RuntimeError("the mail was not all sent")
        backlog = max(backlog, _queued())
        time.sleep(0.02)
    return stored, time.perf_counter() - started, backlog


def _drain(n: int) -> float:
    """Seconds the worker takes to send n copies of a confirmation queued at once."""
    from ecocsme.core.models import OutgoingMail
    from ecocsme.core.outbox import outbox_wake

    model = OutgoingMail.objects.filter(key__contains=":confirmed:").latest("id")
    OutgoingMail.objects.bulk_create([
        OutgoingMail(key=f"bench.drain:{i}", to=f"drain{i}@example.org", subject=model.subject,
                     text=model.text, html=model.html, language=model.language, raw=model.raw,
                     message_id=f"<bench-drain-{i}@example.org>") for i in range(n)], batch_size=500)
    started = time.perf_counter()
    outbox_wake()
    deadline = time.monotonic() + TIMEOUT
    while OutgoingMail.objects.filter(key__startswith="bench.drain:", status="sent").count() < n:
        if time.monotonic() > deadline:
            raise RuntimeError("the queued mail was not all sent")
        time.sleep(0.02)
    return time.perf_counter() - started


def _queued() -> int:
    from ecocsme.core.models import OutgoingMail

    return OutgoingMail.objects.filter(status__in=["queued", "sending"]).count()


def _bare_smtp(port: int, raw: bytes, n: int) -> float:
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for i in range(n):
            smtp.sendmail("noreply@localhost", [f"answerer{i}@example.org"], raw)
    return n / (time.perf_counter() - started)

