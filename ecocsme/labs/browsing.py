"""What the answer browser of a lab reads (LAB-3..5): the submitted answers that match the staff's
filters, by response or by question, a page at a time, with the theme of each answer in the
chosen scope and the person's name where the reader may see it; the choices the filters offer;
and the answers of a filtered export.

Only submitted answers are browsed and exported: a draft is a person's unfinished work, which
they have not sent, and it counts nowhere else either.

The search reads answers as the practice search reads practices (`text.search`): each typed word
stands for its stems under every platform language's stemmer, without accents or case, and for
its translations in the thesaurus; an answer matches when it holds every word of the query, its
own words read with its language's stemmer. The texts are matched here, in one query after the
other filters have narrowed them in SQL, rather than through a full-text table: a lab holds
hundreds or a few thousand answers, and no index then has to follow every save of an answer.
"""

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString, mark_safe

from ecocsme.core.http import number_from
from ecocsme.text.keywords import fold, stop_words
from ecocsme.text.search import WORD_RE, Marker, Query, normalise, parse_query

from .models import Answer, Lab, Question, Response, Theme, ThemeAnswer

PER_PAGE = 20
MAX_SEARCH = 200
BY_RESPONSE, BY_QUESTION = "responses", "question"
QUESTION_SCOPE = "question"  # each answer shows its theme among its question's themes


# --- what was asked ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Filters:
    """The browser's view, filters and search as the URL carries them (GET), so a filtered page
    can be bookmarked, shared with a colleague and exported as it is."""

    view: str = BY_RESPONSE
    question: int | None = None
    language: str = ""
    kind: str = ""
    city: str = ""
    channel: str = ""
    theme: int | None = None
    scope: str = QUESTION_SCOPE  # "question", or "lab" for the themes across the lab
    q: str = ""

    @classmethod
    def from_params(cls, params: Mapping) -> "Filters":
        """The filters a request names; what cannot be a filter value is left out (an unknown
        value of the right shape matches nothing, as it names nothing in the lab)."""
        def text(name: str, limit: int = 100) -> str:
            return " ".join(str(params.get(name, "")).split())[:limit]

        return cls(view=BY_QUESTION if params.get("view") == BY_QUESTION else BY_RESPONSE,
                   question=number_from(params.get("question")), language=text("language", 8),
                   kind=text("kind", 20), city=text("city"), channel=text("channel", 10),
                   theme=number_from(params.get("theme")),
                   scope=Theme.LAB_SCOPE if params.get("scope") == Theme.LAB_SCOPE else QUESTION_SCOPE,
                   q=text("q", MAX_SEARCH))

    def params(self, **changes) -> dict[str, str]:
        """The non-default values, as GET parameters."""
        chosen = replace(self, **changes)
        defaults = Filters()
        return {name: str(value) for name, value in vars(chosen).items()
                if value not in (None, "") and value != getattr(defaults, name)}

    def query_string(self, **changes) -> str:
        return urlencode(self.params(**changes))

    @property
    def narrows_answers(self) -> bool:
        """Whether an answer-level filter is set (so a response counts by its answers)."""
        return bool(self.question or self.language or self.theme or self.q)

    @property
    def any_set(self) -> bool:
        return bool(self.narrows_answers or self.kind or self.city or self.channel)


# --- what the filters offer ----------------------------------------------------------------------------
@dataclass
class Choices:
    """The lab's questions and themes, and the values its submitted answers hold."""

    questions: list[Question]
    themes: list[Theme]
    languages: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)

    def themes_of(self, scope: str) -> list[Theme]:
        return [t for t in self.themes if t.scope == scope]

    def theme(self, pk: int | None) -> Theme | None:
        return next((t for t in self.themes if t.pk == pk), None)

    def theme_groups(self) -> list[tuple[Question | None, list[Theme]]]:
        """The themes across the lab, then each question's."""
        groups = [(None, self.themes_of(Theme.LAB_SCOPE))]
        groups += [(q, self.themes_of(str(q.pk))) for q in self.questions]
        return [(q, themes) for q, themes in groups if themes]


def choices_for(lab: Lab) -> Choices:
    """What the filters offer (three queries)."""
    questions = list(lab.questions.order_by("position"))
    themes = list(lab.themes.order_by("scope", "is_other", "position", "id"))
    rows = set(_submitted_answers(lab).values_list(
        "language", "response__respondent_kind", "response__respondent_city", "response__channel")
        .distinct().order_by())
    def values(index):
        return sorted({row[index] for row in rows if row[index] and row[index] != "?"})
    return Choices(questions=questions, themes=themes, languages=values(0), kinds=values(1),
                   cities=values(2), channels=values(3))


