"""The plan as a document (AP-3): the DOCX and the PDF follow the Interreg Europe template — a
cover, Part I as a two-column table, Part II with the three tick boxes and the instrument, Part
III with "ACTION n" and its six numbered headings (costs and funding as tables with totals), the
endorsement — made from a version's snapshot without the database; texts in the plan's language,
labels, dates and amounts in the output language; links only to what anyone may open."""

import io
import re
import shutil
import subprocess

import pytest
from django.utils import formats, translation

from ecocsme.actionplans.documents import LABELS, file_name, output_language, plan_docx, plan_pdf, plan_view
from ecocsme.actionplans.selectors import inspiration_links
from ecocsme.events.factories import EventFactory
from ecocsme.practices.factories import PracticeFactory
from ecocsme.practices.models import Practice
from ecocsme.reference.models import PolicyInstrument

from .document_plans import (
    ACTION_DE,
    ACTION_LT,
    ACTION_RO,
    CONTEXT_RO,
    ENDORSER,
    SIGNATORY,
    TITLE_RO,
    draft_plan,
    endorse,
)


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page (pdftotext, from poppler-utils), spaces made single."""
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    # a word hyphenated at the end of a line is joined again
    return [re.sub(r"\s+", " ", re.sub(r"\u2010\s+", "", page)) for page in out.stdout.decode().split("\f")]


def docx_of(data: bytes):
    from docx import Document

    return Document(io.BytesIO(data))


def docx_text(data: bytes) -> str:
    """The paragraphs, then every table's cells."""
    doc = docx_of(data)
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def in_order(text: str, parts: list[str]) -> bool:
    """Whether `parts` are in `text` in this order (the first missing one is printed)."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            print(f"missing after position {at}: {part!r}")
            return False
        at = found + len(part)
    return True


@pytest.fixture
def world(partner, staff, coordinator):
    practice = PracticeFactory(partner=partner, slug="blokhuispoort-example", title={"en": "Blokhuispoort"})
    hidden = PracticeFactory(partner=partner, slug="draft-practice", status=Practice.Status.DRAFT)
    event = EventFactory(partner=partner)
    inspirations = [
        {"kind": "practice", "id": practice.pk, "label": "Blokhuispoort (Leeuwarden)",
         "note": {"ro": "spații comune pentru firme creative"}},
        {"kind": "practice", "id": hidden.pk, "label": "A practice still in draft", "note": {}},
        {"kind": "event", "id": event.pk, "label": "Partner workshop 4, Timișoara", "note": {}},
        {"kind": "theme", "id": None, "label": "Youth and entrepreneurship", "note": {}},
    ]
    plan = draft_plan(staff, partner, titles=[{"ro": ACTION_RO}, {"lt": ACTION_LT}, {"de": ACTION_DE}],
                      inspirations=inspirations)
    plan = endorse(plan, staff, coordinator)
    return {"plan": plan, "document": plan.endorsed_version.snapshot, "practice": practice, "event": event,
            "hidden": hidden}


def test_the_docx_has_the_templates_parts_headings_and_tables(world):
    document = world["document"]
    doc = docx_of(plan_docx(document, language="en", links=inspiration_links(document, language="en"),
                            version={"number": world["plan"].endorsed_version.number}))
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    assert [p.text for p in paragraphs if p.style.name == "Title"] == ["Action plan"]
    cover = [p.text for p in paragraphs[:12]]
    assert "ECoC-SME" not in cover[0]  # the programme's line, not the acronym, comes first
    assert any(TITLE_RO in text for text in cover) and "Municipality of Timișoara" in cover
    assert any(text.startswith(f"Version {world['plan'].endorsed_version.number}, endorsed on 15 June 2021")
               for text in cover)

    level1 = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert level1 == ["Summary", "Part I – General information", "Part II – Policy context",
                      "Part III – Details of the actions envisaged", "Endorsement"]
    level2 = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    # an action written only in another language than the plan's says so
    assert level2 == ["Summary in English", f"ACTION 1: {ACTION_RO}", f"ACTION 2: {ACTION_LT} (in Lithuanian)",
                      f"ACTION 3: {ACTION_DE} (in German)"]
    level3 = [p.text for p in paragraphs if p.style.name == "Heading 3"]
    assert level3 == ["1. The background", "2. Action", "3. Players involved", "4. Timeframe", "5. Costs",
                      "6. Funding sources"] * 3

    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    assert tables[0][0][0].startswith(world["plan"].project.programme)  # the cover's band
    part1 = tables[1]
    assert [row[0] for row in part1] == ["Project:", "Partner organisation:",
                                         "Other partner organisations involved (if relevant):", "Country:",
                                         "NUTS2 region:", "Contact person:"]
    assert part1[1][1] == "Municipality of Timișoara" and part1[3][1] == "Romania"
    assert part1[4][1] == "RO42 – Vest"
    assert part1[5][1] == "Manager de proiect ECoC-SME (exemplu)\necocsme@example.org\n+40 256 000 000"
    milestones, costs, funding = tables[2:5]
    assert milestones[0] == ["Date", "Milestone"] and milestones[1] == ["1 December 2021", "Lansarea apelului (exemplu)"]
    assert costs == [["Cost item", "Amount"], ["Personal și coordonare (exemplu)", "€12,000.00"],
                     ["Evenimente și comunicare (exemplu)", "€3,500.50"], ["Total", "€15,500.50"]]
    assert funding[-1] == ["Total", "€15,500.50"] and funding[1] == ["FEDR prin POR Vest (exemplu)", "€13,175.43"]
    endorsement = tables[-1]
    assert endorsement == [["Date:", "15 June 2021"], ["Name of the organisation:", ENDORSER],
                           ["Position of the signatory:", SIGNATORY],
                           ["Signature:", "Signed; the original is kept by the partner organisation."],
                           ["Stamp of the organisation (if available):", ""]]

    text = "\n".join(p.text for p in doc.paragraphs)
    assert in_order(text, ["The Action Plan aims to impact:", "☒  Investment for Growth and Jobs programme",
                           "☐  European Territorial Cooperation programme",
                           "☐  Other regional development policy instrument",
                           "Name of the policy instrument addressed: Programul Operațional Regional Vest (exemplu)",
                           CONTEXT_RO])
    assert "From 1 September 2021 to 30 June 2022" in text
    # what inspired the first action: linked when anyone may open it, else cited by its label
    assert "Good practice: Blokhuispoort (Leeuwarden) – spații comune pentru firme creative" in text
    targets = {rel.target_ref for rel in doc.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    assert any(t.endswith("/en/practices/blokhuispoort-example/") for t in targets)
    assert any(t.endswith(f"/en/events/{world['event'].pk}/") for t in targets)
    assert not any("draft-practice" in t for t in targets)
    assert "Lab theme: Youth and entrepreneurship" in text
    assert doc.core_properties.language == "ro"


def test_the_pdf_has_the_parts_in_the_templates_order(world):
    document = world["document"]
    pages = pdf_pages(plan_pdf(document, language="en", links=inspiration_links(document, language="en"),
                               version={"number": world["plan"].endorsed_version.number}))
    cover = pages[0]
    project = world["plan"].project
    assert in_order(cover, [project.programme, "Action plan", project.acronym, project.title, TITLE_RO,
                            "Municipality of Timișoara", "Timișoara, Romania", "endorsed on 15 June 2021"])
    body = " ".join(pages[1:])
    assert in_order(body, [
        "Summary", "Summary in English",
        "Part I – General information", "Project:", "Partner organisation:", "Municipality of Timișoara",
        "Other partner organisations involved (if relevant):", "Country:", "Romania", "NUTS2 region:", "RO42 – Vest",
        "Contact person:", "ecocsme@example.org",
        "Part II – Policy context", "The Action Plan aims to impact:", "☒ Investment for Growth and Jobs programme",
        "☐ European Territorial Cooperation programme", "☐ Other regional development policy instrument",
        "Name of the policy instrument addressed:", "Programul Operațional Regional Vest (exemplu)",
        "Part III – Details of the actions envisaged",
        "ACTION 1:", "1. The background", "Good practice: Blokhuispoort (Leeuwarden)", "2. Action", "3. Players involved",
        "4. Timeframe", "From 1 September 2021 to 30 June 2022", "5. Costs", "Total €15,500.50",
        "6. Funding sources", "Total €15,500.50",
        "ACTION 2:", "ACTION 3:",
        "Endorsement", "Date: 15 June 2021", f"Name of the organisation: {ENDORSER}",
        f"Position of the signatory: {SIGNATORY}", "Signature:", "Stamp of the organisation (if available):",
    ])
    assert f"Action plan · {project.acronym} · Municipality of Timișoara" in pages[2]  # the running head
    assert re.search(r"\b3 ?/ ?\d+\b", pages[2])  # page numbers


def test_texts_in_several_languages_and_scripts_print_right(world):
    document = world["document"]
    pdf = " ".join(pdf_pages(plan_pdf(document, language="en")))
    docx = docx_text(plan_docx(document, language="en"))
    for text in (TITLE_RO, ACTION_RO, ACTION_LT, ACTION_DE, "Lansarea apelului (exemplu)"):
        assert text in pdf.replace("- ", "-") or text in pdf, text
        assert text in docx, text
    for letters in ("ș", "ț", "Ț", "ė", "ų", "ß"):
        assert letters in pdf and letters in docx
    assert "ş" not in pdf and "ţ" not in pdf  # the comma below, never the cedilla


def test_labels_dates_and_amounts_in_the_output_language(world):
    document = world["document"]
    with translation.override("de"):
        tick = str(PolicyInstrument.Category.GROWTH_AND_JOBS.label)
        day = formats.date_format(world["plan"].endorsed_on, "DATE_FORMAT")
    text = " ".join(pdf_pages(plan_pdf(document, language="de")))
    assert f"☒ {tick}" in text and day in text
    assert "15.500,50 €" in text  # German money
    assert TITLE_RO in text  # the texts stay in the plan's language
    doc = docx_of(plan_docx(document, language="lt"))
    costs = [[cell.text for cell in row.cells] for row in doc.tables[3].rows]
    assert costs[-1][1] == "15\xa0500,50\xa0€"  # Lithuanian groups with a space
    # the default: the plan's language (Romanian)
    assert output_language(document) == "ro" and output_language(document, "xx") == "ro"
    with translation.override("ro"):
        ro_tick = str(PolicyInstrument.Category.GROWTH_AND_JOBS.label)
    assert ro_tick in "\n".join(p.text for p in docx_of(plan_docx(document)).paragraphs)


def test_a_draft_says_so_and_leaves_the_endorsement_to_fill_in(partner, staff):
    plan = draft_plan(staff, partner)
    document = plan.versions.order_by("-number").first().snapshot
    doc = docx_of(plan_docx(document, language="en", version={"number": 2}))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Version 2, draft, not endorsed" in text and "Not endorsed yet." in text
    assert [[cell.text for cell in row.cells][1] for row in doc.tables[-1].rows] == ["", "", "", "", ""]
    pages = pdf_pages(plan_pdf(document, language="en"))
    assert "Draft, not endorsed" in pages[0]


def test_the_files_are_made_from_the_snapshot_alone(world, django_assert_num_queries):
    document = world["document"]
    with django_assert_num_queries(0):
        plan_docx(document, language="fi")
        plan_pdf(document, language="hr")


def test_an_empty_or_old_document_still_renders():
    for document in ({}, {"schema": 1, "language": "xx", "actions": [{"title": "plain text"}],
                          "part2": {"policy_instrument": None}, "partner": {"country": ""}}):
        assert plan_docx(document)[:2] == b"PK"
        assert plan_pdf(document)[:4] == b"%PDF"
    view = plan_view({"actions": [{"costs": [{"item": {"en": "x"}, "amount": "not money"}],
                                   "funding": [{"source": {"en": "y"}, "amount": None}]}]})
    assert view.actions[0].costs[0].shown == "–" and view.actions[0].funding_total is None


def test_file_names_are_plain():
    assert file_name({"project": {"code": "PGI06047"}, "partner": {"name": "Municipality of Timișoara"}},
                     "pdf", 7) == "pgi06047-municipality-of-timisoara-action-plan-v7.pdf"
    assert set(LABELS) >= {"part1", "part2", "part3", "background", "funding", "stamp"}


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_a_word_processor_opens_the_docx_and_shows_the_parts_in_order(world, tmp_path):
    """LibreOffice, when installed, turns the DOCX into a PDF with the template's parts in order."""
    source = tmp_path / "plan.docx"
    source.write_bytes(plan_docx(world["document"], language="en"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, check=True, timeout=240)
    text = " ".join(pdf_pages((tmp_path / "plan.pdf").read_bytes()))
    assert in_order(text, ["Action plan", "Part I – General information", "NUTS2 region:",
                           "Part II – Policy context", "☒ Investment for Growth and Jobs programme",
                           "Part III – Details of the actions envisaged", "ACTION 1:", "6. Funding sources",
                           "ACTION 3:", "Endorsement", "Stamp of the organisation (if available):"])
    for letters in ("ș", "ț", "ė", "ų", "ß"):
        assert letters in text
