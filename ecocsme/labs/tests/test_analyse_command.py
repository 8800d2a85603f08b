"""The commands that run the text engines on files: analyse-answers, build-embedding-engine."""

import importlib
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


def test_the_engine_already_built_is_named(tmp_path, monkeypatch, capsys):
    command = importlib.import_module("ecocsme.labs.management.commands.build-embedding-engine")
    engine = tmp_path / "engine.so"
    engine.write_bytes(b"")
    monkeypatch.setattr(command, "native_engine_path", lambda: engine)
    call_command("build-embedding-engine")
    assert capsys.readouterr().out.strip() == f"embedding engine for this machine: {engine}"


def test_an_engine_that_cannot_be_built_is_a_clear_error(tmp_path, monkeypatch):
    from ecocsme.text import e5

    command = importlib.import_module("ecocsme.labs.management.commands.build-embedding-engine")
    monkeypatch.setattr(command, "native_engine_path", lambda: tmp_path / "engine.so")
    monkeypatch.setattr(e5.shutil, "which", lambda name: None)
    with pytest.raises(CommandError, match="No C compiler"):
        call_command("build-embedding-engine")
