"""Language detection among the platform's languages."""

import pytest

from ecocsme.text import detect
from ecocsme.text.detect import detect_language

from .examples import EXAMPLES


@pytest.mark.parametrize(("language", "text"), [(lang, text) for _theme, lang, text in EXAMPLES])
def test_each_language_is_recognised(language, text):
    assert detect_language(text) == language


def test_short_or_empty_texts_get_the_default():
    assert detect_language("Da.", default="ro") == "ro"
    assert detect_language("   ", default="?") == "?"
    assert detect_language(None) == ""


def test_a_text_is_looked_at_once():
    detect._detect.cache_clear()
    text = "Jonge ondernemers hebben trainingen en coaching nodig."
    assert detect_language(text) == detect_language("  " + text + "  ") == "nl"
    assert detect._detect.cache_info().hits == 1


def test_only_the_beginning_of_a_long_text_is_read():
    english = (EXAMPLES[0][2] + " ") * (detect.READ_CHARS // len(EXAMPLES[0][2]) + 1)
    assert detect_language(english + "Jonge ondernemers hebben coaching nodig. " * 500) == "en"
