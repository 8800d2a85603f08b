"""analyse-answers: the theme finder run on a file of answers."""

import json

import pytest
from django.core.management import CommandError, call_command

from ecocsme.testing.answers import TRANSLATED as EXAMPLES


def write(tmp_path, lines):
    path = tmp_path / "answers.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_answer_lands_in_exactly_one_theme(tmp_path, capsys):
    lines = [json.dumps({"id": f"e{i}", "text": text, "question": str(i % 3 + 1)})
             for i, (_theme, _lang, text) in enumerate(EXAMPLES)]
    call_command("analyse-answers", str(write(tmp_path, lines)), "--json")
    result = json.loads(capsys.readouterr().out)
    ids = [answer for theme in result["themes"] for answer in theme["answer_ids"]]
    assert sorted(ids) == sorted(f"e{i}" for i in range(len(EXAMPLES)))
    assert set(result["languages"]) >= {"en", "ro", "it"}  # detected, not given
    for theme in result["themes"]:
        assert {"label", "keywords", "answer_ids", "quote_ids"} <= set(theme)


def test_per_question(tmp_path, capsys):
    lines = [json.dumps({"id": f"e{i}", "text": text, "question": "A" if i < 9 else "B", "lang": lang})
             for i, (_theme, lang, text) in enumerate(EXAMPLES)]
    call_command("analyse-answers", str(write(tmp_path, lines)), "--json", "--per-question")
    result = json.loads(capsys.readouterr().out)
    assert [q["question"] for q in result["questions"]] == ["A", "B"]


@pytest.mark.parametrize(("lines", "message"), [
    (['{"id": 1, "text": "a"}', "not json"], "line 2"),
    (['{"text": "no id"}'], "needs an 'id'"),
    (['{"id": 1, "text": "a"}', '{"id": 1, "text": "b"}'], "appears twice"),
    ([], "no answers"),
])
def test_bad_files_get_a_clear_message(tmp_path, lines, message):
    with pytest.raises(CommandError, match=message):
        call_command("analyse-answers", str(write(tmp_path, lines)), "--json")
