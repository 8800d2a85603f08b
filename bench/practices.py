"""Benchmarks of the good-practice library (GP-2): search quality on the labelled queries
(nDCG@10, per language and per kind of query, with the full-text and vector halves alone beside
the fused ranking), and search speed at 5,000 practices in eight languages: the page with a
query and two facets against the bare full-text query, similar practices, the catalogue load.

`python -m bench practices` runs them alone (also on PostgreSQL with BENCH_DATABASE_URL).
"""

import json
import math
import random
import statistics
import time
from pathlib import Path

import numpy as np
from django.test import Client
from tqdm import tqdm

from .harness import Table

ROOT = Path(__file__).resolve().parent.parent
QUERY_SETS = {"development": ROOT / "bench" / "data" / "practice_queries.jsonl",
              "held out": ROOT / "bench" / "data" / "practice_queries_heldout.jsonl"}
LANGUAGES = ("en", "ro", "it", "nl", "hr", "lt", "fi", "de")
SCALE = 5_000


def query_set(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ndcg_at(ranked: list[str], judgements: dict[str, int], k: int = 10) -> float:
    gains = [(2 ** judgements.get(item, 0) - 1) / math.log2(rank + 2) for rank, item in enumerate(ranked[:k])]
    ideal = [(2 ** grade - 1) / math.log2(rank + 2)
             for rank, grade in enumerate(sorted(judgements.values(), reverse=True)[:k])]
    return sum(gains) / sum(ideal) if sum(ideal) else 0.0


def _rankers():
    from ecocsme.practices.search import catalogue as catalogues
    from ecocsme.practices.search import engine, fulltext
    from ecocsme.text.search import parse_query

    def fused(text):
        return engine.search(text).ids

    def words_only(text):
        catalogue = catalogues.current()
        return [pk for pk, _score in fulltext.ranked(parse_query(text)) if pk in set(catalogue.ids.tolist())]

    def vectors_only(text):
        catalogue = catalogues.current()
        rows = engine._nearest(catalogue, engine._query_vector(text), np.ones(catalogue.size, dtype=bool))
        return catalogue.ids[rows].tolist() if rows else []

    return {"fused": fused, "full text only": words_only, "vectors only": vectors_only}


def quality(table: Table, *, verbose: bool = False) -> dict[str, float]:
    """nDCG@10 of each labelled query set on the demo's practices (the example corpus)."""
    from ecocsme.practices.models import Practice

    slug_of = dict(Practice.objects.values_list("pk", "slug"))
    scores = {}
    for set_name, path in QUERY_SETS.items():
        queries = query_set(path)
        if not queries:
            continue
        for ranker_name, ranker in _rankers().items():
            per_query = []
            for query in queries:
                ranked = [slug_of[pk] for pk in ranker(query["query"])]
                per_query.append((query, ndcg_at(ranked, query["judgements"])))
                if verbose and ranker_name == "fused" and per_query[-1][1] < 0.5:
                    print(f"    {per_query[-1][1]:.2f} {query['id']} {query['query']!r} → {ranked[:3]}")
            mean = statistics.mean(score for _q, score in per_query)
            scores[(set_name, ranker_name)] = mean
            table.add(f"practice search nDCG@10, {ranker_name}", f"{set_name}: {len(queries)} queries",
                      mean, "")
            if ranker_name != "fused":
                continue
            for language in LANGUAGES:
                mine = [score for query, score in per_query if query["language"] == language]
                if mine:
                    table.add(f"  nDCG@10 of queries in {language}", set_name, statistics.mean(mine), "")
            for kind in sorted({query.get("kind", "") for query in queries}):
                mine = [score for query, score in per_query if query.get("kind", "") == kind]
                table.add(f"  nDCG@10 of {kind} queries", f"{set_name}: {len(mine)}",
                          statistics.mean(mine), "")
    return scores


# --- speed at scale ---------------------------------------------------------------------------------
def scale_remove() -> None:
    """Take out the practices an earlier run generated (a PostgreSQL database is used again)."""
    from ecocsme.practices.models import IndexEntry, Practice
    from ecocsme.practices.search import fulltext
    from ecocsme.practices.search.indexing import bump

    earlier = Practice.objects.filter(slug__startswith="scale-")
    fulltext.remove(list(IndexEntry.objects.filter(practice__in=earlier).values_list("pk", flat=True)))
    earlier.delete()
    bump()


def scale_generate(n: int = SCALE, *, seed: int = 7) -> int:
    """`n` published practices in the eight languages, their texts recombined from the example
    corpus (so that words and stems are real), their vectors those of the practice they start
    from with noise: the timing does not depend on what the vectors say."""
    from django.db import transaction

    from ecocsme.partnerships.models import Project
    from ecocsme.practices.demo import records
    from ecocsme.practices.models import IndexEntry, Practice
    from ecocsme.practices.search import fulltext
    from ecocsme.practices.search.indexing import bump
    from ecocsme.reference.models import EcocTitle, NaceDivision
    from ecocsme.text.embeddings import from_bytes, to_bytes

    rng = random.Random(seed)
    corpus = records()
    by_language = {language: [r for r in corpus if r["language"] == language] for language in LANGUAGES}
    entries_of_corpus = IndexEntry.objects.select_related("practice").filter(
        practice__slug__in=[r["id"] for r in corpus])
    vectors = {entry.practice.slug: from_bytes(bytes(entry.embedding)) for entry in entries_of_corpus}
    project = Project.objects.get(code="PGI06047")
    partners = list(project.partners.all())
    titles = list(EcocTitle.objects.exclude(city="").filter(year__gte=2000).values_list("pk", flat=True))
    sectors = list(NaceDivision.objects.values_list("code", flat=True))
    themes = sorted({theme for r in corpus for theme in r.get("themes", [])})
    noise = np.random.default_rng(seed)
    with transaction.atomic():
        scale_remove()
        practices, entries = [], []
        for number in tqdm(range(n), desc="practices at scale", unit="practice"):
            language = LANGUAGES[number % len(LANGUAGES)]
            first, second = rng.choice(by_language[language]), rng.choice(by_language[language])
            title = f"{first['title'][:80]} · {second['city']}"
            summary = f"{first['summary']} {second['summary']}"
            body = "\n".join([summary, second["description"], first.get("evidence_of_success", ""),
                              " ".join(second.get("keywords", []))])
            practices.append(Practice(
                project=project, partner=rng.choice(partners), slug=f"scale-{number}", status="published",
                is_example=True, title={language: title}, summary={language: summary},
                description={language: second["description"]}, country=second["country"],
                city=second["city"], ecoc_title_id=rng.choice(titles),
                phases=rng.sample(["preparation", "event_year", "legacy"], rng.randint(1, 2)),
                themes=rng.sample(themes, 2), published_at=None))
            vector = vectors.get(first["id"], noise.standard_normal(384).astype(np.float32))
            vector = vector + noise.normal(0, 0.02, vector.shape).astype(np.float32)
            entries.append((language, title, body, to_bytes(vector / np.linalg.norm(vector))))
        practices = Practice.objects.bulk_create(practices, batch_size=1000)
        if not all(p.pk for p in practices):
            practices = list(Practice.objects.filter(slug__startswith="scale-").order_by("pk"))
        through = Practice.sectors.through
        through.objects.bulk_create([through(practice_id=p.pk, nacedivision_id=code)
                                     for p in practices for code in rng.sample(sectors, 2)], batch_size=5000)
        rows = IndexEntry.objects.bulk_create([
            IndexEntry(practice=p, language=language, title=title, body=body, embedding=vector, model="bench")
            for p, (language, title, body, vector) in zip(practices, entries, strict=True)], batch_size=1000)
        if not all(row.pk for row in rows):
            rows = list(IndexEntry.objects.filter(practice__slug__startswith="scale-"))
        for start in range(0, len(rows), 500):
            fulltext.write(rows[start:start + 500])
        bump()
    return n


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def speed(table: Table, size: str) -> None:
    from django.db import connection

    from ecocsme.practices.models import Practice
    from ecocsme.practices.search import catalogue as catalogues
    from ecocsme.practices.search import engine, fulltext
    from ecocsme.text.search import parse_query

    queries = [q["query"] for q in query_set(QUERY_SETS["development"])] or ["festival", "kalėjimas"]
    facets = [("phase", "event_year"), ("phase", "preparation"), ("phase", "legacy")]
    themes = ["creative_industries", "youth", "tourism", "heritage_reuse", "startups_incubation"]
    started = time.perf_counter()
    catalogues.forget()
    catalogues.current()
    table.add("practice catalogue load (vectors and facets)", size,
              (time.perf_counter() - started) * 1000, "ms")
    from ecocsme.text.embeddings import MemoryStore, default_embedder

    embedder = default_embedder()
    if hasattr(embedder, "store"):
        embedder.store = MemoryStore()  # the quality run embedded these queries: forget them
    client = Client()
    bare, cold, warm = [], [], []
    for number, text in enumerate(queries):
        phase = facets[number % len(facets)]
        url = f"/en/practices/?q={text}&{phase[0]}={phase[1]}&theme={themes[number % len(themes)]}"
        for samples in (cold, warm, warm, warm):
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        query = parse_query(text)
        for _repeat in range(3):
            started = time.perf_counter()
            fulltext.ranked(query)
            bare.append((time.perf_counter() - started) * 1000)
    vendor = connection.vendor
    page = f"practice search page, query + 2 facets ({vendor})"
    table.add(f"{page}, warm: median", size, statistics.median(warm), "ms")
    table.add(f"{page}, warm: p95", size, _percentile(warm, 0.95), "ms")
    table.add(f"{page}, a query seen the first time: median", size, statistics.median(cold), "ms")
    table.add(f"{page}, a query seen the first time: p95", size, _percentile(cold, 0.95), "ms")
    table.add(f"bare full-text query ({vendor}) median", size, statistics.median(bare), "ms")
    table.add(f"bare full-text query ({vendor}) p95", size, _percentile(bare, 0.95), "ms")
    table.add(f"page ÷ bare query, warm medians ({vendor})", size,
              statistics.median(warm) / statistics.median(bare), "×")
    ids = list(Practice.objects.filter(status="published").values_list("pk", flat=True)[:50])
    samples = []
    for pk in ids:
        started = time.perf_counter()
        engine.similar(pk)
        samples.append((time.perf_counter() - started) * 1000)
    table.add(f"similar practices ({vendor}) median", size, statistics.median(samples), "ms")


def guideline_files(table: Table) -> None:
    """The demo guidelines' latest version (13 recommendations, about 30 sources) as PDF and DOCX."""
    from django.utils import translation

    from ecocsme.guidelines.access import public_version
    from ecocsme.guidelines.demo import guidelines_demo_load
    from ecocsme.guidelines.reports import version_file_bytes
    from ecocsme.guidelines.selectors import document_view, public_links
    from ecocsme.labs.demo import example_answers_load
    from ecocsme.partnerships.models import Project

    project = Project.objects.get(code="PGI06047")
    example_answers_load(project.labs.get(partner__number=6, number=2))
    guidelines_demo_load(project)
    version = public_version("engaging-local-smes", None)
    for fmt in ("pdf", "docx"):
        with translation.override("en"):
            samples = []
            for _repeat in range(3):
                started = time.perf_counter()
                doc = document_view(version.snapshot, language="en", visible=public_links(version.snapshot))
                _type, data = version_file_bytes(doc, fmt)
                samples.append(time.perf_counter() - started)
        table.add(f"guidelines {fmt.upper()} build ({len(data) // 1024} KB)",
                  f"version {version.number}", statistics.median(samples) * 1000, "ms")


def run(table: Table) -> None:
    from ecocsme.partnerships.models import Project
    from ecocsme.practices.demo import practices_demo_load

    project = Project.objects.get(code="PGI06047")
    scale_remove()
    with tqdm(total=1, desc="demo practices (embedding)", unit="practice") as bar:
        def progress(done, total):
            bar.total = total
            bar.n = done
            bar.refresh()

        practices_demo_load(project, progress=progress)
    quality(table)
    guideline_files(table)
    speed(table, "demo")
    scale_generate()
    speed(table, f"{SCALE:,} practices")
