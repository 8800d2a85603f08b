"""Finding the answer to each question in the person's text: numbered answers ("1.", "1)", "Q1:",
"Întrebarea 1", "Ad 3)"), answers under quoted or repeated questions, answers in a CSV table;
and telling the answers' own numbering or a numbered list inside an answer from the questions'.
"""

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

from .notices import LATER_RE
from .phrases import alternatives
from .quotes import interleaved_lines, quote_start, quoted
from .references import (
    REMARK,
    Reference,
    label_match,
    number_reference,
    ordinal_reference,
    says_skipped,
    skip_remark,
)
from .signatures import strip_signature
from .similarity import (
    asked,
    normalise,
    prefix_similarity,
    question_similarity,
    repeated_question_words,
    shares_words,
    similarity,
)

NO_ANSWER = {"", "-", "--", "—", "–", "n/a", "na", "n.a.", "/", ".", "...", "…", "x"}
OWN_STRUCTURE_RE = re.compile("(" + alternatives("own_structure") + ")", re.IGNORECASE)
ANSWER_WORD_RE = re.compile(  # "Odg:", "Ats.:", "V:", or an arrow before the answer
    r"^\s*(?:(?:" + alternatives("answer_words") + r")\.?\s*:|->|=>|→|»)\s*", re.IGNORECASE)
QUESTION_WORD_RE = re.compile(r"^(" + alternatives("question_words") + r")\s*", re.IGNORECASE)
QUESTION_LIKENESS = 0.78
MAX_DEFERRAL_CHARS = 120
MAX_COMPARED_LINES = 2000  # lines compared with the questions; each at most MAX_COMPARED_CHARS
MAX_COMPARED_CHARS = 600  # a line this like a question repeats it


@dataclass
class Marker:
    line: int
    number: str
    style: str
    rest: str
    source: str  # "number" or "question"


def _numbered_markers(lines: list[str], questions: dict[str, str]) -> list[Marker]:
    """Lines that name the question they answer: by a label around its number, or in words."""
    markers = []
    for i, line in enumerate(lines):
        if quoted(line):
            continue
        reference = label_match(line)
        if reference and reference.number in questions:
            if not reference.lead and reference.punct in "-–—/" and not reference.rest.strip():
                continue
            indent = len(line) - len(line.lstrip())
            markers.append(Marker(i, reference.number, f"{reference.lead}|{reference.punct}|{min(indent, 4)}",
                                  reference.rest.strip(), "number"))
            continue
        after_marker = bool(markers) and markers[-1].line == i - 1
        opens = after_marker or _opens_paragraph(lines, i)
        reference = ordinal_reference(line, len(questions)) if opens else None
        if reference and reference.number in questions:
            markers.append(Marker(i, reference.number, "ordinal||0", reference.rest.strip(), "number"))
    return markers


def _with_number_references(markers: list[Marker], lines: list[str],
                            questions: dict[str, str]) -> list[Marker]:
    """Add the questions a run of labels left out but a paragraph names by number ("La 6 nu am
    idee."), in the order of the lines."""
    answered = {marker.number for marker in markers}
    marker_lines = {marker.line for marker in markers}
    found = {}
    for i, line in enumerate(lines):
        if quoted(line) or (i and lines[i - 1].strip() and i - 1 not in marker_lines):
            continue
        reference = number_reference(line, len(questions)) or _bare_between(markers, line, i)
        if reference is None and skip_remark(line, len(questions)) and i > markers[0].line:
            reference = Reference("", REMARK, "", "")
        if reference and reference.lead == REMARK:
            found[f"remark{i}"] = Marker(i, reference.number, "remark", "", REMARK)
        elif reference and reference.number not in answered and reference.number not in found:
            found[reference.number] = Marker(i, reference.number, "number||0", reference.rest, "number")
    if not found:
        return markers
    return sorted([*markers, *found.values()], key=lambda marker: marker.line)


def _bare_between(markers: list[Marker], line: str, i: int) -> Reference | None:
    """A number without a dot ("4 Gradnja …") on a line whose place between the labelled
    answers fits its number (after "2." and before "ad 6")."""
    match = BARE_NUMBER_RE.match(line)
    if not match:
        return None
    number = int(match.group(1))
    before = [int(m.number) for m in markers if m.line < i]
    after = [int(m.number) for m in markers if m.line > i]
    if (before and before[-1] >= number) or (after and after[0] <= number) or not (before and after):
        return None
    return Reference(match.group(1), "bare", "", match.group(2).strip())


SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=\S)")
MAX_SPLIT_LINE = 3000


