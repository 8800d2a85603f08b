"""Mail in the platform's look and the recipient's language.

A mail is three templates under `<template>`: `_subject.txt`, `.txt` and `.html`; the HTML
one extends `core/mail/base.html`.
"""

import uuid
from dataclasses import dataclass
from html import unescape

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


def render_mail(template: str, context: dict, language: str) -> RenderedMail:
    context = {"site_name": "ECoC-SME Platform", "language": language, **context}
    with translation.override(language):
        # Plain-text parts are rendered with the HTML engine: undo its escaping ("&amp;" → "&").
        subject = unescape(render_to_string(f"{template}_subject.txt", context))
        text = unescape(render_to_string(f"{template}.txt", context))
        html = render_to_string(f"{template}.html", context)
    return RenderedMail(subject=" ".join(subject.split()), text=text, html=html)


def build_message(*, to: list[str], mail: RenderedMail, language: str,
                  headers: dict[str, str] | None = None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject, body=mail.text, from_email=settings.DEFAULT_FROM_EMAIL,
        to=to, headers={"Content-Language": language, **(headers or {})},
    )
    message.attach_alternative(mail.html, "text/html")
    return message


def send_templated_mail(*, to: list[str], template: str, context: dict, language: str,
                        headers: dict[str, str] | None = None) -> int:
    """Send at once, one mail per address, through the outbox: stored like every other mail
    (so the development mail viewer shows it, whatever the mail backend) and sent once.
    Raises if one could not be sent; the reason is kept on the stored mail."""
    from .models import OutgoingMail
    from .outbox import mail_deliver, mail_queue

    batch = uuid.uuid4().hex
    ids = [mail_queue(key=f"{template}:{batch}:{number}", to=address, template=template,
                      context=context, language=language, headers=headers).pk
           for number, address in enumerate(to)]
    counts = mail_deliver(ids)
    if counts["failed"]:
        errors = OutgoingMail.objects.filter(pk__in=ids, status=OutgoingMail.Status.FAILED)
        raise MailNotSent("; ".join(errors.values_list("last_error", flat=True)))
    return counts["sent"]


class MailNotSent(Exception):
    pass
