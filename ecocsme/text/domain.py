"""The platform's domain as a way of measuring sentence vectors for themes (LAB-4).

A sentence vector spends its dimensions on everything a text might be about; the answers of a
lab differ along the directions in which the domain's own ideas differ (funding from
procurement, workspace from red tape). Those directions are measured on the thesaurus
(thesaurus.py): each concept's first term in the eight languages, embedded, each language's
mean taken out and the languages averaged, gives one language-free vector per concept. Scaling
the directions of answer vectors by how much the concepts spread along them (to a small power,
so that no direction is lost) lets theme finding see the domain's distinctions more clearly.

The concept vectors are kept per model in `data/concept_vectors-<model>.npz`
(`python -m ecocsme.text.domain` writes them for the default embedder); a model without a file
is used as it is.
"""

from functools import lru_cache
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "data"
STRENGTH = 0.1  # the power of the concepts' spread; 0 leaves vectors as they are (0.1 measured best)
CHUNK = 50_000


def vectors_path(model: str) -> Path:
    return DATA / f"concept_vectors-{model}.npz"


@lru_cache(maxsize=4)
def _scaling(model: str, strength: float) -> np.ndarray | None:
    """The linear map that stretches each direction by the concepts' spread along it."""
    path = vectors_path(model)
    if not path.exists():
        return None
    with np.load(path) as data:
        concepts = data["vectors"].astype(np.float64)
    concepts /= np.linalg.norm(concepts, axis=1, keepdims=True)
    _u, spread, directions = np.linalg.svd(concepts, full_matrices=False)
    if directions.shape[0] < directions.shape[1]:
        return None  # fewer concepts than dimensions: some directions would be lost
    return (directions.T * spread ** strength).astype(np.float32)


def emphasised(points: np.ndarray, model: str, strength: float = STRENGTH) -> np.ndarray:
    """Unit rows of `points`, centred on their mean and measured in the domain's directions;
    in place, chunk by chunk (the rows may be many). Unchanged without the model's file."""
    scaling = _scaling(model, strength)
    if scaling is None or points.shape[1] != scaling.shape[0] or len(points) < 2:
        return points
    mean = points.mean(axis=0)
    for start in range(0, len(points), CHUNK):
        chunk = (points[start:start + CHUNK] - mean) @ scaling
        norms = np.linalg.norm(chunk, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        points[start:start + CHUNK] = chunk / norms
    return points


def measure(terms_by_language: dict[str, list[str]], embed) -> np.ndarray:
    """One language-free vector per concept from its terms in each language (the same concepts,
    in the same order, in every list): each language's mean is taken out, then the languages
    are averaged."""
    centred = []
    for terms in terms_by_language.values():
        vectors = np.asarray(embed(terms), dtype=np.float64)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        centred.append(vectors - vectors.mean(axis=0))
    return np.mean(centred, axis=0).astype(np.float32)


def concept_terms() -> dict[str, list[str]]:
    """Each platform language's first term of every thesaurus concept (the English one where a
    language has none), concepts in a fixed order."""
    from .languages import LANGUAGES
    from .theme_labels import concept_names

    names = concept_names()
    concepts = sorted(names)
    return {language.code: [names[c].get(language.code) or names[c].get("en") or c.replace("_", " ")
                            for c in concepts] for language in LANGUAGES}


def main() -> int:
    from .embeddings import default_embedder

    embedder = default_embedder()
    terms = concept_terms()
    vectors = measure(terms, lambda texts: embedder.embed(texts, kind="query"))
    path = vectors_path(embedder.name)
    np.savez_compressed(path, vectors=vectors.astype(np.float16))
    print(f"{len(vectors)} concepts in {len(terms)} languages, model {embedder.name}: wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
