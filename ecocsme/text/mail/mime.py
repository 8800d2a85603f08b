"""Reading a message as received: headers, MIME parts in any charset and transfer encoding, HTML
bodies as text, text attachments, within bounds.

What is read of a message is bounded. A reply, its quoted original included, is far shorter; a
hostile upload is not, and every step of the reader must stay linear in what is read.
"""

import email
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import parseaddr

from .htmltext import html_to_text

MAX_TEXT_CHARS = 500_000  # of the text looked at for answers (and of text attachments together)
MAX_TEXT_LINES = 20_000
MAX_HTML_CHARS = 2_000_000  # of HTML bodies together, before conversion to text
MAX_PART_LINES = 200  # lines starting with "--" (boundaries): the email package is slow per part
MAX_HEADER_LINES = 1_000
MAX_HEADER_CHARS = 1_000  # its address and parameter parsers are worse than linear
MAX_REFERENCES_CHARS = 16_000  # message ids of a long thread; the first is the invitation's

TEXT_ATTACHMENT_TYPES = ("text/plain", "text/csv", "text/markdown", "text/x-markdown")
PART_LINE_RE = re.compile(rb"\n--")
HEADER_LINES_RE = re.compile(rb"(?:(?:From |[\x21-\x39\x3b-\x7e]*:|[\t ])[^\n]*\n)*")  # as email.feedparser


class _BoundedPolicy(EmailPolicy):
    """policy.default reading only the beginning of a very long header."""

    def header_fetch_parse(self, name, value):
        limit = MAX_REFERENCES_CHARS if name.lower() in ("references", "in-reply-to") else MAX_HEADER_CHARS
        if not hasattr(value, "name") and len(value) > limit:
            value = value[:limit]
        return super().header_fetch_parse(name, value)


POLICY = _BoundedPolicy()


@dataclass
class Body:
    text: str
    html_only: bool
    attachments: list[str]
    full: str  # everything, quotes included, to look for links
    truncated: bool = False


def message_read(raw: bytes) -> tuple[EmailMessage, bool]:
    """The message, and whether it was cut to the bounds. The email package rarely raises, but a
    truncated file may surprise it: callers catch what it raises."""
    raw, cut = within_limits(raw)
    return email.message_from_bytes(raw, policy=POLICY), cut


# --- headers ----------------------------------------------------------------------------------
def header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name, "")
        return str(value or "")
    except Exception:  # undecodable header
        raw = message.get_all(name, failobj=[""])
        return " ".join(str(v) for v in raw)


def sender(message: EmailMessage) -> str:
    for name in ("from", "sender", "return-path"):
        address = parseaddr(header(message, name))[1]
        if address:
            return address.strip().lower()
    return ""


def sender_words(message: EmailMessage, address: str) -> list[str]:
    """The words of the sender's display name and of the address's local part."""
    display = parseaddr(header(message, "from"))[0]
    return [w for w in re.split(r"[\s,._\-]+", f"{display} {address.split('@')[0]}") if len(w) >= 3]


def message_ids(value: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r"<[^<>\s]+>", value)))


# --- bodies -----------------------------------------------------------------------------------
def _decode(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError, ValueError):
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "utf-8"
        for candidate in (charset, "utf-8", "cp1250", "cp1252"):
            try:
                return payload.decode(candidate)
            except (LookupError, UnicodeDecodeError):
                continue
        return payload.decode("utf-8", errors="replace")
    if isinstance(content, bytes):
        return content.decode(part.get_content_charset() or "utf-8", errors="replace")
    return content if isinstance(content, str) else ""


def body(message: EmailMessage) -> Body:
    plain, html, attachments = [], [], []
    for part in message.walk():
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        disposition = part.get_content_disposition()
        filename = (part.get_filename() or "").lower()
        if disposition == "attachment" or (filename and disposition != "inline"):
            if content_type in TEXT_ATTACHMENT_TYPES or filename.endswith((".txt", ".md", ".csv")):
                attachments.append(_decode(part).replace("\r\n", "\n"))
            continue
        if content_type == "text/plain":
            plain.append(_decode(part))
        elif content_type == "text/html":
            html.append(_decode(part))
    if plain:
        text, html_cut = "\n".join(plain), False
    else:
        markups, html_cut = _within(html, MAX_HTML_CHARS)
        text = "\n".join(html_to_text(markup) for markup in markups)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    full = text + "\n" + "\n".join(html) + "\n".join(attachments)
    text, text_cut = _bounded(text)
    attachments, attachments_cut = _within(attachments, MAX_TEXT_CHARS)
    attachments = [_bounded(attachment)[0] for attachment in attachments]
    return Body(text=text, html_only=bool(html) and not plain, attachments=attachments, full=full,
                truncated=html_cut or text_cut or attachments_cut)


# --- bounds -----------------------------------------------------------------------------------
def within_limits(raw: bytes) -> tuple[bytes, bool]:
    """The message with its first MAX_HEADER_LINES header lines and up to its MAX_PART_LINES-th
    line starting with "--", and whether it was cut: the email package looks through every
    header for each one asked for, and spends a millisecond on each part; a hostile mail may
    hold a hundred thousand of either."""
    cut = False
    head_end = HEADER_LINES_RE.match(raw).end()
    if raw.count(b"\n", 0, head_end) > MAX_HEADER_LINES:
        kept = -1
        for _line in range(MAX_HEADER_LINES):
            kept = raw.find(b"\n", kept + 1)
        raw, cut = raw[:kept + 1] + raw[head_end:], True
    for count, match in enumerate(PART_LINE_RE.finditer(raw), start=1):
        if count > MAX_PART_LINES:
            return raw[:match.start() + 1], True
    return raw, cut


def _within(texts: list[str], limit: int) -> tuple[list[str], bool]:
    """The texts cut to at most `limit` characters together, and whether any was cut."""
    kept = []
    for text in texts:
        kept.append(text[:max(limit, 0)])
        limit -= len(text)
    return kept, limit < 0


def _bounded(text: str) -> tuple[str, bool]:
    """The beginning of a text that is read for answers, and whether it is less than all."""
    cut = text[:MAX_TEXT_CHARS]
    lines = cut.split("\n", MAX_TEXT_LINES)
    if len(lines) > MAX_TEXT_LINES:
        cut = "\n".join(lines[:MAX_TEXT_LINES])
    return cut, len(cut) < len(text)
