"""Reading e-mail replies: what a person answered to each question, in any of the common reply
styles and the platform's languages.

    reply.py       parse_reply(raw, questions, link_pattern=…) and the flags it sets
    forwards.py    a colleague's answers inside a forwarded message
    references.py  how people point at a question: labels around its number, ordinals in words
    mime.py        the message as received: headers, parts, charsets, bounds on what is read
    htmltext.py    HTML bodies as text
    quotes.py      the person's text apart from the quoted original
    signatures.py  signatures, disclaimers and closing remarks
    notices.py     bounces, automatic replies and notes that answer nothing
    answers.py     the answer to each question in the person's text
    similarity.py  how much a line reads as a question

Pure computation on bytes and plain data, in time linear in the size of a mail.
"""

from .htmltext import html_to_text
from .reply import (
    AUTO_REPLY,
    BOUNCE,
    DIFFERENT_LANGUAGE,
    FORWARDED,
    FROM_ATTACHMENT,
    HTML_ONLY,
    IN_ORIGINAL,
    MALFORMED,
    PARTIAL,
    TRUNCATED,
    UNMAPPED,
    ParsedReply,
    parse_reply,
)

__all__ = ["AUTO_REPLY", "BOUNCE", "DIFFERENT_LANGUAGE", "FORWARDED", "FROM_ATTACHMENT", "HTML_ONLY",
           "IN_ORIGINAL", "MALFORMED", "PARTIAL", "TRUNCATED", "UNMAPPED", "ParsedReply", "html_to_text",
           "parse_reply"]