def _sentences_that_refer(lines: list[str], count: int) -> list[str]:
    """Lines split before a sentence that names a question in words ("Thanks. On the first
    question, … To the second: …"), so that each reference opens a line of its own."""
    result = []
    for line in lines:
        if quoted(line) or len(line) > MAX_SPLIT_LINE or not SENTENCE_END_RE.search(line):
            result.append(line)
            continue
        start = 0
        for match in SENTENCE_END_RE.finditer(line):
            if ordinal_reference(line[match.end():], count):
                result.append(line[start:match.start()])
                start = match.end()
        result.append(line[start:])
    return result


BARE_NUMBER_RE = re.compile(r"^\s*(\d{1,2})\s+(\S.*)$")


def _bare_numbers(lines: list[str], questions: dict[str, str]) -> list[Marker]:
    """Answers numbered without a dot ("1 mai simplu", as phones are typed): taken only as a
    rising run of at least three that starts the text's lines, never beside other labels."""
    markers = []
    for i, line in enumerate(lines):
        match = BARE_NUMBER_RE.match(line)
        if match and not quoted(line) and match.group(1) in questions:
            markers.append(Marker(i, match.group(1), "bare", match.group(2).strip(), "number"))
    run = best_sequence(markers)
    return run if len(run) >= min(3, len(questions)) and len(run) == len(markers) else []


def _opens_paragraph(lines: list[str], i: int) -> bool:
    """A reference in words opens a paragraph, or a line after a finished sentence."""
    previous = lines[i - 1].rstrip() if i else ""
    return not previous or previous.endswith((".", "!", "?", ":", ";", ")", "…"))


def _question_markers(lines: list[str], questions: dict[str, str]) -> list[Marker]:
    """Lines that repeat a question (quoted or not), whole, shortened or cut by wrapping."""
    markers = []
    normalised_questions = {number: asked(question) for number, question in questions.items()}
    for i, line in enumerate(lines[:MAX_COMPARED_LINES]):
        content = line.lstrip("> ").strip()
        if len(content) < 12 or len(content) > MAX_COMPARED_CHARS:
            continue
        label = label_match(content)
        candidate = label.rest.strip() if label and label.rest.strip() else content
        numbered = label.number if label and label.number in questions else None
        normalised = normalise(candidate)
        best, score = None, 0.0
        for number, question in normalised_questions.items():
            likeness = max(similarity(normalised, question), prefix_similarity(normalised, question))
            if likeness > score:
                best, score = number, likeness
        if numbered and quoted(line) and (
                (best == numbered and score >= 0.5) or shares_words(candidate, questions[numbered])):
            markers.append(Marker(i, numbered, "question", "", "question"))
        elif best and score >= QUESTION_LIKENESS:
            markers.append(Marker(i, best, "question", "", "question"))
    return markers


def table_answers(text: str, questions: dict[str, str]) -> dict[str, str]:
    """Answers in a CSV attachment: one row per question, its number (or text) in the first
    column and the answer in the last non-empty one."""
    sample = text[:2000]
    if not any(sep in sample for sep in (",", ";", "\t")):
        return {}
    delimiter = max((",", ";", "\t"), key=sample.count)
    answers = {}
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        return {}
    for row in rows:
        cells = [cell.strip() for cell in row]
        if len(cells) < 2 or not cells[0]:
            continue
        key = QUESTION_WORD_RE.sub("", cells[0]).rstrip(".):")
        if key not in questions:
            key = next((n for n, q in questions.items()
                        if question_similarity(cells[0], q) >= QUESTION_LIKENESS), "")
        answer = next((c for c in reversed(cells[1:]) if c), "")
        if key and answer and answer.lower() not in NO_ANSWER:
            answers[key] = clean_answer(answer, questions[key])
    return answers


def _explicit_markers(markers: list[Marker]) -> list[Marker]:
    """Markers that name what they answer ("Ad 3)", "Q5:", "Frage 2") may come in any order."""
    by_style: dict[str, list[Marker]] = defaultdict(list)
    for marker in markers:
        if not marker.style.startswith("|"):
            by_style[marker.style].append(marker)
    for group in sorted(by_style.values(), key=len, reverse=True):
        numbers = [m.number for m in group]
        if len(group) >= 2 and len(set(numbers)) == len(numbers) and numbers != sorted(numbers, key=int):
            return group
    return []


def _own_numbering(markers: list[Marker], questions: dict[str, str], lines: list[str]) -> bool:
    """The person numbered their own headings ("1. Context" and a paragraph under it)."""
    ends = [m.line for m in markers[1:]] + [len(lines)]
    headings = [m for m, end in zip(markers, ends, strict=True)
                if m.rest and len(m.rest.split()) <= 6
                and not m.rest.rstrip().endswith((".", "?", "!", ":", ";", ","))
                and any(line.strip() for line in lines[m.line + 1:end])]
    return len(headings) == len(markers) >= 2 and not any(
        shares_words(m.rest, questions[m.number]) for m in headings)


