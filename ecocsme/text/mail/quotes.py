"""Telling the person's text from the quoted original: lines marked with ">", Gmail's "On … wrote:"
(also over two lines), Outlook's "-----Original Message-----" and its From/Sent/To block, in the
platform's languages and a few more."""

import re

from .phrases import alternatives
from .signatures import strip_signature

_WROTE = alternatives("wrote")
_OPENERS = alternatives("quote_openers")
GMAIL_HEADER_RE = re.compile(
    # "\s*(?::\s*)?" rather than "\s*:?\s*": two runs of the same spaces backtrack quadratically
    # German and Dutch Gmail name the writer after the verb: "Am …, schrieb Name <address>:"
    r"^\s*(?:(?:" + _OPENERS + r")\b|\w{2,4}[.,]|\d{1,4}[./-]).{0,200}?(" + _WROTE + r")"
    r"(?:\s*(?::\s*)?|\s+[^\n]{1,150}?[>)]\s*:\s*)$",
    re.IGNORECASE,
)
GMAIL_HEADER_END_RE = re.compile(r"(" + _WROTE + r")\s*:\s*$", re.IGNORECASE)
WROTE_RE = re.compile(r"\b(" + _WROTE + r")\b", re.IGNORECASE)
GMAIL_HEADER_START_RE = re.compile(r"^\s*(" + _OPENERS + r"|\d{1,4}[./-])", re.IGNORECASE)
FORWARD_LINE_RE = re.compile(  # a forward's own line: "---------- Forwarded message ---------"
    r"^\s*(?:-{2,}\s*)?(?:" + alternatives("forwarded") + r")\s*(?:-{2,}|:)?\s*$", re.IGNORECASE)
DASHES = "[-‐‑–—]{2,}"  # Proton writes its "Original Message" line with U+2010
ORIGINAL_MESSAGE_RE = re.compile(
    r"^\s*" + DASHES + r"\s*(" + alternatives("original_message") + r")\s*" + DASHES + r"\s*$", re.IGNORECASE)
SEPARATOR_RE = re.compile(r"^\s*_{10,}\s*$")
FROM_RE = re.compile(r"^\s*\*?(" + alternatives("from_labels") + r")\*?\s*:", re.IGNORECASE)
SENT_RE = re.compile(r"^\s*\*?(" + alternatives("header_labels") + r")\*?\s*:", re.IGNORECASE)
MAX_HEADER_CHARS = 260  # a quote header is one line of a date, a name and an address
MAX_WRAPPED_HEADER_CHARS = 300


def quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def quote_start(lines: list[str]) -> int | None:
    """Index of the line where the quoted original begins, if any."""
    for i, line in enumerate(lines):
        if line.startswith(">"):
            continue  # already quoted: removed anyway, and never the header of the quote
        if ORIGINAL_MESSAGE_RE.match(line) or SEPARATOR_RE.match(line) or FORWARD_LINE_RE.match(line):
            return i
        if GMAIL_HEADER_RE.match(line) and len(line) < MAX_HEADER_CHARS:
            return i
        if _wrapped_gmail_header(lines, i):
            return i
        if FROM_RE.match(line) and _is_header_block(lines, i):
            return i
    return None


def _wrapped_gmail_header(lines: list[str], i: int) -> bool:
    """ "On Tue, 3 Nov 2020 at 10:15, Name <addr>" / "wrote:" split over two lines."""
    if i + 1 >= len(lines) or not lines[i + 1].rstrip().endswith(":"):
        return False
    if not GMAIL_HEADER_END_RE.search(lines[i + 1]) and not (
            lines[i + 1].rstrip().endswith(">:") and WROTE_RE.search(lines[i])):
        return False
    starts = GMAIL_HEADER_START_RE.match(lines[i])
    return bool(starts) and len(lines[i] + lines[i + 1]) < MAX_WRAPPED_HEADER_CHARS and not quoted(lines[i])


def _is_header_block(lines: list[str], start: int) -> bool:
    following = [line for line in lines[start + 1:start + 6] if line.strip()]
    return sum(1 for line in following if SENT_RE.match(line)) >= 2


def own_text(text: str) -> str:
    """The person's text: what comes before the quoted original and, when the original is
    quoted with ">", what they wrote under it (bottom-posting); without quoted lines and
    without the signature."""
    lines = text.split("\n")
    start = quote_start(lines)
    below: list[str] = []
    if start is not None:
        below = _below_the_quote(lines[start:])
        lines = lines[:start]
    lines = [line for line in lines if not quoted(line)]
    above = strip_signature("\n".join(lines))
    if below:  # each part with its own signature ("Best, Ana" above, "Radu" below)
        return (above + "\n\n" + strip_signature("\n".join(below))).strip()
    return above


def _below_the_quote(lines: list[str]) -> list[str]:
    """The lines after the last ">" line of a quoted original, when the person wrote there."""
    last = max((i for i, line in enumerate(lines) if quoted(line)), default=None)
    if last is None:
        return []  # Outlook style: the original is not marked, nothing below it is the person's
    below = lines[last + 1:]
    return below if any(line.strip() for line in below) else []


def _marked_answers(original: list[str]) -> bool:
    """An original that is not quoted, with a few lines marked ">" or ">>" in it: the person
    answered inside an Outlook-style original and marked their answers."""
    content = [line for line in original if line.strip()]
    marked = sum(1 for line in content if quoted(line))
    return 0 < marked < 0.5 * len(content)


def _unquote(line: str) -> str:
    return re.sub(r"^\s*(?:>\s?)+", "", line)


def interleaved_lines(text: str) -> list[str]:
    """The body up to the end of the person's text, keeping quoted questions between answers.

    Lines after the last unquoted text are the untouched original and are dropped; a
    quote header just before the first quoted line is dropped too.
    """
    lines = text.split("\n")
    start = quote_start(lines)
    if start is not None and not any(quoted(line) for line in lines[start:]):
        lines = lines[:start]  # Outlook style: the original is not marked with ">" at all
    elif start is not None and _marked_answers(lines[start:]):
        lines = lines[:start] + [_unquote(line) if quoted(line) else "> " + line for line in lines[start:]]
    last_own = max((i for i, line in enumerate(lines)
                    if line.strip() and not quoted(line) and not GMAIL_HEADER_RE.match(line)), default=-1)
    lines = lines[: last_own + 1]
    kept = [line for line in lines if not GMAIL_HEADER_RE.match(line)]
    return strip_signature("\n".join(kept)).split("\n")
