"""Messages made to find super-linear steps in the reply reader, for its tests and `make bench`."""

import base64
import gc
import json
import random
import time

from ecocsme.text.mail import parse_reply

from .examples import REPLIES

QUESTIONS = json.loads((REPLIES / "questions.en.json").read_text(encoding="utf-8"))
HEAD = ("From: Example Sender <sender@example.org>\nTo: lab@example.org\nSubject: Re: consultation\n"
        "Message-ID: <hostile@example.org>\n")


def _repeat(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def _noise(size: int) -> str:
    rng = random.Random(size)
    return "".join(rng.choices("abc xyz>1.:-\n\t<>&;#*_|?!0123456789ăîșț ", k=size))


TEXTS = {  # plain-text bodies
    "noise": _noise,
    "one_line": lambda size: _repeat("word ", size),  # no newline at all
    "short_lines": lambda size: _repeat("ab\n", size),
    "quote_markers": lambda size: ">" * (size // 2) + "\n" + _repeat("> " * 40 + "1. x\n", size // 2),
    "digits": lambda size: _repeat("1. 2.3 45 . 6 ", size),
    "numbered": lambda size: _repeat("1.\n", size),
}
HTMLS = {  # HTML-only bodies
    "nested_html": lambda size: _repeat("<div><blockquote><ol><li>", size) + "1. x",
    "html_brackets": lambda size: _repeat("<a <!-- </ <![CDATA[ 3 < 4 ", size),
}


def hostile_mail(kind: str, size: int) -> bytes:
    """A message of about `size` bytes made to find super-linear steps in the parser."""
    if kind in TEXTS:
        return (HEAD + "Content-Type: text/plain; charset=utf-8\n\n" + TEXTS[kind](size)).encode()
    if kind in HTMLS:
        return (HEAD + "Content-Type: text/html; charset=utf-8\n\n" + HTMLS[kind](size)).encode()
    if kind == "base64":  # a text body and a huge attachment, both base64
        text = base64.encodebytes(_repeat("1. answer\n2. more\n", size // 2).encode()).decode()
        binary = base64.encodebytes(random.Random(1).randbytes(size // 3)).decode()
        return (HEAD + "Content-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n"
                "Content-Transfer-Encoding: base64\n\n" + text + "--B\nContent-Type: application/pdf\n"
                "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=a.pdf\n\n"
                + binary + "--B--\n").encode()
    if kind == "parts":
        return (HEAD + "Content-Type: multipart/mixed; boundary=B\n\n"
                + _repeat("--B\nContent-Type: text/plain\n\n1. x\n", size) + "--B--\n").encode()
    if kind == "headers":  # what the email package's header parsers take worst
        return ("From: " + '"' * (size // 2) + "\nContent-Type: text/plain; " + _repeat("a=b; ", size // 2)
                + "\n\n1. Yes\n").encode()
    raise KeyError(kind)


LINEAR_KINDS = [*TEXTS, *HTMLS, "base64"]  # linear in what is read, however much that is
KINDS = [*LINEAR_KINDS, "parts", "headers"]  # these two are linear thanks to the bounds


def seconds(raw: bytes) -> float:
    """The shortest of three parses in this process's CPU time, with the garbage collector
    paused: other work on the machine (a second test run, a build) then leaves the ratios
    alone, where wall-clock time once made a linear parse look quadratic."""
    times: list[float] = []
    gc.collect()
    gc.disable()
    try:
        for _run in range(3):
            started = time.process_time()
            parse_reply(raw, QUESTIONS)
            times.append(time.process_time() - started)
    finally:
        gc.enable()
    return min(times)


def grows_linearly(small: float, large: float) -> bool:
    """Ten times the input takes under twenty times as long (a quadratic step would take a
    hundred times); times under 20 ms are all alike."""
    return large < 20 * max(small, 0.02)
