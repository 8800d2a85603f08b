"""`ecocsme parse-replies`: the reply reader (ecocsme.text.mail) on .eml and .mbox files, with the
labs' personal links."""

import json
import mailbox
from pathlib import Path

from django.core.management import call_command

CORPUS = Path(__file__).parent / "corpus" / "replies"
CASES = sorted(CORPUS.glob("*.expected.json"))


def eml(case: Path) -> Path:
    return case.with_name(case.name.replace(".expected.json", ".eml"))


def test_command_line_prints_json(capsys):
    cases = CASES[:3]
    questions = CORPUS / json.loads(cases[0].read_text())["questions"]
    files = [str(eml(c)) for c in cases]
    call_command("parse-replies", *files, "--questions", str(questions), "--json")
    results = json.loads(capsys.readouterr().out)
    assert [r["file"] for r in results] == files
    assert set(results[0]) >= {"file", "is_answer", "sender", "answers", "flags"}
    expected = json.loads(cases[0].read_text())["invitation"]["token"]
    assert results[0]["tokens"] == [expected]  # the lab's personal link, found with labs' pattern


def test_mbox_files_are_read_message_by_message(capsys, tmp_path):
    box = mailbox.mbox(str(tmp_path / "replies.mbox"))
    for case in CASES[:4]:
        box.add(eml(case).read_bytes())
    box.flush()
    questions = CORPUS / "questions.ro.json"
    call_command("parse-replies", str(tmp_path / "replies.mbox"), "--questions", str(questions), "--json")
    results = json.loads(capsys.readouterr().out)
    assert [r["file"].rsplit("#", 1)[1] for r in results] == ["1", "2", "3", "4"]
