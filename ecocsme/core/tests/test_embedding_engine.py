"""build-embedding-engine: the sentence model's engine compiled for this machine (make install)."""

import importlib

import pytest
from django.core.management import CommandError, call_command


def test_the_engine_already_built_is_named(tmp_path, monkeypatch, capsys):
    command = importlib.import_module("ecocsme.core.management.commands.build-embedding-engine")
    engine = tmp_path / "engine.so"
    engine.write_bytes(b"")
    monkeypatch.setattr(command, "native_engine_path", lambda: engine)
    call_command("build-embedding-engine")
    assert capsys.readouterr().out.strip() == f"embedding engine for this machine: {engine}"


def test_an_engine_that_cannot_be_built_is_a_clear_error(tmp_path, monkeypatch):
    from ecocsme.text import e5

    command = importlib.import_module("ecocsme.core.management.commands.build-embedding-engine")
    monkeypatch.setattr(command, "native_engine_path", lambda: tmp_path / "engine.so")
    monkeypatch.setattr(e5.shutil, "which", lambda name: None)
    with pytest.raises(CommandError, match="No C compiler"):
        call_command("build-embedding-engine")
