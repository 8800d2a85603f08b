"""Reads of guidelines for pages, files, the API and the services.

A version's content is one *document*, a JSON-ready dict, whether it comes from the draft's rows
(`version_document`) or from the snapshot frozen at publication (`Version.snapshot`, built by the
same function): every page, PDF, DOCX and API answer renders a document, so that a draft and a
published version look alike and a published one never reads the live rows again.

The document's evidence points into one list of sources, numbered [1], [2]… in order of first
appearance: a good practice (its title frozen), a stakeholder's answer (the quote, its language,
the respondent's kind and city — never a name or an address —, the lab, the question and the
lab theme the answer sits in), or a monitoring figure. The practices and answers are reached
through the evidence rows' foreign keys, with the practices' and labs' access rules deciding
which links a reader gets (`reader_links`).
"""

import difflib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.db.models.fields.json import KeyTransform
from django.urls import reverse
from django.utils.translation import gettext as _

from ecocsme.core.i18n import LocalizedText, in_language

from .models import PHASE_CHOICES, Chapter, Evidence, Guideline, Version

DOCUMENT_FORMAT = 1
WITHDRAWN = "withdrawn"  # a source whose quote was withdrawn at its author's request
MISSING = "missing"  # a source that no longer exists (a practice or an answer deleted)


# --- lists ---------------------------------------------------------------------------------------
def versions_in_order(versions) -> QuerySet[Version]:
    return versions.order_by("-major", "-minor")


def guideline_versions(user, guideline: Guideline) -> list[Version]:
    """The versions of a guideline the user may see, newest first."""
    from .access import versions_visible_to

    return list(versions_in_order(versions_visible_to(user).filter(guideline=guideline).defer("snapshot")))


def _with_published_texts(versions):
    """The versions without their snapshot but with the title and subtitle they were published with."""
    return versions.defer("snapshot").annotate(
        published_title=KeyTransform("title", KeyTransform("guideline", "snapshot")),
        published_subtitle=KeyTransform("subtitle", KeyTransform("guideline", "snapshot")))


def _shown_texts(guideline: Guideline, versions: list[Version]) -> Guideline:
    """The title and subtitle a list shows (`shown_title`, `shown_subtitle`): those of the latest
    published version — the guideline's own may already be changed for the next draft —, the
    guideline's own while nothing is published (only the members see it then)."""
    published = next((v for v in versions if v.is_published), None)
    guideline.shown_title = (published.published_title if published else None) or guideline.title
    guideline.shown_subtitle = (published.published_subtitle if published else None) or guideline.subtitle
    return guideline


def guideline_list(user) -> list[tuple[Guideline, list[Version]]]:
    """The guidelines the user may see with their visible versions, newest first; guidelines with
    a published version first. Two queries."""
    from .access import guidelines_visible_to, versions_visible_to

    guidelines = list(guidelines_visible_to(user).order_by("project__code", "slug"))
    versions: dict[int, list[Version]] = {}
    visible = _with_published_texts(versions_visible_to(user).filter(guideline__in=guidelines))
    for version in versions_in_order(visible):
        versions.setdefault(version.guideline_id, []).append(version)
    rows = [(_shown_texts(guideline, versions.get(guideline.pk, [])), versions.get(guideline.pk, []))
            for guideline in guidelines]
    rows.sort(key=lambda row: not any(v.is_published for v in row[1]))
    return rows


def guideline_list_public(versions) -> list[tuple[Guideline, list[Version]]]:
    """The guidelines of `versions` (access.published_versions()) with their versions, newest
    first: one query."""
    grouped: dict[int, tuple[Guideline, list[Version]]] = {}
    for version in versions_in_order(_with_published_texts(versions)):
        grouped.setdefault(version.guideline_id, (version.guideline, []))[1].append(version)
    for guideline, items in grouped.values():
        _shown_texts(guideline, items)
    return sorted(grouped.values(), key=lambda item: (item[0].project.code, item[0].slug))


def latest_published(guideline: Guideline) -> Version | None:
    return versions_in_order(guideline.versions.filter(status=Version.Status.PUBLISHED)).first()


