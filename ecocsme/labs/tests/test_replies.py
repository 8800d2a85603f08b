"""The reply parser against the corpus of realistic replies in eight languages
(tests/corpus/replies: each NNN_x.eml with NNN_x.expected.json)."""

import json
import mailbox
from pathlib import Path

import pytest
from django.core.management import call_command

from ecocsme.labs.replies import parse_reply

CORPUS = Path(__file__).parent / "corpus" / "replies"
CASES = sorted(CORPUS.glob("*.expected.json"))
CHECKED_FLAGS = ("auto_reply", "bounce", "unmapped", "from_attachment", "html_only", "partial")


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_corpus_is_large_and_varied():
    assert len(CASES) >= 30
    languages = {json.loads(p.read_text())["questions"] for p in CASES}
    assert len(languages) >= 5


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".")[0])
def test_reply(case):
    expected = json.loads(case.read_text(encoding="utf-8"))
    questions = json.loads((CORPUS / expected["questions"]).read_text(encoding="utf-8"))
    raw = case.with_name(case.name.replace(".expected.json", ".eml")).read_bytes()
    reply = parse_reply(raw, questions)
    assert reply.is_answer == expected["is_answer"]
    assert reply.sender == expected["sender"]
    for flag in CHECKED_FLAGS:
        assert (flag in reply.flags) == (flag in expected["flags"]), flag
    assert {k: words(v) for k, v in reply.answers.items()} == {
        k: words(v) for k, v in expected["answers"].items()}
    invitation = expected.get("invitation") or {}
    if invitation.get("message_id") and "bounce" not in expected["flags"]:
        assert invitation["message_id"] in reply.in_reply_to
    if invitation.get("token") and not invitation.get("message_id"):
        assert invitation["token"] in reply.tokens


def test_command_line_prints_json(capsys):
    cases = CASES[:3]
    questions = CORPUS / json.loads(cases[0].read_text())["questions"]
    files = [str(c.with_name(c.name.replace(".expected.json", ".eml"))) for c in cases]
    call_command("parse-replies", *files, "--questions", str(questions), "--json")
    results = json.loads(capsys.readouterr().out)
    assert [r["file"] for r in results] == files
    assert set(results[0]) >= {"file", "is_answer", "sender", "answers", "flags"}


def test_mbox_files_are_read_message_by_message(capsys, tmp_path):
    box = mailbox.mbox(str(tmp_path / "replies.mbox"))
    for case in CASES[:4]:
        box.add(case.with_name(case.name.replace(".expected.json", ".eml")).read_bytes())
    box.flush()
    questions = CORPUS / "questions.ro.json"
    call_command("parse-replies", str(tmp_path / "replies.mbox"), "--questions", str(questions), "--json")
    results = json.loads(capsys.readouterr().out)
    assert [r["file"].rsplit("#", 1)[1] for r in results] == ["1", "2", "3", "4"]


QUESTIONS = {"1": "What channels can be used?", "2": "Are SMEs aware of the potential?"}


@pytest.mark.parametrize("raw", [
    b"",
    b"\x00\x01\x02 not a mail at all",
    b"From: a@example.org\r\nSubject: cut",
    b"From: a@example.org\nContent-Type: text/plain; charset=x-unknown-charset\n\n1. Radio\n2. Yes\n",
    b"From: a@example.org\nContent-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\n1. Rad",
    b"From: =?utf-8?B?broken?= <a@example.org>\nContent-Transfer-Encoding: base64\n\n!!!notbase64",
])
def test_bad_input_never_raises(raw):
    reply = parse_reply(raw, QUESTIONS)
    assert isinstance(reply.answers, dict)


def test_unknown_charset_still_reads_the_answers():
    raw = ("From: a@example.org\nContent-Type: text/plain; charset=x-unknown\n\n"
           "1. Radio și ziare\n2. Da\n").encode()
    assert parse_reply(raw, QUESTIONS).answers == {"1": "Radio și ziare", "2": "Da"}


def test_html_and_script_are_read_as_text():
    raw = (b"From: a@example.org\nContent-Type: text/html; charset=utf-8\n\n"
           b"<p>1. <b>Radio</b><script>alert(1)</script></p><p>2. &lt;b&gt;yes&lt;/b&gt;</p>")
    reply = parse_reply(raw, QUESTIONS)
    assert reply.answers == {"1": "Radio", "2": "<b>yes</b>"}
    assert "html_only" in reply.flags
