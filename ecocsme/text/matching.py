"""Who fits an opportunity, without a database: the matchmaking engine every app and
`ecocsme match-file` share.

An opportunity and an organisation are compared on four things, each of which can be said in
plain words afterwards:

- what they say: multilingual-e5-small vectors of the opportunity (title and description) and
  of the profile (name, description, capabilities), with each text's language taken out
  (`crosslingual.without_language`), so that a Lithuanian call finds an SME that writes in
  English;
- sectors: the share of the opportunity's NACE divisions the organisation works in, and, more
  weakly, of its NACE sections;
- language: whether the organisation speaks the opportunity's language;
- role: public bodies and ECoC organisers are proposed as partners, not as suppliers.

The score is one dot product of two feature rows (`Features`), so thousands of opportunities
are matched against a whole continent of organisations with matrix products (`OrganisationIndex.
batch`). Rules are not scores: a post that does not welcome other countries sees only its own
country's organisations, and organisations that did not ask to be found are never given to the
engine. The weights were chosen on the development set in `bench/data/matching/` and checked
once on the held-out set (`python -m bench matching`).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np

from .crosslingual import without_language
from .detect import detect_language
from .embeddings import Embedder
from .languages import LANGUAGES

SHARED_DIVISION = 0.10  # all of the opportunity's NACE divisions are the organisation's
SHARED_SECTION = 0.03  # all of its NACE sections are
SAME_LANGUAGE = 0.02  # the organisation speaks the opportunity's language
NOT_A_SUPPLIER = -0.05  # a public body or ECoC organiser offered as a supplier
LANGUAGE_STRENGTH = 1.0  # how much of a language's direction is taken out (measured)
DESCRIPTION_CHARS = 4000  # the beginning of a long text says what it is about
BLOCK = 256  # columns per block when picking the best of a score row
CHUNK = 512  # opportunities per matrix product in a batch

# A close and a related description: cosines of multilingual-e5-small after the language is
# taken out. On the development set the median pair judged a perfect fit is at 0.875, the median
# good or partial fit at 0.84, nine in ten unrelated pairs below 0.833.
CLOSE = 0.85
RELATED = 0.83

SUPPLY_KINDS = frozenset({"tender", "supplier_need", "sponsorship"})
PARTNER_ONLY_KINDS = frozenset({"public_body", "ecoc_organiser"})
OPPORTUNITY_KINDS = ("tender", "open_call", "co_production", "supplier_need", "sponsorship",
                     "partnership")

# NACE Rev. 2: the section of each division.
_SECTIONS = (("A", 1, 3), ("B", 5, 9), ("C", 10, 33), ("D", 35, 35), ("E", 36, 39),
             ("F", 41, 43), ("G", 45, 47), ("H", 49, 53), ("I", 55, 56), ("J", 58, 63),
             ("K", 64, 66), ("L", 68, 68), ("M", 69, 75), ("N", 77, 82), ("O", 84, 84),
             ("P", 85, 85), ("Q", 86, 88), ("R", 90, 93), ("S", 94, 96), ("T", 97, 98),
             ("U", 99, 99))
SECTION_OF = {f"{number:02d}": letter for letter, first, last in _SECTIONS
              for number in range(first, last + 1)}
DIVISIONS = tuple(SECTION_OF)
SECTIONS = tuple(letter for letter, _, _ in _SECTIONS)


class RecordError(ValueError):
    """A record that cannot be matched; the message says which and why."""


def _strings(value, *, split_lines: bool = False) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.splitlines() if split_lines else value.replace(";", ",").split(",")
        return tuple(part.strip() for part in parts if part.strip())
    return tuple(str(part).strip() for part in value if str(part).strip())


def known(codes: Iterable[str]) -> list[str]:
    """The NACE divisions among `codes` (records built in code, not read by `from_record`, may
    hold others: they count for nothing)."""
    return [code for code in codes if code in SECTION_OF]


def _divisions(value, what: str) -> tuple[str, ...]:
    codes = []
    for code in _strings(value):
        code = code.split(".")[0].zfill(2)
        if code not in SECTION_OF:
            raise RecordError(f"{what}: unknown NACE division {code!r}")
        codes.append(code)
    return tuple(dict.fromkeys(codes))


@dataclass(frozen=True)
class Profile:
    """An organisation as the engine sees it (the fields of `organisations.Organisation`)."""

    id: str
    name: str = ""
    kind: str = "sme"
    size: str = ""
    nace: tuple[str, ...] = ()
    city: str = ""
    country: str = ""
    languages: tuple[str, ...] = ()
    description: str = ""
    capabilities: tuple[str, ...] = ()

    @classmethod
    def from_record(cls, record: Mapping) -> "Profile":
        if not str(record.get("id") or "").strip():
            raise RecordError("an organisation without an id")
        ident = str(record["id"])
        return cls(
            id=ident, name=str(record.get("name") or ""), kind=str(record.get("kind") or "sme"),
            size=str(record.get("size") or ""),
            nace=_divisions(record.get("nace"), f"organisation {ident}"),
            city=str(record.get("city") or ""), country=str(record.get("country") or "").upper(),
            languages=tuple(code.lower() for code in _strings(record.get("languages"))),
            description=str(record.get("description") or ""),
            capabilities=_strings(record.get("capabilities"), split_lines=True),
        )

    @property
    def text(self) -> str:
        name = self.name.replace("(example)", "").strip()
        parts = [name + "." if name else "", self.description.strip()[:DESCRIPTION_CHARS],
                 "; ".join(self.capabilities)]
        return " ".join(part for part in parts if part)

    @property
    def language(self) -> str:
        """The language the profile is written in: detected, else the first it speaks."""
        first = self.languages[0] if self.languages else ""
        return detect_language(self.text, default=first) or first


@dataclass(frozen=True)
class Opportunity:
    """An opportunity as the engine sees it (the fields of `opportunities.Opportunity`)."""

    id: str
    title: str = ""
    kind: str = "tender"
    ecoc_city: str = ""
    phase: str = ""
    country: str = ""
    language: str = ""
    description: str = ""
    sectors: tuple[str, ...] = ()
    deadline: date | None = None
    budget_eur: float | None = None
    cross_border: bool = True

    @classmethod
    def from_record(cls, record: Mapping) -> "Opportunity":
        if not str(record.get("id") or "").strip():
            raise RecordError("an opportunity without an id")
        ident = str(record["id"])
        deadline = record.get("deadline")
        try:
            deadline = date.fromisoformat(deadline) if isinstance(deadline, str) and deadline else None
        except ValueError as error:
            raise RecordError(f"opportunity {ident}: deadline {record['deadline']!r} is not a "
                              "date (YYYY-MM-DD)") from error
        budget = record.get("budget_eur")
        try:
            budget = float(budget) if budget not in (None, "") else None
        except (TypeError, ValueError) as error:
            raise RecordError(f"opportunity {ident}: budget {budget!r} is not a number") from error
        return cls(
            id=ident, title=str(record.get("title") or ""), kind=str(record.get("kind") or "tender"),
            ecoc_city=str(record.get("ecoc_city") or ""), phase=str(record.get("phase") or ""),
            country=str(record.get("country") or "").upper(),
            language=str(record.get("language") or "").lower(),
            description=str(record.get("description") or ""),
            sectors=_divisions(record.get("sectors"), f"opportunity {ident}"),
            deadline=deadline, budget_eur=budget,
            cross_border=_boolean(record.get("cross_border", True)),
        )

    @property
    def text(self) -> str:
        title = self.title.strip()
        parts = [title + "." if title and not title.endswith((".", "!", "?")) else title,
                 self.description.strip()[:DESCRIPTION_CHARS]]
        return " ".join(part for part in parts if part)

    @property
    def text_language(self) -> str:
        return self.language or detect_language(self.text, default="en")

    def welcomes(self, profile: Profile) -> bool:
        """The cross-border rule: a post that does not welcome other countries is for its own."""
        return self.cross_border or not self.country or profile.country == self.country


def _boolean(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "no", "0", "")
    return bool(value)


# --- vectors ------------------------------------------------------------------------------------

def profile_vectors(profiles: Sequence[Profile], embedder: Embedder) -> np.ndarray:
    """Unit vectors of the profiles' texts with their languages taken out."""
    return _language_free(embedder, [profile.text for profile in profiles],
                          [profile.language for profile in profiles])


