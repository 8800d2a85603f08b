"""HTML mail bodies as plain text, keeping what the reply parser needs: paragraphs, line
breaks, list items, and quoted parts marked with "> " as a text mail would."""

import re
from html import unescape
from html.parser import HTMLParser

BLOCK = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre",
         "section", "article", "header", "footer", "dd", "dt"}
SKIP = {"style", "script", "head", "title", "xml", "o:p"}
QUOTE_CLASSES = ("gmail_quote", "yahoo_quoted", "moz-cite-prefix", "protonmail_quote")


class _Converter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.quote_depth = 0
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []  # (tag, opened a quote)

    def _newline(self):
        self.lines.append("")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIP:
            self.skip_depth += 1
            return
        quoting = tag == "blockquote" or (
            tag == "div" and any(c in (attrs.get("class") or "") for c in QUOTE_CLASSES)
        ) or (tag == "div" and attrs.get("id") in ("divRplyFwdMsg", "appendonsend"))
        if tag == "hr" or attrs.get("id") == "divRplyFwdMsg":
            self._newline()
            self.lines[-1] = "________________________________"
            self._newline()
        if tag in BLOCK or tag == "blockquote":
            self._newline()
        if tag == "br":
            self._newline()
        if tag == "li":
            self.lines[-1] += "- "
        if tag in ("td", "th") and self.lines[-1].strip():
            self.lines[-1] += " "
        if quoting:
            self.quote_depth += 1
        if tag not in ("br", "hr", "img", "meta", "link", "input"):
            self.stack.append((tag, quoting))

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        while self.stack:
            opened, quoting = self.stack.pop()
            if quoting:
                self.quote_depth -= 1
            if opened == tag:
                break
        if tag in BLOCK or tag == "blockquote":
            self._newline()

    def handle_data(self, data):
        if self.skip_depth:
            return
        text = re.sub(r"[ \t\r\n\f\u00a0]+", " ", data)
        if not text.strip() and not self.lines[-1]:
            return
        if not self.lines[-1] and self.quote_depth:
            self.lines[-1] = "> " * self.quote_depth
        self.lines[-1] += text


def html_to_text(html: str) -> str:
    converter = _Converter()
    try:
        converter.feed(html)
        converter.close()
    except Exception:  # a broken document: fall back to stripping tags
        return unescape(re.sub(r"<[^>]+>", " ", html))
    lines = [line.rstrip() for line in converter.lines]
    lines = [re.sub(r"^((?:> )*) +", r"\1", line) for line in lines]
    text = "\n".join(lines)
    text = re.sub(r"\n(?:(?:> )*\n){2,}", "\n\n", text)
    return text.strip("\n")
