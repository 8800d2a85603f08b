"""`ecocsme export-action-plan`: the operator's export of a partner's plan as PDF or DOCX. By
default only what the public site serves (the endorsed version of a published plan); --version N
and --draft export any version or the current text. Every mistake is a clear message, a non-zero
exit and no file."""

import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from .document_plans import ACTION_RO, SIGNATORY, TITLE_RO, draft_plan, endorse, retitle


def docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs]
                     + [cell.text for table in doc.tables for row in table.rows for cell in row.cells])


def export(*args, output: Path) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("export-action-plan", *args, "--output", str(output), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def published(partner, staff, coordinator):
    return endorse(draft_plan(staff, partner), staff, coordinator)


@pytest.mark.parametrize("name", ["timisoara", "Timișoara", "municipality-of-timisoara", "1"])
def test_it_writes_the_endorsed_version_of_a_published_plan(published, tmp_path, name):
    output = tmp_path / "plan.docx"
    out, err = export("--project", published.project.code.lower(), "--partner", name, "--format", "docx",
                      output=output)
    number = published.endorsed_version.number
    assert f"the endorsed version {number}" in err and "labels in ro" in err
    assert f"Wrote {output}" in out and f"version {number}, 1 action." in out
    text = docx_text(output)
    assert TITLE_RO in text and ACTION_RO in text and SIGNATORY in text


def test_the_pdf_and_the_language_of_its_labels(published, tmp_path):
    output = tmp_path / "plan.pdf"
    export("--project", published.project.code, "--partner", "timisoara", "--format", "pdf", "--language", "en",
           output=output)
    text = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, check=True).stdout.decode()
    assert output.read_bytes()[:4] == b"%PDF"
    assert "Part I – General information" in text and "Part III – Details of the actions envisaged" in text


def test_a_draft_only_with_draft_or_a_version(partner, staff, tmp_path):
    plan = draft_plan(staff, partner)
    retitle(plan, staff, {"ro": "Titlul de acum (exemplu)"})
    output = tmp_path / "plan.docx"
    args = ("--project", plan.project.code, "--partner", "timisoara", "--format", "docx")
    with pytest.raises(CommandError, match="The plan is draft: without --version N or --draft only the endorsed"):
        export(*args, output=output)
    assert not output.exists()
    _out, err = export(*args, "--draft", output=output)
    assert "current text" in err and "Titlul de acum (exemplu)" in docx_text(output)
    export(*args, "--version", "1", output=output)
    assert TITLE_RO in docx_text(output) and "Titlul de acum" not in docx_text(output)


def test_an_endorsed_plan_not_published_is_not_exported_by_default(partner, staff, coordinator, tmp_path):
    plan = endorse(draft_plan(staff, partner), staff, coordinator, publish=False)
    with pytest.raises(CommandError, match="The plan is endorsed but not published"):
        export("--project", plan.project.code, "--partner", "timisoara", output=tmp_path / "x.pdf")
    export("--project", plan.project.code, "--partner", "timisoara", "--version",
           str(plan.endorsed_version.number), output=tmp_path / "x.pdf")
    assert (tmp_path / "x.pdf").read_bytes()[:4] == b"%PDF"


def test_the_mistakes_are_explained(published, other_partner, tmp_path):
    code = published.project.code
    cases = [
        (("--project", "PGI99999", "--partner", "timisoara"), "There is no project 'PGI99999'."),
        (("--project", code, "--partner", "kaunas"),
         f"{code} has no partner 'kaunas'. Known partners: timisoara, municipality-of-timisoara, 1; "
         "rijeka, municipality-of-rijeka, 2."),
        (("--project", code, "--partner", "rijeka"), "Municipality of Rijeka (partner 2 of"),
        (("--project", code, "--partner", "timisoara", "--version", "99"), "The plan has no version 99"),
        (("--project", code, "--partner", "timisoara", "--language", "fr"), "Unknown language 'fr'"),
    ]
    for args, message in cases:
        with pytest.raises(CommandError) as raised:
            export(*args, output=tmp_path / "x.pdf")
        assert message in str(raised.value), args
    assert "has no action plan yet" in _error(code, "rijeka", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert "does not exist" in _error(code, "timisoara", tmp_path / "missing" / "x.pdf")
    assert "is a folder" in _error(code, "timisoara", tmp_path)
    # a place nobody may create files in, not even root
    assert _error(code, "timisoara", Path("/proc/action-plan.pdf")).startswith("Cannot write /proc/action-plan.pdf")


def _error(code, partner, output) -> str:
    with pytest.raises(CommandError) as raised:
        export("--project", code, "--partner", partner, output=output)
    return str(raised.value)


def test_a_version_and_draft_together_are_refused(published, tmp_path):
    with pytest.raises(CommandError, match="not allowed with argument"):
        export("--project", published.project.code, "--partner", "1", "--version", "1", "--draft",
               output=tmp_path / "x.pdf")


def test_the_command_exits_non_zero_with_its_message(tmp_path):
    """Run as operators run it: the message on stderr, a non-zero exit, no file."""
    result = subprocess.run(
        [sys.executable, "-m", "ecocsme", "export-action-plan", "--project", "PGI06047", "--partner", "timisoara",
         "--language", "fr", "--output", str(tmp_path / "x.pdf")], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Unknown language 'fr': one of en, ro, it, nl, hr, lt, fi, de." in result.stderr
    assert not (tmp_path / "x.pdf").exists()