def opportunity_vectors(opportunities: Sequence[Opportunity], embedder: Embedder) -> np.ndarray:
    return _language_free(embedder, [opportunity.text for opportunity in opportunities],
                          [opportunity.text_language for opportunity in opportunities])


def capability_vectors(capabilities: Sequence[str], language: str, embedder: Embedder) -> np.ndarray:
    """Vectors of a profile's capability lines, to say which of them an opportunity asks for."""
    return _language_free(embedder, list(capabilities), [language] * len(capabilities))


def _language_free(embedder: Embedder, texts: list[str], languages: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    vectors = embedder.embed(texts, kind="query")
    return without_language(vectors, languages, embedder.name, LANGUAGE_STRENGTH)


# --- features: the score as one dot product -----------------------------------------------------

@dataclass(frozen=True)
class Features:
    """The columns after the vector: one per NACE division and section, one per language the
    organisations speak, one for "proposed as a partner only". An organisation's row holds 0/1;
    an opportunity's row holds the weights, so their dot product is the score."""

    languages: tuple[str, ...]

    @classmethod
    def of(cls, profiles: Iterable[Profile]) -> "Features":
        """Columns for the platform's languages and every other language a profile names."""
        spoken = {code for profile in profiles for code in profile.languages}
        return cls(tuple(sorted(spoken | {language.code for language in LANGUAGES})))

    @property
    def width(self) -> int:
        return len(DIVISIONS) + len(SECTIONS) + len(self.languages) + 1

    def _slots(self):
        division = {code: index for index, code in enumerate(DIVISIONS)}
        section = {letter: len(DIVISIONS) + index for index, letter in enumerate(SECTIONS)}
        start = len(DIVISIONS) + len(SECTIONS)
        language = {code: start + index for index, code in enumerate(self.languages)}
        return division, section, language, self.width - 1

    def profile_rows(self, profiles: Sequence[Profile]) -> np.ndarray:
        division, section, language, partner_only = self._slots()
        rows = np.zeros((len(profiles), self.width), dtype=np.float32)
        for row, profile in enumerate(profiles):
            for code in known(profile.nace):
                rows[row, division[code]] = 1
                rows[row, section[SECTION_OF[code]]] = 1
            for code in profile.languages:
                if code in language:
                    rows[row, language[code]] = 1
            rows[row, partner_only] = profile.kind in PARTNER_ONLY_KINDS
        return rows

    def opportunity_rows(self, opportunities: Sequence[Opportunity]) -> np.ndarray:
        division, section, language, partner_only = self._slots()
        rows = np.zeros((len(opportunities), self.width), dtype=np.float32)
        for row, opportunity in enumerate(opportunities):
            divisions = known(opportunity.sectors)
            sections = {SECTION_OF[code] for code in divisions}
            for code in divisions:
                rows[row, division[code]] = SHARED_DIVISION / len(divisions)
            for letter in sections:
                rows[row, section[letter]] = SHARED_SECTION / len(sections)
            if opportunity.language in language:
                rows[row, language[opportunity.language]] = SAME_LANGUAGE
            rows[row, partner_only] = NOT_A_SUPPLIER if opportunity.kind in SUPPLY_KINDS else 0
        return rows


def best_columns(scores: np.ndarray, k: int) -> np.ndarray:
    """For each row, the columns of its k highest scores, best first.

    A row's k best lie in the k blocks with the highest maxima, so only those are sorted: on a
    row of 200,000 this is about twenty times faster than partitioning the whole row."""
    rows, width = scores.shape
    k = min(k, width)
    if k == 0:
        return np.zeros((rows, 0), dtype=np.int64)
    if width <= BLOCK * k * 4:
        return _best_of(scores, np.broadcast_to(np.arange(width), scores.shape), k)
    blocks = width // BLOCK
    body = scores[:, :blocks * BLOCK].reshape(rows, blocks, BLOCK)
    maxima = body.max(axis=2)
    top_blocks = np.argpartition(-maxima, k - 1, axis=1)[:, :k]
    columns = (top_blocks[:, :, None] * BLOCK + np.arange(BLOCK)).reshape(rows, -1)
    tail = np.arange(blocks * BLOCK, width)
    if len(tail):
        columns = np.hstack([columns, np.broadcast_to(tail, (rows, len(tail)))])
    return _best_of(np.take_along_axis(scores, columns, axis=1), columns, k)


def _best_of(scores: np.ndarray, columns: np.ndarray, k: int) -> np.ndarray:
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    part_scores = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-part_scores, axis=1, kind="stable")
    return np.take_along_axis(np.take_along_axis(columns, part, axis=1), order, axis=1)


