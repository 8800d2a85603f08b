"""The practice search (GP-2): full text and sentence vectors fused into one ranking, filtered
and counted by facets.

`search()` returns the ids of the matching published practices in order with the facet counts;
the page or the API fetches the practices it shows and their snippets (`snippets()`).
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from ecocsme.text.embeddings import default_embedder
from ecocsme.text.search import Marker, Query, fuse, highlight, parse_query

from ..models import IndexEntry
from . import catalogue as catalogues
from . import fulltext
from .catalogue import FACETS

# Tuned on the development half of bench/data/practice_queries.jsonl (`python -m bench practices`).
# Similarities are those of vectors with their language taken out (text.crosslingual).
# Every text is somewhat close to every query, so closeness alone does not make a match: a
# practice counts when it stands out from the library (VECTOR_STANDOUT standard deviations above
# the mean closeness to the query), among the VECTOR_LIMIT closest.
VECTOR_STANDOUT = 1.0
VECTOR_LIMIT = 10
WEIGHTS = (1.0, 0.5)  # full text, vectors
FUSION_K = 5  # reciprocal rank fusion: small, so that the first places of each list count most
SIMILAR_FLOOR = 0.75


@dataclass
class Results:
    query: Query
    ids: list[int]  # every match, best first
    facets: dict[str, list[tuple[object, int]]] = field(default_factory=dict)
    labels: dict[str, dict] = field(default_factory=dict)  # the catalogue's names of facet values

    @property
    def total(self) -> int:
        return len(self.ids)


def search(text: str, filters: dict[str, list] | None = None) -> Results:
    """The published practices matching `text` (any language) and the facet filters
    ({facet: [values]}, any value of a facet, every facet), best first; without text, the newest
    first."""
    filters = {facet: values for facet, values in (filters or {}).items() if facet in FACETS and values}
    catalogue = catalogues.current()
    query = parse_query(text)
    allowed = catalogue.mask(filters)
    if not query:
        rows = np.flatnonzero(allowed)[::-1]
        matched = np.ones(catalogue.size, dtype=bool)
    else:
        ranking = _ranking(query, catalogue, allowed)
        rows = np.array(ranking, dtype=np.int64)
        matched = np.zeros(catalogue.size, dtype=bool)
        matched[rows] = True
    facets = {facet: catalogue.counts(facet, matched & catalogue.mask(filters, without=facet))
              for facet in FACETS}
    return Results(query=query, ids=catalogue.ids[rows].tolist() if len(rows) else [], facets=facets,
                   labels=catalogue.labels)


def _ranking(query: Query, catalogue, allowed: np.ndarray) -> list[int]:
    """Catalogue rows, best first: the full-text ranking fused with the vector ranking. The
    query's vector is computed while the database answers the full-text half."""
    vector = _EMBEDDING.submit(_query_vector, query.text) if len(catalogue.vectors) else None
    text_rows = catalogue.rows_of(pk for pk, _score in fulltext.ranked(query))
    text_rows = [row for row in text_rows.tolist() if allowed[row]]
    vector_rows = _nearest(catalogue, vector.result(), allowed) if vector is not None else []
    return fuse([text_rows, vector_rows], WEIGHTS, k=FUSION_K)


# One thread per process embeds every query: the engine is never entered twice at once.
_EMBEDDING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="query-vector")


def _query_vector(text: str) -> np.ndarray:
    return default_embedder().embed([text], kind="query")[0]


def _nearest(catalogue, vector: np.ndarray, allowed: np.ndarray) -> list[int]:
    if not catalogue.size or not len(catalogue.vectors):
        return []
    similarity = catalogue.similarities(vector)
    floor = similarity.mean() + VECTOR_STANDOUT * similarity.std()
    similarity = np.where(allowed, similarity, -1.0)
    order = np.argsort(-similarity)[:VECTOR_LIMIT]
    return [int(row) for row in order if similarity[row] >= floor]


def similar(practice_id: int, *, limit: int = 5) -> list[int]:
    """The published practices closest in meaning to this one, in any language."""
    catalogue = catalogues.current()
    rows = catalogue.rows_of([practice_id])
    if not len(rows) or not len(catalogue.vectors):
        return []
    own = catalogue.vectors[catalogue.owners == rows[0]]
    if not len(own):  # published a moment ago, not indexed yet
        return []
    similarity = np.max(np.stack([catalogue.similarities(vector) for vector in own]), axis=0)
    similarity[rows[0]] = -1.0
    order = [int(row) for row in np.argsort(-similarity)[:limit] if similarity[row] >= SIMILAR_FLOOR]
    return catalogue.ids[order].tolist() if order else []


def snippets(query: Query, practices, language: str) -> dict[int, tuple[str, str]]:
    """{practice id: (snippet HTML with <mark>ed words, its language)} from the language version
    shown to the reader: theirs when the practice has it, else English, else any."""
    entries: dict[int, dict[str, IndexEntry]] = {}
    for entry in IndexEntry.objects.filter(practice__in=[p.pk for p in practices]).only(
            "practice_id", "language", "body", "title"):
        entries.setdefault(entry.practice_id, {})[entry.language] = entry
    result, markers = {}, {}
    for practice in practices:
        versions = entries.get(practice.pk, {})
        chosen = versions.get(language) or versions.get("en") or next(iter(versions.values()), None)
        if chosen is not None:
            marker = markers.get(chosen.language) or markers.setdefault(
                chosen.language, Marker(query, chosen.language))
            result[practice.pk] = (highlight(chosen.body, chosen.language, query, marker=marker)[0],
                                   chosen.language)
    return result
