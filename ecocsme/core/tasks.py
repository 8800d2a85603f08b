from django_tasks import task

from .mail import send_templated_mail


@task()
def send_mail(to: list[str], template: str, context: dict, language: str) -> int:
    """Send one templated mail from the worker. Arguments are plain JSON values."""
    return send_templated_mail(to=to, template=template, context=context, language=language)