# --- the indexes --------------------------------------------------------------------------------

@dataclass
class Ranked:
    id: str
    score: float


@dataclass
class OrganisationIndex:
    """The organisations that may be suggested, as one matrix (vector columns, then features)
    whose rows are kept by country, so that a post for its own country reads one slice."""

    profiles: list[Profile]
    matrix: np.ndarray
    features: Features
    by_country: dict[str, slice] = field(default_factory=dict)
    countries: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype="U2"))
    rows: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, profiles: Sequence[Profile], vectors: np.ndarray,
              features: Features | None = None) -> "OrganisationIndex":
        features = features or Features.of(profiles)
        order = sorted(range(len(profiles)), key=lambda row: profiles[row].country)
        profiles = [profiles[row] for row in order]
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or len(vectors) != len(order):
            raise ValueError("one vector row per profile, please")
        dimension = vectors.shape[1]
        matrix = np.empty((len(order), dimension + features.width), dtype=np.float32)  # one copy
        in_order = all(order[row] == row for row in range(len(order)))  # a caller may sort first
        matrix[:, :dimension] = vectors if in_order else vectors[order]
        matrix[:, dimension:] = features.profile_rows(profiles)
        countries = np.array([profile.country for profile in profiles], dtype="U2")
        by_country = {}
        for code in dict.fromkeys(countries.tolist()):
            start = int(np.searchsorted(countries, code, side="left"))
            by_country[code] = slice(start, int(np.searchsorted(countries, code, side="right")))
        return cls(profiles, matrix, features, by_country, countries,
                   {profile.id: row for row, profile in enumerate(profiles)})

    def __len__(self) -> int:
        return len(self.profiles)

    def query_rows(self, opportunities: Sequence[Opportunity], vectors: np.ndarray) -> np.ndarray:
        return np.hstack([np.asarray(vectors, dtype=np.float32).reshape(len(opportunities), -1),
                          self.features.opportunity_rows(opportunities)])

    def eligible(self, opportunity: Opportunity) -> slice:
        """The rows an opportunity may see: all, or its own country's."""
        if opportunity.cross_border or not opportunity.country:
            return slice(0, len(self.profiles))
        return self.by_country.get(opportunity.country, slice(0, 0))

    def top(self, opportunity: Opportunity, vector: np.ndarray, k: int = 20) -> list[Ranked]:
        """The k organisations that fit one opportunity best."""
        query = self.query_rows([opportunity], vector)
        return self._ranked(query, self.eligible(opportunity), k)[0]

    def batch(self, opportunities: Sequence[Opportunity], vectors: np.ndarray, k: int = 20,
              progress=None) -> dict[str, list[Ranked]]:
        """The k best organisations for every opportunity, in matrix products: the posts open
        to every country against all rows, each country's own posts against its slice."""
        queries = self.query_rows(opportunities, vectors)
        result: dict[str, list[Ranked]] = {}
        for rows, eligible in self.groups(opportunities):
            for start in range(0, len(rows), CHUNK):
                chunk = rows[start:start + CHUNK]
                ranked = self._ranked(queries[chunk], eligible, k)
                for row, found in zip(chunk, ranked, strict=True):
                    result[opportunities[row].id] = found
                if progress:
                    progress(len(chunk))
        return result

    def groups(self, opportunities: Sequence[Opportunity]) -> list[tuple[list[int], slice]]:
        """The opportunities (as positions) that see the same rows, with those rows."""
        groups: dict[tuple[int, int], list[int]] = {}
        for row, opportunity in enumerate(opportunities):
            eligible = self.eligible(opportunity)
            groups.setdefault((eligible.start, eligible.stop), []).append(row)
        return [(rows, slice(*bounds)) for bounds, rows in groups.items()]

    def _ranked(self, queries: np.ndarray, eligible: slice, k: int) -> list[list[Ranked]]:
        scores = queries @ self.matrix[eligible].T
        columns = best_columns(scores, k)
        return [[Ranked(self.profiles[eligible.start + column].id, float(scores[row, column]))
                 for column in best] for row, best in enumerate(columns)]

    @property
    def dimension(self) -> int:
        return self.matrix.shape[1] - self.features.width

    def partners_for(self, profile: Profile, vector: np.ndarray, k: int = 10) -> list[Ranked]:
        """Organisations to cooperate with across sectors or borders: those whose profiles say
        something close to this one's while they work in another NACE section or another
        country; each language in common counts a little."""
        if not len(self):
            return []
        dimension = self.dimension
        _, section, language, _ = self.features._slots()
        # One matrix–vector product (a slice of the matrix would be copied first): the vector
        # columns, and SAME_LANGUAGE for each language both speak.
        query = np.zeros(self.matrix.shape[1], dtype=np.float32)
        query[:dimension] = np.asarray(vector, dtype=np.float32).reshape(-1)
        query[[dimension + language[code] for code in profile.languages if code in language]] = SAME_LANGUAGE
        scores = self.matrix @ query
        own_sections = sorted({dimension + section[SECTION_OF[code]] for code in known(profile.nace)})
        shares_section = self.matrix[:, own_sections].any(axis=1) if own_sections else \
            np.zeros(len(self), dtype=bool)
        other_country = self.countries != profile.country
        scores = np.where(other_country | ~shares_section, scores, -np.inf)
        if profile.id in self.rows:
            scores[self.rows[profile.id]] = -np.inf
        best = best_columns(scores.reshape(1, -1), k)[0]
        return [Ranked(self.profiles[row].id, float(scores[row])) for row in best
                if np.isfinite(scores[row])]


