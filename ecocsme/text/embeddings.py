"""Sentence vectors behind one interface, so that a bigger model can replace the default one.

The default is multilingual-e5-small (`e5.py`): translations of a sentence land next to each
other, so answers in Romanian and Dutch about the same idea can share a theme, and a search in
one language finds texts in another. Vectors are L2-normalised float32 rows.

Vectors already computed are kept in a cache keyed by a hash of (model, kind, text): in memory
by default, also in a file a test run's processes share (`FileStore`, ECOCSME_EMBEDDING_CACHE), or in
any `VectorStore` (an app may back one with a table).
"""

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

import numpy as np

logger = logging.getLogger(__name__)

Kind = Literal["query", "passage"]
# e5's roles: "query" for a text compared with others of its kind (clustering, matchmaking) or
# searched with; "passage" for a document that queries search.
KINDS: tuple[Kind, ...] = ("query", "passage")


@runtime_checkable
class Embedder(Protocol):
    name: str  # names the model and its settings: vectors of different names never mix
    dimension: int

    def embed(self, texts: Sequence[str], *, kind: Kind = "query") -> np.ndarray:
        """One unit-length float32 row per text, in order."""
        ...


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float32)


# --- the cache ------------------------------------------------------------------------------------
def cache_key(model: str, kind: str, text: str) -> str:
    """What a vector is kept under: the texts themselves are not kept."""
    return hashlib.sha256(f"{model}\x00{kind}\x00{text}".encode()).hexdigest()


class VectorStore(Protocol):
    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The vectors kept under those of the keys that are known."""
        ...

    def set_many(self, vectors: dict[str, np.ndarray]) -> None: ...


class MemoryStore:
    """The most recently used vectors, in this process (a vector of 384 floats is 1.5 KB)."""

    def __init__(self, size: int = 20_000):
        self.size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # a worker may embed in several threads

    def __len__(self) -> int:
        return len(self._vectors)

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found = {}
        with self._lock:
            for key in keys:
                if key in self._vectors:
                    self._vectors.move_to_end(key)
                    found[key] = self._vectors[key]
        return found

    def set_many(self, vectors: dict[str, np.ndarray]) -> None:
        with self._lock:
            for key, vector in vectors.items():
                self._vectors[key] = vector
                self._vectors.move_to_end(key)
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)


class FileStore:
    """Vectors kept in an SQLite file that the processes of a test run share, with the most
    recently used in memory in front. Not for a server: the file would keep the vectors of answers
    long after they were erased.

    The file is only a cache: when it cannot be opened, read or written (corrupt, read-only, a
    full disk, locked too long), a warning is logged and the store carries on in memory."""

    def __init__(self, path: str, memory: int = 20_000):
        self.path = path
        self.memory = MemoryStore(memory)
        self._lock = threading.Lock()
        self._connection = None
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=30, check_same_thread=False,
                                         isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("CREATE TABLE IF NOT EXISTS vector "
                               "(key TEXT PRIMARY KEY, data BLOB NOT NULL)")
            self._connection = connection
        except (sqlite3.Error, OSError) as error:
            self._give_up(error)

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found = self.memory.get_many(keys)
        wanted = [key for key in keys if key not in found]
        read = {}
        with self._lock:
            try:
                for start in range(0, len(wanted) if self._connection else 0, 5000):
                    rows = self._connection.execute(
                        "SELECT key, data FROM vector WHERE key IN (SELECT value FROM json_each(?))",
                        (json.dumps(wanted[start:start + 5000]),))
                    read.update((key, from_bytes(data).copy()) for key, data in rows if len(data) % 4 == 0)
            except sqlite3.Error as error:
                self._give_up(error)
        self.memory.set_many(read)
        return found | read

    def set_many(self, vectors: dict[str, np.ndarray]) -> None:
        self.memory.set_many(vectors)
        with self._lock:
            if not self._connection or not vectors:
                return
            try:
                self._connection.execute("BEGIN IMMEDIATE")  # one transaction, not one per vector
                self._connection.executemany("INSERT OR IGNORE INTO vector VALUES (?, ?)",
                                             [(key, to_bytes(v)) for key, v in vectors.items()])
                self._connection.execute("COMMIT")
            except sqlite3.Error as error:
                self._give_up(error)

    def _give_up(self, error: Exception) -> None:
        logger.warning("The file of sentence vectors %s is not used (%s); they are kept in memory.",
                       self.path, error)
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
        self._connection = None


class CachedEmbedder:
    """An embedder that computes only the vectors its store does not hold, in one batch."""

    def __init__(self, embedder: Embedder, store: VectorStore | None = None):
        self.embedder = embedder
        self.store = store if store is not None else MemoryStore()
        self.name = embedder.name
        self.dimension = embedder.dimension

    def embed(self, texts: Sequence[str], *, kind: Kind = "query") -> np.ndarray:
        keys = [cache_key(self.name, kind, text) for text in texts]
        known = self.store.get_many(list(dict.fromkeys(keys)))
        missing = {key: text for key, text in zip(keys, texts, strict=True) if key not in known}
        if missing:
            computed = self.embedder.embed(list(missing.values()), kind=kind)
            fresh = dict(zip(missing, computed, strict=True))
            self.store.set_many(fresh)
            known.update(fresh)
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, key in enumerate(keys):
            vectors[row] = known[key]
        return vectors


# --- the embedder in use -----------------------------------------------------------------------------
_default: Embedder | None = None
_default_lock = threading.Lock()


def default_embedder() -> Embedder:
    """The process's embedder: multilingual-e5-small with an in-memory cache, unless another
    was set; the cache is also kept in the file ECOCSME_EMBEDDING_CACHE names, when set."""
    global _default
    with _default_lock:
        if _default is None:
            from .e5 import E5SmallEmbedder

            path = os.environ.get("ECOCSME_EMBEDDING_CACHE")
            _default = CachedEmbedder(E5SmallEmbedder(), FileStore(path) if path else None)
        return _default


def default_model_name() -> str:
    """The name of the process's embedder, without loading a model to learn it."""
    with _default_lock:
        if _default is not None:
            return _default.name
    from .e5 import E5SmallEmbedder

    return E5SmallEmbedder.name


def set_default_embedder(embedder: Embedder | None) -> None:
    """Use another embedder (a bigger model, one whose cache is a table); None goes back to the
    default. Vectors of different embedders must not be compared: their names tell them apart."""
    global _default
    with _default_lock:
        _default = embedder
