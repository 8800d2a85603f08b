"""Writing a good practice and taking it through review (GP-1): a partner's staff write a draft
and send it for review; the coordinator publishes it or returns it with a note, and may take a
published practice back. Publication puts it in the search index (in the worker: its sentence
vectors take time); leaving publication takes it out at once, in the same transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log, changed_fields

from ..access import REFUSED
from ..models import TITLE_MAX_CHARS, Practice
from ..search.indexing import unindex_practice

# What the programme asks of a practice before it is published.
REQUIRED_FOR_REVIEW = ("title", "summary", "description")


def _require(actor, perm: str, obj) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(REFUSED)


def _check_texts(values: dict) -> None:
    errors = []
    for language, title in (values.get("title") or {}).items():
        if len(title) > TITLE_MAX_CHARS:
            errors.append(_("The title in %(language)s is %(count)s characters long; the programme "
                            "allows %(limit)s.") % {"language": language, "count": len(title),
                                                    "limit": TITLE_MAX_CHARS})
    if not any((values.get("title") or {}).values()):
        errors.append(_("Give the practice a title in at least one language."))
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        errors.append(_("The end comes before the start."))
    if errors:
        raise ValidationError(errors)


def unique_slug(title: str, *, exclude: int | None = None) -> str:
    base = slugify(title)[:100] or "practice"
    slug, number = base, 1
    while Practice.objects.filter(slug=slug).exclude(pk=exclude).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def practice_save(*, actor, practice: Practice | None, partner=None, values: dict,
                  sectors=None) -> Practice:
    """Create a draft for `partner`, or change `practice`; all or nothing."""
    if practice is None:
        if partner is None or not actor.has_perm("practices.add_practice", partner):
            raise PermissionDenied(REFUSED)
    else:
        _require(actor, "practices.change_practice", practice)
    _check_texts(values)
    with transaction.atomic():
        if practice is None:
            from ecocsme.core.i18n import in_language

            practice = Practice(project=partner.project, partner=partner, created_by=actor, **values)
            practice.slug = unique_slug(str(in_language(values["title"])))
            changes, action = {}, "practices.practice.created"
        else:
            practice = Practice.objects.select_for_update().get(pk=practice.pk)
            _require(actor, "practices.change_practice", practice)
            changes = changed_fields(practice, values)
            for name, value in values.items():
                setattr(practice, name, value)
            action = "practices.practice.changed"
        practice.full_clean(exclude=["slug"])
        practice.save()
        if sectors is not None:
            practice.sectors.set(sectors)
        audit_log(actor=actor, action=action, obj=practice, data={"changes": changes})
        if practice.is_published:
            _index_later(practice.pk)
    return practice


def practice_submit(*, actor, practice: Practice) -> Practice:
    """Send a draft for the coordinator's review."""
    with transaction.atomic():
        practice = Practice.objects.select_for_update().get(pk=practice.pk)
        _require(actor, "practices.submit_practice", practice)
        missing = [Practice._meta.get_field(name).verbose_name for name in REQUIRED_FOR_REVIEW
                   if not any(str(text).strip() for text in (getattr(practice, name) or {}).values())]
        if missing:
            raise ValidationError(_("Before review, fill in: %(fields)s.") % {
                "fields": ", ".join(str(name) for name in missing)})
        practice.status = Practice.Status.IN_REVIEW
        practice.submitted_at = timezone.now()
        practice.save(update_fields=["status", "submitted_at", "updated_at"])
        audit_log(actor=actor, action="practices.practice.submitted", obj=practice)
    return practice


def practice_publish(*, actor, practice: Practice, expert_opinion: dict | None = None) -> Practice:
    with transaction.atomic():
        practice = Practice.objects.select_for_update().get(pk=practice.pk)
        _require(actor, "practices.review_practice", practice)
        if practice.status != Practice.Status.IN_REVIEW:
            raise ValidationError(_("Only a practice waiting for review can be published."))
        practice.status = Practice.Status.PUBLISHED
        practice.published_at = timezone.now()
        practice.reviewed_by = actor
        practice.review_note = ""
        if expert_opinion is not None:
            practice.expert_opinion = expert_opinion
        practice.save()
        audit_log(actor=actor, action="practices.practice.published", obj=practice)
        _index_later(practice.pk)
    return practice


def practice_return(*, actor, practice: Practice, note: str) -> Practice:
    """Send a practice waiting for review, or a published one, back to its authors as a draft."""
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Say what the authors should change."))
    with transaction.atomic():
        practice = Practice.objects.select_for_update().get(pk=practice.pk)
        _require(actor, "practices.review_practice", practice)
        if practice.status == Practice.Status.DRAFT:
            raise ValidationError(_("This practice is already a draft."))
        was_published = practice.is_published
        practice.status = Practice.Status.DRAFT
        practice.review_note = note
        practice.reviewed_by = actor
        practice.save(update_fields=["status", "review_note", "reviewed_by", "updated_at"])
        if was_published:
            unindex_practice(practice.pk)
        audit_log(actor=actor, action="practices.practice.returned", obj=practice,
                  data={"note": note, "was_published": was_published})
    return practice


def practice_delete(*, actor, practice: Practice) -> None:
    with transaction.atomic():
        practice = Practice.objects.select_for_update().get(pk=practice.pk)
        _require(actor, "practices.delete_practice", practice)
        if practice.is_published:
            raise ValidationError(_("Return a published practice to draft before deleting it."))
        audit_log(actor=actor, action="practices.practice.deleted", obj=practice)
        files = [attachment.file for attachment in practice.attachments.all()]
        unindex_practice(practice.pk)
        practice.delete()
        transaction.on_commit(lambda: [file.delete(save=False) for file in files])


def _index_later(practice_id: int) -> None:
    from ..tasks import index_practice

    transaction.on_commit(lambda: index_practice.enqueue(practice_id))
