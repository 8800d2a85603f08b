"""The language table: eight languages, each complete, and names the libraries know."""

import re
from dataclasses import FrozenInstanceError, fields

import pytest

from ecocsme.text import languages
from ecocsme.text.languages import BY_CODE, CODES, LANGUAGES, OTHER_MAIL_PHRASES, MailPhrases, mail_phrases

# Kinds of phrase every platform language has; the others (quote openers: a Lithuanian or
# Finnish header starts with a date; register numbers; bounces; item words) may be empty.
REQUIRED = ("wrote", "original_message", "from_labels", "header_labels", "sign_offs", "sent_from",
            "disclaimers", "closings", "auto_reply_subjects", "auto_reply_bodies", "unsubscribe", "later",
            "own_structure", "question_words", "answer_words")


def test_the_eight_platform_languages_in_order():
    assert CODES == ("en", "ro", "it", "nl", "hr", "lt", "fi", "de")
    assert set(BY_CODE) == set(CODES) and languages.language("fi").native_name == "Suomi"
    assert languages.language("fr") is None


def test_names_are_marked_for_translation_but_not_translated_here():
    assert [language.name for language in LANGUAGES] == [
        "English", "Romanian", "Italian", "Dutch", "Croatian", "Lithuanian", "Finnish", "German"]


def test_the_table_cannot_be_changed():
    with pytest.raises(FrozenInstanceError):
        languages.ENGLISH.code = "xx"


def test_the_detector_the_stemmer_and_the_stop_words_know_every_language():
    import lingua
    import snowballstemmer
    from stop_words import AVAILABLE_LANGUAGES

    for language in LANGUAGES:
        assert getattr(lingua.Language, language.lingua_name).iso_code_639_1.name.lower() == language.code
        assert snowballstemmer.stemmer(language.stemmer).stemWord("test")
        assert language.stop_words_list is None or language.stop_words_list in AVAILABLE_LANGUAGES
        assert language.stop_words_list or len(language.stop_words) > 30  # its own list when the package has none


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_language_has_the_phrases_the_reader_needs(language):
    for kind in REQUIRED:
        assert getattr(language.mail, kind), (language.code, kind)
    for field in fields(MailPhrases):
        for phrase in getattr(language.mail, field.name):
            assert phrase == phrase.lower() and re.compile(phrase), (language.code, phrase)


def test_phrases_of_a_kind_come_from_every_language_once():
    wrote = mail_phrases("wrote")
    assert {"wrote", "a scris", "schrieb", "kirjoitti", "rašė", *OTHER_MAIL_PHRASES.wrote} <= set(wrote)
    assert len(wrote) == len(set(wrote))
    assert mail_phrases("from_labels").count("von") == 1
    with pytest.raises(KeyError):
        mail_phrases("greetings")
