"""Writes on a lab's synthesis (LAB-4): the background run that groups the answers into themes,
and the staff's edits — rename, merge, split, move answers, choose quotes. Reports read what
is stored here, so the edited synthesis is the one they show."""

import logging
from collections import defaultdict
from datetime import timedelta

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.core.translation import translator
from ecocsme.text.clustering import OTHER_LABEL, find_themes, nearest, quotes_for
from ecocsme.text.detect import detect_language
from ecocsme.text.embeddings import default_embedder, from_bytes, to_bytes
from ecocsme.text.keywords import keywords_by_language_for, keywords_for, sampled
from ecocsme.text.theme_labels import theme_concepts
from ecocsme.text.translate import TranslationFailed

from ..models import (
    Answer,
    AnswerTranslation,
    Lab,
    SynthesisRun,
    Theme,
    ThemeAnswer,
    ThemeEdit,
    answer_digest,
)
from ..selectors import lab_answers, unplaced_answers
from .labs import require_change

logger = logging.getLogger(__name__)

EMBED_BATCH = 32
STALE_AFTER = timedelta(minutes=30)  # a run with no progress for this long was interrupted
MAX_LABEL = 200


# --- the background run ---------------------------------------------------------------------------
def synthesis_request(*, actor, lab: Lab) -> SynthesisRun:
    """Queue a run that replaces the lab's themes; a run already under way is returned instead."""
    from ..tasks import synthesise

    require_change(actor, lab)
    with transaction.atomic():
        Lab.objects.select_for_update().filter(pk=lab.pk).first()  # one request at a time
        _fail_stale_runs(lab)
        active = lab.synthesis_runs.filter(status__in=[SynthesisRun.Status.QUEUED,
                                                       SynthesisRun.Status.RUNNING]).first()
        if active:
            return active
        if not lab_answers(lab).exists():
            raise ValidationError(_("There are no submitted answers to group yet."))
        run = SynthesisRun.objects.create(lab=lab, requested_by=actor)
        audit_log(actor=actor, action="labs.synthesis.requested", obj=lab, data={"run": run.pk})
        transaction.on_commit(lambda: synthesise.enqueue(run.pk))
    return run


def _fail_stale_runs(lab: Lab) -> None:
    lab.synthesis_runs.filter(
        status__in=[SynthesisRun.Status.QUEUED, SynthesisRun.Status.RUNNING],
        updated_at__lt=timezone.now() - STALE_AFTER,
    ).update(status=SynthesisRun.Status.FAILED, error="interrupted", finished_at=timezone.now())


def synthesis_execute(run_id: int) -> None:
    """Embed what has no vector yet, find themes across the lab and per question, and store
    them in one transaction: a failed run leaves the previous synthesis as it was."""
    claimed = SynthesisRun.objects.filter(pk=run_id, status=SynthesisRun.Status.QUEUED).update(
        status=SynthesisRun.Status.RUNNING, step="reading", progress=1)
    if not claimed:
        return  # already run, or given up
    run = SynthesisRun.objects.select_related("lab").get(pk=run_id)
    try:
        answers = list(lab_answers(run.lab).select_related(None).only(
            "id", "text", "language", "question_id", "embedding"))
        vectors = _vectors(run, answers)
        _progress(run, 70, "grouping")
        found = _themes_by_scope(run.lab, answers, vectors)
        _progress(run, 90, "saving")
        with transaction.atomic():
            _store(run.lab, found)
            SynthesisRun.objects.filter(pk=run.pk).update(
                status=SynthesisRun.Status.DONE, progress=100, step="", answer_count=len(answers),
                finished_at=timezone.now())
    except Exception as exc:
        logger.exception("synthesis run %s failed", run_id)
        SynthesisRun.objects.filter(pk=run.pk).update(
            status=SynthesisRun.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now())


def _progress(run: SynthesisRun, percent: int, step: str) -> None:
    SynthesisRun.objects.filter(pk=run.pk).update(progress=percent, step=step,
                                                  updated_at=timezone.now())


