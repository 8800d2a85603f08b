"""The published practices as each process keeps them in memory for searching: their sentence
vectors (one per language version) and their facet values as arrays, so that the vector half
of a search, the facet filters and the facet counts cost no database query.

A catalogue is rebuilt when the index's version (`IndexState`) differs from the one it was
built at; every search reads that version (one small query).
"""

import threading
from dataclasses import dataclass, field

import numpy as np

from ecocsme.text.crosslingual import without_language
from ecocsme.text.embeddings import from_bytes

from ..models import IndexEntry, IndexState, Practice

FACETS = ("ecoc", "country", "phase", "theme", "sector")


@dataclass
class Catalogue:
    version: int
    ids: np.ndarray  # practice ids, one per row
    published: np.ndarray  # publication order: larger is newer
    vectors: np.ndarray  # one row per language version
    owners: np.ndarray  # the row in `ids` of each vector
    values: dict[str, list] = field(default_factory=dict)  # facet → its values, in column order
    members: dict[str, np.ndarray] = field(default_factory=dict)  # facet → bool (practice × value)
    # What facet values are called: ECoC titles by id, NACE divisions' titles by code.
    labels: dict[str, dict] = field(default_factory=dict)
    _rows: dict | None = None

    @property
    def size(self) -> int:
        return len(self.ids)

    def rows_of(self, practice_ids) -> np.ndarray:
        if self._rows is None:
            self._rows = {pk: row for row, pk in enumerate(self.ids.tolist())}
        index = self._rows
        return np.array([index[pk] for pk in practice_ids if pk in index], dtype=np.int64)

    def mask(self, filters: dict[str, list], *, without: str | None = None) -> np.ndarray:
        """The practices having, for each facet filtered, at least one of the values asked for."""
        keep = np.ones(self.size, dtype=bool)
        for facet, wanted in filters.items():
            if facet == without or not wanted:
                continue
            columns = [self.values[facet].index(value) for value in wanted if value in self.values[facet]]
            keep &= self.members[facet][:, columns].any(axis=1) if columns else False
        return keep

    def counts(self, facet: str, rows_mask: np.ndarray) -> list[tuple[object, int]]:
        totals = self.members[facet][rows_mask].sum(axis=0)
        return [(value, int(count)) for value, count in zip(self.values[facet], totals, strict=True)
                if count]

    def similarities(self, vector: np.ndarray) -> np.ndarray:
        """The best cosine of each practice's language versions with `vector`."""
        best = np.full(self.size, -1.0, dtype=np.float32)
        if len(self.vectors):
            np.maximum.at(best, self.owners, self.vectors @ vector.astype(np.float32))
        return best


_lock = threading.Lock()
_current: Catalogue | None = None


def index_version() -> int:
    state = IndexState.objects.filter(pk=1).values_list("version", flat=True).first()
    return state or 0


def current() -> Catalogue:
    global _current
    version = index_version()
    with _lock:
        if _current is None or _current.version != version:
            _current = build(version)
        return _current


def build(version: int) -> Catalogue:
    practices = list(Practice.objects.filter(status=Practice.Status.PUBLISHED)
                     .order_by("published_at", "id")
                     .values_list("id", "ecoc_title_id", "country", "phases", "themes"))
    ids = np.array([row[0] for row in practices], dtype=np.int64)
    row_of = {pk: row for row, pk in enumerate(ids.tolist())}
    sectors: dict[int, list[str]] = {}
    for practice_id, code in Practice.sectors.through.objects.filter(
            practice__status=Practice.Status.PUBLISHED).values_list("practice_id", "nacedivision_id"):
        sectors.setdefault(practice_id, []).append(code)
    facet_values = {
        "ecoc": [[row[1]] if row[1] else [] for row in practices],
        "country": [[row[2]] if row[2] else [] for row in practices],
        "phase": [list(row[3] or []) for row in practices],
        "theme": [list(row[4] or []) for row in practices],
        "sector": [sectors.get(row[0], []) for row in practices],
    }
    catalogue = Catalogue(version=version, ids=ids, published=np.arange(len(ids)),
                          vectors=np.zeros((0, 0), dtype=np.float32),
                          owners=np.zeros(0, dtype=np.int64))
    for facet, per_practice in facet_values.items():
        values = sorted({value for vals in per_practice for value in vals}, key=str)
        column = {value: col for col, value in enumerate(values)}
        members = np.zeros((len(ids), len(values)), dtype=bool)
        for row, vals in enumerate(per_practice):
            members[row, [column[value] for value in vals]] = True
        catalogue.values[facet], catalogue.members[facet] = values, members
    from ecocsme.reference.models import EcocTitle, NaceDivision

    catalogue.labels = {
        "ecoc": {title.pk: title for title in EcocTitle.objects.filter(pk__in=catalogue.values["ecoc"])},
        "sector": dict(NaceDivision.objects.filter(code__in=catalogue.values["sector"])
                       .values_list("code", "title")),
    }
    entries = [entry for entry in IndexEntry.objects.filter(practice__status=Practice.Status.PUBLISHED)
               .values_list("practice_id", "language", "embedding", "model") if entry[0] in row_of]
    if entries:
        # Compared on what they say, not on the language they say it in (text.crosslingual).
        vectors = np.vstack([from_bytes(bytes(entry[2])) for entry in entries])
        catalogue.vectors = without_language(vectors, [entry[1] for entry in entries], entries[0][3])
        catalogue.owners = np.array([row_of[entry[0]] for entry in entries], dtype=np.int64)
    return catalogue


def forget() -> None:
    """Drop this process's catalogue (tests that change the index behind its back)."""
    global _current
    with _lock:
        _current = None
