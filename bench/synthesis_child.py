"""Run one theme finding over N generated stored vectors in a fresh process; print seconds and
peak memory as JSON. Used by the text benchmarks so that memory is measured alone."""

import json
import resource
import sys
import time

import numpy as np


def generated(n: int, seed: int = 7):
    """Vectors spread around real answer embeddings, as stored vectors would be, with the
    languages of those answers and one of six questions each."""
    from bench.text import base_answers

    texts, languages, vectors = base_answers()
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(texts), n)
    points = np.empty((n, vectors.shape[1]), dtype=np.float32)
    for start in range(0, n, 20_000):
        chunk = vectors[picks[start:start + 20_000]]
        chunk += rng.normal(0, 0.035, size=chunk.shape).astype(np.float32)
        points[start:start + 20_000] = chunk / np.linalg.norm(chunk, axis=1, keepdims=True)
    questions = [str(1 + q) for q in rng.integers(0, 6, n)]
    return ([f"a{i}" for i in range(n)], [texts[i] for i in picks], points, [languages[i] for i in picks],
            questions)


def main() -> None:
    from ecocsme.text.clustering import find_themes

    n = int(sys.argv[1])
    ids, texts, vectors, languages, questions = generated(n)
    started = time.perf_counter()
    themes = find_themes(ids, texts, vectors, languages, questions=questions)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert sum(len(t.answer_ids) for t in themes) == n
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "themes": len(themes)}))


if __name__ == "__main__":
    main()