# --- the search ----------------------------------------------------------------------------------------
class Search:
    """Whether a text in a language holds every word of a query, and the text with them marked.

    A word of the query is found by any of its stems, or by a translation the thesaurus gives:
    a one-word translation by its stem, a longer one ("call for proposals") when every content
    word of it is in the text, so that its "for" alone finds nothing."""

    def __init__(self, text: str):
        self.query = parse_query(text)
        stops = stop_words()
        expansions = self.query.expansions or ((),) * len(self.query.terms)
        self.parts = []  # per word of the query: (its stems and one-word translations, phrases)
        for terms, translations in zip(self.query.terms, expansions, strict=True):
            single = set(terms) | {t.stems[0] for t in translations if len(t.stems) == 1}
            phrases = [tuple(stem for word, stem in zip(t.words, t.stems, strict=True)
                             if fold(word) not in stops) for t in translations if len(t.stems) > 1]
            self.parts.append((frozenset(single), [p for p in phrases if p]))
        self._markers: dict[str, tuple] = {}

    def __bool__(self) -> bool:
        return bool(self.query)

    def _for(self, language: str):
        """(a marker of any matching word, and per word of the query: its marker and its phrases'
        markers), made once per language."""
        if language not in self._markers:
            def marker(stems) -> Marker:
                return Marker(Query(text="", words=("",), terms=(frozenset(stems),)), language)

            every = set().union(*(single | {s for p in phrases for s in p} for single, phrases in self.parts))
            self._markers[language] = (marker(every), [
                (marker(single), [[marker([stem]) for stem in phrase] for phrase in phrases])
                for single, phrases in self.parts])
        return self._markers[language]

    def matches(self, text: str, language: str) -> bool:
        found = {word.casefold() for word in WORD_RE.findall(normalise(text or ""))}

        def holds(marker) -> bool:
            return any(marker(word) for word in found)

        return all(holds(single) or any(all(holds(m) for m in phrase) for phrase in phrases)
                   for single, phrases in self._for(language)[1])

    def marked(self, text: str, language: str) -> SafeString:
        """The whole text, escaped, with each word that matches a word of the query in <mark>."""
        text = normalise(text or "")
        if not self:
            return mark_safe(html.escape(text))  # noqa: S308 (escaped)
        marker, pieces, cursor = self._for(language)[0], [], 0
        for match in WORD_RE.finditer(text):
            if marker(match.group().casefold()):
                pieces += [html.escape(text[cursor:match.start()]),
                           f"<mark>{html.escape(match.group())}</mark>"]
                cursor = match.end()
        pieces.append(html.escape(text[cursor:]))
        return mark_safe("".join(pieces))  # noqa: S308 (escaped above)


# --- what matches ----------------------------------------------------------------------------------------
def _submitted_answers(lab: Lab) -> QuerySet[Answer]:
    return Answer.objects.filter(response__lab=lab, response__status=Response.Status.SUBMITTED)


def _response_conditions(filters: Filters, prefix: str = "") -> dict:
    """The response-level filters (kind, city, channel) as lookups, from a response or `prefix`."""
    chosen = {"respondent_kind": filters.kind, "respondent_city": filters.city, "channel": filters.channel}
    return {f"{prefix}{field}": value for field, value in chosen.items() if value}


def _responses(lab: Lab, filters: Filters) -> QuerySet[Response]:
    """The submitted responses that pass the response-level filters."""
    return Response.objects.filter(lab=lab, status=Response.Status.SUBMITTED, **_response_conditions(filters))


def _answers(lab: Lab, filters: Filters) -> QuerySet[Answer]:
    """The submitted answers that pass every filter but the search."""
    answers = _submitted_answers(lab).filter(**_response_conditions(filters, "response__"))
    if filters.question:
        answers = answers.filter(question_id=filters.question)
    if filters.language:
        answers = answers.filter(language=filters.language)
    if filters.theme:
        answers = answers.filter(theme_memberships__theme_id=filters.theme)
    return answers


RESPONSE_ORDER = ("-response__submitted_at", "response_id")


