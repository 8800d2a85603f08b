"""Taking the language out of sentence vectors. multilingual-e5-small places a text partly by
what it says and partly by the language it says it in: a Lithuanian word sits nearer any
Lithuanian text than the English text that means the same. Each language's direction is the
mean vector of the same sentences in that language minus the mean over all languages; a
document's vector less its language's direction is compared across languages on what it says.

The directions are measured on parallel texts (the platform's own interface sentences, the same
in every language: `scripts/language_directions.py`) and kept per model in
`data/language_directions-<model>.npz`; a model without a file is used as it is.
"""

from functools import lru_cache
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "data"
STRENGTH = 1.5  # how much of the direction is taken out; measured on the development queries


def directions_path(model: str) -> Path:
    return DATA / f"language_directions-{model}.npz"


@lru_cache(maxsize=4)
def directions(model: str) -> dict[str, np.ndarray]:
    path = directions_path(model)
    if not path.exists():
        return {}
    with np.load(path) as data:
        return {code: data[code].astype(np.float32) for code in data.files}


def measure(vectors_by_language: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Each language's direction from the vectors of the same texts in every language."""
    means = {code: vectors.mean(axis=0) for code, vectors in vectors_by_language.items()}
    overall = np.mean(list(means.values()), axis=0)
    return {code: (mean - overall).astype(np.float32) for code, mean in means.items()}


def without_language(vectors: np.ndarray, languages: list[str], model: str,
                     strength: float = STRENGTH) -> np.ndarray:
    """Unit vectors of `vectors` (one row per text in `languages`) with their language taken out."""
    known = directions(model)
    if not known or not len(vectors):
        return vectors
    shift = np.vstack([known.get(code, np.zeros(vectors.shape[1], dtype=np.float32)) for code in languages])
    adjusted = vectors - strength * shift
    return (adjusted / np.linalg.norm(adjusted, axis=1, keepdims=True)).astype(np.float32)
