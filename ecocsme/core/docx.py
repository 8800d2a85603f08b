"""Pieces of Word files that python-docx has no call for: a field the word processor computes on
opening (a page number, a table of contents) and a hyperlink. Guidelines, lab reports and action
plans use the same ones."""

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

LINK_COLOUR = "0B3D6E"


def _field_char(kind: str):
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def field(paragraph, instruction: str, placeholder: str, *, italic: bool = False) -> None:
    """A Word field ("PAGE", 'TOC \\o "1-2"') showing `placeholder` until it is computed."""
    run = paragraph.add_run()
    run._r.append(_field_char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = instruction
    run._r.append(code)
    run._r.append(_field_char("separate"))
    paragraph.add_run(placeholder).italic = italic
    paragraph.add_run()._r.append(_field_char("end"))


def hyperlink(paragraph, url: str, text: str) -> None:
    """A link to `url` reading `text`, underlined in the link colour."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag, value in (("w:rStyle", "Hyperlink"), ("w:u", "single"), ("w:color", LINK_COLOUR)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        props.append(element)
    run.append(props)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)