def _matching_response_ids(lab: Lab, filters: Filters):
    """The ids of the matching responses, newest first: a query when there is no search, else a
    list (the texts are read once and searched here)."""
    responses = _responses(lab, filters)
    if not filters.narrows_answers:
        return responses.order_by("-submitted_at", "id").values_list("pk", flat=True)
    if not filters.q:
        return (responses.filter(pk__in=_answers(lab, filters).values("response_id"))
                .order_by("-submitted_at", "id").values_list("pk", flat=True))
    return list(dict.fromkeys(pk for pk, *_ in _searched(lab, filters)))


def _searched(lab: Lab, filters: Filters) -> list[tuple[int, int]]:
    """(response id, answer id) of the answers that pass the filters and hold the searched words,
    newest response first (one query)."""
    search = Search(filters.q)
    rows = (_answers(lab, filters).order_by(*RESPONSE_ORDER, "question__position")
            .values_list("response_id", "id", "text", "language"))
    return [(response_id, pk) for response_id, pk, text, language in rows.iterator(chunk_size=2000)
            if search.matches(text, language)]


def _matching_answer_ids(lab: Lab, filters: Filters):
    if not filters.q:
        return (_answers(lab, filters).order_by(*RESPONSE_ORDER, "question__position")
                .values_list("pk", flat=True))
    return [pk for _response, pk in _searched(lab, filters)]


# --- what a page shows -------------------------------------------------------------------------------------
@dataclass
class AnswerView:
    answer: Answer
    question: Question
    text: SafeString  # escaped, the searched words marked
    theme: Theme | None = None
    moves: list[Theme] = field(default_factory=list)  # the other themes of its scope


@dataclass
class ResponseView:
    response: Response
    name: str  # the person's name, or "" when the reader may not see it (or nobody is named)
    answers: list[AnswerView] = field(default_factory=list)


@dataclass
class Browse:
    filters: Filters
    choices: Choices
    total: int  # submitted responses, or answers to the chosen question
    page: Page
    items: list  # ResponseView or (ResponseView, AnswerView) of the page
    question: Question | None = None

    @property
    def matching(self) -> int:
        return self.page.paginator.count

    @property
    def filtered(self) -> bool:
        """Whether the filters leave some out (choosing the question of the view leaves none)."""
        f = self.filters
        return bool(f.q or f.language or f.theme or f.kind or f.city or f.channel
                    or (f.question and f.view == BY_RESPONSE))

    def query_for(self, view: str) -> str:
        """The filters in the other view (a question chosen to read by question is no filter)."""
        if view == BY_RESPONSE:
            return self.filters.query_string(view=BY_RESPONSE, question=None)
        return self.filters.query_string(view=BY_QUESTION)

    @property
    def by_response(self) -> str:
        return self.query_for(BY_RESPONSE)

    @property
    def by_question(self) -> str:
        return self.query_for(BY_QUESTION)


def browse(user, lab: Lab, filters: Filters, page_number) -> Browse:
    """A page of the answer browser: by response (each with its answers under its questions) or
    by question (its matching answers one under another)."""
    choices = choices_for(lab)
    if filters.view == BY_QUESTION:
        return _by_question(user, lab, filters, choices, page_number)
    page = Paginator(_matching_response_ids(lab, filters), PER_PAGE).get_page(page_number)
    ids = list(page.object_list)
    responses = {r.pk: r for r in Response.objects.filter(pk__in=ids).select_related("invitation__contact")
                 .order_by()}
    answers = list(Answer.objects.filter(response_id__in=ids).defer("embedding").order_by())
    views = {pk: _response_view(user, responses[pk]) for pk in ids if pk in responses}
    for view in _answer_views(answers, choices, filters):
        views[view.answer.response_id].answers.append(view)
    for view in views.values():
        view.answers.sort(key=lambda a: a.question.position)
    total = page.paginator.count if not filters.any_set else _responses(lab, Filters()).count()
    return Browse(filters=filters, choices=choices, page=page, items=list(views.values()), total=total)


def _by_question(user, lab: Lab, filters: Filters, choices: Choices, page_number) -> Browse:
    question = next((q for q in choices.questions if q.pk == filters.question), None)
    question = question or (choices.questions[0] if choices.questions else None)
    filters = replace(filters, question=question.pk if question else 0)
    page = Paginator(_matching_answer_ids(lab, filters), PER_PAGE).get_page(page_number)
    ids = list(page.object_list)
    answers = {a.pk: a for a in Answer.objects.filter(pk__in=ids).defer("embedding")
               .select_related("response__invitation__contact").order_by()}
    ordered = [answers[pk] for pk in ids if pk in answers]
    items = [(_response_view(user, view.answer.response), view)
             for view in _answer_views(ordered, choices, filters)]
    narrowed = replace(filters, view=BY_RESPONSE, question=None).any_set
    total = _submitted_answers(lab).filter(question=question).count() if narrowed else page.paginator.count
    return Browse(filters=filters, choices=choices, page=page, items=items, question=question, total=total)


