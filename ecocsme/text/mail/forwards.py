"""Forwarded mail: a colleague's answers inside the forwarded part.

A forward is told by its subject ("Fwd:", "WG:", "I:", "Doorst:") or by the line a mail program
writes before the forwarded message (Gmail's "---------- Forwarded message ---------", Apple
Mail's "Begin forwarded message:", Thunderbird's "-------- Forwarded Message --------", in the
program's language). `forwarded_parts(text, subject)` gives the forwarded messages' bodies, the
outermost first, each without its header block (From, Date, Subject, To).
"""

import re

from .phrases import alternatives
from .quotes import FORWARD_LINE_RE, FROM_RE, ORIGINAL_MESSAGE_RE, SENT_RE, SEPARATOR_RE, quoted

FORWARD_SUBJECT_RE = re.compile(
    r"^\s*(?:(?:re|aw|sv|odg|ats|vs|r|antw)\s*:\s*)*(?:" + alternatives("forward_subjects") + r")\s*:",
    re.IGNORECASE)
HEADER_LINE_RE = re.compile(r"^\s*\*?[\w .-]{1,30}\*?\s*:\s*\S")  # "Subject: …", "Datum: …"
MAX_HEADER_LINES = 12
MAX_PARTS = 5


def is_forward(subject: str, text: str) -> bool:
    if FORWARD_SUBJECT_RE.match(subject or ""):
        return True
    return any(FORWARD_LINE_RE.match(line) for line in text.split("\n") if not quoted(line))


def forwarded_parts(text: str, subject: str) -> list[str]:
    """The messages inside a mail, the outermost first: after each forward line, and after each
    Outlook header block (which heads forwards and replies alike: answers typed under the
    questions of an original Outlook did not quote are read there too)."""
    return _parts(text, subject, depth=0)


def _parts(text: str, subject: str, depth: int) -> list[str]:
    lines = text.split("\n")
    parts = []
    for start in _part_starts(lines):
        body = _skip_header_block(lines, start)
        parts.append("\n".join(lines[body:]))
    quoted_at = _quoted_forward_line(lines)
    if quoted_at is not None and depth < MAX_PARTS:  # Apple Mail quotes what it forwards
        parts += _parts("\n".join(_unquote_once(line) for line in lines[quoted_at:]), subject, depth + 1)
    return parts[:MAX_PARTS]


def _quoted_forward_line(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines)
                 if quoted(line) and FORWARD_LINE_RE.match(_unquote_once(line))), None)


def _unquote_once(line: str) -> str:
    return re.sub(r"^\s*> ?", "", line, count=1)


def _part_starts(lines: list[str]) -> list[int]:
    """Lines where a message's header begins: a forward line, Outlook's separator or its
    From/Sent block; each after the header block before it."""
    starts: list[int] = []
    body = 0
    for i, line in enumerate(lines):
        if quoted(line) or i < body:
            continue
        forward_line = FORWARD_LINE_RE.match(line) or ORIGINAL_MESSAGE_RE.match(line)
        outlook_block = SEPARATOR_RE.match(line) or (FROM_RE.match(line) and _header_follows(lines, i))
        if forward_line or outlook_block:
            starts.append(i)
            body = _skip_header_block(lines, i)
    return starts


def _header_follows(lines: list[str], start: int) -> bool:
    following = [line for line in lines[start + 1:start + 6] if line.strip()]
    return sum(1 for line in following if SENT_RE.match(line)) >= 2


def _skip_header_block(lines: list[str], start: int) -> int:
    """The first line after a forward line and its header lines (and the blank lines after)."""
    i = start + 1
    while i < len(lines) and i <= start + 2 and not lines[i].strip():
        i += 1
    end = min(len(lines), i + MAX_HEADER_LINES)
    seen_header = False
    while i < end and (HEADER_LINE_RE.match(lines[i]) or (
            seen_header and lines[i].startswith((" ", "\t")) and lines[i].strip())):
        seen_header = True
        i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


ADDRESS_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def forwarded_senders(text: str, subject: str) -> list[str]:
    """The addresses on the From lines of the forwarded messages' headers, outermost first: who
    forwarded the invitation on, when nothing else names the invitee."""
    if not is_forward(subject, text) and not _quoted_forward_line(text.split("\n")):
        return []
    found = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*(?:>\s?)+", "", line)
        if FROM_RE.match(line):
            found += [address.lower() for address in ADDRESS_RE.findall(line)]
    return list(dict.fromkeys(found))[:MAX_PARTS]


def cut_at_link(text: str, link_pattern: re.Pattern[str] | None) -> str:
    """A forwarded invitation up to the paragraph of its personal link: what follows the link
    (its expiry, the team's signature) is the invitation's, not the colleague's."""
    if link_pattern is None:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not quoted(line) and link_pattern.search(line):
            start = i
            while start > 0 and lines[start - 1].strip():
                start -= 1
            return "\n".join(lines[:start])
    return text
