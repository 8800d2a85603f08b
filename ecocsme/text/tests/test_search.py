"""The words of a search (text.search) and the thesaurus that carries them across languages
(text.thesaurus), and sentence vectors without their language (text.crosslingual)."""

import csv

import numpy as np
import pytest

from ecocsme.text import crosslingual, thesaurus
from ecocsme.text.languages import LANGUAGES
from ecocsme.text.search import Query, document_terms, fts5_match, fuse, highlight, parse_query

CODES = [language.code for language in LANGUAGES]


def matches(query: str, text: str, language: str) -> bool:
    """Whether a document in `language` holding `text` has a word of the query (as FTS5 would)."""
    stored = set(document_terms(text, language).split())
    parsed = parse_query(query)
    for alternatives, translations in zip(parsed.terms, parsed.expansions, strict=True):
        for stem in alternatives:
            if stem in stored or (len(stem) >= 5 and any(word.startswith(stem) for word in stored)):
                return True
        if any(all(stem in stored for stem in term.stems) for term in translations):
            return True
    return False


@pytest.mark.parametrize(("query", "text", "language"), [
    ("antreprenoriatului", "Antreprenoriat pentru copii", "ro"),
    ("scolile", "în școlile din oraș", "ro"),
    ("kalejimo", "Buvęs kalėjimas tapo kūrybos centru", "lt"),
    ("yrittäjyyskasvatuksen", "Yrittäjyyskasvatus alakouluissa", "fi"),
    ("Gründerinnen", "Gründerzentrum in der Kaserne", "de"),
    ("poduzetnistvo", "Poduzetništvo za djecu", "hr"),
    ("ondernemers", "Een ondernemer in de haven", "nl"),
    ("imprenditori", "Imprenditoria giovanile", "it"),
])
def test_inflected_and_unaccented_words_match_their_language(query, text, language):
    assert matches(query, text, language)


@pytest.mark.parametrize(("query", "text", "language"), [
    ("kalėjimas", "A former prison turned into studios", "en"),
    ("zatvor", "Un fost penitenciar transformat", "ro"),
    ("vapaaehtoiset", "Volunteers welcome visitors at the station", "en"),
    ("Ausschreibungen", "A tender split into lots", "en"),
])
def test_the_thesaurus_carries_a_word_into_other_languages(query, text, language):
    assert matches(query, text, language)


def test_unrelated_words_do_not_match():
    assert not matches("kalėjimas", "Local food suppliers at festivals", "en")
    assert not matches("festival", "A former prison turned into studios", "en")


@pytest.mark.parametrize("text", ['"', '"unbalanced', "NEAR(a b)", "prison*", "-prison", "a OR b",
                                  "^x", "col:umn", "(((", "'; DROP TABLE x; --", "\x00", "x" * 10_000])
def test_queries_become_quoted_words_only(text):
    expression = fts5_match(parse_query(text))
    if not expression:
        return
    for group in expression.split(" OR "):
        for token in group.strip("()").split(" AND "):
            token = token.strip("()")
            assert token.startswith('"') and token.rstrip("*").endswith('"'), (text, token)


def test_stop_words_alone_still_search_and_long_queries_are_cut():
    assert parse_query("the and of")
    assert len(parse_query("word " * 500).words) == 1
    assert len(parse_query(" ".join(f"w{i}x" for i in range(50))).words) == 12
    assert not parse_query("   ")


def test_snippets_mark_inflected_words_and_escape_html():
    snippet, count = highlight("<b>Festivalurile</b> locale cumpără de la <i>furnizori</i> locali.", "ro",
                               parse_query("festival furnizor"))
    assert "<mark>Festivalurile</mark>" in snippet and "<mark>furnizori</mark>" in snippet
    assert "&lt;b&gt;" in snippet and count == 2


def test_snippets_centre_on_the_matches():
    text = "Filler words here. " * 40 + "The prison became studios." + " More filler." * 40
    snippet, _count = highlight(text, "en", parse_query("prison"), width=120)
    assert "<mark>prison</mark>" in snippet and snippet.startswith("…") and snippet.endswith("…")


def test_fusion_rewards_agreement():
    assert fuse([["a", "b", "c"], ["b", "a", "d"]])[:2] in (["a", "b"], ["b", "a"])
    assert fuse([["a"], ["b"]], [1.0, 0.5]) == ["a", "b"]


def test_every_concept_is_in_every_language():
    for path in sorted(thesaurus.DATA.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            assert reader.fieldnames == ["concept", *CODES], path.name
            for row in reader:
                assert all(row[code].strip() for code in CODES), (path.name, row["concept"])
                assert "ş" not in row["ro"] and "ţ" not in row["ro"], row["concept"]


def test_thesaurus_concepts_are_unique_across_files():
    seen = {}
    for path in sorted(thesaurus.DATA.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                assert row["concept"] not in seen, (row["concept"], path.name, seen.get(row["concept"]))
                seen[row["concept"]] = path.name
    assert len(seen) > 500


def test_language_directions_are_shipped_for_the_default_model():
    directions = crosslingual.directions("multilingual-e5-small-q4")
    assert set(directions) == set(CODES)
    vectors = np.eye(3, 384, dtype=np.float32)
    moved = crosslingual.without_language(vectors, ["lt", "en", "xx"], "multilingual-e5-small-q4")
    assert np.allclose(np.linalg.norm(moved, axis=1), 1.0)
    assert not np.allclose(moved[0], vectors[0]) and np.allclose(
        crosslingual.without_language(vectors, ["lt"] * 3, "another-model"), vectors)


def test_query_is_hashable_for_caching():
    assert isinstance(parse_query("prison"), Query)
