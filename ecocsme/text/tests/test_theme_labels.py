"""Theme labels from thesaurus concepts, in the reader's language (theme_labels.py)."""

import json
from collections import defaultdict
from pathlib import Path

from ecocsme.text.keywords import keywords_by_language_for
from ecocsme.text.theme_labels import (
    concept_name,
    concepts_in,
    joined,
    keywords_for_reader,
    theme_concepts,
    theme_label,
)

CORPUS = Path(__file__).parent / "corpus" / "answers"


def test_answers_in_different_languages_name_the_same_concepts():
    assert "start_up" in concepts_in("Startup-urile au nevoie de finanțare.", "ro")
    assert "start_up" in concepts_in("Startups hebben geld nodig.", "nl")
    assert "prison" in concepts_in("Kalėjimas tapo kultūros centru.", "lt")
    assert concepts_in("", "en") == set()


def test_a_pair_of_words_names_a_concept():
    assert "public_procurement" in concepts_in("Public procurement is too complicated.", "en")


def test_a_language_not_known_reads_the_text_under_every_stemmer():
    assert "prison" in concepts_in("Gevangenis", "?")


def test_concepts_are_scored_across_languages_against_the_other_themes():
    groups = {
        "money": [("Mikrogranturi pentru start-up-uri.", "ro"), ("Subsidies voor startups.", "nl"),
                  ("Small grants for start-ups and mentoring.", "en"), ("Città e festival.", "it")],
        "learning": [("Mentoring and workshops for founders.", "en"), ("Mentorat și ateliere.", "ro"),
                     ("Mentorstvo i radionice.", "hr"), ("Festival in the city.", "en")],
    }
    found = theme_concepts(groups)
    assert "start_up" in found["money"][:2]
    assert "mentoring" in found["learning"][:2]
    assert "festival" not in found["money"][:2] + found["learning"][:2]  # in both: says neither


def test_the_label_is_written_in_the_readers_language_as_a_phrase():
    concepts = ["start_up", "mentoring", "funding"]
    english = theme_label(concepts, {}, "en")
    assert english == "Start-up, mentoring and funding"
    romanian = theme_label(concepts, {}, "ro", last_joiner="%(list)s și %(last)s")
    assert romanian == "Start-up, mentorat și finanțare"
    assert theme_label(concepts[:1], {}, "lt") == concept_name("start_up", "lt").capitalize()


def test_near_repeats_are_named_once():
    assert theme_label(["mentoring", "mentor", "funding"], {}, "en") == "Mentoring and funding"


def test_without_concepts_the_keywords_of_the_readers_language_come_first():
    keywords = {"ro": ["piață", "chirie"], "nl": ["huur", "ruimte", "atelier"]}
    assert theme_label([], keywords, "ro") == "Piață, chirie and huur"
    assert theme_label([], keywords, "en") == "Huur, ruimte and atelier"
    assert theme_label([], {}, "en") == ""


def test_keywords_for_the_reader_are_marked_with_their_language():
    keywords = {"ro": ["piață", "chirie"], "nl": ["huur", "ruimte"], "de": ["Miete"]}
    assert keywords_for_reader(keywords, "nl", limit=4) == [
        ("huur", "nl"), ("ruimte", "nl"), ("piață", "ro"), ("Miete", "de")]


def test_joined_lists():
    assert joined([]) == ""
    assert joined(["a"]) == "a"
    assert joined(["a", "b", "c"], "%(list)s e %(last)s") == "a, b e c"


def test_keywords_are_filed_under_their_language():
    groups = {
        "rent": [("Chiria atelierului este prea mare.", "ro"), ("Chiria crește mereu.", "ro"),
                 ("De huur van het atelier is te hoog.", "nl"), ("De huur stijgt.", "nl")],
        "money": [("Granturi mici pentru firme.", "ro"), ("Granturi pentru tineri.", "ro"),
                  ("Kleine subsidies voor bedrijven.", "nl"), ("Subsidies voor jongeren.", "nl")],
    }
    found = keywords_by_language_for(groups)
    assert "chiria" in found["rent"]["ro"]
    assert "huur" in found["rent"]["nl"]
    assert "subsidies" in found["money"]["nl"]


def test_most_themes_of_the_labelled_corpora_get_a_concept_label():
    """Measured on the labelled answer sets: every reference theme names concepts of its own."""
    for path in sorted(CORPUS.glob("labelled_*.jsonl")):
        groups = defaultdict(list)
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            groups[row["theme"]].append((row["text"], row.get("lang", "?")))
        found = theme_concepts(groups)
        labelled = [theme for theme, concepts in found.items() if concepts and theme != "other"]
        assert len(labelled) == len([t for t in groups if t != "other"]), path.name
