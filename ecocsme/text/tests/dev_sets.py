"""The labelled answer sets theme finding was developed on (corpus/answers/labelled_a and _b) and
their vectors. The sets written afterwards to judge it (labelled_c, labelled_d…) are scored by
the bench only: nothing here reads them, so nothing is tuned on them.

The vectors are stored (vectors/dev_sets-<model>.npz) with a digest of the texts, so that the
tests need not embed 600 answers; stale or missing, they are embedded again.
"""

import hashlib
import json
from pathlib import Path

import numpy as np

from ecocsme.text.embeddings import default_embedder

HERE = Path(__file__).resolve().parent
ANSWERS = HERE / "corpus" / "answers"
DEV_SETS = ("labelled_a", "labelled_b")


def stored_path(model: str) -> Path:
    return HERE / "vectors" / f"dev_sets-{model}.npz"


def answers(name: str) -> list[dict]:
    lines = (ANSWERS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def digest(texts: list[str]) -> str:
    return hashlib.sha256("\n".join(texts).encode()).hexdigest()


def dev_sets() -> dict[str, tuple[list[dict], np.ndarray]]:
    """{set name: (its answers, their vectors)} for the development sets."""
    sets = {name: answers(name) for name in DEV_SETS}
    texts = [a["text"] for items in sets.values() for a in items]
    embedder = default_embedder()
    path = stored_path(embedder.name)
    vectors = None
    if path.exists():
        with np.load(path) as stored:
            if str(stored["digest"]) == digest(texts):
                vectors = stored["vectors"].astype(np.float32)
    if vectors is None:
        vectors = embedder.embed(texts)
    result, offset = {}, 0
    for name, items in sets.items():
        result[name] = (items, vectors[offset:offset + len(items)])
        offset += len(items)
    return result


def store() -> Path:
    """Write the development sets' vectors for the default embedder (after a model change)."""
    texts = [a["text"] for name in DEV_SETS for a in answers(name)]
    embedder = default_embedder()
    path = stored_path(embedder.name)
    np.savez_compressed(path, vectors=embedder.embed(texts), digest=digest(texts))
    return path


if __name__ == "__main__":
    print(store())
