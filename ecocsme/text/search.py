"""What a search box needs from text, without a database: the words of a query as every
language's stemmer reads them, a full-text query that no typed character can break, snippets
with the matched words marked, and the fusion of several ranked lists into one.

A query may be typed in any platform language, with or without diacritics and in any
inflected form, so each word stands for the set of its stems under the eight stemmers, each
taken from the word as typed and without accents. A document is indexed the same way, with
its own language's stemmer (`document_terms`); a word matches when the two sets meet.
"""

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .keywords import fold, stem, stop_words
from .languages import LANGUAGES
from .thesaurus import Term, thesaurus

MAX_QUERY_CHARS = 200  # a search box takes a few words; the rest of a pasted text is ignored
MAX_QUERY_WORDS = 12
PREFIX_MIN = 5  # a stem this long also matches longer words (Finnish and German compounds)
MAX_CONCEPTS = 3  # per word: a word naming more is too vague to translate
ROOT_FROM = 9  # stems this long also stand for their root
TERMS_PER_LANGUAGE = 2  # a concept's words per language read for a query (the files list the commonest first)
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits only: l'arte is l, arte
CODES = tuple(language.code for language in LANGUAGES)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.replace("ş", "ș").replace("ţ", "ț").replace("Ş", "Ș").replace("Ţ", "Ț")


def words(text: str) -> list[str]:
    return [word.casefold() for word in WORD_RE.findall(normalise(text))]


@lru_cache(maxsize=100_000)
def _stems_of(code: str, word: str) -> frozenset[str]:
    """The word's stem in `code`, from the word as written and without accents."""
    return frozenset({stem(code, word), stem(code, fold(word))})


def word_stems(word: str, languages: Iterable[str] = CODES) -> frozenset[str]:
    """The stems of a word under each language's stemmer, without accents, and the word itself;
    a long stem also by its root (less its last two letters), which the full-text query reads as a
    prefix: Finnish and Lithuanian change a stem's end with the case ("kasvatus", "kasvatuksen")."""
    stems = {fold(word)}
    for code in languages:
        stems |= _stems_of(code, word)
    stems |= {stem[:-2] for stem in stems if len(stem) >= ROOT_FROM}
    return frozenset(stem for stem in stems if stem)


