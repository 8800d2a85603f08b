"""Benchmarks of the local learning labs: embedding, theme finding, analyse-answers, reply parsing."""

import json
import os
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

from .harness import Table

ROOT = Path(__file__).resolve().parent.parent
ANSWER_SETS = ROOT / "ecocsme" / "labs" / "tests" / "corpus" / "answers"


def labelled_sets() -> dict[str, list[dict]]:
    sets = {}
    for path in sorted(ANSWER_SETS.glob("labelled_*.jsonl")):
        sets[path.stem] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                           if line.strip()]
    return sets


@lru_cache(maxsize=1)
def base_answers() -> tuple[list[str], list[str], np.ndarray]:
    """The labelled answers and their vectors, computed once per text set (cached in var/bench)."""
    import hashlib

    from ecocsme.labs.embeddings import default_embedder

    answers = [a for items in labelled_sets().values() for a in items]
    if not answers:
        from ecocsme.labs.tests.test_synthesis import EXAMPLES

        answers = [{"text": text, "lang": lang} for _theme, lang, text in EXAMPLES]
    texts = [a["text"] for a in answers]
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    cache = ROOT / "var" / "bench" / f"vectors-{digest}.npy"
    if cache.exists():
        vectors = np.load(cache)
    else:
        vectors = default_embedder().embed(texts)
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache, vectors)
    return texts, [a.get("lang", "") for a in answers], vectors


def run(table: Table) -> None:
    from ecocsme.labs.embeddings import default_embedder
    from ecocsme.labs.synthesis import find_themes, scores

    texts, _languages, _vectors = base_answers()
    sample = [f"{text} ({i})" for i, text in enumerate((texts * 2)[:256])]
    started = time.perf_counter()
    default_embedder().embed(sample)
    table.add("embedding throughput (multilingual-e5-small)", f"{len(sample)} answers",
              len(sample) / (time.perf_counter() - started), "answers/s")

    offset = 0
    for name, items in labelled_sets().items():
        vectors = _vectors[offset:offset + len(items)]
        offset += len(items)
        themes = find_themes([a["id"] for a in items], [a["text"] for a in items], vectors,
                             [a["lang"] for a in items])
        result = scores(themes, {a["id"]: a["theme"] for a in items})
        languages = len({a["lang"] for a in items})
        size = f"{len(items)} answers, {languages} languages"
        table.add(f"themes NMI on {name}", size, result["nmi"], "NMI")
        table.add(f"themes purity on {name}", size, result["purity"], "purity")

    for n in (10_000, 300_000):
        child = subprocess.run([sys.executable, "-m", "bench.synthesis_child", str(n)], cwd=ROOT,
                               capture_output=True, text=True, check=True, env=dict(os.environ))
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        table.add("theme finding over stored vectors", f"{n:,} answers", figures["seconds"], "s")
        table.add("peak memory of theme finding", f"{n:,} answers", figures["peak_mb"], "MB")

    analyse_fresh_file(table)
    reply_parsing(table)


def reply_parsing(table: Table) -> None:
    """The e-mail reply parser on the corpus and on hostile input (tests/test_reply_intake): the
    slowest kind and the median of all kinds, per size; linear time keeps 12 MB in seconds."""
    import statistics

    from ecocsme.labs.replies import parse_reply
    from ecocsme.labs.tests.test_reply_intake import KINDS, QUESTIONS, hostile_mail, seconds

    corpus = ROOT / "ecocsme" / "labs" / "tests" / "corpus" / "replies"
    mails = [path.read_bytes() for path in sorted(corpus.glob("*.eml"))]
    times = []
    for raw in mails:
        started = time.perf_counter()
        parse_reply(raw, QUESTIONS)
        times.append(time.perf_counter() - started)
    table.add("reply parse, corpus reply (median)", f"{len(mails)} replies",
              statistics.median(times) * 1000, "ms")
    for size, label in ((200_000, "200 KB"), (2_000_000, "2 MB"), (12_000_000, "12 MB")):
        by_kind = {kind: seconds(hostile_mail(kind, size)) for kind in KINDS}
        slowest = max(by_kind, key=by_kind.get)
        table.add("reply parse, hostile input, slowest kind", f"{label} ({slowest})", by_kind[slowest], "s")
        table.add(f"reply parse, hostile input, median of {len(KINDS)} kinds", label,
                  statistics.median(by_kind.values()), "s")


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


def lab_synthesis(table: Table, sizes: tuple[int, ...] = (1_000, 10_000)) -> None:
    """A lab's stored synthesis end to end: the background run over stored vectors (themes
    across the lab and per question, written to the database), the synthesis page, the PDF."""
    from django.test import Client
    from django.utils import timezone

    from ecocsme.accounts.models import User
    from ecocsme.labs.embeddings import to_bytes
    from ecocsme.labs.models import Answer, Lab, Response, SynthesisRun
    from ecocsme.labs.reports import report_pdf
    from ecocsme.labs.themes import synthesis_execute

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
