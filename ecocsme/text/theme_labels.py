"""Short labels of themes in the reader's language (LAB-4): the thesaurus concepts a theme's
answers name, scored like keywords (class-based TF-IDF), and written with each concept's first
term in the reader's language ("Funding, start-up and mentoring").

Concepts are language-free tokens, so a Romanian answer that says "finanțare" and a Dutch one
that says "financiering" count for the same concept of the same theme. A theme stores its
concepts; the label is written when it is read, in whatever language the reader has. A theme
that names no concept is labelled with its keywords, the reader's language's first.
"""

import csv
import math
from collections import Counter, defaultdict
from functools import lru_cache

from .keywords import WORD_RE, fold
from .thesaurus import DATA, _stem, thesaurus

_stem_cached = lru_cache(maxsize=200_000)(_stem)

LABEL_CONCEPTS = 3  # concepts a label names
STORED_CONCEPTS = 6  # concepts a theme keeps (a merge or a reader may need the next ones)
MIN_SHARE = 0.12  # a concept must appear in this share of a theme's answers to describe it
MIN_ANSWERS = 2
SMALL_THEME = 8  # answers


# --- which concepts a text names -------------------------------------------------------------------
def _word_stems(word: str, language: str, stops: frozenset[str]) -> frozenset[str]:
    """The word's stems in its language (in each when not known); a hyphenated word also as
    one word and by its first parts ("start-up-urile": "startupurile", "startup", "start")."""
    if fold(word) in stops:
        return frozenset()
    parts = [part for part in word.split("-") if part]
    forms = {word.replace("-", ""), "".join(parts[:2]), parts[0]} if len(parts) > 1 else {word}
    languages = [language] if language in _languages() else _languages()
    return frozenset(_stem_cached(code, form) for code in languages for form in forms)


@lru_cache(maxsize=1)
def _languages() -> list[str]:
    from .languages import LANGUAGES

    return [language.code for language in LANGUAGES]


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """The languages' common stop words, without the domain's (keywords leave out "start-up",
    said in every answer; a concept may well be it)."""
    from stop_words import get_stop_words

    from .languages import LANGUAGES

    return frozenset(fold(word.lower()) for language in LANGUAGES if language.stop_words_list
                     for word in get_stop_words(language.stop_words_list))


def concepts_in(text: str, language: str) -> set[str]:
    """The thesaurus concepts a text names, through its words' stems in its language (in every
    language when it is not known); a pair of words may name a concept ("public procurement")."""
    stops = _stop_words()
    words = [w.casefold().strip("'’-") for w in WORD_RE.findall(text)]
    stem_sets = [_word_stems(word, language, stops) for word in words]
    found: set[str] = set()
    for concepts in thesaurus().concepts_of(stem_sets):
        found |= concepts
    return found


# --- which concepts describe a theme ---------------------------------------------------------------
def theme_concepts(groups: dict, *, count: int = STORED_CONCEPTS) -> dict:
    """For each group of (text, language) pairs, the concepts frequent in its texts and rarer in
    the other groups, best first (class-based TF-IDF over concepts, counted once per text)."""
    named = {key: [concepts_in(text, language) for text, language in items]
             for key, items in groups.items()}
    return concepts_scored(named, count=count)


def concepts_scored(named: dict, *, count: int = STORED_CONCEPTS) -> dict:
    """As theme_concepts, from each group's list of the concept sets of its texts."""
    frequency = {key: Counter(c for concepts in sets for c in concepts) for key, sets in named.items()}
    total: Counter = Counter()
    for counts in frequency.values():
        total.update(counts)
    average = sum(total.values()) / max(1, len(frequency))
    spread = Counter(c for counts in frequency.values() for c in counts)  # groups naming it
    result = {}
    for key, counts in frequency.items():
        size = max(1, len(named[key]))
        # In a small theme one answer may say what the theme is about.
        needed = max(1 if size < SMALL_THEME else MIN_ANSWERS, math.ceil(size * MIN_SHARE))
        # A concept every theme names ("programme", "company") says little of any of them.
        scored = sorted(((n / size) * math.log(1 + average / total[concept])
                         * math.log(1 + len(frequency) / spread[concept]), concept)
                        for concept, n in counts.items() if n >= needed)
        result[key] = [concept for _score, concept in reversed(scored)][:count]
    return result


# --- the words of a concept in a language ---------------------------------------------------------------
@lru_cache(maxsize=1)
def concept_names() -> dict[str, dict[str, str]]:
    """{concept: {language: its first term as the thesaurus writes it}}."""
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for path in sorted(DATA.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                concept = (row.pop("concept") or "").strip()
                for language, cell in row.items():
                    first = (cell or "").split("|")[0].strip()
                    if concept and first:
                        names[concept].setdefault(language, first)
    return dict(names)


def concept_name(concept: str, language: str) -> str:
    """The concept's first term in `language`, else in English, else the concept's own name."""
    names = concept_names().get(concept, {})
    return names.get(language) or names.get("en") or concept.replace("_", " ")


# --- labels ---------------------------------------------------------------------------------------
def joined(parts: list[str], last_joiner: str = "%(list)s and %(last)s", separator: str = ", ") -> str:
    """"a, b and c": `last_joiner` is the reader's language's phrase for the last pair."""
    if len(parts) < 2:
        return "".join(parts)
    return last_joiner % {"list": separator.join(parts[:-1]), "last": parts[-1]}


def _root(concept: str) -> str:
    return fold(concept_name(concept, "en").casefold())[:5]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def theme_label(concepts: list[str], keywords_by_language: dict[str, list[str]], language: str, *,
                last_joiner: str = "%(list)s and %(last)s", separator: str = ", ") -> str:
    """The label of a theme in `language`: its first concepts' terms, else its keywords in that
    language, else in the languages with most keywords; "" when it has neither."""
    parts, roots = [], set()
    for concept in concepts:
        name, root = concept_name(concept, language), _root(concept)
        if root not in roots and name.casefold() not in roots:  # "mentor" after "mentoring"
            parts.append(name)
            roots |= {root, name.casefold()}
        if len(parts) == LABEL_CONCEPTS:
            break
    if not parts:
        parts = list(_keywords_first(keywords_by_language, language))[:LABEL_CONCEPTS]
    return _capitalised(joined(parts, last_joiner, separator))


def _keywords_first(keywords_by_language: dict[str, list[str]], language: str):
    """The keywords in `language`, then the other languages' (those with most keywords first)."""
    yield from keywords_by_language.get(language, [])
    others = sorted((item for item in keywords_by_language.items() if item[0] != language),
                    key=lambda item: (-len(item[1]), item[0]))
    for _language, words in others:
        yield from words


def keywords_for_reader(keywords_by_language: dict[str, list[str]], language: str, *,
                        limit: int = 10) -> list[tuple[str, str]]:
    """(word, language) pairs, the reader's language's first, at most `limit`; others interleaved
    by language so that one language does not take every place."""
    mine = [(word, language) for word in keywords_by_language.get(language, [])]
    others = sorted((item for item in keywords_by_language.items() if item[0] != language),
                    key=lambda item: (-len(item[1]), item[0]))
    rest = []
    for rank in range(max((len(words) for _l, words in others), default=0)):
        rest.extend((words[rank], code) for code, words in others if rank < len(words))
    return (mine + rest)[:limit]
