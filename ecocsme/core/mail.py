"""Mail in the platform's look and the recipient's language.

A mail is three templates under `<template>`: `_subject.txt`, `.txt` and `.html`; the HTML
one extends `core/mail/base.html`.
"""

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
    context = {"language": language, **context}
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
