"""How much a line of a reply reads as one of the questions: texts compared without case,
accents or punctuation, with cheap bounds before any quadratic comparison."""

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache


def normalise(text: str) -> str:
    if text.isascii():  # nothing to decompose
        return re.sub(r"[^\w]+", " ", text.lower()).strip()
    text = text.replace("ş", "ș").replace("ţ", "ț").replace("Ş", "Ș").replace("Ţ", "Ț")
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", " ", text).strip()


@lru_cache(maxsize=1024)
def asked(question: str) -> str:
    """A question normalised once, not once per line compared with it."""
    return normalise(question)


def question_similarity(line: str, question: str) -> float:
    return similarity(normalise(line), asked(question))


def similarity(line: str, question: str) -> float:
    """How much a normalised line reads as a normalised question."""
    if not line or not question or len(line) < 0.4 * len(question):
        return 0.0
    if question in line:
        return 1.0
    return ratio(line[: len(question) + 20], question)


def prefix_similarity(line: str, question: str) -> float:
    """How well a partly quoted question matches the start of the question (both normalised)."""
    if len(line) < 20:
        return 0.0
    return ratio(line, question[: len(line)])


def ratio(a: str, b: str) -> float:
    """SequenceMatcher's ratio, or 0.0 when its cheap upper bounds are under 0.5: every caller
    asks for 0.5 or more, and the bounds spare the quadratic comparison of unlike texts."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return 0.0
    return matcher.ratio()


def shares_words(text: str, question: str) -> bool:
    words = {w for w in normalise(text).split() if len(w) > 3}
    asked_words = {w for w in normalise(question).split() if len(w) > 3}
    return len(words & asked_words) >= max(1, len(words) // 3)


def repeated_question_words(words: list[str], question: str) -> int:
    """How many leading words repeat the (normalised) question: the most whose normalised text
    is over 85 % like it, or 0.

    The normalised head of n words is its normalised words joined, so heads are measured
    without building them; a head 23/17 times as long as the question cannot be 85 % like it,
    so only the words up to there are read.
    """
    limit = 23 * len(question)
    kept: list[str] = []
    heads: list[tuple[int, int]] = []  # (length, words kept) of the head ending at each word
    length = 0
    for word in words:
        if 17 * length >= limit:
            break
        normalised = normalise(word)
        if normalised:
            length += len(normalised) + (1 if kept else 0)
            kept.append(normalised)
        heads.append((length, len(kept)))
    compared = None
    for end in range(len(heads), 0, -1):
        length, count = heads[end - 1]
        if count != compared:  # heads that differ only by empty words read the same
            compared = count
            if length and 17 * length < limit and SequenceMatcher(
                    None, " ".join(kept[:count]), question).ratio() > 0.85:
                return end
        if length < 0.6 * len(question):
            return 0
    return 0
