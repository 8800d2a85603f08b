"""Writing guidelines (GP-4): the project's members write a draft version — the guideline's texts,
a chapter per ECoC phase, recommendations, their evidence —; the coordinator publishes it with a
changelog, which freezes it (selectors.version_document → Version.snapshot); a new version starts
as a copy of the latest one. Every write checks the permission on a locked row, validates, saves
all or nothing and records an audit entry (`guidelines.<thing>.<verb>`); the audit never repeats
a quote."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log, changed_fields

from .access import REFUSED
from .models import PHASE_ORDER, Chapter, Evidence, Guideline, Recommendation, Version, parse_number
from .selectors import document_problems, version_document, versions_in_order

KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TITLE_MAX = 200
TEXT_MAX = 8000
NOTE_MAX = 1000
CHANGELOG_MAX = 4000


def _require(actor, perm: str, obj) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(REFUSED)


def _texts(value, *, name: str, limit: int, required: bool = False) -> dict[str, str]:
    """A {language: text} value, stripped, empty languages dropped; ValidationError when it is
    required and empty, or too long in a language."""
    if value is None:
        value = {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                               for k, v in value.items()):
        raise ValidationError(_("%(name)s: give a text per language.") % {"name": name})
    texts = {code: text.strip() for code, text in value.items() if text.strip()}
    if required and not texts:
        raise ValidationError(_("%(name)s: write it in at least one language.") % {"name": name})
    for code, text in texts.items():
        if len(text) > limit:
            raise ValidationError(_("%(name)s in %(language)s is %(count)s characters long; at most "
                                    "%(limit)s are allowed.") % {"name": name, "language": code,
                                                                 "count": len(text), "limit": limit})
    return texts


def _locked_draft(actor, version: Version) -> Version:
    """The version, locked, when the actor may change it; a published version never changes."""
    version = Version.objects.select_for_update().select_related("guideline__project").get(pk=version.pk)
    if version.is_published:
        raise ValidationError(_("Version %(number)s is published and cannot change; start a new version.")
                              % {"number": version.number})
    _require(actor, "guidelines.change_version", version)
    return version


# --- the guideline ---------------------------------------------------------------------------------
def _guideline_values(values: dict) -> dict:
    return {"title": _texts(values.get("title"), name=_("Title"), limit=TITLE_MAX, required=True),
            "subtitle": _texts(values.get("subtitle"), name=_("Subtitle"), limit=TITLE_MAX * 2),
            "introduction": _texts(values.get("introduction"), name=_("Introduction"), limit=TEXT_MAX)}


def guideline_create(*, actor, project, slug: str, values: dict) -> Guideline:
    """New guidelines of `project` (the coordinator), with a first draft version 1.0."""
    _require(actor, "guidelines.add_guideline", project)
    if not KEY.match(slug or "") or len(slug) > 80:
        raise ValidationError(_("The address is made of small letters, digits and hyphens, e.g. "
                                "engaging-local-smes."))
    texts = _guideline_values(values)
    try:
        with transaction.atomic():
            guideline = Guideline.objects.create(project=project, slug=slug, **texts)
            audit_log(actor=actor, action="guidelines.guideline.created", obj=guideline)
            _draft_create(guideline, major=1, minor=0)
    except IntegrityError:
        raise ValidationError(_("Another publication already has the address “%(slug)s”.")
                              % {"slug": slug}) from None
    return guideline


def guideline_save(*, actor, guideline: Guideline, values: dict) -> Guideline:
    """Change the title, subtitle and introduction: they go into the next published version
    (the published ones keep theirs)."""
    texts = _guideline_values(values)
    with transaction.atomic():
        guideline = Guideline.objects.select_for_update().select_related("project").get(pk=guideline.pk)
        _require(actor, "guidelines.change_guideline", guideline)
        changes = changed_fields(guideline, texts)
        for name, value in texts.items():
            setattr(guideline, name, value)
        guideline.save()
        audit_log(actor=actor, action="guidelines.guideline.changed", obj=guideline,
                  data={"fields": sorted(changes)})
    return guideline


# --- versions ---------------------------------------------------------------------------------------
def _draft_create(guideline: Guideline, *, major: int, minor: int, is_example: bool = False) -> Version:
    version = Version.objects.create(guideline=guideline, number=f"{major}.{minor}", major=major, minor=minor,
                                     is_example=is_example)
    Chapter.objects.bulk_create([Chapter(version=version, phase=phase, position=position)
                                 for position, phase in enumerate(PHASE_ORDER, start=1)])
    return version


def _copy(source: Version, target: Version) -> None:
    """The chapters, recommendations and evidence of `source` into the empty `target` (quotes
    withdrawn at their author's request are left behind)."""
    chapters = {}
    for chapter in source.chapters.order_by("position"):
        chapters[chapter.pk] = Chapter.objects.create(version=target, phase=chapter.phase,
                                                      position=chapter.position, title=chapter.title,
                                                      introduction=chapter.introduction)
    for phase in PHASE_ORDER:
        if phase not in {c.phase for c in chapters.values()}:
            Chapter.objects.create(version=target, phase=phase, position=PHASE_ORDER.index(phase) + 1)
    evidence = []
    for recommendation in source.recommendations.prefetch_related("evidence").order_by("chapter__position",
                                                                                        "position"):
        copy = Recommendation.objects.create(version=target, chapter=chapters[recommendation.chapter_id],
                                             position=recommendation.position, key=recommendation.key,
                                             title=recommendation.title, text=recommendation.text)
        kept = [e for e in recommendation.evidence.all() if e.withdrawn_at is None]
        evidence += [Evidence(recommendation=copy, position=position, kind=e.kind, practice_id=e.practice_id,
                              answer_id=e.answer_id, note=e.note, figure_label=e.figure_label,
                              figure_value=e.figure_value)
                     for position, e in enumerate(sorted(kept, key=lambda e: e.position), start=1)]
    Evidence.objects.bulk_create(evidence)


def version_new(*, actor, guideline: Guideline, major: bool = False, is_example: bool = False) -> Version:
    """A new draft: a copy of the latest version, numbered after it (1.1 after 1.0; 2.0 when
    `major`); version 1.0, with an empty chapter per phase, when there is none."""
    with transaction.atomic():
        guideline = Guideline.objects.select_for_update().select_related("project").get(pk=guideline.pk)
        _require(actor, "guidelines.add_version", guideline)
        versions = versions_in_order(guideline.versions.all())
        draft = versions.filter(status=Version.Status.DRAFT).first()
        if draft is not None:
            raise ValidationError(_("Version %(number)s is still a draft: publish it or discard it before "
                                    "starting another.") % {"number": draft.number})
        latest = versions.first()
        if latest is None:
            version = _draft_create(guideline, major=1, minor=0, is_example=is_example)
        else:
            number = (latest.major + 1, 0) if major else (latest.major, latest.minor + 1)
            version = Version.objects.create(guideline=guideline, number=f"{number[0]}.{number[1]}",
                                             major=number[0], minor=number[1], is_example=is_example)
            _copy(latest, version)
        audit_log(actor=actor, action="guidelines.version.created", obj=version,
                  data={"copied_from": latest.number if latest else None})
    return version


def version_publish(*, actor, version: Version, changelog: dict) -> Version:
    """Publish a draft (the coordinator): its content, evidence texts included, is frozen in the
    snapshot that every page, file and API answer of the version reads from then on."""
    with transaction.atomic():
        version = Version.objects.select_for_update().select_related("guideline__project").get(pk=version.pk)
        if version.is_published:
            raise ValidationError(_("Version %(number)s is already published.") % {"number": version.number})
        _require(actor, "guidelines.publish_version", version)
        return _publish(version, changelog, actor=actor)


def _publish(version: Version, changelog: dict, *, actor, when=None) -> Version:
    changes = _texts(changelog, name=_("What changed"), limit=CHANGELOG_MAX)
    if not changes:
        raise ValidationError(_("Say what changed in this version, in at least one language: readers "
                                "see it in the list of versions."))
    when = when or timezone.now()
    version.changelog = changes
    document = version_document(version, published_at=when)
    problems = document_problems(document)
    if problems:
        raise ValidationError(problems)
    version.snapshot = document
    version.status = Version.Status.PUBLISHED
    version.published_at = when
    version.published_by = actor if actor is not None and actor.is_authenticated else None
    version.save()
    audit_log(actor=actor, action="guidelines.version.published", obj=version,
              data={"number": version.number, "sources": len(document["sources"]),
                    "recommendations": sum(len(c["recommendations"]) for c in document["chapters"])})
    return version


def version_discard(*, actor, version: Version) -> None:
    """Delete a draft (the coordinator); published versions stay for ever."""
    with transaction.atomic():
        version = Version.objects.select_for_update().select_related("guideline__project").get(pk=version.pk)
        if version.is_published:
            raise ValidationError(_("A published version cannot be deleted."))
        _require(actor, "guidelines.delete_version", version)
        audit_log(actor=actor, action="guidelines.version.discarded", obj=version,
                  data={"number": version.number})
        version.delete()


# --- chapters and recommendations --------------------------------------------------------------------
def chapter_save(*, actor, chapter: Chapter, values: dict) -> Chapter:
    texts = {"title": _texts(values.get("title"), name=_("Title"), limit=TITLE_MAX),
             "introduction": _texts(values.get("introduction"), name=_("Introduction"), limit=TEXT_MAX)}
    with transaction.atomic():
        version = _locked_draft(actor, chapter.version)
        chapter = version.chapters.get(pk=chapter.pk)
        for name, value in texts.items():
            setattr(chapter, name, value)
        chapter.save()
        audit_log(actor=actor, action="guidelines.chapter.changed", obj=version,
                  data={"chapter": chapter.phase})
    return chapter


def recommendation_save(*, actor, version: Version, chapter: Chapter, values: dict,
                        recommendation: Recommendation | None = None) -> Recommendation:
    """Create a recommendation at the end of `chapter`, or change one (moving it to `chapter`)."""
    key = str(values.get("key") or "").strip()
    if not KEY.match(key) or len(key) > 80:
        raise ValidationError(_("The anchor is made of small letters, digits and hyphens, at most 80, "
                                "e.g. one-information-point."))
    title = _texts(values.get("title"), name=_("Title"), limit=TITLE_MAX, required=True)
    text = _texts(values.get("text"), name=_("Text"), limit=TEXT_MAX, required=True)
    with transaction.atomic():
        version = _locked_draft(actor, version)
        if chapter.version_id != version.pk:
            raise ValidationError(_("Choose a chapter of this version."))
        taken = version.recommendations.filter(key=key)
        if recommendation is not None:
            taken = taken.exclude(pk=recommendation.pk)
        if taken.exists():
            raise ValidationError(_("Another recommendation of this version has the anchor “%(key)s”.")
                                  % {"key": key})
        if recommendation is None:
            position = (chapter.recommendations.aggregate(last=Max("position"))["last"] or 0) + 1
            recommendation = Recommendation.objects.create(version=version, chapter=chapter,
                                                           position=position, key=key, title=title, text=text)
            action = "guidelines.recommendation.created"
        else:
            recommendation = version.recommendations.get(pk=recommendation.pk)
            if recommendation.chapter_id != chapter.pk:
                recommendation.position = (chapter.recommendations.aggregate(last=Max("position"))["last"]
                                           or 0) + 1
                recommendation.chapter = chapter
            recommendation.key, recommendation.title, recommendation.text = key, title, text
            recommendation.save()
            action = "guidelines.recommendation.changed"
        audit_log(actor=actor, action=action, obj=version, data={"recommendation": key})
    return recommendation


def recommendation_delete(*, actor, recommendation: Recommendation) -> None:
    with transaction.atomic():
        version = _locked_draft(actor, recommendation.version)
        recommendation = version.recommendations.get(pk=recommendation.pk)
        audit_log(actor=actor, action="guidelines.recommendation.deleted", obj=version,
                  data={"recommendation": recommendation.key})
        recommendation.delete()


def recommendation_move(*, actor, recommendation: Recommendation, step: int) -> None:
    """Move a recommendation one place up (-1) or down (+1) in its chapter."""
    with transaction.atomic():
        version = _locked_draft(actor, recommendation.version)
        items = list(version.recommendations.filter(chapter_id=recommendation.chapter_id)
                     .order_by("position"))
        index = next(i for i, item in enumerate(items) if item.pk == recommendation.pk)
        other = index + (1 if step > 0 else -1)
        if 0 <= other < len(items):
            items[index], items[other] = items[other], items[index]
            for position, item in enumerate(items, start=1):
                if item.position != position:
                    item.position = position
                    item.save(update_fields=["position"])
            audit_log(actor=actor, action="guidelines.recommendation.moved", obj=version,
                      data={"recommendation": recommendation.key})


def _figure_missing() -> str:
    return _("Give the figure and its value, e.g. “SMEs engaged in 2023” and “148”.")


def _figure_too_long() -> str:
    return _("The figure is too long: at most 200 characters, and 100 for its value.")


# --- evidence ----------------------------------------------------------------------------------------
def evidence_add(*, actor, recommendation: Recommendation, kind: str, practice=None, answer=None,
                 note: dict | None = None, figure_label: str = "", figure_value: str = "") -> Evidence:
    """Cite a published good practice of the project, an answer of one of the project's labs the
    actor may see, or a monitoring figure."""
    from .access import citable_practices

    note = _texts(note, name=_("Note"), limit=NOTE_MAX)
    figure_label, figure_value = (figure_label or "").strip(), (figure_value or "").strip()
    with transaction.atomic():
        version = _locked_draft(actor, recommendation.version)
        recommendation = version.recommendations.get(pk=recommendation.pk)
        project = version.guideline.project
        cited = recommendation.evidence.all()
        values = {"kind": kind, "note": note}
        if kind == Evidence.Kind.PRACTICE:
            if practice is None or not citable_practices(project).filter(pk=practice.pk).exists():
                raise ValidationError(_("Choose a published good practice of this project."))
            if cited.filter(practice=practice).exists():
                raise ValidationError(_("This recommendation already cites that good practice."))
            values["practice"] = practice
        elif kind == Evidence.Kind.ANSWER:
            lab = answer.response.lab if answer is not None else None
            if lab is None or lab.project_id != project.pk or not actor.has_perm("labs.view_lab", lab) \
                    or answer.response.status != "submitted":
                raise ValidationError(_("Choose a submitted answer of one of this project's labs."))
            if cited.filter(answer=answer).exists():
                raise ValidationError(_("This recommendation already quotes that answer."))
            values["answer"] = answer
        elif kind == Evidence.Kind.FIGURE:
            if not figure_label or not figure_value:
                raise ValidationError(_figure_missing())
            if len(figure_label) > 200 or len(figure_value) > 100:
                raise ValidationError(_figure_too_long())
            values.update(figure_label=figure_label, figure_value=figure_value)
        else:
            raise ValidationError(_("Choose a kind of evidence."))
        position = (cited.aggregate(last=Max("position"))["last"] or 0) + 1
        evidence = Evidence.objects.create(recommendation=recommendation, position=position, **values)
        audit_log(actor=actor, action="guidelines.evidence.added", obj=version,
                  data={"recommendation": recommendation.key, "kind": kind, "evidence": evidence.pk})
    return evidence


def evidence_save(*, actor, evidence: Evidence, note: dict, figure_label: str = "",
                  figure_value: str = "") -> Evidence:
    """Change an evidence's note (and a figure's label and value)."""
    note = _texts(note, name=_("Note"), limit=NOTE_MAX)
    with transaction.atomic():
        version = _locked_draft(actor, evidence.recommendation.version)
        evidence = Evidence.objects.get(pk=evidence.pk, recommendation__version=version)
        evidence.note = note
        if evidence.kind == Evidence.Kind.FIGURE:
            figure_label, figure_value = (figure_label or "").strip(), (figure_value or "").strip()
            if not figure_label or not figure_value:
                raise ValidationError(_figure_missing())
            if len(figure_label) > 200 or len(figure_value) > 100:
                raise ValidationError(_figure_too_long())
            evidence.figure_label, evidence.figure_value = figure_label, figure_value
        evidence.save()
        audit_log(actor=actor, action="guidelines.evidence.changed", obj=version,
                  data={"evidence": evidence.pk})
    return evidence


def evidence_delete(*, actor, evidence: Evidence) -> None:
    with transaction.atomic():
        version = _locked_draft(actor, evidence.recommendation.version)
        evidence = Evidence.objects.get(pk=evidence.pk, recommendation__version=version)
        audit_log(actor=actor, action="guidelines.evidence.removed", obj=version,
                  data={"evidence": evidence.pk})
        evidence.delete()


def number_parts(number: str) -> tuple[int, int]:
    parts = parse_number(number)
    if parts is None:
        raise ValidationError(_("A version number is written like 1.0."))
    return parts
