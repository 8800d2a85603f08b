"""Theme finding on a small hand-written multilingual set and on the labelled development sets,
and the helpers kept themes use."""

import numpy as np
import pytest

from ecocsme.text import clustering, domain
from ecocsme.text.clustering import (
    OTHER_LABEL,
    Theme,
    find_themes,
    language_nmi,
    nearest,
    quotes_for,
    scores,
)
from ecocsme.text.embeddings import default_embedder

from .dev_sets import DEV_SETS, dev_sets
from .examples import EXAMPLES


@pytest.fixture(scope="module")
def embedded():
    texts = [text for _theme, _lang, text in EXAMPLES]
    return default_embedder().embed(texts)


def test_translations_land_in_the_same_theme(embedded):
    ids = [f"x{i}" for i in range(len(EXAMPLES))]
    themes = find_themes(ids, [e[2] for e in EXAMPLES], embedded, [e[1] for e in EXAMPLES])
    truth = {ids[i]: EXAMPLES[i][0] for i in range(len(EXAMPLES))}
    result = scores(themes, truth)
    assert result["nmi"] >= 0.8, result
    assigned = [answer for theme in themes for answer in theme.answer_ids]
    assert sorted(assigned) == sorted(ids)  # every answer in exactly one theme
    for theme in themes:
        assert theme.label and set(theme.quote_ids) <= set(theme.answer_ids)


def test_few_answers_make_one_theme():
    vectors = np.eye(3, 384, dtype=np.float32)
    themes = find_themes(["a", "b", "c"], ["one", "two", "three"], vectors, ["en"] * 3)
    assert [t.answer_ids for t in themes] == [["a", "b", "c"]]
    assert themes[0].is_other and themes[0].label == OTHER_LABEL
    assert find_themes([], [], np.zeros((0, 384), dtype=np.float32), []) == []


def test_the_number_of_themes_can_be_asked_for(embedded):
    ids = [f"x{i}" for i in range(len(EXAMPLES))]
    themes = find_themes(ids, [e[2] for e in EXAMPLES], embedded, [e[1] for e in EXAMPLES], themes=2)
    assert len([t for t in themes if not t.is_other]) == 2


def test_new_vectors_go_to_the_nearest_centre_above_the_threshold():
    centres = np.array([[1, 0, 0], [0, 1, 0]], dtype=np.float32)
    vectors = np.array([[0.9, 0.1, 0], [0.1, 2, 0], [0, 0, 1]], dtype=np.float32)
    assert nearest(vectors, centres) == [0, 1, 0]
    assert nearest(vectors, centres, threshold=0.5) == [0, 1, -1]


def test_quotes_are_central_readable_and_in_several_languages(embedded):
    portal = [i for i, e in enumerate(EXAMPLES) if e[0] == "portal"]
    chosen = quotes_for([EXAMPLES[i][2] for i in portal], [EXAMPLES[i][1] for i in portal], embedded[portal])
    assert len(chosen) == 3 and len({EXAMPLES[portal[i]][1] for i in chosen}) == 3
    assert quotes_for([], [], np.zeros((0, 384))) == []


def test_scores_ignore_answers_labelled_other():
    themes = [Theme("a", [], ["1", "2"], []), Theme("b", [], ["3", "4"], [])]
    truth = {"1": "x", "2": "x", "3": "y", "4": OTHER_LABEL}
    assert scores(themes, truth) == {"nmi": 1.0, "purity": 1.0, "themes": 2}
    assert scores(themes, {})["nmi"] == 0.0


# --- the bar on the labelled sets (issue 14): themes as people labelled them, not languages -------
@pytest.fixture(scope="module")
def labelled():
    return dev_sets()


def test_stored_vectors_of_the_labelled_sets_are_the_models(labelled):
    items, vectors = labelled[DEV_SETS[0]]
    from ecocsme.text.e5 import E5SmallEmbedder

    fresh = E5SmallEmbedder().embed([a["text"] for a in items[:4]])  # the model's, not a cache's
    assert np.min(np.sum(fresh * vectors[:4], axis=1)) > 0.999


@pytest.mark.parametrize("name", DEV_SETS)
def test_themes_follow_the_human_labels_across_languages(labelled, name):
    items, vectors = labelled[name]
    truth = {a["id"]: a["theme"] for a in items}
    languages = {a["id"]: a["lang"] for a in items}
    found = []
    for seed in range(3):  # a bar one lucky seed cannot pass
        themes = find_themes([a["id"] for a in items], [a["text"] for a in items], vectors,
                             [a["lang"] for a in items], seed=seed,
                             questions=[a["question"] for a in items])
        found.append(scores(themes, truth)["nmi"])
        # languages spread over the themes (0.02 when this was written)
        assert language_nmi(themes, languages, truth) < 0.1
    # 0.67–0.70 per seed when this was written; without the questions' offsets taken out (and
    # the domain stretched twice as hard) 0.62–0.67, with runs into fewer parts 0.59–0.65
    assert min(found) >= 0.63 and sum(found) / len(found) >= 0.66, found


def test_the_domain_directions_stretch_vectors_only_for_a_known_model():
    rng = np.random.default_rng(0)
    points = rng.normal(size=(20, 384)).astype(np.float32)
    np.testing.assert_array_equal(domain.emphasised(points.copy(), "no-such-model"), points)
    stretched = domain.emphasised(points.copy(), default_embedder().name)
    assert np.allclose(np.linalg.norm(stretched, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(stretched, points)


def test_concept_vectors_leave_each_languages_offset_out():
    meanings = {"grant": np.array([0, 0, 1.0, 0]), "tender": np.array([0, 0, 0, 1.0])}
    offsets = {"en": np.array([3.0, 0, 0, 0]), "ro": np.array([0, 3.0, 0, 0])}

    def embed(texts):  # "ro:grant": the meaning, far along the language's own direction
        return np.stack([meanings[t.split(":")[1]] + offsets[t.split(":")[0]] for t in texts])

    vectors = domain.measure({code: [f"{code}:grant", f"{code}:tender"] for code in offsets}, embed)
    assert np.allclose(vectors.sum(axis=0), 0, atol=1e-6)  # nothing common to all concepts is left
    assert np.allclose(vectors[:, :2], 0, atol=1e-6)  # nor any language's direction
    assert vectors[0, 2] > 0 > vectors[0, 3] and vectors[1, 3] > 0 > vectors[1, 2]


def test_a_questions_offset_is_taken_out_in_part():
    rng = np.random.default_rng(1)
    offsets = {"1": np.eye(8)[0] * 2.0, "2": np.eye(8)[1] * 2.0}
    questions = ["1"] * 6 + ["2"] * 6 + ["3"] * 3  # a question of three answers is left as it is
    points = np.stack([offsets.get(q, np.zeros(8)) + rng.normal(0, 0.1, 8) for q in questions])
    points = clustering._normalise_rows(points)
    before = points.copy()
    moved = clustering._centred(points.copy(), questions, share=clustering.QUESTION_SHARE)
    gap = lambda p: np.linalg.norm(p[:6].mean(axis=0) - p[6:12].mean(axis=0))  # noqa: E731
    assert 0.4 * gap(before) < gap(moved) < 0.95 * gap(before)
    assert np.allclose(np.linalg.norm(moved, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(clustering._centred(before.copy(), ["1"] * 15, share=0.3), before)
