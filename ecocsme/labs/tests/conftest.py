"""Timișoara's lab 2 (its theme and seven questions, from the seed document) run by a partner
built with factories, a member of its staff, another partner and its staff, the coordinator —
without the demo. `labelled_answers` are example answers of four known themes with vectors."""

import json
from functools import cache
from pathlib import Path

import pytest

from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory
from ecocsme.labs.factories import LabFactory
from ecocsme.partnerships.factories import PartnerFactory

CORPUS = Path(__file__).parent / "corpus" / "answers" / "labelled_a.jsonl"
THEMES = ("one_stop_info", "funding_microgrants", "legacy_continuity", "skills_training")


@pytest.fixture
def partner(db):
    return PartnerFactory(city="Timișoara", country="RO", name="Municipality of Timișoara",
                          short_name="Timișoara")


@pytest.fixture
def other_partner(partner):
    return PartnerFactory(project=partner.project, city="Rijeka", country="HR", short_name="Rijeka")


@pytest.fixture
def lab(partner):
    return LabFactory(partner=partner, timisoara_lab2=True)


@pytest.fixture
def staff(partner):
    return PartnerStaffFactory(username="t-staff", partner=partner)


@pytest.fixture
def other_staff(other_partner):
    return PartnerStaffFactory(username="r-staff", partner=other_partner)


@pytest.fixture
def coordinator(partner):
    return CoordinatorFactory(username="coord", project=partner.project)


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
