"""Keeping the search index in step with the published practices: a practice gets one entry per
language it is written in when it is published or changed while published, and loses them all
when it leaves publication. Drafts are never in the index."""

import secrets

from django.db import transaction

from ecocsme.text.embeddings import default_embedder, to_bytes

from ..models import TEXT_FIELDS, IndexEntry, IndexState, Practice
from . import fulltext

BODY_FIELDS = TEXT_FIELDS[1:]
VECTOR_CHARS = 1500  # what the sentence vector reads: the title, the summary and the description's start


def entry_texts(practice: Practice) -> dict[str, tuple[str, str, str]]:
    """{language: (title, body, what the vector reads)} for each language of the practice's title
    or summary; a field missing in a language is read in English, else any language."""
    from ecocsme.core.i18n import in_language

    languages = {code for name in ("title", "summary") for code, text in
                 (getattr(practice, name) or {}).items() if text and str(text).strip()}
    texts = {}
    for language in sorted(languages):
        title = str(in_language(practice.title, language))
        body = "\n".join(str(in_language(getattr(practice, name), language)) for name in BODY_FIELDS)
        body = "\n".join(part for part in [body, " ".join(practice.keywords or [])] if part.strip())
        summary = str(in_language(practice.summary, language))
        description = str(in_language(practice.description, language))
        texts[language] = (title, body, f"{title}. {summary}\n{description}"[:VECTOR_CHARS])
    return texts


def index_practice(practice_id: int) -> int:
    """Bring a practice's entries up to date; returns how many it has now."""
    with transaction.atomic():
        practice = Practice.objects.select_for_update().filter(pk=practice_id).first()
        if practice is None or practice.status != Practice.Status.PUBLISHED:
            _drop(practice_id)
            return 0
        texts = entry_texts(practice)
    embedder = default_embedder()  # outside the transaction: embedding takes time
    vectors = embedder.embed([vector_text for _t, _b, vector_text in texts.values()], kind="passage") \
        if texts else []
    with transaction.atomic():
        current = Practice.objects.select_for_update().filter(pk=practice_id).first()
        if current is None or current.status != Practice.Status.PUBLISHED or entry_texts(current) != texts:
            return 0  # changed meanwhile: the task queued by that change indexes it
        _drop(practice_id)
        entries = IndexEntry.objects.bulk_create(
            IndexEntry(practice_id=practice_id, language=language, title=title, body=body,
                       embedding=to_bytes(vector), model=embedder.name)
            for (language, (title, body, _v)), vector in zip(texts.items(), vectors, strict=True))
        if not all(entry.pk for entry in entries):  # backends that return no ids
            entries = list(IndexEntry.objects.filter(practice_id=practice_id))
        fulltext.write(entries)
        bump()
        return len(entries)


def unindex_practice(practice_id: int) -> None:
    with transaction.atomic():
        _drop(practice_id)
        bump()


def _drop(practice_id: int) -> None:
    ids = list(IndexEntry.objects.filter(practice_id=practice_id).values_list("id", flat=True))
    if ids:
        fulltext.remove(ids)
        IndexEntry.objects.filter(id__in=ids).delete()


def bump() -> None:
    """A new random version: a counter would repeat itself after a rolled-back transaction, and a
    process would keep a catalogue of practices that never were."""
    version = secrets.randbits(62) + 1
    if not IndexState.objects.filter(pk=1).update(version=version):
        IndexState.objects.get_or_create(pk=1, defaults={"version": version})
