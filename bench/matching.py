"""Benchmarks of matchmaking (ecocsme.text.matching), without Django or a database.

Quality: precision@5 and nDCG@10 of the organisations ranked for each opportunity, on the
development set (`data/matching/`, which the weights were chosen on) and the held-out set
(`data/matching_heldout/`, written apart and read once to check).

Scale: 200,000 organisations and 20,000 opportunities. Embedding that many texts with
multilingual-e5-small would take hours on this machine, so the vectors are made once from the
real ones: the language-free vectors of the 260 organisations and 105 opportunities of both
sets (computed with the model and cached in var/bench/) are mixed in pairs (0.7 and 0.3) with
Gaussian noise of norm 0.3, renormalised, under a fixed seed; each copy keeps the NACE
divisions, languages and kind of its first parent and gets a country drawn from the EU-27 by
population share. The scale run is a child process so that its peak memory is its own.

`python -m bench matching` runs them alone; `make bench` runs them with the others.
"""

import hashlib
import json
import math
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from .table import Table

ROOT = Path(__file__).resolve().parent.parent
SETS = {"development": ROOT / "bench" / "data" / "matching",
        "held-out": ROOT / "bench" / "data" / "matching_heldout"}
ORGANISATIONS, OPPORTUNITIES = 200_000, 20_000
ONLINE_SAMPLES = 300
TOP = 20
# EU-27 by approximate population share (per mille), for the synthetic organisations' countries.
COUNTRIES = {"DE": 187, "FR": 152, "IT": 132, "ES": 107, "PL": 82, "RO": 42, "NL": 40, "BE": 26,
             "CZ": 24, "SE": 23, "PT": 23, "GR": 23, "HU": 21, "AT": 20, "BG": 14, "DK": 13,
             "FI": 12, "SK": 12, "IE": 12, "HR": 9, "LT": 6, "SI": 5, "LV": 4, "EE": 3,
             "CY": 2, "LU": 2, "MT": 2}


def read_set(folder: Path):
    from ecocsme.text.matching import Opportunity, Profile

    def lines(name):
        return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines()
                if line.strip()]

    profiles = [Profile.from_record(record) for record in lines("organisations.jsonl")]
    posts = [Opportunity.from_record(record) for record in lines("opportunities.jsonl")]
    judgements = json.loads((folder / "judgements.json").read_text(encoding="utf-8"))
    return profiles, posts, judgements


def vectors_of(profiles, posts) -> tuple[np.ndarray, np.ndarray]:
    """The language-free vectors of a set's records, computed once per text set (var/bench)."""
    from ecocsme.text.embeddings import default_embedder
    from ecocsme.text.matching import opportunity_vectors, profile_vectors

    embedder = default_embedder()
    texts = [p.text for p in profiles] + [p.text for p in posts] + [embedder.name]
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    cache = ROOT / "var" / "bench" / f"matching-{digest}.npz"
    if cache.exists():
        with np.load(cache) as stored:
            return stored["profiles"], stored["posts"]
    found = profile_vectors(profiles, embedder), opportunity_vectors(posts, embedder)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, profiles=found[0], posts=found[1])
    return found


def ndcg_at(ranked: list[str], judgements: dict[str, int], k: int = 10) -> float:
    gains = [(2 ** judgements.get(item, 0) - 1) / math.log2(rank + 2) for rank, item in enumerate(ranked[:k])]
    ideal = [(2 ** grade - 1) / math.log2(rank + 2)
             for rank, grade in enumerate(sorted(judgements.values(), reverse=True)[:k])]
    return sum(gains) / sum(ideal) if sum(ideal) else 0.0


def quality(table: Table) -> dict[str, tuple[float, float]]:
    from ecocsme.text.matching import OrganisationIndex

    figures = {}
    for name, folder in SETS.items():
        if not folder.exists():
            continue
        profiles, posts, judgements = read_set(folder)
        profile_matrix, post_matrix = vectors_of(profiles, posts)
        ranked = OrganisationIndex.build(profiles, profile_matrix).batch(posts, post_matrix, k=10)
        lists = {post.id: [match.id for match in ranked[post.id]] for post in posts}
        judged = [post.id for post in posts if judgements.get(post.id)]
        precision = statistics.mean(
            sum(judgements[p].get(o, 0) > 0 for o in lists[p][:5]) / 5 for p in judged)
        ndcg = statistics.mean(ndcg_at(lists[p], judgements[p]) for p in judged)
        best = statistics.mean(min(5, len(judgements[p])) / 5 for p in judged)
        size = f"{name}: {len(profiles)} orgs, {len(posts)} opps"
        table.add("matching precision@5 (grade ≥ 1 counts)", size, precision, "")
        table.add("matching precision@5, the most the judgements allow", size, best, "")
        table.add("matching nDCG@10", size, ndcg, "")
        table.add("matching: grade-3 organisations writing in another language, in the top 10",
                  size, _other_language_recall(profiles, posts, judgements, lists), "share")
        figures[name] = (precision, ndcg)
    return figures


