"""The version as files: the PDF has a title page with the citable address, a table of contents
with page numbers, the chapters with numbered recommendations and evidence references, and the
evidence appendix; the DOCX has the same parts; `ecocsme export-guidelines` writes either, for
published versions only."""

import io
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from ecocsme.guidelines.reports import version_docx, version_pdf
from ecocsme.guidelines.selectors import document_view

from .conftest import NAME, QUOTE


def pdf_text(data: bytes) -> list[str]:
    """The text of each page (pdftotext, from poppler-utils)."""
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return out.stdout.decode().split("\f")


TOC_LINE = re.compile(r"^\s*(?P<title>\S.*?)\s*\.{3,}\s*(?P<page>\d+)\s*$")


def test_the_pdf_has_its_parts_in_order(world, published):
    pages = pdf_text(version_pdf(document_view(published.snapshot, language="en")))
    cover, contents = pages[0], pages[1]
    assert "Example guidelines" in cover and "Version 1.0" in cover
    assert f"/guidelines/{world.slug}/1.0/" in cover  # the citable address
    assert "Contents" in contents
    toc = {found["title"]: int(found["page"]) for line in contents.splitlines() if (found := TOC_LINE.match(line))}
    assert list(toc) == ["Introduction", "1. Preparation", "1.1 Set up one information point", "2. Legacy",
                         "2.1 Keep the contact point after the year", "Evidence", "Versions"]
    assert "Every source the recommendations cite" in pages[toc["Evidence"] - 1]  # the page numbers are right
    assert "Keep the contact point after the year" in pages[toc["2.1 Keep the contact point after the year"] - 1]
    body = re.sub(r"\s+", " ", "\f".join(pages))
    assert "[1] The hub informs firms (example). — Good practice: A prison turned into a creative hub" in body
    appendix = re.sub(r"\s+", " ", pages[toc["Evidence"] - 1])
    assert "[1] GOOD PRACTICE A prison turned into a creative hub (example)" in appendix
    assert f"“{QUOTE}”" in appendix
    assert "SME, Lugoj" in appendix and "question 1" in appendix and "Theme: One place for information" in appendix
    assert "SMEs still in touch a year later (example): 61" in appendix
    assert NAME not in body


def test_the_docx_has_its_parts(world, published):
    from docx import Document

    document = Document(io.BytesIO(version_docx(document_view(published.snapshot, language="en"))))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Contents", "Introduction"]
    assert "1.1 Set up one information point" in headings and "Evidence" in headings and "Versions" in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert QUOTE in text and "[2]" in text and NAME not in text
    assert 'TOC \\o "1-2"' in document.element.xml  # the table of contents field


def test_the_pdf_of_a_draft_says_so(client, world, staff):
    client.force_login(staff)
    response = client.get(reverse("guidelines:file", args=[world.slug, "1.0", "pdf"]))
    assert "Draft, not published" in pdf_text(response.content)[0]


def test_the_command_writes_a_published_version(world, published, tmp_path: Path, capsys):
    for fmt in ("pdf", "docx"):
        output = tmp_path / f"guidelines.{fmt}"
        call_command("export-guidelines", "--guideline", world.slug, "--version", "1.0", "--format", fmt,
                     "--output", str(output))
        assert output.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
    captured = capsys.readouterr()
    assert f"Rendering {world.slug} version 1.0 as PDF" in captured.err
    assert "2 recommendations, 3 sources" in captured.out


@pytest.mark.parametrize(("number", "message"), [
    ("7.0", "There is no version 7.0 of these guidelines."),
    ("1,0", "is not a version number"),
])
def test_the_command_explains_what_it_cannot_export(world, published, tmp_path, number, message):
    with pytest.raises(CommandError, match=message):
        call_command("export-guidelines", "--guideline", world.slug, "--version", number,
                     "--output", str(tmp_path / "x.pdf"))


def test_the_command_never_exports_a_draft(world, tmp_path):
    with pytest.raises(CommandError, match="only published versions are exported"):
        call_command("export-guidelines", "--guideline", world.slug, "--version", "1.0",
                     "--output", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()