def _vectors(run: SynthesisRun, answers: list[Answer]) -> np.ndarray:
    """Stored vectors; those still missing are computed now and kept."""
    missing = [a for a in answers if a.embedding is None]
    embedder = default_embedder()
    for start in range(0, len(missing), EMBED_BATCH):
        _progress(run, 5 + 60 * start // len(missing), "embedding")
        batch = missing[start:start + EMBED_BATCH]
        for answer, vector in zip(batch, embedder.embed([a.text for a in batch]), strict=True):
            answer.embedding = to_bytes(vector)
            Answer.objects.filter(pk=answer.pk, text=answer.text).update(embedding=answer.embedding)
    if not answers:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    return _matrix(answers)


def _matrix(answers: list[Answer]) -> np.ndarray:
    """The stored vectors of answers, one row each."""
    return np.stack([from_bytes(bytes(a.embedding)) for a in answers])


def _language(answer: Answer) -> str:
    return answer.language or detect_language(answer.text, default="?")


def _themes_by_scope(lab: Lab, answers: list[Answer], vectors: np.ndarray) -> dict[str, list]:
    scopes: dict[str, list[int]] = defaultdict(list)
    for index, answer in enumerate(answers):
        scopes[Theme.LAB_SCOPE].append(index)
        scopes[str(answer.question_id)].append(index)
    languages = [_language(a) for a in answers]
    label_language = (lab.languages or ["en"])[0]
    result = {}
    questions = [str(a.question_id) for a in answers]
    for scope, members in scopes.items():
        result[scope] = find_themes([str(answers[i].pk) for i in members],
                                    [answers[i].text for i in members], vectors[members],
                                    [languages[i] for i in members], label_language=label_language,
                                    questions=[questions[i] for i in members])
    return result


def _store(lab: Lab, found: dict[str, list]) -> None:
    lab.themes.all().delete()
    lab.theme_edits.all().delete()  # nothing of the old themes is left to undo
    memberships = []
    for scope, themes in found.items():
        question_id = None if scope == Theme.LAB_SCOPE else int(scope)
        rows = Theme.objects.bulk_create([
            Theme(lab=lab, scope=scope, question_id=question_id, position=position,
                  label=OTHER_LABEL if theme.is_other else theme.label[:MAX_LABEL],
                  keywords=theme.keywords, keywords_by_language=theme.keywords_by_language,
                  concepts=theme.concepts, is_other=theme.is_other)
            for position, theme in enumerate(themes)])
        for row, theme in zip(rows, themes, strict=True):
            quotes = set(theme.quote_ids)
            memberships.extend(ThemeAnswer(theme=row, answer_id=int(answer_id), scope=scope,
                                           is_quote=answer_id in quotes)
                               for answer_id in theme.answer_ids)
    ThemeAnswer.objects.bulk_create(memberships, batch_size=2000)


# --- answers that arrived after the run ----------------------------------------------------------------
def answers_place(*, actor, lab: Lab) -> int:
    """Put answers that came after the run into the nearest theme of each scope, keeping edits.
    Answers whose vector is not computed yet wait for the next call."""
    require_change(actor, lab)
    with transaction.atomic():
        themes = list(lab.themes.filter(is_other=False))
        if not themes:
            raise ValidationError(_("Find the themes first."))
        waiting = list(unplaced_answers(lab).filter(embedding__isnull=False)
                       .select_related(None).only("id", "question_id", "embedding"))
        if not waiting:
            return 0
        centres = _centres(themes)
        memberships = []
        for scope in {Theme.LAB_SCOPE} | {str(a.question_id) for a in waiting}:
            candidates = [t for t in themes if t.scope == scope and t.pk in centres]
            if not candidates:
                continue
            mine = [a for a in waiting if scope == Theme.LAB_SCOPE or str(a.question_id) == scope]
            chosen = nearest(_matrix(mine),
                             np.stack([centres[t.pk] for t in candidates]))
            memberships.extend(ThemeAnswer(theme=candidates[c], answer=a, scope=scope)
                               for a, c in zip(mine, chosen, strict=True))
        ThemeAnswer.objects.bulk_create(memberships, ignore_conflicts=True)
        for scope in {m.scope for m in memberships}:
            _refresh_keywords(lab, scope)
        audit_log(actor=actor, action="labs.synthesis.answers_placed", obj=lab,
                  data={"answers": len(waiting)})
    return len(waiting)


def _centres(themes: list[Theme]) -> dict[int, np.ndarray]:
    sums: dict[int, np.ndarray] = {}
    rows = (ThemeAnswer.objects.filter(theme__in=themes, answer__embedding__isnull=False)
            .values_list("theme_id", "answer__embedding"))
    for theme_id, data in rows.iterator(chunk_size=2000):
        vector = from_bytes(bytes(data))
        sums[theme_id] = sums[theme_id] + vector if theme_id in sums else vector.copy()
    return sums


# --- staff edits -----------------------------------------------------------------------------------
def theme_rename(*, actor, theme: Theme, label: str) -> Theme:
    require_change(actor, theme.lab)
    label = " ".join((label or "").split())
    if not label:
        raise ValidationError(_("A theme needs a label."))
    if len(label) > MAX_LABEL:
        raise ValidationError(_("A label may have at most %(count)d characters.") % {"count": MAX_LABEL})
    old = theme.label
    Theme.objects.filter(pk=theme.pk).update(label=label, edited=True, label_edited=True)
    theme.label, theme.edited, theme.label_edited = label, True, True
    audit_log(actor=actor, action="labs.theme.renamed", obj=theme, data={"label": [old, label]})
    return theme


def themes_merge(*, actor, themes: list[Theme], label: str = "") -> Theme:
    """Merge themes of one scope into the largest of them; its label stays unless one is given."""
    themes = list({t.pk: t for t in themes}.values())
    if len(themes) < 2:
        raise ValidationError(_("Choose at least two themes to merge."))
    _same_scope(themes)
    require_change(actor, themes[0].lab)
    label = " ".join((label or "").split())
    if len(label) > MAX_LABEL:
        raise ValidationError(_("A label may have at most %(count)d characters.") % {"count": MAX_LABEL})
    with transaction.atomic():
        before = _snapshot([t.pk for t in themes])
        sizes = dict(Theme.objects.filter(pk__in=[t.pk for t in themes])
                     .annotate(n=Count("memberships")).values_list("pk", "n"))
        target = max(themes, key=lambda t: (not t.is_other, sizes.get(t.pk, 0)))
        others = [t for t in themes if t.pk != target.pk]
        ThemeAnswer.objects.filter(theme__in=others).update(theme=target)
        Theme.objects.filter(pk__in=[t.pk for t in others]).delete()
        if label:
            theme_rename(actor=actor, theme=target, label=label)
        Theme.objects.filter(pk=target.pk).update(edited=True)
        _refresh_quotes(target)
        _refresh_keywords(target.lab, target.scope)
        _edit_record(actor, target.lab, target.scope, ThemeEdit.Kind.MERGE, before, [target.pk])
        audit_log(actor=actor, action="labs.themes.merged", obj=target,
                  data={"merged": [t.label for t in others]})
    target.refresh_from_db()
    return target


def theme_split(*, actor, theme: Theme, parts: int = 2) -> list[Theme]:
    """Split a theme into `parts` new themes by the meaning of its answers."""
    require_change(actor, theme.lab)
    if not 2 <= parts <= 10:
        raise ValidationError(_("A theme can be split into two to ten parts."))
    members = list(theme.memberships.select_related("answer"))
    with_vectors = [m for m in members if m.answer.embedding is not None]
    if len(with_vectors) < max(4, parts * 2):
        raise ValidationError(_("This theme has too few answers to split."))
    answers = [m.answer for m in with_vectors]
    found = find_themes([str(a.pk) for a in answers], [a.text for a in answers],
                        _matrix(answers),
                        [_language(a) for a in answers], themes=parts,
                        questions=[str(a.question_id) for a in answers],
                        label_language=(theme.lab.languages or ["en"])[0])
    groups = [t for t in found if not t.is_other]
    if len(groups) < 2:
        raise ValidationError(_("The answers of this theme are too alike to split."))
    leftovers = {m.answer_id for m in members} - {int(i) for g in groups for i in g.answer_ids}
    with transaction.atomic():
        before = _snapshot([theme.pk])
        created = []
        for number, group in enumerate(groups):
            ids = [int(i) for i in group.answer_ids]
            if number == 0:
                ids += sorted(leftovers)  # set-aside answers stay with the largest part
            new = Theme.objects.create(lab=theme.lab, scope=theme.scope, question=theme.question,
                                       position=theme.position, label=group.label[:MAX_LABEL],
                                       concepts=group.concepts,
                                       keywords_by_language=group.keywords_by_language,
                                       is_other=theme.is_other and number == 0, edited=True)
            quotes = {int(i) for i in group.quote_ids}
            ThemeAnswer.objects.filter(theme=theme, answer_id__in=ids).update(theme=new, is_quote=False)
            ThemeAnswer.objects.filter(theme=new, answer_id__in=quotes).update(is_quote=True)
            created.append(new)
        theme.delete()
        _refresh_keywords(theme.lab, theme.scope)
        _edit_record(actor, theme.lab, theme.scope, ThemeEdit.Kind.SPLIT, before, [t.pk for t in created])
        audit_log(actor=actor, action="labs.theme.split", obj=theme.lab,
                  data={"theme": theme.label, "parts": [t.label for t in created]})
    return created


def answers_move(*, actor, theme: Theme, answer_ids, target: Theme | None = None,
                 new_label: str = "") -> Theme:
    """Move chosen answers of a theme to another theme of the same scope, or to a new one."""
    require_change(actor, theme.lab)
    ids = {int(i) for i in answer_ids}
    moving = theme.memberships.filter(answer_id__in=ids)
    if not ids or not moving.exists():
        raise ValidationError(_("Choose at least one answer to move."))
    new_label = " ".join((new_label or "").split())
    if target is not None:
        _same_scope([theme, target])
        if target.pk == theme.pk:
            raise ValidationError(_("The answers are already in this theme."))
    elif not new_label:
        raise ValidationError(_("Give the new theme a label, or choose a theme."))
    with transaction.atomic():
        before = _snapshot([theme.pk] + ([target.pk] if target else []))
        if target is None:
            target = Theme.objects.create(lab=theme.lab, scope=theme.scope, question=theme.question,
                                          position=theme.position, edited=True, label_edited=True,
                                          label=new_label[:MAX_LABEL])
        moved = moving.update(theme=target, is_quote=False)
        Theme.objects.filter(pk=target.pk).update(edited=True)
        if not theme.is_other and not theme.memberships.exists():
            theme.delete()
        else:
            _refresh_quotes(theme, keep_chosen=True)
        _refresh_quotes(target, keep_chosen=True)
        _refresh_keywords(target.lab, target.scope)
        _edit_record(actor, target.lab, target.scope, ThemeEdit.Kind.MOVE, before,
                     [theme.pk, target.pk])
        audit_log(actor=actor, action="labs.answers.moved", obj=target,
                  data={"answers": moved, "from": theme.label})
    return target


def quote_set(*, actor, theme: Theme, answer_id: int, is_quote: bool) -> None:
    require_change(actor, theme.lab)
    if not theme.memberships.filter(answer_id=answer_id).update(is_quote=is_quote):
        raise ValidationError(_("This answer is not in the theme."))
    audit_log(actor=actor, action="labs.theme.quote_set", obj=theme,
              data={"answer": answer_id, "is_quote": is_quote})


def _same_scope(themes: list[Theme]) -> None:
    if len({(t.lab_id, t.scope) for t in themes}) != 1:
        raise ValidationError(_("Only themes of the same question can be combined."))


def _refresh_quotes(theme: Theme, *, keep_chosen: bool = False) -> None:
    """Choose quotes again, or only when none of the chosen ones is left."""
    memberships = theme.memberships.select_related("answer")
    if keep_chosen and memberships.filter(is_quote=True).exists():
        return
    members = [m for m in memberships if m.answer.embedding is not None]
    if not members:
        return
    answers = [m.answer for m in members]
    chosen = quotes_for([a.text for a in answers], [_language(a) for a in answers],
                        _matrix(answers))
    theme.memberships.update(is_quote=False)
    theme.memberships.filter(answer_id__in=[answers[i].pk for i in chosen]).update(is_quote=True)


def _refresh_keywords(lab: Lab, scope: str) -> None:
    """Keywords (all, and per language) and concepts of a scope's themes, scored anew against
    each other after an edit changed who is in which."""
    groups: dict[int, list[tuple[str, str]]] = defaultdict(list)
    rows = (ThemeAnswer.objects.filter(theme__lab=lab, scope=scope, theme__is_other=False)
            .values_list("theme_id", "answer__text", "answer__language"))
    for theme_id, text, language in rows.iterator(chunk_size=2000):
        groups[theme_id].append((text, language or "?"))
    by_language = keywords_by_language_for(groups)
    concepts = theme_concepts(sampled(groups))
    for theme_id, words in keywords_for(groups).items():
        Theme.objects.filter(pk=theme_id).update(keywords=words, concepts=concepts[theme_id],
                                                 keywords_by_language=by_language[theme_id])


# --- undo ------------------------------------------------------------------------------------------
STATE_FIELDS = ("label", "is_other", "edited", "label_edited", "question_id", "position")
KEPT_FIELDS = (*STATE_FIELDS, "keywords", "keywords_by_language", "concepts")


def _snapshot(theme_ids: list[int]) -> list[dict]:
    """The themes with their fields and members ([answer id, is quote], in answer order)."""
    themes = {row["id"]: {**row, "members": []}
              for row in Theme.objects.filter(pk__in=theme_ids).values("id", *KEPT_FIELDS)}
    rows = (ThemeAnswer.objects.filter(theme_id__in=list(themes))
            .order_by("answer_id").values_list("theme_id", "answer_id", "is_quote"))
    for theme_id, answer_id, quoted in rows:
        themes[theme_id]["members"].append([answer_id, quoted])
    return [themes[pk] for pk in sorted(themes)]


def _state(snapshot: list[dict]) -> list[dict]:
    """What must be as the edit left it for an undo to be safe (keywords are scored anew by
    every edit of the scope, so they do not count)."""
    return [{key: theme[key] for key in ("id", *STATE_FIELDS, "members")} for theme in snapshot]


def _edit_record(actor, lab: Lab, scope: str, kind: str, before: list[dict], after_ids) -> ThemeEdit:
    return ThemeEdit.objects.create(lab=lab, scope=scope, kind=kind, actor=actor, before=before,
                                    after=_snapshot(sorted(set(after_ids))))


def theme_edit_undo(*, actor, edit: ThemeEdit) -> list[Theme]:
    """Put the themes an edit touched back as they were before it: labels, members, quotes.
    Only the scope's last edit, and only while neither a new run nor another edit changed them."""
    require_change(actor, edit.lab)
    with transaction.atomic():
        Lab.objects.select_for_update().filter(pk=edit.lab_id).first()
        edit = ThemeEdit.objects.select_related("lab").get(pk=edit.pk)
        if edit.undone_at is not None:
            raise ValidationError(_("This change has already been undone."))
        latest = ThemeEdit.objects.filter(lab=edit.lab, scope=edit.scope).order_by("-id").first()
        if latest.pk != edit.pk:
            raise ValidationError(_("Only the last change of these themes can be undone."))
        current = _snapshot([theme["id"] for theme in edit.after])
        if _state(current) != _state(edit.after):
            raise ValidationError(_("These themes have changed since (edited again, new answers "
                                    "placed or the themes found anew): the change cannot be undone."))
        restored = _restore(edit)
        _refresh_keywords(edit.lab, edit.scope)
        ThemeEdit.objects.filter(pk=edit.pk).update(undone_at=timezone.now())
        audit_log(actor=actor, action="labs.themes.edit_undone", obj=edit.lab,
                  data={"edit": edit.pk, "kind": edit.kind, "scope": edit.scope,
                        "themes": [t.pk for t in restored]})
    return restored


def _restore(edit: ThemeEdit) -> list[Theme]:
    before_ids = {theme["id"] for theme in edit.before}
    after_ids = [theme["id"] for theme in edit.after]
    Theme.objects.filter(pk__in=[pk for pk in after_ids if pk not in before_ids]).delete()
    ThemeAnswer.objects.filter(theme_id__in=after_ids).delete()
    restored = []
    for state in edit.before:
        fields = {key: state[key] for key in KEPT_FIELDS}
        theme, _created = Theme.objects.update_or_create(
            pk=state["id"], defaults={**fields, "lab": edit.lab, "scope": edit.scope})
        restored.append(theme)
    ThemeAnswer.objects.bulk_create(
        [ThemeAnswer(theme_id=state["id"], answer_id=answer_id, scope=edit.scope, is_quote=quoted)
         for state in edit.before for answer_id, quoted in state["members"]], batch_size=2000)
    return restored


# --- machine drafts of quotes ------------------------------------------------------------------------
def quote_draft_possible(source: str, target: str) -> bool:
    """Whether the configured engine (if any) translates from `source` into `target`."""
    engine = translator()
    return bool(engine and source and source != target and engine.can_translate(source, target))


def quote_draft(*, answer: Answer, language: str) -> AnswerTranslation:
    """A machine draft of an answer in `language`, made once and kept while its text is the same
    (the page asks for it with a button: an engine may take seconds)."""
    if not quote_draft_possible(answer.language, language):
        raise ValidationError(_("No machine translation is available for this language."))
    digest = answer_digest(answer.text)
    kept = AnswerTranslation.objects.filter(answer=answer, language=language).first()
    if kept is not None and kept.source_digest == digest:
        return kept
    engine = translator()
    try:
        text = engine.translate([answer.text], answer.language, language)[0]
    except TranslationFailed as exc:
        logger.warning("machine draft of answer %s failed: %s", answer.pk, exc)
        raise ValidationError(_("The machine translation did not work; try again later.")) from exc
    draft, _created = AnswerTranslation.objects.update_or_create(
        answer=answer, language=language,
        defaults={"text": text, "source_digest": digest, "engine": engine.name})
    return draft
