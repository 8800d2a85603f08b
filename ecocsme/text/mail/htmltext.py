"""HTML mail bodies as plain text, keeping what the reply reader needs: paragraphs, line
breaks, numbered and bulleted list items, table cells separated by " | ", and quoted parts
(blockquote) marked with "> " as a text mail would."""

import re
from html import unescape
from html.parser import HTMLParser

BLOCK = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre",
         "section", "article", "header", "footer", "dd", "dt", "blockquote"}
SKIP = {"style", "script", "head", "title", "xml"}
VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}

# html.parser looks for the end of a tag, comment or section through the rest of the document
# and, when there is none, starts again one character on: time quadratic in the length. Such a
# "<" is text to html.parser in the end, so it is escaped before the parser sees it.
TAG_RE = re.compile(r"<[a-zA-Z/!?][^>]*>")  # what html.parser reads up to the next ">"
COMMENT_END_RE = re.compile(r"--\s*>")  # as html.parser ends a comment
SECTION_RE = re.compile(r"<!\[(?:if|else|endif)\b[^<>\]]*\]\s*>", re.IGNORECASE)  # Outlook's


class _Converter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []  # finished lines
        self.line: list[str] = []  # the current line, in pieces: appending to a str copies it
        self.line_has_text = False
        self.quote_depth = 0
        self.skip_depth = 0
        self.lists: list[list] = []  # [kind, next number]
        self.pending = ""  # a list marker or cell separator waiting for the next text
        self.cells_in_row = 0

    def _break_line(self):
        self.lines.append("".join(self.line))
        self.line = []

    def _newline(self):
        # Keep at most one empty line between blocks.
        previous_is_text = bool(self.lines) and self.lines[-1] != ""
        if self.line_has_text or any(self.line) or previous_is_text:
            self._break_line()
        self.line_has_text = False
        self.pending = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIP:
            self.skip_depth += 1
            return
        if tag == "hr" or attrs.get("id") == "divRplyFwdMsg":
            self._newline()
            self.line = ["________________________________"]
            self.line_has_text = True
            self._newline()
        if tag in BLOCK:
            self._newline()
        if tag == "br":
            self._break_line()
            self.line_has_text = False
            self.pending = ""
        if tag == "blockquote":
            self.quote_depth += 1
        if tag in ("ol", "ul"):
            start = attrs.get("start") or "1"
            # "²" passes isdigit() but not int(); 5000 digits pass neither int() nor sense.
            number = int(start) if start.isascii() and start.isdigit() and len(start) < 10 else 1
            self.lists.append([tag, number])
        if tag == "li":
            if self.lists and self.lists[-1][0] == "ol":
                self.pending = f"{self.lists[-1][1]}. "
                self.lists[-1][1] += 1
            else:
                self.pending = "- "
        if tag == "tr":
            self.cells_in_row = 0
        if tag in ("td", "th"):
            if self.cells_in_row:
                self.pending = " | "
            self.cells_in_row += 1

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "blockquote":
            self.quote_depth = max(0, self.quote_depth - 1)
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag in BLOCK:
            self._newline()

    def handle_data(self, data):
        if self.skip_depth:
            return
        text = re.sub(r"[ \t\r\n\f\u00a0]+", " ", data)
        if not text.strip():
            if self.line_has_text:
                self.line.append(" ")
            return
        if not self.line_has_text:
            self.line = ["> " * self.quote_depth + self.pending + text.lstrip()]
            self.line_has_text = True
        else:
            self.line += [self.pending, text]
        self.pending = ""


def html_to_text(html: str) -> str:
    html = _escape_stray_brackets(html)
    converter = _Converter()
    try:
        converter.feed(html)
        converter.close()
    except Exception:  # a broken document: fall back to stripping tags
        return unescape(TAG_RE.sub(" ", html))
    converter._break_line()
    lines = [re.sub(r" {2,}", " ", line).rstrip() for line in converter.lines]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


def _escape_stray_brackets(html: str) -> str:
    last = html.rfind(">")
    pieces, done, start = [], 0, html.find("<")
    comments_close = True  # until a comment is found that does not
    while 0 <= start < last:
        if html.startswith("<!--", start):
            found = COMMENT_END_RE.search(html, start + 4) if comments_close else None
            comments_close = found is not None
        elif html.startswith("<![", start):
            found = SECTION_RE.match(html, start)
        else:
            found = TAG_RE.match(html, start)
        end = found.end() if found else start + 1
        if not found:
            pieces += [html[done:start], "&lt;"]
            done = end
        start = html.find("<", end)
    if start >= 0:  # no ">" follows: nothing from here on is markup
        pieces += [html[done:start], html[start:].replace("<", "&lt;")]
        done = len(html)
    return "".join(pieces) + html[done:]
