"""Keywords per language: stop words from the language table, stems, class-based TF-IDF."""

import pytest

from ecocsme.text.keywords import class_keywords, fold, keywords_for, stem, stop_words, tokens
from ecocsme.text.languages import LANGUAGES

# A sentence per language: its stop words go, its content words stay (as written, lower-cased).
SENTENCES = {
    "en": ("The companies would need a portal with all the calls", {"companies", "portal", "calls"}),
    "ro": ("Firmele ar avea nevoie de un portal cu toate apelurile", {"nevoie", "portal", "apelurile"}),
    "it": ("Le aziende avrebbero bisogno di un sito con tutti i bandi", {"bisogno", "sito", "bandi"}),
    "nl": ("De bedrijven hebben een portaal met alle oproepen nodig", {"portaal", "oproepen", "nodig"}),
    "hr": ("Poduzeća bi htjela jednu web stranicu koja ima sve pozive", {"htjela", "jednu", "stranicu", "pozive"}),
    "lt": ("Įmonėms reikia svetainės, kurioje visi kvietimai ir kontaktai",
           {"įmonėms", "svetainės", "kurioje", "visi", "kvietimai", "kontaktai"}),
    "fi": ("Yritykset tarvitsisivat verkkosivun, jossa olisivat kaikki haut", {"tarvitsisivat", "verkkosivun", "haut"}),
    "de": ("Die Unternehmen bräuchten eine Webseite mit allen Aufrufen", {"bräuchten", "webseite", "aufrufen"}),
}


@pytest.mark.parametrize("code", list(SENTENCES))
def test_stop_words_of_each_language_are_left_out(code):
    text, content = SENTENCES[code]
    assert {word for _stem, word in tokens(text, code)} == content


def test_every_languages_stop_words_and_the_platforms_own_words_apply():
    words = stop_words()
    for language in LANGUAGES:
        assert {fold(word.lower()) for word in language.stop_words} <= words, language.code
    assert {"the", "si", "und", "koji", "kurie", "ecoc", "imm-urile", "kulturhauptstadt"} <= words


def test_words_are_stemmed_in_their_language_and_compared_without_accents():
    assert stem("ro", "firmelor") == stem("ro", "firmele")
    assert stem("de", "Unternehmen".lower()) == stem("de", "unternehmens")
    assert stem("fi", "yrittäjät") == stem("fi", "yrittäjien")
    assert stem("xx", "workshops") == "worksho"  # a language without a stemmer: the first letters
    assert fold("mulțumesc") == "multumesc"
    assert tokens("Mulţumesc pentru ajutor", "ro") == tokens("Mulțumesc pentru ajutor", "ro")


def test_keywords_are_frequent_in_their_group_and_rare_in_the_others():
    groups = {
        "portal": [("A portal with every call for companies", "en"),
                   ("Un portal cu toate apelurile pentru firme", "ro"),
                   ("One portal listing each call and tender", "en")],
        "training": [("Workshops and mentoring for young founders", "en"),
                     ("Ateliere și mentorat pentru tineri", "ro"),
                     ("More workshops about writing projects", "en")],
    }
    found = keywords_for(groups)
    assert found["portal"][0] == "portal" and "workshops" in found["training"]
    assert not set(found["portal"]) & set(found["training"])


def test_class_keywords_need_a_word_in_two_texts_of_the_group():
    lists = {"a": [tokens("coaching helps founders", "en"), tokens("coaching again", "en")],
             "b": [tokens("funding for founders", "en")]}
    assert class_keywords(lists) == {"a": ["coaching"], "b": []}


def test_large_groups_are_sampled():
    groups = {"big": [(f"Portal {i} with listings", "en") for i in range(50)],
              "small": [("Coaching sessions", "en"), ("Coaching programmes", "en")]}
    assert keywords_for(groups, sample=10) == {"big": ["portal", "listings"], "small": ["coaching"]}
