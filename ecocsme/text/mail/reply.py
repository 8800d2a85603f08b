"""Reading one e-mail reply to a consultation (LAB-3): `parse_reply(raw, questions)` takes a message
as received (.eml bytes) and the questions as {"1": "question text", ...}, and returns what the
person answered to each question, with flags for what a person should look at.

Personal links quoted in the reply (which tell whose invitation it answers) are found with the
caller's `link_pattern`, whose first group is the link's token.
"""

import re
from dataclasses import dataclass, field

from ..detect import detect_language
from . import mime
from .answers import find_answers, strip_names_from_last_answer, strip_postscript, table_answers
from .forwards import cut_at_link, forwarded_parts, forwarded_senders, is_forward
from .notices import is_auto_reply, is_bounce, is_non_answer
from .quotes import own_text
from .signatures import strip_signature
from .similarity import normalise

# Flags a reply can carry.
AUTO_REPLY = "auto_reply"
BOUNCE = "bounce"
UNMAPPED = "unmapped"
PARTIAL = "partial"
FROM_ATTACHMENT = "from_attachment"
HTML_ONLY = "html_only"
DIFFERENT_LANGUAGE = "different_language"
MALFORMED = "malformed"
TRUNCATED = "truncated"  # only the beginning of a very long message was read
FORWARDED = "forwarded"  # the answers are in a forwarded message (a colleague's)
IN_ORIGINAL = "in_original"  # typed into the unquoted original of a reply
MAX_PARTS_READ = 4


@dataclass
class ParsedReply:
    sender: str = ""
    subject: str = ""
    message_id: str = ""
    in_reply_to: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # of the personal links quoted
    forwarded_from: list[str] = field(default_factory=list)  # senders named in forwarded headers
    is_answer: bool = True
    answers: dict[str, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    language: str = ""
    text: str = ""  # the person's own text, quotes and signature removed

    def as_json(self, file: str = "") -> dict:
        return {"file": file, "is_answer": self.is_answer, "sender": self.sender,
                "answers": self.answers, "flags": self.flags, "language": self.language,
                "message_id": self.message_id, "in_reply_to": self.in_reply_to,
                "tokens": self.tokens, "forwarded_from": self.forwarded_from}


def parse_reply(raw: bytes, questions: dict[str, str], *,
                link_pattern: re.Pattern[str] | None = None) -> ParsedReply:
    reply = ParsedReply()
    try:
        message, cut = mime.message_read(raw)
    except Exception:  # see message_read
        reply.is_answer = False
        reply.flags.append(MALFORMED)
        return reply
    _read_headers(message, reply)
    if is_bounce(message, sender=reply.sender, subject=reply.subject, in_reply_to=reply.in_reply_to):
        reply.is_answer = False
        reply.flags.append(BOUNCE)
        return reply
    body = mime.body(message)
    reply.tokens = sorted(set(link_pattern.findall(body.full))) if link_pattern else []
    reply.forwarded_from = forwarded_senders(body.text, reply.subject)
    if body.html_only:
        reply.flags.append(HTML_ONLY)
    if cut or body.truncated:
        reply.flags.append(TRUNCATED)
    answers, reply.text = _answers(body, questions, reply.flags)
    if not answers:
        answers, reply.text = _forwarded_answers(body, questions, reply, link_pattern)
    names = {normalise(word) for word in mime.sender_words(message, reply.sender)}
    strip_postscript(answers)
    strip_names_from_last_answer(answers, names)
    if is_auto_reply(message, reply.subject, reply.text, answers):
        reply.is_answer = False
        reply.flags.append(AUTO_REPLY)
        return reply
    if not answers and is_non_answer(reply.text):
        reply.is_answer = False
        return reply
    reply.answers = answers
    _flag_answers(reply, questions)
    return reply


def _read_headers(message, reply: ParsedReply) -> None:
    reply.sender = mime.sender(message)
    reply.subject = mime.header(message, "subject")
    reply.message_id = mime.header(message, "message-id").strip()
    reply.in_reply_to = mime.message_ids(mime.header(message, "in-reply-to") + " "
                                         + mime.header(message, "references"))


def _answers(body: mime.Body, questions: dict[str, str], flags: list[str]) -> tuple[dict[str, str], str]:
    """The answers in the body, else in a text attachment; and the person's text."""
    own = own_text(body.text)
    answers, interleaved_text = find_answers(body.text, own, questions)
    if not answers:
        for attachment in body.attachments:
            answers = table_answers(attachment, questions)
            if not answers:
                answers, _ = find_answers(attachment, strip_signature(attachment), questions)
            if answers:
                flags.append(FROM_ATTACHMENT)
                own = (own + "\n\n" + attachment).strip()
                break
    return answers, (interleaved_text or own).strip()


def _forwarded_answers(body: mime.Body, questions: dict[str, str], reply: ParsedReply,
                       link_pattern: re.Pattern[str] | None) -> tuple[dict[str, str], str]:
    """A colleague's answers inside a forwarded message; the forwarder's own lines are not
    answers, and the text shown is theirs and the colleague's."""
    seen = set()
    for part in forwarded_parts(body.text, reply.subject)[:MAX_PARTS_READ]:
        part = cut_at_link(part, link_pattern)
        if part in seen:
            continue
        seen.add(part)
        answers, interleaved_text = find_answers(part, own_text(part), questions)
        if len(answers) >= min(2, len(questions)):  # one alone may be the original's own text
            # Typed into the original of a reply rather than a forward: a person confirms, as
            # the original's own lines could pass for answers when its wording changed since.
            reply.flags.append(FORWARDED if is_forward(reply.subject, body.text) else IN_ORIGINAL)
            theirs = (interleaved_text or own_text(part)).strip()
            shown = reply.text if theirs in reply.text else reply.text + "\n\n" + theirs
            return answers, shown.strip()
    return {}, reply.text


def _flag_answers(reply: ParsedReply, questions: dict[str, str]) -> None:
    if not reply.answers:
        reply.flags.append(UNMAPPED)
    elif len(reply.answers) < len(questions):
        reply.flags.append(PARTIAL)
    reply.language = detect_language(" ".join(reply.answers.values()) or reply.text)
    questions_language = detect_language(" ".join(questions.values()))
    if reply.language and questions_language and reply.language != questions_language:
        reply.flags.append(DIFFERENT_LANGUAGE)