def previous_version(version: Version, *, published_only: bool) -> Version | None:
    """The version before `version` (the published one before it, for visitors)."""
    earlier = version.guideline.versions.exclude(pk=version.pk).filter(
        major__lte=version.major).exclude(major=version.major, minor__gte=version.minor)
    if published_only:
        earlier = earlier.filter(status=Version.Status.PUBLISHED)
    return versions_in_order(earlier).first()


def draft_of(guideline: Guideline) -> Version | None:
    return guideline.versions.filter(status=Version.Status.DRAFT).first()


def version_chapters(version: Version) -> list[Chapter]:
    """The chapters of a version with their recommendations and evidence, for the editing pages."""
    evidence = (Evidence.objects.select_related("practice", "answer__question").defer("answer__embedding")
                .order_by("position"))
    return list(version.chapters.order_by("position").prefetch_related(
        Prefetch("recommendations", queryset=version.recommendations.order_by("position")
                 .prefetch_related(Prefetch("evidence", queryset=evidence)))))


def recommendation_evidence(recommendation) -> list[Evidence]:
    return list(recommendation.evidence.select_related("practice", "answer__question", "answer__response")
                .defer("answer__embedding").order_by("position"))


def quotable_answers(lab, question: int | None = None):
    """The submitted answers of a lab (fetched through labs.access) that a recommendation may
    quote, with their question and response (no names), for one question when given."""
    from ecocsme.labs.selectors import lab_answers

    answers = lab_answers(lab)
    return answers.filter(question__position=question) if question else answers


def lab_question_numbers(lab) -> list[tuple[int, LocalizedText]]:
    from ecocsme.labs.selectors import lab_questions

    return [(q.position, in_language(q.text)) for q in lab_questions(lab)]


# --- the document ----------------------------------------------------------------------------------
def _evidence_rows(version: Version) -> QuerySet[Evidence]:
    return (Evidence.objects.filter(recommendation__version=version)
            .select_related("practice__partner", "practice__ecoc_title", "answer__question",
                            "answer__response__lab__partner").defer("answer__embedding")
            .prefetch_related("answer__theme_memberships__theme"))


def _lab_theme(answer):
    """The theme across the lab that the answer sits in (labs.ThemeAnswer of scope "lab")."""
    for membership in answer.theme_memberships.all():
        if membership.scope == "lab":
            return membership.theme
    return None


def _source(evidence: Evidence) -> tuple[tuple, dict]:
    """(identity, source) of an evidence row, read from what it cites now."""
    if evidence.kind == Evidence.Kind.PRACTICE:
        practice = evidence.practice
        if practice is None:
            return (MISSING, evidence.pk), {"kind": MISSING, "cited": Evidence.Kind.PRACTICE}
        return ("practice", practice.pk), {
            "kind": "practice", "practice_id": practice.pk, "slug": practice.slug,
            "title": dict(practice.title), "partner": practice.partner.name, "city": practice.city,
            "country": practice.country.code or "",
            "ecoc_title": str(practice.ecoc_title) if practice.ecoc_title_id else "",
            "published": practice.is_published}
    if evidence.kind == Evidence.Kind.ANSWER:
        if evidence.withdrawn_at is not None:
            return (WITHDRAWN, evidence.pk), {"kind": WITHDRAWN}
        answer = evidence.answer
        if answer is None:
            return (MISSING, evidence.pk), {"kind": MISSING, "cited": Evidence.Kind.ANSWER}
        response, question = answer.response, answer.question
        lab, theme = response.lab, _lab_theme(answer)
        return ("answer", answer.pk), {
            "kind": "answer", "answer_id": answer.pk, "quote": answer.text,
            "language": answer.language or response.language,
            "respondent_kind": response.respondent_kind, "respondent_city": response.respondent_city,
            "submitted": response.status == "submitted",
            "lab": {"id": lab.pk, "partner": str(lab.partner), "number": lab.number,
                    "theme": dict(lab.theme)},
            "question": {"number": question.position, "text": dict(question.text)},
            "theme": {"id": theme.pk, "label": theme.label, "other": theme.is_other and not theme.edited}
            if theme else None}
    return ("figure", evidence.figure_label, evidence.figure_value), {
        "kind": "figure", "label": evidence.figure_label, "value": evidence.figure_value}


