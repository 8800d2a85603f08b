"""Theme finding on a small hand-written multilingual set, and the helpers kept themes use."""

import numpy as np
import pytest

from ecocsme.text.clustering import OTHER_LABEL, Theme, find_themes, nearest, quotes_for, scores
from ecocsme.text.embeddings import default_embedder

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
