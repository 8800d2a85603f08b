"""Timișoara's lab 2 (its theme and seven questions, from the seed document) run by `partner`
(built with factories, without the demo; it, its staff, another partner and its staff and the
coordinator come from ecocsme.testing.fixtures). `labelled_answers` are example answers of four
known themes with vectors."""

import json
from functools import cache
from pathlib import Path

import pytest

from ecocsme.labs.factories import LabFactory

CORPUS = Path(__file__).parent / "corpus" / "answers" / "labelled_a.jsonl"
THEMES = ("one_stop_info", "funding_microgrants", "legacy_continuity", "skills_training")


@pytest.fixture
def lab(partner):
    return LabFactory(partner=partner, timisoara_lab2=True)


@cache
def _labelled() -> tuple[dict, ...]:
    from ecocsme.text.embeddings import default_embedder, to_bytes

    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    chosen = []
    for theme in THEMES:
        chosen.extend([r for r in rows if r["theme"] == theme][:9])
    vectors = default_embedder().embed([r["text"] for r in chosen])
    return tuple({**r, "vector": to_bytes(v)} for r, v in zip(chosen, vectors, strict=True))


@pytest.fixture
def labelled_answers() -> list[dict]:
    """Nine answers of each of four labelled themes, in several languages, with their vectors
    (for `labs.factories.answers_create`)."""
    return list(_labelled())