def version_document(version: Version, *, published_at=None) -> dict:
    """The version as one JSON-ready document, read from its rows: what a draft page shows and
    what publication freezes (with `published_at`). Chapters without recommendations are left
    out. Five queries."""
    guideline = version.guideline
    rows = list(_evidence_rows(version))
    evidence_by_recommendation: dict[int, list[Evidence]] = {}
    for row in sorted(rows, key=lambda r: r.position):
        evidence_by_recommendation.setdefault(row.recommendation_id, []).append(row)
    sources: list[dict] = []
    refs: dict[tuple, int] = {}
    chapters = []
    recommendations = list(version.recommendations.order_by("position"))
    for chapter in version.chapters.order_by("position"):
        items = [r for r in recommendations if r.chapter_id == chapter.pk]
        if not items:
            continue
        number = len(chapters) + 1
        entries = []
        for index, recommendation in enumerate(items, start=1):
            evidence = []
            for row in evidence_by_recommendation.get(recommendation.pk, []):
                identity, source = _source(row)
                if identity not in refs:
                    refs[identity] = len(sources) + 1
                    sources.append({"ref": refs[identity], **source})
                evidence.append({"ref": refs[identity], "note": dict(row.note), "id": row.pk})
            entries.append({"key": recommendation.key, "number": f"{number}.{index}",
                            "title": dict(recommendation.title), "text": dict(recommendation.text),
                            "id": recommendation.pk, "evidence": evidence})
        chapters.append({"phase": chapter.phase, "number": number, "title": dict(chapter.title),
                         "introduction": dict(chapter.introduction), "id": chapter.pk,
                         "recommendations": entries})
    history = [{"number": v.number, "published_at": v.published_at.isoformat(),
                "changelog": dict(v.changelog)}
               for v in versions_in_order(guideline.versions.filter(status=Version.Status.PUBLISHED)
                                          .exclude(pk=version.pk))
               if (v.major, v.minor) < (version.major, version.minor)]
    when = published_at or version.published_at
    return {
        "format": DOCUMENT_FORMAT,
        "guideline": {"slug": guideline.slug, "title": dict(guideline.title),
                      "subtitle": dict(guideline.subtitle), "introduction": dict(guideline.introduction)},
        "project": {"code": guideline.project.code, "acronym": guideline.project.acronym},
        "version": {"number": version.number, "published_at": when.isoformat() if when else None,
                    "changelog": dict(version.changelog), "is_example": version.is_example},
        "history": history,
        "chapters": chapters,
        "sources": sources,
    }


def document_of(version: Version) -> dict:
    """What a page shows: the frozen snapshot of a published version, the rows of a draft."""
    if version.is_published and version.snapshot:
        return version.snapshot
    return version_document(version)


def document_problems(document: dict) -> list[str]:
    """What stops a document from being published, in words an editor acts on."""
    problems = []
    count = sum(len(chapter["recommendations"]) for chapter in document["chapters"])
    if not count:
        problems.append(_("Write at least one recommendation before publishing."))
    if not any(str(text).strip() for text in document["guideline"]["title"].values()):
        problems.append(_("Give the guidelines a title."))
    sources = {source["ref"]: source for source in document["sources"]}
    for chapter in document["chapters"]:
        for recommendation in chapter["recommendations"]:
            label = _("Recommendation %(number)s") % {"number": recommendation["number"]}
            if not any(str(t).strip() for t in recommendation["title"].values()):
                problems.append(_("%(recommendation)s has no title.") % {"recommendation": label})
            if not any(str(t).strip() for t in recommendation["text"].values()):
                problems.append(_("%(recommendation)s has no text.") % {"recommendation": label})
            for item in recommendation["evidence"]:
                source = sources[item["ref"]]
                if source["kind"] == MISSING:
                    problems.append(_("%(recommendation)s cites a source that no longer exists: remove "
                                      "that evidence.") % {"recommendation": label})
                elif source["kind"] == "practice" and not source["published"]:
                    problems.append(_("%(recommendation)s cites the good practice “%(practice)s”, which "
                                      "is not published: publish it or remove that evidence.") % {
                        "recommendation": label, "practice": in_language(source["title"]).text})
                elif source["kind"] == "answer" and not source["submitted"]:
                    problems.append(_("%(recommendation)s quotes an answer that is no longer submitted: "
                                      "remove that evidence.") % {"recommendation": label})
    return list(dict.fromkeys(problems))