@dataclass(frozen=True)
class Query:
    """A search box's text as the index reads it: one set of alternatives per word."""

    text: str
    words: tuple[str, ...]  # as typed, lower-cased, letters and digits only
    terms: tuple[frozenset[str], ...]  # each word's stems
    # Each word's translations: the words of the thesaurus concepts it names, in every language.
    expansions: tuple[tuple[Term, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms)

    @cached_property
    def stems(self) -> frozenset[str]:
        """Every stem that counts as a match, for marking words in snippets."""
        stems = set().union(*self.terms) if self.terms else set()
        for terms in self.expansions:
            for term in terms:
                stems.update(term.stems)
        return frozenset(stems)


def parse_query(text: str) -> Query:
    """The words of a query without stop words (unless nothing else is left), each with its stems.
    Operators, quotes and other signs are dropped: the query is words, nothing else."""
    text = (text or "")[:MAX_QUERY_CHARS]
    typed = list(dict.fromkeys(words(text)))
    stops = stop_words()
    content = [word for word in typed if fold(word) not in stops and len(word) > 1] or typed
    content = content[:MAX_QUERY_WORDS]
    terms = tuple(word_stems(word) for word in content)
    return Query(text=text.strip(), words=tuple(content), terms=terms, expansions=_expansions(terms))


def _expansions(terms: tuple[frozenset[str], ...]) -> tuple[tuple[Term, ...], ...]:
    book = thesaurus()
    result = []
    for position, concepts in enumerate(book.concepts_of(list(terms))):
        own = terms[position]
        chosen = sorted(concepts)[:MAX_CONCEPTS]
        kept: dict[tuple, Term] = {}
        per_language: dict[tuple[str, str], int] = {}
        for concept in chosen:
            for term in book.concepts[concept]:
                key = (concept, term.language)
                if per_language.get(key, 0) >= TERMS_PER_LANGUAGE or term.stems in kept:
                    continue
                per_language[key] = per_language.get(key, 0) + 1
                if not (len(term.stems) == 1 and term.stems[0] in own):
                    kept[term.stems] = term
        result.append(tuple(kept.values()))
    return tuple(result)


def document_terms(text: str, language: str) -> str:
    """The text as the full-text index stores it: each word's stems in its language, without
    accents, separated by spaces."""
    code = language if language in CODES else "en"
    terms = []
    for word in words(text):
        terms.extend(sorted(_stems_of(code, word) | {fold(word)}))
    return " ".join(terms)


def fts5_match(query: Query) -> str:
    """An FTS5 MATCH expression: any word of the query, each as any of its stems (a long stem as
    a prefix too). Every stem is quoted, so no typed character can become FTS5 syntax."""
    groups = []
    expansions = query.expansions or ((),) * len(query.terms)
    for alternatives, translations in zip(query.terms, expansions, strict=True):
        parts = [_quoted(stem) + ("*" if len(stem) >= PREFIX_MIN else "") for stem in sorted(alternatives)]
        for term in translations:
            words = [_quoted(stem) for stem in term.stems]
            parts.append(words[0] if len(words) == 1 else "(" + " AND ".join(words) + ")")
        groups.append("(" + " OR ".join(dict.fromkeys(parts)) + ")")
    return " OR ".join(groups)


def _quoted(stem: str) -> str:
    return '"' + stem.replace('"', '""') + '"'


# --- snippets ------------------------------------------------------------------------------------------
SNIPPET_READS = 1200  # characters of a text read for its snippet


class Marker:
    """Decides, once per word form, whether a word of a text in `language` matches the query."""

    def __init__(self, query: Query, language: str):
        self.stems = query.stems
        self.prefixes = frozenset(stem for stem in self.stems if len(stem) >= PREFIX_MIN)
        self.language = language if language in CODES else "en"
        self.known: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        found = self.known.get(word)
        if found is None:
            own = _stems_of(self.language, word) | {fold(word)}
            found = bool(own & self.stems) or any(
                candidate[:length] in self.prefixes
                for candidate in own for length in range(PREFIX_MIN, len(candidate) + 1))
            self.known[word] = found
        return found


def highlight(text: str, language: str, query: Query, *, width: int = 240,
              marker: Marker | None = None) -> tuple[str, int]:
    """An HTML snippet of about `width` characters around the part of `text` where most query
    words are, with each matched word in <mark>; and how many words matched. Snippets of several
    texts in one language share a `Marker(query, language)`."""
    text = normalise(text or "")[:SNIPPET_READS]
    marker = marker or Marker(query, language)
    spans = [match.span() for match in WORD_RE.finditer(text)
             if marker.stems and marker(match.group().casefold())]
    start = _best_window(spans, len(text), width)
    end = min(len(text), start + width)
    if end < len(text):  # end on a word boundary
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    if start > 0:
        space = text.find(" ", start, start + 30)
        start = space + 1 if space != -1 else start
    pieces, cursor = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(html.escape(text[cursor:span_start]))
        pieces.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(html.escape(text[cursor:end]))
    snippet = "".join(pieces)
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else ""), len(spans)


def _best_window(spans: Sequence[tuple[int, int]], length: int, width: int) -> int:
    if not spans or length <= width:
        return 0
    best, best_count = 0, 0
    for first, (span_start, _end) in enumerate(spans):
        count = sum(1 for other_start, _ in spans[first:] if other_start < span_start + width * 0.8)
        if count > best_count:
            best, best_count = span_start, count
    return max(0, min(best - width // 5, length - width))


# --- fusion -------------------------------------------------------------------------------------------
RRF_K = 60


def fuse(rankings: Sequence[Sequence], weights: Sequence[float] | None = None, *, k: int = RRF_K) -> list:
    """Reciprocal rank fusion: the items of several ranked lists, ordered by the sum of
    weight / (k + rank) over the lists each appears in."""
    weights = weights or [1.0] * len(rankings)
    scores: dict = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores, key=lambda item: -scores[item])
