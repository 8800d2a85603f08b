"""Benchmarks of the text engines (ecocsme.text), without Django or a database: embedding speed,
theme quality and speed, reply reading on a corpus and on hostile input.

`python -m bench text` runs them alone; `make bench` runs them with the others.
"""

import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

from .table import Table

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "ecocsme" / "text" / "tests" / "corpus"
ANSWER_SETS = CORPUS / "answers"
REPLIES = CORPUS / "replies"
THEME_FINDING_SIZES = (10_000, 300_000)


def labelled_sets() -> dict[str, list[dict]]:
    sets = {}
    for path in sorted(ANSWER_SETS.glob("labelled_*.jsonl")):
        sets[path.stem] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                           if line.strip()]
    return sets


@lru_cache(maxsize=1)
def base_answers() -> tuple[list[str], list[str], np.ndarray]:
    """The labelled answers and their vectors, computed once per text set (cached in var/bench)."""
    from ecocsme.text.embeddings import default_embedder

    answers = [a for items in labelled_sets().values() for a in items]
    if not answers:
        from ecocsme.text.tests.examples import EXAMPLES

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
    embedding_and_themes(table)
    reply_parsing(table)


def embedding_and_themes(table: Table) -> None:
    embedding(table)
    theme_quality(table)
    theme_finding(table)


def embedding(table: Table) -> None:
    """Texts never seen (the model at work), then the same texts again (the cache)."""
    from ecocsme.text.embeddings import default_embedder

    texts, _languages, _vectors = base_answers()
    sample = [f"{text} ({i})" for i, text in enumerate((texts * 2)[:256])]
    embedder = default_embedder()
    for name in ("embedding throughput (multilingual-e5-small)",
                 "embedding throughput, texts embedded before (cache)"):
        started = time.perf_counter()
        embedder.embed(sample)
        table.add(name, f"{len(sample)} answers", len(sample) / (time.perf_counter() - started), "answers/s")


def theme_quality(table: Table) -> None:
    """NMI and purity against the human labels; "language NMI" is how much the themes follow the
    answers' languages instead (0: not at all)."""
    from ecocsme.text.clustering import find_themes, language_nmi, scores

    _texts, _languages, vectors = base_answers()
    offset = 0
    for name, items in labelled_sets().items():
        found = vectors[offset:offset + len(items)]
        offset += len(items)
        themes = find_themes([a["id"] for a in items], [a["text"] for a in items], found,
                             [a["lang"] for a in items], questions=[a["question"] for a in items])
        truth = {a["id"]: a["theme"] for a in items}
        result = scores(themes, truth)
        size = f"{len(items)} answers, {len({a['lang'] for a in items})} languages"
        table.add(f"themes NMI on {name}", size, result["nmi"], "NMI")
        table.add(f"themes purity on {name}", size, result["purity"], "purity")
        languages = {a["id"]: a["lang"] for a in items}
        table.add(f"themes language NMI on {name}", size, language_nmi(themes, languages, truth), "NMI")


def theme_finding(table: Table) -> None:
    """Each size in a fresh process (bench/synthesis_child.py), so that its memory is its own."""
    for n in THEME_FINDING_SIZES:
        child = subprocess.run([sys.executable, "-m", "bench.synthesis_child", str(n)], cwd=ROOT,
                               capture_output=True, text=True, check=True, env=dict(os.environ))
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        table.add("theme finding over stored vectors", f"{n:,} answers", figures["seconds"], "s")
        table.add("peak memory of theme finding", f"{n:,} answers", figures["peak_mb"], "MB")


def reply_parsing(table: Table) -> None:
    """The e-mail reply reader on the corpus and on hostile input (text/tests/hostile.py): the
    slowest kind and the median of all kinds, per size; linear time keeps 12 MB in seconds."""
    from ecocsme.text.mail import parse_reply
    from ecocsme.text.tests.hostile import KINDS, QUESTIONS, hostile_mail, seconds

    mails = [path.read_bytes() for path in sorted(REPLIES.glob("*.eml"))]
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


def main() -> int:
    table = Table()
    print("Text engines…", flush=True)
    run(table)
    print()
    print(table.render())
    return 0
