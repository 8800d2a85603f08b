"""Themes in a set of texts, across languages (LAB-4, LAB-6): clustering of sentence vectors.

Takes ids, texts, languages and their sentence vectors (see embeddings.py), and returns themes
with a label, keywords, the texts in each and representative quotes; and, for themes kept
elsewhere, the nearest theme of new vectors and the quotes of a group.

How: vectors are centred per language (what makes Romanian answers resemble each other
rather than the Dutch ones about the same idea is mostly a language offset), moved part of
the way towards the centre from their question's mean (answers to one question share its
wording and pull together across themes; all the way would take out the themes a question
mostly draws), measured in the
domain's directions (domain.py), reduced, and clustered by consensus: many Ward clusterings of
random parts of the answers vote on which answers belong together, and the votes are cut into
themes, their number chosen by silhouette among a range that grows with the number of answers.
Answers far from every theme go to "other". Keywords are class-based TF-IDF (keywords.py).
"""

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from .domain import emphasised
from .embeddings import default_model_name
from .keywords import class_keywords, keywords_by_language, tokens
from .theme_labels import concepts_in, concepts_scored, theme_label

OTHER_LABEL = "other"
MAX_EXACT = 4000  # above this many answers, k-means refines in mini-batches
CONSENSUS_SAMPLE = 1000  # above this many answers, cluster a sample and assign the rest
CONSENSUS_RUNS = 60
CONSENSUS_SHARE = 0.7  # of the answers each run clusters
KEYWORD_SAMPLE = 400  # texts per theme read for its keywords
QUESTION_SHARE = 0.3  # of a question's offset taken out (measured on labelled sets A-D)


@dataclass
class Theme:
    label: str
    keywords: list[str]
    answer_ids: list[str]
    quote_ids: list[str]
    is_other: bool = False
    languages: dict[str, int] = field(default_factory=dict)
    concepts: list[str] = field(default_factory=list)  # thesaurus concepts, best first
    keywords_by_language: dict[str, list[str]] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"label": self.label, "keywords": self.keywords, "answer_ids": self.answer_ids,
                "quote_ids": self.quote_ids, "is_other": self.is_other, "languages": self.languages,
                "concepts": self.concepts, "keywords_by_language": self.keywords_by_language}


def find_themes(ids: list[str], texts: list[str], vectors: np.ndarray, languages: list[str],
                *, themes: int | None = None, seed: int = 0, questions: list[str] | None = None,
                label_language: str = "en", model: str | None = None) -> list[Theme]:
    """Group answers into themes; every id lands in exactly one theme ("other" included).

    A theme's label names the thesaurus concepts its answers share, in `label_language`
    (theme_labels.py), else its keywords; the gist of its most central answer only when it has
    neither. Callers that show themes to readers of several languages keep `concepts` and
    `keywords_by_language` and write the label for each reader; staff rename as they see fit.
    `model` names the embedder of the vectors (the default embedder's when not given);
    `questions`, when given, names the question each text answers.
    """
    n = len(ids)
    if n == 0:
        return []
    if n < 4:
        return [_theme(list(range(n)), ids, texts, languages, vectors, None, OTHER_LABEL)]
    points = _prepare(vectors, languages, model or default_model_name(), questions)
    labels = _cluster(points, themes=themes, seed=seed)
    labels = _set_aside_outliers(points, labels)
    return _describe(ids, texts, languages, points, labels, label_language)


# --- geometry -----------------------------------------------------------------------------------
def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Unit-length rows, in place when the matrix is already float32."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    matrix /= norms
    return matrix


def _prepare(vectors: np.ndarray, languages: list[str], model: str | None = None,
             questions: list[str] | None = None) -> np.ndarray:
    points = _normalise_rows(np.array(vectors, dtype=np.float32, copy=True))
    points = _centred(points, languages, share=1.0)
    if questions is not None:
        points = _centred(points, questions, share=QUESTION_SHARE)
    return emphasised(points, model) if model else points