def withdraw_quotes(document: dict, answer_ids: set[int]) -> bool:
    """Replace the quotes of `answer_ids` in a document by the note that they were withdrawn at
    their author's request; whether anything changed."""
    changed = False
    for index, source in enumerate(document.get("sources", [])):
        if source.get("kind") == "answer" and source.get("answer_id") in answer_ids:
            document["sources"][index] = {"ref": source["ref"], "kind": WITHDRAWN}
            changed = True
    return changed


# --- the document as a reader gets it ------------------------------------------------------------
def _kind_label(kind: str) -> str:
    from ecocsme.organisations.models import Organisation

    return str(dict(Organisation.Kind.choices).get(kind, "")) if kind else ""


def _language_name(code: str) -> str:
    names = dict(settings.LANGUAGES)
    return str(names[code]) if code in names else code


@dataclass
class SourceView:
    ref: int
    kind: str
    title: LocalizedText | None = None  # a practice
    url: str = ""  # the practice's page, for those who may see it
    place: str = ""
    quote: str = ""
    quote_language: str = ""
    quote_language_name: str = ""
    respondent: str = ""  # "SME, Timișoara"
    lab: str = ""
    lab_theme: LocalizedText | None = None
    question_number: int | None = None
    question: LocalizedText | None = None
    theme: str = ""
    staff_url: str = ""  # the lab's synthesis of the theme, for those who may see the lab
    label: str = ""  # a figure
    value: str = ""

    @property
    def citation(self) -> str:
        """One plain line naming the source (the PDF's and DOCX's appendix, the changes page)."""
        if self.kind == "practice":
            return _("Good practice: %(title)s") % {"title": self.title.plain()}
        if self.kind == "answer":
            return _("Answer to question %(number)s, %(lab)s") % {"number": self.question_number,
                                                                   "lab": self.lab}
        if self.kind == "figure":
            return f"{self.label}: {self.value}"
        if self.kind == WITHDRAWN:
            return _("Quote withdrawn at the person's request.")
        return _("This source no longer exists.")


@dataclass
class EvidenceView:
    source: SourceView
    note: LocalizedText

    @property
    def ref(self) -> int:
        return self.source.ref


@dataclass
class RecommendationView:
    key: str
    number: str
    title: LocalizedText
    text: LocalizedText
    evidence: list[EvidenceView]
    id: int | None = None


@dataclass
class ChapterView:
    number: int
    phase: str
    phase_label: str
    title: LocalizedText
    introduction: LocalizedText
    recommendations: list[RecommendationView]
    id: int | None = None

    @property
    def anchor(self) -> str:
        return f"chapter-{self.phase.replace('_', '-')}"


@dataclass
class HistoryView:
    number: str
    published_at: object
    changelog: LocalizedText


@dataclass
class DocumentView:
    slug: str
    number: str
    is_published: bool
    is_example: bool
    published_at: object
    project_code: str
    project_acronym: str
    title: LocalizedText
    subtitle: LocalizedText
    introduction: LocalizedText
    changelog: LocalizedText
    chapters: list[ChapterView]
    sources: list[SourceView]
    history: list[HistoryView] = field(default_factory=list)
    language: str = "en"

    @property
    def recommendation_count(self) -> int:
        return sum(len(chapter.recommendations) for chapter in self.chapters)


def _datetime(value):
    from django.utils.dateparse import parse_datetime

    return parse_datetime(value) if value else None


def _practice_slugs(document: dict) -> list[str]:
    return [s["slug"] for s in document["sources"] if s["kind"] == "practice"]


def public_links(document: dict) -> set[str]:
    """The slugs of the cited practices anyone may open (published): what files link to."""
    from ecocsme.practices.access import published_practices

    slugs = _practice_slugs(document)
    if not slugs:
        return set()
    return set(published_practices().filter(slug__in=slugs).values_list("slug", flat=True))


