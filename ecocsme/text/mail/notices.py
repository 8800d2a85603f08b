"""Mails that answer nothing: bounces, automatic replies (out of office), and short notes such as
unsubscribe requests or "I will answer next week"."""

import re
from email.message import EmailMessage

from .mime import header
from .phrases import alternatives

AUTO_SUBJECT_RE = re.compile("(" + alternatives("auto_reply_subjects") + ")", re.IGNORECASE)
AUTO_BODY_RE = re.compile("(" + alternatives("auto_reply_bodies") + ")", re.IGNORECASE)
BOUNCE_SUBJECT_RE = re.compile("(" + alternatives("bounce_subjects") + ")", re.IGNORECASE)
UNSUBSCRIBE_RE = re.compile("(" + alternatives("unsubscribe") + ")", re.IGNORECASE)
LATER_RE = re.compile("(" + alternatives("later") + ")", re.IGNORECASE)
MAX_AUTO_REPLY_CHARS = 700  # a longer text says more than "I am away"
MAX_NOTE_CHARS = 400
MAIL_SYSTEMS = ("mailer-daemon", "postmaster")


def is_bounce(message: EmailMessage, *, sender: str, subject: str, in_reply_to: list[str]) -> bool:
    content_type = message.get_content_type()
    if content_type == "multipart/report" and "delivery-status" in message.get_param("report-type", ""):
        return True
    if sender.split("@")[0] in MAIL_SYSTEMS:
        return True
    return bool(BOUNCE_SUBJECT_RE.search(subject)) and not in_reply_to


def is_auto_reply(message: EmailMessage, subject: str, text: str, answers: dict) -> bool:
    auto = header(message, "auto-submitted").strip().lower()
    if auto and auto != "no":
        return True
    if header(message, "x-autoreply") or header(message, "x-autorespond"):
        return True
    if header(message, "precedence").strip().lower() in ("auto_reply", "junk"):
        return True
    if header(message, "x-ms-exchange-inbox-rules-loop"):
        return True
    if answers:
        return False
    if AUTO_SUBJECT_RE.search(subject):
        return True
    return len(text) < MAX_AUTO_REPLY_CHARS and bool(AUTO_BODY_RE.search(text))


def is_non_answer(text: str) -> bool:
    """Short notes that answer nothing: unsubscribe requests, "I will answer later", empty."""
    stripped = text.strip()
    if not stripped:
        return True
    if len(stripped) >= MAX_NOTE_CHARS:
        return False
    return bool(UNSUBSCRIBE_RE.search(stripped) or LATER_RE.search(stripped))