def _centred(points: np.ndarray, groups: list[str], *, share: float) -> np.ndarray:
    """Each group of five or more rows moved `share` of the way from its mean to the mean of all
    (in place), rows normalised again; unchanged when there is only one group."""
    by_group: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        by_group[group or "?"].append(index)
    if len(by_group) < 2:
        return points
    overall = points.mean(axis=0)
    for members in by_group.values():
        if len(members) >= 5:
            index = np.asarray(members)
            points[index] -= share * (points[index].mean(axis=0) - overall)
    return _normalise_rows(points)


def _reduce(points: np.ndarray, seed: int, fit_on: int = 20_000) -> np.ndarray:
    """PCA to 48 dimensions, fitted on a sample and applied in chunks to keep memory low."""
    from sklearn.decomposition import PCA

    n = points.shape[0]
    components = min(48, n - 1, points.shape[1])
    if components < 8:
        return points
    rng = np.random.default_rng(seed)
    sample = points[rng.choice(n, fit_on, replace=False)] if n > fit_on else points
    pca = PCA(n_components=components, random_state=seed).fit(sample)
    reduced = np.empty((n, components), dtype=np.float32)
    for start in range(0, n, 50_000):
        reduced[start:start + 50_000] = pca.transform(points[start:start + 50_000])
    return _normalise_rows(reduced)