def reader_links(version: Version, document: dict, user) -> tuple[set[str], dict[int, str]]:
    """What the reader may open from the evidence: the slugs of the cited practices they may see
    (published ones for visitors), and for the answers of labs they may see, the lab's synthesis
    of the theme the answer sits in now. Two queries for a visitor, three for staff."""
    from ecocsme.practices.access import practices_visible_to

    slugs = _practice_slugs(document)
    visible = set(practices_visible_to(user).filter(slug__in=slugs).values_list("slug", flat=True)) \
        if slugs else set()
    staff: dict[int, str] = {}
    if user.is_authenticated and any(s["kind"] == "answer" for s in document["sources"]):
        for row in _evidence_rows(version).filter(kind=Evidence.Kind.ANSWER, answer__isnull=False):
            lab = row.answer.response.lab
            if row.answer_id in staff or not user.has_perm("labs.view_lab", lab):
                continue
            theme = _lab_theme(row.answer)
            staff[row.answer_id] = (reverse("labs:theme_detail", kwargs={"pk": lab.pk, "theme_pk": theme.pk})
                                    if theme else reverse("labs:synthesis", kwargs={"pk": lab.pk}))
    return visible, staff


def _source_view(source: dict, language: str, visible: set[str], staff: dict[int, str]) -> SourceView:
    kind = source["kind"]
    view = SourceView(ref=source["ref"], kind=kind)
    if kind == "practice":
        view.title = in_language(source["title"], language)
        view.url = reverse("practices:detail", args=[source["slug"]]) if source["slug"] in visible else ""
        view.place = ", ".join(part for part in (source.get("city"), source.get("ecoc_title")) if part)
    elif kind == "answer":
        lab = source["lab"]
        view.quote = source["quote"]
        view.quote_language = source.get("language") or ""
        view.quote_language_name = _language_name(view.quote_language) if view.quote_language else ""
        view.respondent = ", ".join(part for part in (_kind_label(source.get("respondent_kind", "")),
                                                      source.get("respondent_city", "")) if part)
        view.lab = _("%(partner)s · lab %(number)s") % {"partner": lab["partner"], "number": lab["number"]}
        view.lab_theme = in_language(lab.get("theme"), language)
        view.question_number = source["question"]["number"]
        view.question = in_language(source["question"]["text"], language)
        theme = source.get("theme")
        if theme:
            view.theme = str(_("Other answers")) if theme.get("other") else theme["label"]
        view.staff_url = staff.get(source.get("answer_id"), "")
    elif kind == "figure":
        view.label, view.value = source["label"], source["value"]
    return view


def document_view(document: dict, *, language: str, visible: set[str] = frozenset(),
                  staff: dict[int, str] | None = None) -> DocumentView:
    """The document in the reader's `language`, with the links `reader_links` allows."""
    staff = staff or {}
    sources = {s["ref"]: _source_view(s, language, visible, staff) for s in document["sources"]}
    phases = dict(PHASE_CHOICES)
    chapters = []
    for chapter in document["chapters"]:
        phase_label = str(phases.get(chapter["phase"], chapter["phase"]))
        title = in_language(chapter["title"], language)
        chapters.append(ChapterView(
            number=chapter["number"], phase=chapter["phase"], phase_label=phase_label,
            title=title if title else LocalizedText(phase_label, language, language),
            introduction=in_language(chapter["introduction"], language), id=chapter.get("id"),
            recommendations=[RecommendationView(
                key=r["key"], number=r["number"], title=in_language(r["title"], language),
                text=in_language(r["text"], language), id=r.get("id"),
                evidence=[EvidenceView(sources[e["ref"]], in_language(e["note"], language))
                          for e in r["evidence"]]) for r in chapter["recommendations"]]))
    version, guideline = document["version"], document["guideline"]
    return DocumentView(
        slug=guideline["slug"], number=version["number"], is_published=bool(version["published_at"]),
        is_example=version.get("is_example", False), published_at=_datetime(version["published_at"]),
        project_code=document["project"]["code"], project_acronym=document["project"]["acronym"],
        title=in_language(guideline["title"], language),
        subtitle=in_language(guideline["subtitle"], language),
        introduction=in_language(guideline["introduction"], language),
        changelog=in_language(version["changelog"], language), chapters=chapters,
        sources=[sources[ref] for ref in sorted(sources)], language=language,
        history=[HistoryView(h["number"], _datetime(h["published_at"]), in_language(h["changelog"], language))
                 for h in document.get("history", [])])


def reader_document(version: Version, user, language: str) -> DocumentView:
    document = document_of(version)
    visible, staff = reader_links(version, document, user)
    return document_view(document, language=language, visible=visible, staff=staff)


