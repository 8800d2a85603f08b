"""Scoring the reply reader on a corpus folder (NNN_x.eml with NNN_x.expected.json): how many of
the answers a person gave land on the right question, per category of reply, and how many mails
that answer nothing were counted. Used by the tests and by `make bench` (bench/replies.py).

An answer is right when the reader put, under its question, text whose words are at least 90 %
those expected (greetings or a label word more or less do not make it wrong); an answer found
under another question, or not found, is wrong, and so is an answer found for a question the
person did not answer. Two replies of a split pair are scored on what the lab holds after both:
the later reply's answers added to the earlier's, a question answered again taking the later text.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from ecocsme.text.mail import parse_reply
from ecocsme.text.mail.similarity import normalise

LINK = re.compile(r"/labs/answer/([A-Za-z0-9_\-:.]{16,200})/?")
ALIKE = 0.9


@dataclass
class Score:
    right: int = 0
    wrong: int = 0  # misplaced, missed, or found where nothing was answered
    mails: int = 0
    non_answers: int = 0
    non_answers_counted: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0


def alike(found: str, expected: str) -> bool:
    a, b = normalise(found).split(), normalise(expected).split()
    if a == b:
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= ALIKE


def cases(folder: Path) -> list[tuple[Path, dict]]:
    return [(path, json.loads(path.read_text(encoding="utf-8")))
            for path in sorted(folder.glob("*.expected.json"))]


def parse_case(folder: Path, path: Path, expected: dict):
    questions = json.loads((folder / expected["questions"]).read_text(encoding="utf-8"))
    raw = path.with_name(path.name.replace(".expected.json", ".eml")).read_bytes()
    return parse_reply(raw, questions, link_pattern=LINK)


def score_folder(folder: Path) -> dict[str, Score]:
    """Scores per category, and "all"."""
    scores: dict[str, Score] = defaultdict(Score)
    splits: dict[str, list[tuple[int, dict, dict, str]]] = defaultdict(list)
    for path, expected in cases(folder):
        category = expected.get("category", "classic")
        reply = parse_case(folder, path, expected)
        name = path.name.split(".")[0]
        counted = reply.is_answer and bool(reply.answers)
        for key in (category, "all"):
            score = scores[key]
            score.mails += 1
            if not expected["is_answer"]:
                score.non_answers += 1
                if counted:
                    score.non_answers_counted += 1
                    score.failures.append(f"{name}: counted, though it answers nothing")
        split = expected.get("split")
        if split:
            splits[split["group"]].append((split["part"], reply.answers, split["merged"], name))
            continue
        if expected["is_answer"]:
            _score_answers(reply.answers if reply.is_answer else {}, expected["answers"], name,
                           [scores[category], scores["all"]])
    for group, parts in splits.items():
        parts.sort(key=lambda part: part[0])
        merged: dict[str, str] = {}
        for _part, answers, _merged, _name in parts:
            merged.update(answers)
        _score_answers(merged, parts[-1][2], f"split {group}", [scores["split"], scores["all"]])
    return dict(scores)


def _score_answers(found: dict[str, str], expected: dict[str, str], name: str, scores: list[Score]) -> None:
    for number in sorted(set(found) | set(expected), key=lambda n: int(n) if n.isdigit() else 0):
        ok = number in found and number in expected and alike(found[number], expected[number])
        for score in scores:
            if ok:
                score.right += 1
            else:
                score.wrong += 1
                score.failures.append(f"{name} q{number}: " + (
                    "missed" if number not in found else
                    "found, though not answered" if number not in expected else "not as expected"))