def _other_language_recall(profiles, posts, judgements, lists) -> float:
    language = {profile.id: profile.language for profile in profiles}
    pairs = [(post.id, org) for post in posts for org, grade in judgements.get(post.id, {}).items()
             if grade == 3 and language.get(org) != post.text_language]
    return sum(org in lists[post][:10] for post, org in pairs) / len(pairs) if pairs else 0.0


# --- Europe scale --------------------------------------------------------------------------------

def _mixed(base: np.ndarray, count: int, rng) -> tuple[np.ndarray, np.ndarray]:
    first = rng.integers(0, len(base), count)
    second = rng.integers(0, len(base), count)
    noise = rng.standard_normal((count, base.shape[1])).astype(np.float32)
    noise *= 0.3 / np.linalg.norm(noise, axis=1, keepdims=True)
    mixed = 0.7 * base[first] + 0.3 * base[second] + noise
    mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
    return mixed.astype(np.float32), first


def synthetic(organisations: int, opportunities: int, seed: int = 0):
    base_profiles, base_posts = [], []
    base_profile_vectors, base_post_vectors = [], []
    for folder in SETS.values():
        profiles, posts, _ = read_set(folder)
        profile_matrix, post_matrix = vectors_of(profiles, posts)
        base_profiles += profiles
        base_posts += posts
        base_profile_vectors.append(profile_matrix)
        base_post_vectors.append(post_matrix)
    rng = np.random.default_rng(seed)
    codes, shares = list(COUNTRIES), np.array(list(COUNTRIES.values()), dtype=float)
    profile_matrix, parents = _mixed(np.vstack(base_profile_vectors), organisations, rng)
    countries = rng.choice(codes, organisations, p=shares / shares.sum())
    profiles = [replace(base_profiles[parent], id=f"o{row}", country=str(country))
                for row, (parent, country) in enumerate(zip(parents, countries, strict=True))]
    post_matrix, parents = _mixed(np.vstack(base_post_vectors), opportunities, rng)
    countries = rng.choice(codes, opportunities, p=shares / shares.sum())
    open_to_all = rng.random(opportunities) < 0.5
    rows = enumerate(zip(parents, countries, open_to_all, strict=True))
    posts = [replace(base_posts[parent], id=f"p{row}", country=str(country), cross_border=bool(welcome))
             for row, (parent, country, welcome) in rows]
    return profiles, profile_matrix, posts, post_matrix


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def scale_child(organisations: int, opportunities: int) -> dict:
    """Runs in a child process: build, batch, online; returns the figures."""
    from ecocsme.text.matching import CHUNK, OrganisationIndex

    started = time.perf_counter()
    profiles, profile_matrix, posts, post_matrix = synthetic(organisations, opportunities)
    made = time.perf_counter() - started
    started = time.perf_counter()
    index = OrganisationIndex.build(profiles, profile_matrix)
    built = time.perf_counter() - started
    del profile_matrix
    queries = index.query_rows(posts, post_matrix)
    started = time.perf_counter()
    for rows, eligible in index.groups(posts):  # the same products, without picking the best
        for start in range(0, len(rows), CHUNK):
            queries[rows[start:start + CHUNK]] @ index.matrix[eligible].T
    bare_batch = time.perf_counter() - started
    started = time.perf_counter()
    ranked = index.batch(posts, post_matrix, k=TOP)
    batch = time.perf_counter() - started
    assert len(ranked) == len(posts)
    rng = np.random.default_rng(1)
    online, bare = [], []
    for row in rng.choice(len(posts), ONLINE_SAMPLES, replace=False):
        post, vector = posts[row], post_matrix[row]
        began = time.perf_counter()
        index.top(post, vector, k=TOP)
        online.append(time.perf_counter() - began)
        query = queries[row]
        began = time.perf_counter()
        index.matrix[index.eligible(post)] @ query
        bare.append(time.perf_counter() - began)
    return {"synthesis_s": made, "build_s": built, "batch_s": batch, "bare_batch_s": bare_batch,
            "online_median_ms": statistics.median(online) * 1000,
            "online_p95_ms": _percentile(online, 0.95) * 1000,
            "bare_median_ms": statistics.median(bare) * 1000,
            "bare_p95_ms": _percentile(bare, 0.95) * 1000,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def scale(table: Table, organisations: int = ORGANISATIONS, opportunities: int = OPPORTUNITIES) -> dict:
    for folder in SETS.values():  # the real vectors, cached before the child reads them
        vectors_of(*read_set(folder)[:2])
    completed = subprocess.run(
        [sys.executable, "-m", "bench.matching", "--scale-child", str(organisations), str(opportunities)],
        cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    size = f"{organisations:,} orgs, {opportunities:,} opps"
    table.add("matching: synthetic vectors made (from the sets' real ones, see bench/matching.py)",
              size, figures["synthesis_s"], "s")
    table.add("matching: organisation index built", size, figures["build_s"], "s")
    table.add(f"matching: top {TOP} organisations for every opportunity (batch)", size,
              figures["batch_s"], "s")
    table.add("matching: the same matrix products alone (lower bound)", size, figures["bare_batch_s"], "s")
    table.add("matching: batch ÷ bare products", size, figures["batch_s"] / figures["bare_batch_s"], "×")
    table.add(f"matching: one opportunity's top {TOP} online, median", size,
              figures["online_median_ms"], "ms")
    table.add(f"matching: one opportunity's top {TOP} online, p95", size, figures["online_p95_ms"], "ms")
    table.add("matching: its matrix–vector product alone, median", size, figures["bare_median_ms"], "ms")
    table.add("matching: its matrix–vector product alone, p95", size, figures["bare_p95_ms"], "ms")
    table.add("matching: online ÷ bare (medians)", size,
              figures["online_median_ms"] / figures["bare_median_ms"], "×")
    table.add("matching: peak memory of the scale run", size, figures["peak_mb"], "MB")
    return figures


def run(table: Table) -> None:
    quality(table)
    scale(table)


def main() -> int:
    table = Table()
    run(table)
    print()
    print(table.render())
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--scale-child"]:
        print(json.dumps(scale_child(int(sys.argv[2]), int(sys.argv[3]))))
    else:
        raise SystemExit(main())


# --- the pages, on the database at Europe scale (make bench; needs Django) ----------------------

def pages(table: Table) -> None:
    """The matches pages over the Europe-scale organisations (generate-scale-data), each made
    findable and verified with a vector mixed from the real ones: the first request after a
    change (each process rebuilds its matrix from the database) and the next ones."""
    import statistics as stats

    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from ecocsme.accounts.models import User
    from ecocsme.opportunities import matching as platform
    from ecocsme.opportunities.demo import opportunities_demo_load
    from ecocsme.opportunities.models import Opportunity
    from ecocsme.organisations.models import Organisation
    from ecocsme.text.embeddings import default_embedder, to_bytes

    from .harness import count_queries

    if not Opportunity.objects.filter(status="published", language="lt").exists():
        opportunities_demo_load()  # the demo's 55 posts in eight languages (make bench's demo has none)
    ids = list(Organisation.objects.filter(is_example=True).order_by("pk").values_list("pk", flat=True))
    _, vectors, _, _ = synthetic(len(ids), 1)
    name, now = default_embedder().name, timezone.now()
    table_name = Organisation._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table_name} SET profile_vector = %s, profile_vector_model = %s, findable = %s, "
            "verified_at = %s, updated_at = %s WHERE id = %s",
            [(to_bytes(vector), name, True, now, now, pk) for pk, vector in zip(ids, vectors, strict=True)])
    for published in Opportunity.objects.filter(status="published").prefetch_related("sectors"):
        platform.opportunity_embed(published)  # what their tasks do when they are posted
    opportunity = Opportunity.objects.filter(status="published", language="lt").order_by("pk").first()
    organisation = Organisation.objects.get(pk=ids[len(ids) // 2])
    client = Client()
    client.force_login(User.objects.get(username="coordinator"))
    size = f"{len(ids):,} findable orgs"
    for label, url in (("GET an opportunity's matches", f"/en/opportunities/{opportunity.pk}/matches/"),
                       ("GET an organisation's matches", f"/en/my/organisation/{organisation.pk}/matches/")):
        platform.forget()
        started = time.perf_counter()
        assert client.get(url).status_code == 200  # "the list follows in a few seconds"
        table.add(f"{label}, in a process without its matrix (the page asks again)", size,
                  (time.perf_counter() - started) * 1000, "ms")
        while platform._reading.is_set():
            time.sleep(0.05)
        table.add("… the matrix is read in the background in", size, time.perf_counter() - started, "s")
        client.get(url)  # the process's first answer loads the thesaurus, stemmers, templates
        samples = []
        for _ in range(15):
            with count_queries() as queries:
                began = time.perf_counter()
                client.get(url)
                samples.append(time.perf_counter() - began)
        table.add(f"{label}, server time", size, stats.median(samples) * 1000, "ms")
        table.add(f"{label}, SQL queries", size, queries.count, "queries")
    Organisation.objects.filter(pk=organisation.pk).update(updated_at=timezone.now())  # a change
    started = time.perf_counter()
    client.get(f"/en/opportunities/{opportunity.pk}/matches/")
    table.add("GET an opportunity's matches right after a profile changed (the previous matrix "
              "answers)", size, (time.perf_counter() - started) * 1000, "ms")
    while platform._reading.is_set():
        time.sleep(0.05)
    table.add("… the change is in the matches after", size, time.perf_counter() - started, "s")