# --- what changed between two versions ------------------------------------------------------------
TOKENS = re.compile(r"\s+|\w+|[^\w\s]")  # spaces, words, each punctuation mark


def word_diff(old: str, new: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The two texts as segments ("same" | "removed" | "added", text): the old side with what was
    removed, the new side with what was added, word by word."""
    a, b = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(("same", "".join(a[i1:i2])))
            right.append(("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            right.append(("added", "".join(b[j1:j2])))
    return left, right


@dataclass
class ChangedRecommendation:
    key: str
    number: str
    old_number: str
    title: LocalizedText
    title_diff: tuple | None
    text_diff: tuple | None
    moved_from: str = ""  # the old chapter's phase label
    evidence_added: list[SourceView] = field(default_factory=list)
    evidence_removed: list[SourceView] = field(default_factory=list)
    other_languages: bool = False  # changed only in languages other than the reader's


@dataclass
class Changes:
    added: list[RecommendationView]
    removed: list[RecommendationView]
    changed: list[ChangedRecommendation]
    introduction_diff: tuple | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.introduction_diff)


def _identity(source: dict) -> tuple:
    kind = source["kind"]
    if kind == "practice":
        return ("practice", source["slug"])
    if kind == "answer":
        return ("answer", source["answer_id"])
    if kind == "figure":
        return ("figure", source["label"], source["value"])
    return (kind, source["ref"])


def version_changes(new: dict, old: dict, *, language: str) -> Changes:
    """What changed from the document `old` to `new`: recommendations added, removed and changed
    (title, text, chapter, evidence), with the texts in the reader's language compared word by word."""
    new_view, old_view = document_view(new, language=language), document_view(old, language=language)

    def index(document, view):
        found = {}
        for raw, shown in zip(document["chapters"], view.chapters, strict=True):
            for r_raw, r_view in zip(raw["recommendations"], shown.recommendations, strict=True):
                found[r_raw["key"]] = (raw, r_raw, shown, r_view)
        return found

    new_items, old_items = index(new, new_view), index(old, old_view)
    new_sources = {s["ref"]: s for s in new["sources"]}
    old_sources = {s["ref"]: s for s in old["sources"]}
    added = [new_items[key][3] for key in new_items if key not in old_items]
    removed = [old_items[key][3] for key in old_items if key not in new_items]
    changed = []
    for key, (chapter, raw, _shown_chapter, shown) in new_items.items():
        if key not in old_items:
            continue
        old_chapter, old_raw, old_shown_chapter, old_shown = old_items[key]
        new_refs = {_identity(new_sources[e["ref"]]): e["ref"] for e in raw["evidence"]}
        old_refs = {_identity(old_sources[e["ref"]]): e["ref"] for e in old_raw["evidence"]}
        new_by_ref = {e.ref: e.source for e in shown.evidence}
        old_by_ref = {e.ref: e.source for e in old_shown.evidence}
        item = ChangedRecommendation(
            key=key, number=shown.number, old_number=old_shown.number, title=shown.title,
            title_diff=word_diff(old_shown.title.text, shown.title.text)
            if old_shown.title.text != shown.title.text else None,
            text_diff=word_diff(old_shown.text.text, shown.text.text)
            if old_shown.text.text != shown.text.text else None,
            moved_from=old_shown_chapter.phase_label if old_chapter["phase"] != chapter["phase"] else "",
            evidence_added=[new_by_ref[ref] for identity, ref in new_refs.items()
                            if identity not in old_refs],
            evidence_removed=[old_by_ref[ref] for identity, ref in old_refs.items()
                              if identity not in new_refs])
        texts_differ = raw["title"] != old_raw["title"] or raw["text"] != old_raw["text"]
        shown_differs = item.title_diff or item.text_diff
        item.other_languages = texts_differ and not shown_differs
        if shown_differs or item.other_languages or item.moved_from or item.evidence_added \
                or item.evidence_removed:
            changed.append(item)
    introduction = None
    if new_view.introduction.text != old_view.introduction.text:
        introduction = word_diff(old_view.introduction.text, new_view.introduction.text)
    return Changes(added=added, removed=removed, changed=changed, introduction_diff=introduction)