@dataclass
class OpportunityIndex:
    """Open opportunities as one matrix, to find those that fit an organisation."""

    opportunities: list[Opportunity]
    matrix: np.ndarray
    features: Features

    @classmethod
    def build(cls, opportunities: Sequence[Opportunity], vectors: np.ndarray,
              features: Features) -> "OpportunityIndex":
        opportunities = list(opportunities)
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or len(vectors) != len(opportunities):
            raise ValueError("one vector row per opportunity, please")
        matrix = np.hstack([vectors, features.opportunity_rows(opportunities)])
        return cls(opportunities, np.ascontiguousarray(matrix), features)

    def for_profile(self, profile: Profile, vector: np.ndarray, k: int = 20) -> list[Ranked]:
        """The k open opportunities that fit an organisation, by the same score and rule as
        `OrganisationIndex.top` gives it for each of them."""
        if not self.opportunities:
            return []
        row = np.hstack([np.asarray(vector, dtype=np.float32).reshape(-1),
                         self.features.profile_rows([profile])[0]])
        scores = self.matrix @ row
        welcome = np.array([opportunity.welcomes(profile) for opportunity in self.opportunities])
        scores = np.where(welcome, scores, -np.inf)
        best = best_columns(scores.reshape(1, -1), k)[0]
        return [Ranked(self.opportunities[index].id, float(scores[index])) for index in best
                if np.isfinite(scores[index])]


