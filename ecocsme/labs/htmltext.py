"""HTML mail bodies as plain text, keeping what the reply parser needs: paragraphs, line
breaks, numbered and bulleted list items, table cells separated by " | ", and quoted parts
(blockquote) marked with "> " as a text mail would."""

import re
from html import unescape
from html.parser import HTMLParser

BLOCK = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre",
         "section", "article", "header", "footer", "dd", "dt", "blockquote"}
SKIP = {"style", "script", "head", "title", "xml"}
VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}


class _Converter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.line_has_text = False
        self.quote_depth = 0
        self.skip_depth = 0
        self.lists: list[list] = []  # [kind, next number]
        self.pending = ""  # a list marker or cell separator waiting for the next text
        self.cells_in_row = 0

    def _newline(self):
        # Keep at most one empty line between blocks.
        previous_is_text = len(self.lines) > 1 and self.lines[-2] != ""
        if self.line_has_text or self.lines[-1] or previous_is_text:
            self.lines.append("")
        self.line_has_text = False
        self.pending = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIP:
            self.skip_depth += 1
            return
        if tag == "hr" or attrs.get("id") == "divRplyFwdMsg":
            self._newline()
            self.lines[-1] = "________________________________"
            self.line_has_text = True
            self._newline()
        if tag in BLOCK:
            self._newline()
        if tag == "br":
            self.lines.append("")
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
                self.lines[-1] += " "
            return
        if not self.line_has_text:
            self.lines[-1] = "> " * self.quote_depth + self.pending + text.lstrip()
            self.line_has_text = True
        else:
            self.lines[-1] += self.pending + text
        self.pending = ""


def html_to_text(html: str) -> str:
    converter = _Converter()
    try:
        converter.feed(html)
        converter.close()
    except Exception:  # a broken document: fall back to stripping tags
        return unescape(re.sub(r"<[^>]+>", " ", html))
    lines = [re.sub(r" {2,}", " ", line).rstrip() for line in converter.lines]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")
