"""A multilingual thesaurus of the platform's domain, as EuroVoc is for EU documents: concepts
(prison, start-up, public procurement…), each with its words in the eight languages
(`data/thesaurus/*.tsv`). A search looks each typed word (and each pair of words) up among the
stems of every language's words, and also searches for the concept's words in the other
languages, so that "kalėjimas" finds a text that says "prison" and "poduzetništvo" one that
says "antreprenoriat", whatever the sentence vectors make of them.

The files are data: a concept is added by adding a line.
"""

import bisect
import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .keywords import _stemmer, fold

DATA = Path(__file__).resolve().parent / "data" / "thesaurus"
MIN_STEM = 3  # shorter stems match too much to stand for a concept
ROOT_MIN = 7  # a query word's stem this long, matching no term, finds the terms that start with it


@dataclass(frozen=True)
class Term:
    language: str
    words: tuple[str, ...]  # as written, lower-cased
    stems: tuple[str, ...]  # each word's stem in the term's language, without accents


def _stem(language: str, word: str) -> str:
    stemmer = _stemmer(language)
    return fold(stemmer.stemWord(fold(word)) if stemmer else word)


def _term(language: str, text: str) -> Term | None:
    words = tuple(part for part in text.casefold().replace("-", " ").split() if part)
    if not words:
        return None
    return Term(language, words, tuple(_stem(language, word) for word in words))


@dataclass
class Thesaurus:
    concepts: dict[str, tuple[Term, ...]]
    by_stems: dict[tuple[str, ...], set[str]]  # (stem,) or (stem, stem) → concepts
    single: list[str] = field(default_factory=list)  # the one-word stems, sorted, for prefixes

    def _by_prefix(self, root: str) -> set[str]:
        """Concepts with a one-word term whose stem starts with `root` (a long stem less its end)."""
        found: set[str] = set()
        start = bisect.bisect_left(self.single, root)
        for stem in self.single[start:start + 20]:
            if not stem.startswith(root):
                break
            found |= self.by_stems[(stem,)]
        return found

    def concepts_of(self, stem_sets: list[frozenset[str]]) -> list[set[str]]:
        """For each position of a query, the concepts its word (alone, or with the next word)
        names, from the word's possible stems."""
        found: list[set[str]] = [set() for _ in stem_sets]
        for position, stems in enumerate(stem_sets):
            for stem in stems:
                found[position] |= self.by_stems.get((stem,), set())
            if not found[position]:
                for stem in stems:
                    if len(stem) >= ROOT_MIN:
                        found[position] |= self._by_prefix(stem)
            if position + 1 < len(stem_sets):
                for first in stems:
                    for second in stem_sets[position + 1]:
                        pair = self.by_stems.get((first, second), set())
                        found[position] |= pair
                        found[position + 1] |= pair
        return found


def read(folder: Path = DATA) -> Thesaurus:
    concepts: dict[str, list[Term]] = defaultdict(list)
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                concept = (row.pop("concept") or "").strip()
                for language, cell in row.items():
                    for text in (cell or "").split("|"):
                        term = _term(language, text.strip())
                        if concept and term and term not in concepts[concept]:
                            concepts[concept].append(term)
    by_stems: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for concept, terms in concepts.items():
        for term in terms:
            if len(term.stems) <= 2 and all(len(stem) >= MIN_STEM for stem in term.stems):
                by_stems[term.stems].add(concept)
    single = sorted(stems[0] for stems in by_stems if len(stems) == 1)
    return Thesaurus({concept: tuple(terms) for concept, terms in concepts.items()}, dict(by_stems), single)


@lru_cache(maxsize=1)
def thesaurus() -> Thesaurus:
    return read()
