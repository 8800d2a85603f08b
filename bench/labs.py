"""Benchmarks of the local learning labs on a database: sending invitations, the stored synthesis
and its pages and report, and analyse-answers (the text engines alone are in text.py)."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .harness import Table
from .text import base_answers

ROOT = Path(__file__).resolve().parent.parent


def analyse_fresh_file(table: Table, n: int = 1000) -> None:
    """`ecocsme analyse-answers` on a file it has never seen, embedding included."""
    texts, languages, _vectors = base_answers()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for i in range(n):
                # Vary every line so that nothing can be reused from an earlier run.
                text = f"{texts[i % len(texts)]} ({i})"
                handle.write(json.dumps({"id": f"f{i}", "text": text,
                                         "lang": languages[i % len(texts)]}) + "\n")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ecocsme", "analyse-answers", str(path), "--json"],
                       cwd=ROOT, capture_output=True, check=True,
                       env={**os.environ, "DJANGO_SETTINGS_MODULE": "ecocsme.settings.test"})
        table.add("analyse-answers on a fresh file, embedding included", f"{n:,} answers",
                  time.perf_counter() - started, "s")


def sending(table: Table, n: int = 2000) -> None:
    """Mail through the outbox to an SMTP server on loopback, in its own process as a real
    server would be (exactly-once claims included)."""
    from ecocsme.core.models import OutgoingMail
    from ecocsme.core.outbox import mail_deliver, mail_queue

    from .harness import smtp_sink

    with smtp_sink():
        OutgoingMail.objects.filter(key__startswith="bench:").delete()
        ids = [mail_queue(key=f"bench:{i}", to=f"person{i}@example.org",
                          template="core/mail/test_message", context={"note": str(i)},
                          language="ro").pk for i in range(n)]
        started = time.perf_counter()
        counts = mail_deliver(ids)
        seconds = time.perf_counter() - started
    assert counts["sent"] == n, counts
    table.add("outbox sending to a local SMTP server", f"{n:,} mails", n / seconds, "mails/s")


def report_cached(table: Table, client, lab, size: int) -> None:
    """The report as a reader gets it: asked for (the worker's build, run here in process), then
    served from the kept file while the synthesis stays the same."""
    from django.test.utils import override_settings

    from ecocsme.core.built_files import built_file_execute
    from ecocsme.core.models import BuiltFile

    from .harness import measure_get

    url = f"/en/manage/labs/{lab.pk}/report.pdf"
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        ms, queries = measure_get(client, url, repeat=1)  # asks for it: the build is queued
        table.add("GET lab report PDF, asking for the build, server time", f"{size:,} answers", ms, "ms")
        built = BuiltFile.objects.filter(key__startswith=f"labs.report:{lab.pk}:pdf:").latest("id")
        started = time.perf_counter()
        built_file_execute(built.pk)
        answers = f"{size:,} answers"
        table.add("lab report PDF built by the worker", answers, time.perf_counter() - started, "s")
        ms, queries = measure_get(client, url, repeat=5)
        table.add("GET lab report PDF, cached (served from the file), server time", answers, ms, "ms")
        table.add("GET lab report PDF, cached, SQL queries", answers, queries, "queries")
        BuiltFile.objects.filter(pk=built.pk).delete()


def lab_synthesis(table: Table, sizes: tuple[int, ...] = (1_000, 10_000)) -> None:
    """A lab's stored synthesis end to end: the background run over stored vectors (themes
    across the lab and per question, written to the database), the synthesis page, the PDF."""
    from django.test import Client
    from django.utils import timezone

    from ecocsme.accounts.models import User
    from ecocsme.labs.models import Answer, Lab, Response, SynthesisRun
    from ecocsme.labs.reports import report_pdf
    from ecocsme.labs.services.themes import synthesis_execute
    from ecocsme.text.embeddings import to_bytes

    from .harness import measure_get

    texts, languages, vectors = base_answers()
    lab = Lab.objects.get(partner__number=6, number=2)
    questions = list(lab.questions.order_by("position"))
    client = Client()
    client.force_login(User.objects.get(username="timisoara"))
    made = 0
    for size in sizes:
        responses = Response.objects.bulk_create([
            Response(lab=lab, channel="web", status="submitted", submitted_at=timezone.now(),
                     language=languages[i % len(texts)], respondent_kind=("sme", "ngo", "startup")[i % 3],
                     respondent_city=("Timișoara", "Rijeka", "Kaunas", "Matera")[i % 4])
            for i in range(made, size)], batch_size=2000)
        Answer.objects.bulk_create([
            Answer(response=response, question=questions[i % len(questions)],
                   text=texts[i % len(texts)], language=languages[i % len(texts)],
                   embedding=to_bytes(vectors[i % len(texts)]))
            for response, i in zip(responses, range(made, size), strict=True)], batch_size=2000)
        made = size
        run = SynthesisRun.objects.create(lab=lab)
        started = time.perf_counter()
        synthesis_execute(run.pk)
        table.add("lab synthesis run (stored vectors, lab + 7 questions, saved)", f"{size:,} answers",
                  time.perf_counter() - started, "s")
        ms, queries = measure_get(client, f"/en/manage/labs/{lab.pk}/synthesis/", repeat=5)
        table.add("GET lab synthesis page server time", f"{size:,} answers", ms, "ms")
        table.add("GET lab synthesis page SQL queries", f"{size:,} answers", queries, "queries")
        started = time.perf_counter()
        report_pdf(lab, "en")
        table.add("lab report PDF", f"{size:,} answers", time.perf_counter() - started, "s")
        report_cached(table, client, lab, size)
        for label, query in (("", ""), (", searched", "?q=finantare"), (", by question", "?view=question"),
                             (", filtered by kind and language", "?kind=sme&language=ro")):
            ms, queries = measure_get(client, f"/en/manage/labs/{lab.pk}/answers/{query}", repeat=5)
            table.add(f"GET answer browser{label} server time", f"{size:,} answers", ms, "ms")
            table.add(f"GET answer browser{label} SQL queries", f"{size:,} answers", queries, "queries")
        ms, queries = measure_get(client, "/en/manage/", repeat=5)
        table.add("GET back-office dashboard server time", f"{size:,} answers", ms, "ms")