def _response_view(user, response: Response) -> ResponseView:
    from ecocsme.organisations.access import people_visible_to

    contact = response.invitation.contact if response.invitation_id else None
    shown = contact is not None and not contact.is_erased and people_visible_to(user).sees(contact)
    return ResponseView(response=response, name=contact.name if shown else "")


def _answer_views(answers: list[Answer], choices: Choices, filters: Filters) -> list[AnswerView]:
    """The answers with their question, their theme in the chosen scope (one query) and the text
    with the searched words marked."""
    questions = {q.pk: q for q in choices.questions}
    theme_ids = dict(answer_themes([a.pk for a in answers], filters.scope))
    search = Search(filters.q)
    views = []
    for answer in answers:
        theme = choices.theme(theme_ids.get(answer.pk))
        moves = [t for t in choices.themes_of(theme.scope) if t.pk != theme.pk] if theme else []
        views.append(AnswerView(answer=answer, question=questions[answer.question_id],
                                text=search.marked(answer.text, answer.language),
                                theme=theme, moves=moves))
    return views


def answer_themes(answer_ids: Iterable[int], scope: str) -> list[tuple[int, int]]:
    """(answer id, theme id) of the answers in a theme across the lab (`scope` "lab") or of their
    question (any other scope)."""
    in_scope = Q(scope=Theme.LAB_SCOPE) if scope == Theme.LAB_SCOPE else ~Q(scope=Theme.LAB_SCOPE)
    return list(ThemeAnswer.objects.filter(in_scope, answer_id__in=list(answer_ids))
                .values_list("answer_id", "theme_id"))


# --- moving an answer ------------------------------------------------------------------------------------
def answer_theme(lab: Lab, answer_id: int, scope: str) -> Theme | None:
    """The theme of the lab that holds an answer in `scope` (a theme's own scope), or None."""
    membership = (ThemeAnswer.objects.filter(theme__lab=lab, answer_id=answer_id, scope=scope)
                  .select_related("theme__lab").first())
    return membership.theme if membership else None


def theme_cell(lab: Lab, answer_id: int, theme: Theme) -> AnswerView:
    """What the browser shows of an answer's theme after a move: the theme and where else it may go."""
    others = list(lab.themes.filter(scope=theme.scope).exclude(pk=theme.pk)
                  .order_by("is_other", "position", "id"))
    answer = Answer(pk=answer_id)
    return AnswerView(answer=answer, question=theme.question, text=SafeString(""), theme=theme,
                      moves=others)


# --- exports -----------------------------------------------------------------------------------------------
def export_answers(lab: Lab, filters: Filters) -> Iterable[Answer]:
    """The answers a filtered page shows, with their response and question, for an export: every
    answer of the matching responses, or the matching answers of the chosen question."""
    full = Answer.objects.defer("embedding").select_related("response", "question")
    if filters.view == BY_QUESTION:
        answers = full.filter(pk__in=_answers(lab, filters).values("pk"))
        answers = answers.order_by(*RESPONSE_ORDER)
        if not filters.q:
            return answers.iterator(chunk_size=2000)
        search = Search(filters.q)
        return (a for a in answers.iterator(chunk_size=2000) if search.matches(a.text, a.language))
    answers = full.filter(response__in=_responses(lab, filters)).order_by(*RESPONSE_ORDER,
                                                                          "question__position")
    if filters.narrows_answers and not filters.q:
        answers = answers.filter(response_id__in=_answers(lab, filters).values("response_id"))
    if not filters.q:
        return answers.iterator(chunk_size=2000)
    chosen = {response_id for response_id, _pk in _searched(lab, filters)}
    return (a for a in answers.iterator(chunk_size=2000) if a.response_id in chosen)


def theme_labels(lab: Lab) -> dict[tuple[int, bool], str]:
    """{(answer id, across the lab?): its theme's label in the active language} of every answer
    in a theme of the lab."""
    labels = {theme.pk: theme.display_label for theme in lab.themes.all()}
    rows = ThemeAnswer.objects.filter(theme__lab=lab).values_list("answer_id", "scope", "theme_id")
    return {(answer_id, scope == Theme.LAB_SCOPE): labels[theme_id]
            for answer_id, scope, theme_id in rows.iterator(chunk_size=2000)}