# --- explanations -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Explanation:
    """Why an organisation fits an opportunity, as facts a page puts in plain words."""

    closeness: str  # "close", "related" or "" — how near the texts are in meaning
    shared_divisions: tuple[str, ...]  # NACE divisions both name
    shared_sections: tuple[str, ...]  # NACE sections both name, when no division is shared
    capabilities: tuple[str, ...]  # the organisation's capability lines the opportunity asks for
    speaks_language: bool  # the organisation speaks the opportunity's language
    place: str  # "same_city", "same_country" or "other_country"
    cross_border: bool  # the post welcomes organisations from other countries
    partner_only: bool  # a public body or ECoC organiser, proposed as a partner, not a supplier

    @property
    def telling(self) -> bool:
        """Whether anything beyond place and language speaks for the match."""
        return bool(self.shared_divisions or self.shared_sections or self.closeness or self.capabilities)

    @property
    def strong(self) -> bool:
        """Worth a mail nobody asked for at that moment (a digest): a sector asked for, a
        description close in meaning, or a neighbouring sector with a related description or a
        capability asked for."""
        return bool(self.shared_divisions or self.closeness == "close"
                    or (self.shared_sections and (self.closeness or self.capabilities)))


def capabilities_asked(opportunity: Opportunity, capabilities: Sequence[str]) -> tuple[str, ...]:
    """The capability lines that name what the opportunity asks for: a concept of the thesaurus
    they share ("catering" for "maitinimas"), or two words under any language's stemmer (one
    word alone misleads: "produce" is food in one text and music in another)."""
    asked_stems, asked_concepts = _reading(opportunity.text)
    found = []
    for line in capabilities:
        stems, concepts = _reading(line)
        if concepts & asked_concepts or _words_shared(stems & asked_stems) >= 2:
            found.append(line)
    return tuple(found)


