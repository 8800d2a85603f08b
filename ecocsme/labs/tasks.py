from django_tasks import task

from ecocsme.text.embeddings import default_embedder, to_bytes

from .models import Answer


@task()
def embed_answers(answer_ids: list[int]) -> int:
    """Compute and keep the vectors of answers that have none yet (their text changed or is new)."""
    answers = list(Answer.objects.filter(pk__in=answer_ids, embedding__isnull=True))
    if not answers:
        return 0
    vectors = default_embedder().embed([answer.text for answer in answers])
    for answer, vector in zip(answers, vectors, strict=True):
        Answer.objects.filter(pk=answer.pk, text=answer.text).update(embedding=to_bytes(vector))
    return len(answers)


def embed_later(answer_ids: list[int]) -> None:
    """Queue the embedding once the current transaction has committed."""
    from django.db import transaction

    if answer_ids:
        transaction.on_commit(lambda: embed_answers.enqueue(list(answer_ids)))


@task()
def synthesise(run_id: int) -> None:
    """Group a lab's answers into themes (see themes.synthesis_execute)."""
    from .services.themes import synthesis_execute

    synthesis_execute(run_id)


@task()
def import_replies(import_id: int) -> None:
    """Import a large upload of e-mail replies (see services.replies.reply_import_execute)."""
    from .services.replies import reply_import_execute

    reply_import_execute(import_id)


@task()
def fetch_mailbox(mailbox_id: int) -> None:
    """Fetch a lab mailbox's new replies and schedule the next fetch (services.mailbox)."""
    from .services.mailbox import mailbox_fetch_turn

    mailbox_fetch_turn(mailbox_id)
