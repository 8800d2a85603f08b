"""A version of the guidelines as one file (GP-4): a PDF typeset by WeasyPrint — title page,
contents with page numbers, a chapter per phase, numbered recommendations with their evidence
references, the evidence appendix, the versions — and a DOCX with the same parts (its table of
contents is a field that the word processor fills in when the file is opened). Both are made from
a selectors.DocumentView, so they show exactly what the web page shows."""

import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

from .links import citable_url
from .selectors import DocumentView

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _context(doc: DocumentView) -> dict:
    return {"doc": doc, "language": doc.language, "citable_url": citable_url(doc.slug, doc.number),
            "base_url": settings.ECOCSME_BASE_URL.rstrip("/")}


def version_pdf(doc: DocumentView) -> bytes:
    from weasyprint import HTML

    with translation.override(doc.language):
        html = render_to_string("guidelines/version_pdf.html", _context(doc))
    return HTML(string=html, base_url=settings.ECOCSME_BASE_URL).write_pdf()


def version_file_bytes(doc: DocumentView, fmt: str) -> tuple[str, bytes]:
    """(content type, bytes) of the version in `fmt` ("pdf" or "docx")."""
    return FORMATS[fmt], version_pdf(doc) if fmt == "pdf" else version_docx(doc)


# --- DOCX ------------------------------------------------------------------------------------------
def _update_fields_on_open(document) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    document.settings.element.append(element)


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def version_docx(doc: DocumentView) -> bytes:
    with translation.override(doc.language):
        return _docx(doc)


def _docx(doc: DocumentView) -> bytes:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt, RGBColor

    from ecocsme.core import docx as word

    base = settings.ECOCSME_BASE_URL.rstrip("/")
    document = Document()
    styles = document.styles
    styles["Normal"].font.name = "Liberation Serif"
    styles["Normal"].font.size = Pt(11)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.name = "Liberation Sans"
        styles[name].font.color.rgb = RGBColor(0x0B, 0x3D, 0x6E)
    document.core_properties.title = doc.title.plain()
    document.core_properties.subject = doc.subtitle.plain()
    document.core_properties.language = doc.language
    document.core_properties.version = doc.number

    document.add_paragraph(doc.title.plain(), style="Title")
    if doc.subtitle:
        document.add_paragraph(doc.subtitle.plain(), style="Subtitle")
    if doc.is_published:
        status = _("Version %(number)s, published on %(date)s") % {"number": doc.number,
                                                                    "date": _date(doc.published_at)}
    else:
        status = _("Version %(number)s — draft, not published") % {"number": doc.number}
    document.add_paragraph(status)
    cite = document.add_paragraph(_("Cite this version as:") + " ")
    word.hyperlink(cite, citable_url(doc.slug, doc.number), citable_url(doc.slug, doc.number))
    if doc.is_example:
        example = document.add_paragraph(_("Example content, written for the demonstration of the platform."))
        example.runs[0].italic = True

    document.add_heading(_("Contents"), level=1)
    word.field(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u',
               _("The table of contents appears when the word processor updates the fields (it asks on "
                 "opening)."), italic=True)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    if doc.introduction:
        document.add_heading(_("Introduction"), level=1)
        for paragraph in doc.introduction.plain().split("\n\n"):
            document.add_paragraph(paragraph.strip())

    for chapter in doc.chapters:
        document.add_heading(f"{chapter.number}. {chapter.title.plain()}", level=1)
        for paragraph in chapter.introduction.plain().split("\n\n") if chapter.introduction else []:
            document.add_paragraph(paragraph.strip())
        for recommendation in chapter.recommendations:
            document.add_heading(f"{recommendation.number} {recommendation.title.plain()}", level=2)
            for paragraph in recommendation.text.plain().split("\n\n"):
                document.add_paragraph(paragraph.strip())
            if recommendation.evidence:
                label = document.add_paragraph()
                label.add_run(_("Evidence")).bold = True
                for item in recommendation.evidence:
                    line = document.add_paragraph(style="List Bullet")
                    line.add_run(f"[{item.ref}] ").bold = True
                    line.add_run(item.note.plain() if item.note else item.source.citation)
                    if item.note:
                        line.add_run(f" — {item.source.citation}").font.size = Pt(9)

    document.add_heading(_("Evidence"), level=1)
    document.add_paragraph(_("Every source the recommendations cite, by its number."))
    for source in doc.sources:
        entry = document.add_paragraph()
        entry.add_run(f"[{source.ref}] ").bold = True
        if source.kind == "practice":
            entry.add_run(_("Good practice") + ": ").italic = True
            entry.add_run(source.title.plain())
            if source.place:
                entry.add_run(f" ({source.place})")
            if source.url:
                entry.add_run(" ")
                word.hyperlink(entry, base + source.url, base + source.url)
        elif source.kind == "answer":
            entry.add_run(_("Answer of a stakeholder") + ": ").italic = True
            entry.add_run(", ".join(part for part in (source.respondent, source.quote_language_name) if part))
            quote = document.add_paragraph(f"“{source.quote}”", style="Quote")
            if source.quote_language:
                quote.runs[0].font.italic = True
            details = document.add_paragraph()
            details.add_run(_("%(lab)s, question %(number)s: %(question)s") % {
                "lab": source.lab, "number": source.question_number, "question": source.question.plain()})
            if source.theme:
                details.add_run().add_break()
                details.add_run(_("Theme: %(theme)s") % {"theme": source.theme})
            for run in details.runs:
                run.font.size = Pt(9)
        elif source.kind == "figure":
            entry.add_run(_("Monitoring figure") + ": ").italic = True
            entry.add_run(f"{source.label}: {source.value}")
        else:
            entry.add_run(source.citation).italic = True

    document.add_heading(_("Versions"), level=1)
    document.add_paragraph(style="List Bullet").add_run(
        f"{doc.number} ({_date(doc.published_at) or _('draft')}): {doc.changelog.plain()}")
    for item in doc.history:
        document.add_paragraph(f"{item.number} ({_date(item.published_at)}): {item.changelog.plain()}",
                               style="List Bullet")
    _update_fields_on_open(document)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