# Words every post and profile of the platform uses: sharing them says nothing about a fit.
GENERIC_CONCEPTS = ("festival", "event", "service", "city", "programme", "project", "sme", "company",
                    "firm", "business", "partner", "partnership", "european_capital_of_culture",
                    "cultural_sector", "visitor", "product", "manufacturing", "language", "employee",
                    "job", "lessons_learnt", "networking", "internationalisation", "application")


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    from .thesaurus import thesaurus

    concepts = thesaurus().concepts
    return frozenset(stem for concept in GENERIC_CONCEPTS for term in concepts.get(concept, ())
                     for stem in term.stems)


def _words_shared(stems: frozenset[str]) -> int:
    """How many words a set of shared stems stands for: a word's stems under several stemmers
    (and its root) start alike, so stems that begin with another count once."""
    ordered = sorted(stems, key=len)
    return sum(1 for index, stem in enumerate(ordered)
               if not any(stem.startswith(shorter[:4]) for shorter in ordered[:index]))


@lru_cache(maxsize=4096)
def _reading(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A text's telling stems under every stemmer and the thesaurus concepts it names: no stop
    words, numbers, short words or words of the generic concepts."""
    from .keywords import stop_words
    from .search import word_stems, words
    from .thesaurus import thesaurus

    stop, generic = stop_words(), _generic_stems()
    stem_sets = [stems for stems in (word_stems(word) for word in words(text)
                                     if word not in stop and len(word) > 3 and not word.isdigit())
                 if not stems & generic]
    if not stem_sets:
        return frozenset(), frozenset()
    concepts = frozenset().union(*thesaurus().concepts_of(stem_sets)) - set(GENERIC_CONCEPTS)
    return frozenset().union(*stem_sets), concepts


def closeness(similarity: float) -> str:
    return "close" if similarity >= CLOSE else "related" if similarity >= RELATED else ""


def explain(opportunity: Opportunity, profile: Profile, similarity: float,
            capability_similarities: Sequence[float] = ()) -> Explanation:
    """The facts behind a match; `similarity` is the cosine of the two language-free vectors,
    `capability_similarities` that of the opportunity with each of the profile's capabilities."""
    divisions = tuple(code for code in opportunity.sectors if code in profile.nace)
    own_sections = {SECTION_OF[code] for code in known(profile.nace)}
    sections = () if divisions else tuple(dict.fromkeys(
        SECTION_OF[code] for code in known(opportunity.sectors) if SECTION_OF[code] in own_sections))
    if capability_similarities:
        ranked = sorted(zip(capability_similarities, profile.capabilities, strict=False), reverse=True)
        capabilities = tuple(line for score, line in ranked[:3] if score >= RELATED)
    else:
        capabilities = capabilities_asked(opportunity, profile.capabilities)[:3]
    if profile.city and opportunity.ecoc_city and \
            profile.city.casefold() == opportunity.ecoc_city.casefold():
        place = "same_city"
    elif not opportunity.country or profile.country == opportunity.country:
        place = "same_country"
    else:
        place = "other_country"
    return Explanation(
        closeness=closeness(similarity), shared_divisions=divisions, shared_sections=sections,
        capabilities=capabilities, speaks_language=opportunity.language in profile.languages,
        place=place, cross_border=opportunity.cross_border,
        partner_only=opportunity.kind in SUPPLY_KINDS and profile.kind in PARTNER_ONLY_KINDS,
    )


@dataclass(frozen=True)
class PartnerExplanation:
    """Why an organisation is suggested to another as a partner."""

    closeness: str  # how near their profiles are in meaning
    their_sectors: tuple[str, ...]  # the partner's NACE divisions the organisation does not name
    other_country: str  # the partner's country when it is another one, else ""
    common_languages: tuple[str, ...]  # languages both speak


def explain_partner(profile: Profile, partner: Profile, similarity: float) -> PartnerExplanation:
    return PartnerExplanation(
        closeness=closeness(similarity),
        their_sectors=tuple(code for code in partner.nace if code not in profile.nace),
        other_country=partner.country if partner.country != profile.country else "",
        common_languages=tuple(code for code in profile.languages if code in partner.languages))