def best_sequence(markers: list[Marker]) -> list[Marker]:
    """The longest run of markers whose numbers rise, preferring one consistent style, so that
    a numbered list inside an answer is not taken for the next answers.

    Scores are counted in twentieths, so that equal scores are equal. What a marker adds to a
    run depends on the run's last marker only through its score, number, place and style, so
    the best run to extend is looked up per (number) and (number, style): linear in the
    markers, however many a hostile mail holds.
    """
    if not markers:
        return []
    styles = Counter(marker.style for marker in markers)
    numbers = sorted({int(marker.number) for marker in markers})
    best: list[tuple[int, int]] = []  # (score, index of the previous marker in the run or -1)
    by_number: dict[int, tuple[int, int]] = {}  # number -> (best key, earliest index with it)
    by_style: dict[tuple[int, str], tuple[int, int]] = {}
    for i, marker in enumerate(markers):
        number, gain = int(marker.number), 20 + 2 * styles[marker.style]
        # A run that skips the first markers of the text must explain them away.
        choice = (gain + (10 if marker.number == "1" else 0) - 12 * i, -1)
        # Continuing from marker j adds gain - (number - its number - 1) - 4 × (i - j - 1),
        # + 6 for the same style: that is its key (score + number + 4 × j) + base.
        base = gain + 1 + 4 - number - 4 * i
        candidates = []
        for lower in numbers:
            if lower >= number:
                break
            if lower in by_number:
                key, j = by_number[lower]
                candidates.append((key + base, -j))
            if (lower, marker.style) in by_style:
                key, j = by_style[(lower, marker.style)]
                candidates.append((key + base + 6, -j))  # same style
        if candidates:
            total, j = max(candidates)  # the earliest of the best, as a scan in order finds
            if total > choice[0]:
                choice = (total, -j)
        best.append(choice)
        key = choice[0] + number + 4 * i
        for table, slot in ((by_number, number), (by_style, (number, marker.style))):
            if slot not in table or key > table[slot][0]:
                table[slot] = (key, i)
    end = max(range(len(markers)), key=lambda k: best[k][0])
    chosen = []
    while end != -1:
        chosen.append(markers[end])
        end = best[end][1]
    return list(reversed(chosen))


def find_answers(full_text: str, own_text: str, questions: dict[str, str]) -> tuple[dict[str, str], str]:
    """Answers by number, and the person's own text when it was interleaved with quotes."""
    own_lines = _sentences_that_refer(own_text.split("\n"), len(questions))
    if OWN_STRUCTURE_RE.search(own_text):
        return {}, ""
    candidates = _numbered_markers(own_lines, questions)
    numbered = _explicit_markers(candidates) or best_sequence(candidates)
    if not numbered:
        numbered = _bare_numbers(own_lines, questions)
    elif len(numbered) >= 2:
        numbered = _with_number_references(numbered, own_lines, questions)
    if numbered and _own_numbering(numbered, questions, own_lines):
        return {}, ""
    if len(numbered) >= 2 or (numbered and len(questions) == 1):
        return _cut(own_lines, numbered, questions), ""
    # Answers written under the quoted (or repeated) questions.
    lines = interleaved_lines(full_text)
    by_question = best_sequence(_question_markers(lines, questions))
    if by_question:
        answers = _cut(lines, by_question, questions, skip_quoted=True)
        if answers:
            own = "\n".join(line for line in lines if not quoted(line))
            return answers, own
    if len(numbered) == 1:
        return _cut(own_lines, numbered, questions), ""
    own_markers = best_sequence(_question_markers(own_lines, questions))
    if own_markers:
        return _cut(own_lines, own_markers, questions), ""
    if not own_text.strip():
        return _below_unmarked_original(full_text, questions)
    return {}, ""


def _below_unmarked_original(full_text: str, questions: dict[str, str]) -> tuple[dict[str, str], str]:
    """Numbered answers under an original that is not marked with ">" (Outlook's header block
    on top, the questionnaire, then the person's answers): read after the last question."""
    lines = full_text.split("\n")
    start = quote_start(lines)
    if start is None or any(quoted(line) for line in lines[start:]):
        return {}, ""
    asked_at = [i for i, line in enumerate(lines) if i > start and len(line.strip()) >= 12 and any(
        question_similarity(line, question) >= QUESTION_LIKENESS for question in questions.values())]
    if not asked_at:
        return {}, ""
    tail_lines = lines[asked_at[-1] + 1:]
    run = best_sequence(_numbered_markers(tail_lines, questions))
    if len(run) < 2:
        return {}, ""
    own = strip_signature("\n".join(tail_lines[run[0].line:]))  # the invitation's own sign-off is above
    own_lines = own.split("\n")
    return _cut(own_lines, best_sequence(_numbered_markers(own_lines, questions)), questions), own