def _candidate_counts(n: int) -> range:
    # Silhouette keeps rising with more, smaller themes; a lab's staff work with a dozen or so.
    low = 2 if n < 40 else 4
    high = max(low, min(20, round(0.7 * math.sqrt(n)), n // 6))
    return range(low, high + 1)


def _cluster(points: np.ndarray, *, themes: int | None, seed: int) -> np.ndarray:
    """Consensus clustering of (a sample of) the points, then k-means over all of them from the
    themes' centres when they were sampled."""
    from sklearn.cluster import KMeans, MiniBatchKMeans

    n = points.shape[0]
    reduced = _reduce(points, seed)
    if n <= CONSENSUS_SAMPLE:
        return _consensus(reduced, themes=themes, seed=seed)
    rng = np.random.default_rng(seed)
    sample = reduced[rng.choice(n, CONSENSUS_SAMPLE, replace=False)]
    labels = _consensus(sample, themes=themes, seed=seed)
    centres = np.stack([sample[labels == c].mean(axis=0) for c in sorted(set(labels.tolist()))])
    if len(centres) < 2:
        return np.zeros(n, dtype=int)
    if n > MAX_EXACT:
        model = MiniBatchKMeans(n_clusters=len(centres), init=centres, n_init=1,
                                random_state=seed, batch_size=4096, max_iter=50)
        return model.fit(reduced).labels_
    return KMeans(n_clusters=len(centres), init=centres, n_init=1, random_state=seed,
                  max_iter=100).fit_predict(reduced)


def _consensus(points: np.ndarray, *, themes: int | None, seed: int) -> np.ndarray:
    """Evidence accumulation: Ward clusterings (refined by k-means) of random parts of the points,
    each into the most themes the candidates allow, count how often each pair of answers lands
    together; average linkage over those shares, cut where silhouette is best.

    One Ward clustering of sentence vectors changes with a handful of answers; the answers that
    stay together across many are what a theme is. Runs finer than the themes sought keep two
    close themes apart in the votes (runs into fewer parts merged them in most runs, and the
    cut then found too few themes); the cut still merges what the runs split by chance."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.metrics import silhouette_score
    from threadpoolctl import threadpool_limits

    n = points.shape[0]
    counts = [min(themes, n - 1)] if themes else list(_candidate_counts(n))
    size = max(int(CONSENSUS_SHARE * n), min(n, 2 * max(counts)))
    rng = np.random.default_rng(seed)
    members, present = [], []  # one column per theme of a run; one per run
    for _run in range(CONSENSUS_RUNS if size < n or len(counts) > 1 else 1):
        chosen = np.sort(rng.choice(n, size, replace=False))
        # Products of small matrices: waking BLAS threads costs more than it gains.
        with threadpool_limits(1, user_api="blas"):
            labels = _ward_refined(points[chosen], max(counts))
        member = np.zeros((n, labels.max() + 1), dtype=np.float32)
        member[chosen, labels] = 1.0
        members.append(member)
        present.append(member.sum(axis=1, keepdims=True))
    together, seen = np.hstack(members), np.hstack(present)
    distance = 1.0 - (together @ together.T) / np.maximum(seen @ seen.T, 1.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    best_score, best_labels = -2.0, np.zeros(n, dtype=int)
    for k in counts:
        labels = fcluster(tree, t=k, criterion="maxclust") - 1
        found = len(set(labels.tolist()))
        if found < 2 or found >= n:
            continue
        score = silhouette_score(distance, labels, metric="precomputed") if len(counts) > 1 else 0.0
        if score > best_score:
            best_score, best_labels = score, labels
    return best_labels


def _ward_refined(points: np.ndarray, k: int, iterations: int = 20) -> np.ndarray:
    """Ward's clusters, then k-means steps from their centres (Lloyd's, in a few matrix products)."""
    from scipy.cluster.hierarchy import fcluster, linkage

    labels = fcluster(linkage(points, method="ward"), t=k, criterion="maxclust") - 1
    clusters = labels.max() + 1
    for _ in range(iterations):
        member = np.zeros((len(points), clusters), dtype=np.float32)
        member[np.arange(len(points)), labels] = 1.0
        sizes = member.sum(axis=0)
        centres = (member.T @ points)[sizes > 0] / sizes[sizes > 0, None]
        # nearest centre in Euclidean distance: |x - c|² = |x|² - 2x·c + |c|²
        nearest = np.argmax(points @ centres.T - 0.5 * np.sum(centres ** 2, axis=1), axis=1)
        if np.array_equal(nearest, labels):
            break
        labels, clusters = nearest, len(centres)
    return labels


def _set_aside_outliers(points: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Answers much further from their theme's centre than its other members go to -1."""
    labels = labels.copy()
    for cluster in np.unique(labels):
        members = np.flatnonzero(labels == cluster)
        if len(members) < 3:
            labels[members] = -1
            continue
        centre = _normalise_rows(points[members].mean(axis=0, keepdims=True))[0]
        similarity = points[members] @ centre
        cut = similarity.mean() - 2.5 * similarity.std()
        labels[members[similarity < cut]] = -1
    return labels


# --- describing the themes -----------------------------------------------------------------------
def _describe(ids, texts, languages, points, labels, label_language) -> list[Theme]:
    clusters = sorted({int(c) for c in labels if c >= 0},
                      key=lambda c: -int(np.sum(labels == c)))
    rng = np.random.default_rng(0)
    read, read_languages, named = {}, {}, {}
    for cluster in clusters:
        members = np.flatnonzero(labels == cluster)
        if len(members) > KEYWORD_SAMPLE:
            members = rng.choice(members, KEYWORD_SAMPLE, replace=False)
        read[cluster] = [tokens(texts[i], languages[i]) for i in members]
        read_languages[cluster] = [languages[i] for i in members]
        named[cluster] = [concepts_in(texts[i], languages[i]) for i in members]
    keywords = class_keywords(read)
    by_language = keywords_by_language(read, read_languages)
    concepts = concepts_scored(named)
    result = []
    for cluster in clusters:
        members = np.flatnonzero(labels == cluster).tolist()
        theme = _theme(members, ids, texts, languages, points, keywords[cluster], None)
        theme.concepts, theme.keywords_by_language = concepts[cluster], by_language[cluster]
        theme.label = (theme_label(theme.concepts, theme.keywords_by_language, label_language)
                       or _gist(members, texts, languages, points, label_language) or theme.label)
        result.append(theme)
    outliers = np.flatnonzero(labels == -1).tolist()
    if outliers:
        result.append(_theme(outliers, ids, texts, languages, points, [], OTHER_LABEL))
    return result


def _theme(members, ids, texts, languages, points, keywords, label) -> Theme:
    quotes = _quotes(members, texts, languages, points) if label is None else members[:3]
    words = keywords or []
    return Theme(
        label=label or " · ".join(words[:3]) or texts[members[0]][:60],
        keywords=words[:8], answer_ids=[ids[i] for i in members],
        quote_ids=[ids[i] for i in quotes], is_other=label == OTHER_LABEL,
        languages=dict(Counter(languages[i] or "?" for i in members).most_common()),
    )


def _quotes(members: list[int], texts, languages, points, count: int = 3) -> list[int]:
    """The answers nearest the theme's centre, preferring different languages and readable length."""
    centre = _normalise_rows(points[members].mean(axis=0, keepdims=True))[0]
    order = sorted(members, key=lambda i: -float(points[i] @ centre))
    chosen, seen_languages = [], set()
    for index in order:
        if len(texts[index]) < 25 or len(texts[index]) > 600:
            continue
        if languages[index] in seen_languages and len(order) > count * 3:
            continue
        chosen.append(index)
        seen_languages.add(languages[index])
        if len(chosen) == count:
            return chosen
    for index in order:
        if index not in chosen:
            chosen.append(index)
        if len(chosen) == count:
            break
    return chosen


def _gist(members: list[int], texts, languages, points, language: str, length: int = 80) -> str:
    """The first substantial sentence of the most central answers ("Very little." says nothing
    of a theme; the next sentence or answer usually does)."""
    centre = _normalise_rows(points[members].mean(axis=0, keepdims=True))[0]
    central = sorted(members, key=lambda i: -float(points[i] @ centre))[:10]
    preferred = [i for i in central if languages[i] == language] or central
    fallback = ""
    for index in preferred + [i for i in central if i not in preferred]:
        for sentence in re.split(r"(?<=[.!?;:])\s", " ".join(texts[index].split())):
            fallback = fallback or sentence
            if len(sentence.split()) >= 5:
                return _shorten(sentence, length)
    return _shorten(fallback, length)


def _shorten(sentence: str, length: int) -> str:
    if len(sentence) <= length:
        return sentence.rstrip(".;:")
    return sentence[:length].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def quotes_for(texts: list[str], languages: list[str], vectors: np.ndarray, count: int = 3) -> list[int]:
    """Positions of the answers that best represent a group: central, readable, varied languages."""
    if not texts:
        return []
    points = _normalise_rows(np.array(vectors, dtype=np.float32, copy=True))
    return _quotes(list(range(len(texts))), texts, languages, points, count)


def nearest(vectors: np.ndarray, centres: np.ndarray, *, threshold: float = 0.0) -> list[int]:
    """For each vector, the index of the most similar centre, or -1 below the threshold."""
    points = _normalise_rows(np.array(vectors, dtype=np.float32, copy=True))
    middles = _normalise_rows(np.array(centres, dtype=np.float32, copy=True))
    similarity = points @ middles.T
    best = similarity.argmax(axis=1)
    return [int(b) if similarity[i, b] >= threshold else -1 for i, b in enumerate(best)]


# --- evaluation ---------------------------------------------------------------------------------
def scores(themes: list[Theme], truth: dict[str, str]) -> dict[str, float]:
    """NMI and purity of themes against reference labels (answers labelled "other" ignored)."""
    from sklearn.metrics import normalized_mutual_info_score

    predicted, expected = [], []
    for number, theme in enumerate(themes):
        for answer_id in theme.answer_ids:
            if truth.get(answer_id, OTHER_LABEL) == OTHER_LABEL:
                continue
            predicted.append(-1 if theme.is_other else number)
            expected.append(truth[answer_id])
    if not expected:
        return {"nmi": 0.0, "purity": 0.0, "themes": len(themes)}
    by_theme: dict[int, Counter] = defaultdict(Counter)
    for p, e in zip(predicted, expected, strict=True):
        by_theme[p][e] += 1
    purity = sum(c.most_common(1)[0][1] for c in by_theme.values()) / len(expected)
    return {"nmi": float(normalized_mutual_info_score(expected, predicted)), "purity": purity,
            "themes": len(themes)}


def language_nmi(themes: list[Theme], languages: dict[str, str], truth: dict[str, str]) -> float:
    """How much themes follow the answers' languages instead of what they say: NMI between
    language and theme (0: not at all), over the answers `scores` counts."""
    from sklearn.metrics import normalized_mutual_info_score

    pairs = [(languages[answer_id], number) for number, theme in enumerate(themes)
             for answer_id in theme.answer_ids if truth.get(answer_id, OTHER_LABEL) != OTHER_LABEL]
    if not pairs:
        return 0.0
    return float(normalized_mutual_info_score([p[0] for p in pairs], [p[1] for p in pairs]))
