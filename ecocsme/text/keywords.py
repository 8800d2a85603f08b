"""Keywords of groups of texts: class-based TF-IDF over stemmed content words, shown in their most
frequent written form. A word scores high in a group when it is frequent there and rare in the
other groups, whatever language each text is written in."""

import math
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np

from .languages import BY_CODE, LANGUAGES

SAMPLE = 400  # texts per group read for its keywords
MIN_LENGTH = 4  # shorter words are rarely what a group is about
WORD_RE = re.compile(r"[^\W\d_][\w'’\-]{2,}", re.UNICODE)

Token = tuple[str, str]  # (stem, word as written, lower-cased)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Every platform language's stop words, without accents. All apply to every text: answers
    mix languages, and a short one may be detected as the wrong one."""
    from stop_words import get_stop_words

    words = set()
    for language in LANGUAGES:
        if language.stop_words_list:
            words.update(get_stop_words(language.stop_words_list))
        words.update(language.stop_words)
    return frozenset(fold(word.lower()) for word in words)


@lru_cache(maxsize=16)
def _stemmer(code: str):
    import snowballstemmer

    language = BY_CODE.get(code)
    try:
        return snowballstemmer.stemmer(language.stemmer) if language else None
    except KeyError:
        return None


@lru_cache(maxsize=200_000)
def stem(code: str, word: str) -> str:
    """The word's stem in its language, without accents; the first seven letters in another."""
    stemmer = _stemmer(code)
    return fold(stemmer.stemWord(word) if stemmer else word[:7])


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """The word without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def tokens(text: str, language: str) -> list[Token]:
    """(stem, word) pairs of the content words of a text in `language` (an ISO 639-1 code)."""
    text = text.replace("ş", "ș").replace("ţ", "ț")  # Romanian cedillas, as comma-below letters
    words = [w.lower().strip("'’-") for w in WORD_RE.findall(text)]
    stops = stop_words()
    return [(stem(language, word), word) for word in words
            if len(word) >= MIN_LENGTH and fold(word) not in stops]


def class_keywords(token_lists: dict, *, count: int = 10) -> dict:
    """Class-based TF-IDF: for each group (its texts' tokens), the words frequent in it and rare
    in the others, best first."""
    scored, surface = _scored_stems(token_lists)
    return {group: [surface[word_stem].most_common(1)[0][0] for word_stem in stems[:count]]
            for group, stems in scored.items()}


def _scored_stems(token_lists: dict) -> tuple[dict, dict[str, Counter]]:
    """Each group's stems, best first, and each stem's written forms with their counts."""
    frequency: dict = {}
    documents: dict = {}
    surface: dict[str, Counter] = defaultdict(Counter)
    for group, lists in token_lists.items():
        counts, docs = Counter(), Counter()
        for text_tokens in lists:
            for word_stem, word in text_tokens:
                counts[word_stem] += 1
                surface[word_stem][word] += 1
            docs.update({word_stem for word_stem, _word in text_tokens})
        frequency[group], documents[group] = counts, docs
    total = Counter()
    for counts in frequency.values():
        total.update(counts)
    average = sum(total.values()) / max(1, len(frequency))
    result = {}
    for group, counts in frequency.items():
        size = max(1, len(token_lists[group]))
        words = max(1, sum(counts.values()))
        scored = sorted(((count / words) * math.log(1 + average / total[word_stem]), word_stem)
                        for word_stem, count in counts.items()
                        if documents[group][word_stem] >= max(2, size * 0.04))
        result[group] = [word_stem for _score, word_stem in reversed(scored)]
    return result, surface


def keywords_by_language(token_lists: dict, languages: dict, *, count: int = 8) -> dict:
    """Class-based TF-IDF as class_keywords, each keyword filed under the language of the texts
    that use it most: {group: {language: [words, best first]}}, at most `count` per language.
    `languages[group]` lists the language of each of the group's texts."""
    scored, _surface = _scored_stems(token_lists)
    result = {}
    for group, stems in scored.items():
        written: dict[str, Counter] = defaultdict(Counter)
        for text_tokens, language in zip(token_lists[group], languages[group], strict=True):
            for word_stem, word in text_tokens:
                written[word_stem][(language or "?", word)] += 1
        by_language: dict[str, list[str]] = defaultdict(list)
        for word_stem in stems:
            (language, word), _n = written[word_stem].most_common(1)[0]
            if len(by_language[language]) < count and word not in by_language[language]:
                by_language[language].append(word)
        result[group] = dict(by_language)
    return result


def sampled(groups: dict, *, sample: int = SAMPLE, seed: int = 0) -> dict:
    """At most `sample` items of each group, chosen at random with a fixed seed."""
    rng = np.random.default_rng(seed)
    return {key: [items[i] for i in rng.choice(len(items), sample, replace=False)]
            if len(items) > sample else list(items) for key, items in groups.items()}


def keywords_for(groups: dict, *, sample: int = SAMPLE, seed: int = 0, count: int = 8) -> dict:
    """Keywords of each group of (text, language) pairs against the other groups."""
    read = {key: [tokens(text, language) for text, language in items]
            for key, items in sampled(groups, sample=sample, seed=seed).items()}
    return {key: words[:count] for key, words in class_keywords(read).items()}


def keywords_by_language_for(groups: dict, *, sample: int = SAMPLE, seed: int = 0,
                             count: int = 8) -> dict:
    """keywords_by_language of each group of (text, language) pairs against the other groups."""
    chosen = sampled(groups, sample=sample, seed=seed)
    read = {key: [tokens(text, language) for text, language in items] for key, items in chosen.items()}
    languages = {key: [language for _text, language in items] for key, items in chosen.items()}
    return keywords_by_language(read, languages, count=count)
