"""Each language sorts as its readers expect; Python's code-point order is wrong for all but plain
Latin letters."""

import random

import pytest

from ecocsme.text.collation import collated, collation_key


def shuffled(words: list[str]) -> list[str]:
    words = list(words)
    random.Random(1985).shuffle(words)
    return words


def assert_sorts(language: str, expected: list[str]) -> None:
    assert collated(shuffled(expected), language) == expected
    assert collated(reversed(expected), language) == expected


def test_lithuanian_letters_with_caron_follow_their_base_letter():
    assert_sorts("lt", ["Cipras", "Čekija", "Danija", "Suomija", "Švedija", "Šveicarija",
                        "Turkija", "Zambija", "Žaliasis Kyšulys"])


def test_lithuanian_sorts_y_with_i():
    assert_sorts("lt", ["ieva", "yla", "ilgas", "Islandija", "Italija", "Nyderlandai", "Norvegija"])
    assert collated(["yla", "ilgas"], "en") == ["ilgas", "yla"]  # elsewhere y is a letter near z


def test_romanian_letters_with_comma_and_breve():
    assert_sorts("ro", ["alb", "ăla", "âmbă", "bar", "insulă", "înger", "joc",
                        "sare", "suc", "șa", "Șase", "tu", "țară", "umbră"])


def test_romanian_cedilla_letters_sort_as_the_comma_below_ones():
    key = collation_key("ro")
    assert key("şa") > key("suc") and key("ţară") > key("tu")


def test_croatian_digraphs_and_letters_with_diacritics_are_letters():
    assert_sorts("hr", ["cesta", "čaša", "ćup", "dvor", "džep", "đak", "e",
                        "lutka", "ljubav", "m", "nož", "njiva", "o", "sat", "šal", "t", "zub", "žaba"])


def test_german_sorts_umlauts_with_their_vowel():
    assert_sorts("de", ["Affe", "Äpfel", "Arzt", "Bär", "Oslo", "Österreich", "Ozean", "Zypern"])


def test_finnish_puts_a_ring_a_and_o_umlaut_after_z():
    assert_sorts("fi", ["aamu", "ovi", "Ruotsi", "Saksa", "zeta", "Åland", "äiti", "Ö", "öljy"])


@pytest.mark.parametrize("language", ["en", "nl", "it", "", None, "xx"])
def test_other_languages_sort_plainly_and_ignore_case_and_accents_first(language):
    expected = ["België", "Éire", "Estland", "IJsland", "Italië", "Österreich", "Zweden"]
    assert collated(shuffled(expected), language) == expected


def test_a_key_function_picks_the_text_of_each_item():
    countries = [("SE", "Švedija"), ("FI", "Suomija"), ("CZ", "Čekija"), ("DK", "Danija")]
    assert [code for code, _name in collated(countries, "lt", key=lambda c: c[1])] == [
        "CZ", "DK", "FI", "SE"]


def test_a_region_tag_uses_its_language():
    assert collated(["Zypern", "Äpfel"], "de-AT") == ["Äpfel", "Zypern"]
    assert collated(["Švedija", "Turkija"], "lt_LT") == ["Švedija", "Turkija"]
