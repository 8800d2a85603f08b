"""Mail that cannot be used to stall the server: reading in time linear in a mail's size on
hostile input, and only the beginning of a mail beyond the bounds."""

import random

import pytest

from ecocsme.text.mail import TRUNCATED, html_to_text, mime, parse_reply
from ecocsme.text.mail.answers import Marker, best_sequence

from .hostile import HEAD, KINDS, LINEAR_KINDS, QUESTIONS, grows_linearly, hostile_mail, seconds


@pytest.mark.parametrize("kind", LINEAR_KINDS)
def test_parsing_takes_time_linear_in_what_is_read(kind, monkeypatch):
    for bound in ("MAX_TEXT_CHARS", "MAX_TEXT_LINES", "MAX_HTML_CHARS"):
        monkeypatch.setattr(mime, bound, 10**9)  # read everything
    small, large = seconds(hostile_mail(kind, 40_000)), seconds(hostile_mail(kind, 400_000))
    assert grows_linearly(small, large), (kind, small, large)


@pytest.mark.parametrize("kind", KINDS)
def test_a_2_mb_hostile_mail_is_parsed_quickly(kind):
    small, large = seconds(hostile_mail(kind, 200_000)), seconds(hostile_mail(kind, 2_000_000))
    assert large < 10, (kind, large)
    assert grows_linearly(small, large), (kind, small, large)


def test_the_best_run_of_markers_is_the_one_a_plain_search_finds():
    """best_sequence is linear; this is the quadratic search it replaces, on random markers."""
    rng = random.Random(3)
    styles = ["|.|0", "q|:|0", "|)|2", "ad|)|0"]
    for _case in range(1500):
        markers = [Marker(line, str(rng.randint(1, 7)), rng.choice(styles), "", "number")
                   for line in range(rng.randint(1, 15))]
        assert best_sequence(markers) == _plain_best_sequence(markers)


def _plain_best_sequence(markers):
    count = {m.style: sum(1 for n in markers if n.style == m.style) for m in markers}
    best = []
    for i, marker in enumerate(markers):  # in twentieths, as best_sequence counts
        best.append((20 + 2 * count[marker.style] + (10 if marker.number == "1" else 0) - 12 * i, -1))
        for j in range(i):
            if int(markers[j].number) < int(marker.number):
                total = (best[j][0] + 20 + 2 * count[marker.style]
                         + (6 if markers[j].style == marker.style else 0)
                         - (int(marker.number) - int(markers[j].number) - 1) - 4 * (i - j - 1))
                if total > best[i][0]:
                    best[i] = (total, j)
    end, chosen = max(range(len(markers)), key=lambda k: best[k][0]), []
    while end != -1:
        chosen.append(markers[end])
        end = best[end][1]
    return chosen[::-1]


def test_a_long_ordinary_reply_is_read_whole():
    quoted = "\n".join(f"> Line {n} of an earlier message, quoted in full by the mail program." for n in range(5000))
    answers = "\n\n".join(f"{n}. " + "A long and considered answer. " * 300 for n in QUESTIONS)
    raw = (HEAD + "In-Reply-To: <inv@example.org>\n\n" + answers + "\n\nBest regards,\nAna\n\n"
           + "On Tue, 3 Nov 2020 at 10:15, Lab <lab@example.org> wrote:\n" + quoted + "\n").encode()
    assert len(raw) > 400_000
    reply = parse_reply(raw, QUESTIONS)
    assert TRUNCATED not in reply.flags
    assert set(reply.answers) == set(QUESTIONS)
    assert reply.answers["7"].endswith("A long and considered answer.")


def test_beyond_the_bounds_only_the_beginning_is_read_and_flagged():
    raw = (HEAD + "\n1. Radio\n2. Newsletters\n" + "filler line\n" * (mime.MAX_TEXT_LINES + 10)).encode()
    reply = parse_reply(raw, QUESTIONS)
    assert TRUNCATED in reply.flags
    assert reply.answers["1"] == "Radio"


def test_stray_brackets_in_html_stay_text():
    assert html_to_text("<p>3 < 4 and <b>bold</b></p><p>x <y") == "3 < 4 and bold\n\nx <y"
    assert html_to_text("<!-- note --><p>a</p><!-- never closed <p>b</p>") == "a\n<!-- never closed\nb"