def _cut(lines: list[str], markers: list[Marker], questions: dict[str, str], *,
         skip_quoted: bool = False) -> dict[str, str]:
    answers: dict[str, str] = {}
    one_liners = len(markers) >= 3 and all(
        b.line == a.line + 1 and a.rest.strip() for a, b in pairwise(markers))
    for index, marker in enumerate(markers):
        if marker.source == REMARK:
            continue  # ends the answer before it, answers nothing
        end = markers[index + 1].line if index + 1 < len(markers) else len(lines)
        if one_liners and index + 1 == len(markers) and marker.rest.strip():
            end = marker.line + 1  # one answer a line, as typed on a phone: what follows is a remark
        body = lines[marker.line + 1:end]
        if skip_quoted:
            body = [line for line in body if not quoted(line)]
        first = _drop_question(marker.rest, questions[marker.number]) if marker.source == "number" else ""
        text = clean_answer("\n".join([first, *body]) if first else "\n".join(body),
                             questions[marker.number])
        if text and normalise(text) not in NO_ANSWER and text.strip().lower() not in NO_ANSWER \
                and not says_skipped(text) and not _defers(text):
            answers[marker.number] = text
    return answers


def _defers(text: str) -> bool:
    """A short answer that only puts the answer off ("I will reply next week")."""
    return len(text) < MAX_DEFERRAL_CHARS and bool(LATER_RE.search(text))


def _drop_question(rest: str, question: str) -> str:
    """Remove the question when the person repeated it after the number."""
    rest = rest.strip()
    if " | " in rest:  # a table row: number | question | answer
        cells = [cell.strip() for cell in rest.split(" | ")]
        answer_cells = [c for c in cells if question_similarity(c, question) < 0.7]
        return " ".join(answer_cells).strip()
    if not rest:
        return ""
    words = rest.split()
    end = repeated_question_words(words, asked(question))
    if end:
        return " ".join(words[end:]).lstrip(" :-–—").strip()
    match = re.match(r"^(.{15,400}?\?)\s*(.*)$", rest, re.DOTALL)
    if match and question_similarity(match.group(1), question) > 0.7:
        return match.group(2).strip()
    if rest.endswith("?") and len(rest) < 300 and shares_words(rest, question):
        return ""  # a shortened restatement of the question; the answer follows below
    return rest


def clean_answer(text: str, question: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    lines = lines[next((i for i, line in enumerate(lines) if line.strip()), len(lines)):]
    if lines and question_similarity(lines[0], question) >= QUESTION_LIKENESS:
        lines = lines[1:]  # the question repeated on its own line
    if lines:
        lines[0] = ANSWER_WORD_RE.sub("", lines[0])
    text = "\n".join(lines).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


POSTSCRIPT_RE = re.compile(r"^\s*p\.?\s?p?\.?\s?s\.?\s*[:.\-–]?\s", re.IGNORECASE)


def strip_postscript(answers: dict[str, str]) -> None:
    """A "P.S." paragraph after the last answer is a remark, not part of it."""
    if not answers:
        return
    key = next(reversed(answers))
    paragraphs = re.split(r"\n\s*\n", answers[key])
    for index in range(1, len(paragraphs)):
        if POSTSCRIPT_RE.match(paragraphs[index]):
            answers[key] = "\n\n".join(paragraphs[:index]).strip()
            return


def strip_names_from_last_answer(answers: dict[str, str], names: set[str]) -> None:
    """Drop a trailing name block ("Mantas", "Florin Neagu / Consultant / Firm") from the last
    answer: a short paragraph whose first line names the sender."""
    if not answers:
        return
    key = next(reversed(answers))
    paragraphs = re.split(r"\n\s*\n", answers[key])
    if len(paragraphs) < 2:
        return
    lines = [line for line in paragraphs[-1].split("\n") if line.strip()]
    first = set(normalise(lines[0]).split()) if lines else set()
    short = lines and len(lines) <= 5 and all(len(line) <= 90 for line in lines)
    if short and (first & names or _a_name(lines)):
        answers[key] = "\n\n".join(paragraphs[:-1]).strip()


NAME_RE = re.compile(r"^[-–~]?\s*(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*\s*){1,3}$")


def _a_name(lines: list[str]) -> bool:
    """A paragraph that is one line of one to three capitalised words: a name signing off."""
    line = lines[0].strip()
    return len(lines) == 1 and bool(NAME_RE.match(line)) and not any(c.isdigit() for c in line)
