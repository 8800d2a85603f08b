"""What follows the person's text in a reply: signatures after "--" or a sign-off, "Sent from my
phone", disclaimers, company register lines, and a closing remark ("Hope this helps")."""

import re

from .phrases import alternatives

SIGN_OFF_RE = re.compile(r"^\s*(" + alternatives("sign_offs") + r")\b[\s,.!]*$", re.IGNORECASE)
SENT_FROM_RE = re.compile(r"^\s*(" + alternatives("sent_from") + r")\b", re.IGNORECASE)
DISCLAIMER_RE = re.compile("(" + alternatives("disclaimers") + ")", re.IGNORECASE)
REGISTER_RE = re.compile("(" + alternatives("company_register") + ")", re.IGNORECASE)
CLOSING_RE = re.compile("(" + alternatives("closings") + ")", re.IGNORECASE)
SIGNATURE_LINES = ("--", "—", "__")
MAX_SIGNATURE_LINES = 12  # after a sign-off
MAX_CLOSING_CHARS = 160


def strip_signature(text: str) -> str:
    lines = text.rstrip().split("\n")
    cut = len(lines)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped in SIGNATURE_LINES or line == "-- " or SENT_FROM_RE.match(stripped):
            cut = i
            break
    lines = _strip_disclaimer("\n".join(lines[:cut])).split("\n")
    lines = lines[:_sign_off_line(lines)]
    return _strip_closing_remark("\n".join(lines)).strip()


def _sign_off_line(lines: list[str]) -> int:
    """The last sign-off ("Best regards") followed by at most 12 short lines, else len(lines).
    One pass from the end, so that a text of many sign-offs is read once."""
    content_after, long_after = 0, False
    for i in range(len(lines) - 1, -1, -1):
        if content_after > MAX_SIGNATURE_LINES or long_after:
            break  # no earlier sign-off can be followed by a short signature
        stripped = lines[i].strip()
        if SIGN_OFF_RE.match(stripped) and any(line.strip() for line in lines[:i]):
            return i  # a first line is a greeting ("Pozdrav," opens as it closes)
        if stripped:
            content_after += 1
            long_after = long_after or len(lines[i]) >= 200
    return len(lines)


def _strip_closing_remark(text: str) -> str:
    """A short last paragraph such as "Hope this helps" or "Will send more later"."""
    paragraphs = re.split(r"\n\s*\n", text.rstrip())
    if len(paragraphs) > 1 and len(paragraphs[-1]) < MAX_CLOSING_CHARS and CLOSING_RE.search(paragraphs[-1]):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


def _strip_disclaimer(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", text.rstrip())
    while len(paragraphs) > 1 and (DISCLAIMER_RE.search(paragraphs[-1]) or
                                   REGISTER_RE.search(paragraphs[-1])):
        paragraphs.pop()
    return "\n\n".join(paragraphs)
