from django_tasks import task

from .outbox import mail_deliver, outbox_drain, send_templated_mail


@task()
def send_mail(to: list[str], template: str, context: dict, language: str) -> int:
    """Send one templated mail from the worker. Arguments are plain JSON values."""
    return send_templated_mail(to=to, template=template, context=context, language=language)


@task()
def drain_outbox() -> dict:
    """Send what the outbox holds until it is empty; each mail at most once (see core.outbox)."""
    return outbox_drain()


@task()
def deliver_mail(mail_ids: list[int]) -> dict:
    """Send a batch from the outbox; each mail at most once. Kept for tasks queued before
    `drain_outbox` replaced it."""
    return mail_deliver(mail_ids)


@task()
def build_file(built_id: int) -> None:
    """Build a file asked for in a request (see core.built_files.built_file_execute)."""
    from .built_files import built_file_execute

    built_file_execute(built_id)
