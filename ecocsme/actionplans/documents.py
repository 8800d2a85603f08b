"""An action plan as a document (AP-3): a DOCX and a PDF that follow the Interreg Europe action
plan template, and the view that the web pages render.

Everything here reads a plan document — the plain data of `selectors.plan_document`, as every
`PlanVersion` stores it — and never the database: a file shows exactly the version it is made
from (the endorsed one for the public, whatever later text there is). Links to what inspired an
action come in resolved (`links`: {"practice:12": "/en/practices/…/"}, made by
`selectors.inspiration_links` with only what the reader may open); an inspiration without a
link is cited by its label alone.

The parts, in the template's order: a cover (the programme, "Action plan", the project, the
partner organisation, the version and its date); Part I – General information as a two-column
table; Part II – Policy context with the three tick boxes and the policy instrument; Part III –
Details of the actions envisaged, per action "1. The background" … "6. Funding sources" (costs
and funding as tables with their totals); and the endorsement (date, organisation, signatory's
position, signature, stamp), filled in when the plan is endorsed.

Two languages meet in a file: the texts people wrote are in the plan's main language (per field,
else English, else any, marked as such), the labels in the output language (`output_language`:
the one asked for, else the plan's when the platform has it, else English), and so are dates
and amounts. The labels are in one place, `LABELS`, for the DOCX, the PDF and the web page.
"""

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ecocsme.core.formats import format_setting, money
from ecocsme.core.i18n import LocalizedText, in_language
from ecocsme.reference.countries import country_name
from ecocsme.reference.models import PolicyInstrument

from .models import Inspiration

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
ENDORSED_STATUSES = ("endorsed", "monitoring")
# Raised when the files come out differently for the same version (their layout, their labels):
# the files kept by the site's cache are made anew.
FILE_REVISION = 2
PRINT_CSS = Path(__file__).resolve().parent / "static" / "actionplans" / "print.css"

# The template's labels, in one place: the DOCX, the PDF and the web page read them here.
LABELS = {
    "programme_default": _("Interreg Europe"),
    "eu_line": _("European Union | European Regional Development Fund"),
    "action_plan": pgettext_lazy("document title", "Action plan"),
    "summary": pgettext_lazy("heading", "Summary"),
    "summary_en": _("Summary in English"),
    "part1": _("Part I – General information"),
    "project": _("Project:"),
    "partner": _("Partner organisation:"),
    "other_organisations": _("Other partner organisations involved (if relevant):"),
    "country": _("Country:"),
    "nuts": _("NUTS2 region:"),
    "contact": _("Contact person:"),
    "part2": _("Part II – Policy context"),
    "aims": _("The Action Plan aims to impact:"),
    "instrument": _("Name of the policy instrument addressed:"),
    "programming_period": _("Programming period"),
    "priority_axis": _("Priority axis"),
    "thematic_objective": _("Thematic objective"),
    "managing_body": _("Managing body"),
    "context": _(
        "Further details on the policy context and the way the action plan should contribute to "
        "improve the policy instrument:"
    ),
    "improvement_aim": _("What the action plan aims to improve in the policy instrument:"),
    "part3": _("Part III – Details of the actions envisaged"),
    "background": _("1. The background"),
    "background_help": _("How the project inspired the action: the lessons learnt and the good practices."),
    "inspired_by": _("Where the inspiration comes from:"),
    "description": _("2. Action"),
    "players": _("3. Players involved"),
    "timeframe": _("4. Timeframe"),
    "milestone_date": pgettext_lazy("column", "Date"),
    "milestone": pgettext_lazy("column", "Milestone"),
    "costs": _("5. Costs"),
    "cost_item": pgettext_lazy("column", "Cost item"),
    "funding": _("6. Funding sources"),
    "funding_source": pgettext_lazy("column", "Funding source"),
    "amount": pgettext_lazy("column", "Amount"),
    "total": pgettext_lazy("sum", "Total"),
    "not_given": _("Not given"),
    "no_costs": _("No costs given."),
    "no_funding": _("No funding sources given."),
    "no_actions": _("No actions yet."),
    "endorsement": _("Endorsement"),
    "endorsement_intro": _(
        "The action plan is endorsed by the organisation that owns the policy instrument."
    ),
    "date": _("Date:"),
    "organisation": _("Name of the organisation:"),
    "signatory": _("Position of the signatory:"),
    "signature": _("Signature:"),
    "stamp": _("Stamp of the organisation (if available):"),
    "signed": _("Signed; the original is kept by the partner organisation."),
    "not_endorsed": _("Not endorsed yet."),
    "contents": _("Contents"),
    "chosen": pgettext_lazy("tick box", "chosen"),
    "draft": _("Draft, not endorsed"),
}


# --- the view every rendering reads --------------------------------------------------------------
@dataclass
class Row:
    text: LocalizedText
    amount: Decimal | None = None
    shown: str = ""  # the amount as the output language writes it


@dataclass
class Milestone:
    day: date | None
    title: LocalizedText


@dataclass
class Source:
    """What inspired an action, as cited; `url` only when the reader may open it."""

    kind: str
    kind_label: str
    label: str
    note: LocalizedText
    url: str = ""


@dataclass
class ActionView:
    number: int
    key: str
    title: LocalizedText
    background: LocalizedText
    description: LocalizedText
    players: LocalizedText
    start: date | None
    end: date | None
    milestones: list[Milestone]
    costs: list[Row]
    funding: list[Row]
    cost_total: Decimal
    funding_total: Decimal | None
    inspirations: list[Source]
    cost_total_shown: str = ""
    funding_total_shown: str = ""

    @property
    def anchor(self) -> str:
        return f"action-{self.key or self.number}"

    @property
    def timeframe(self) -> str:
        """"From 1 September 2021 to 30 June 2022" in the active language."""
        return _timeframe(self)


@dataclass
class Tick:
    value: str
    label: str
    chosen: bool


@dataclass
class PlanView:
    language: str  # of the texts people wrote (wanted)
    status: str
    title: LocalizedText
    summary: LocalizedText
    summary_en: LocalizedText | None
    programme: str
    project_code: str
    project_acronym: str
    project_title: str
    partner_name: LocalizedText
    partner_city: str
    country_code: str
    nuts_code: str
    nuts_name: str
    other_organisations: LocalizedText
    contact_role: str
    contact_email: str
    contact_phone: str
    category: str
    ticks: list[Tick]
    instrument_name: LocalizedText | None
    instrument_details: list[tuple[str, str]]
    policy_context: LocalizedText
    improvement_aim: LocalizedText
    actions: list[ActionView]
    endorsed_on: date | None
    endorsed_by_role: str
    endorsing_organisation: str
    version_number: int | None = None
    version_date: date | None = None
    labels: dict = field(default_factory=lambda: LABELS)

    @property
    def is_endorsed(self) -> bool:
        return self.status in ENDORSED_STATUSES and self.endorsed_on is not None

    @property
    def country(self) -> str:
        """The country in the active (output) language."""
        return country_name(self.country_code)

    @property
    def nuts(self) -> str:
        return " ".join(part for part in (self.nuts_code, self.nuts_name and f"– {self.nuts_name}") if part)

    @property
    def contact_lines(self) -> list[str]:
        return [line for line in (self.contact_role, self.contact_email, self.contact_phone) if line]

    @property
    def heading(self) -> str:
        """The plan's short name for running heads: acronym · partner."""
        return " · ".join(part for part in (self.project_acronym, self.partner_name.text) if part)

    @property
    def version_line(self) -> str:
        """"Version 7, endorsed on 15 June 2021" / "Version 3, draft, not endorsed, 2 May 2021"."""
        return _version_line(self)


def output_language(document: dict, language: str | None = None) -> str:
    """The language of the labels: `language` when the platform has it, else the plan's, else
    English."""
    codes = {code for code, _name in settings.LANGUAGES}
    for candidate in (language, document.get("language")):
        if candidate and candidate in codes:
            return candidate
    return settings.LANGUAGE_CODE


def _amount(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _day(value) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def amounts_shown(values: list[Decimal | None]) -> list[str]:
    """Amounts of one table as the active language writes money, all with cents when one has
    them (so that the column reads evenly), "–" for an amount not given."""
    given = [value for value in values if value is not None]
    if not any(value != value.to_integral_value() for value in given):
        return [money(value) if value is not None else "–" for value in values]
    pattern = format_setting("MONEY_FORMAT", "EUR %(amount)s")
    return [pattern % {"amount": formats.number_format(value, decimal_pos=2, use_l10n=True,
                                                       force_grouping=True)}
            if value is not None else "–" for value in values]


def _action_view(action: dict, number: int, language: str, links: dict) -> ActionView:
    def text(value):
        return in_language(value, language)

    costs = [Row(text(row.get("item")), _amount(row.get("amount"))) for row in action.get("costs") or []]
    funding = [Row(text(row.get("source")), _amount(row.get("amount")))
               for row in action.get("funding") or []]
    kinds = dict(Inspiration.Kind.choices)
    sources = [
        Source(kind=item.get("kind", ""), kind_label=kinds.get(item.get("kind"), ""),
               label=item.get("label") or "", note=text(item.get("note")),
               url=links.get(f"{item.get('kind')}:{item.get('id')}", "") if item.get("id") else "")
        for item in action.get("inspirations") or []
    ]
    given = [row.amount for row in funding if row.amount is not None]
    cost_total = sum((row.amount or Decimal(0) for row in costs), Decimal(0))
    funding_total = sum(given, Decimal(0)) if given else None
    *shown, cost_total_shown = amounts_shown([row.amount for row in costs] + [cost_total])
    for row, amount in zip(costs, shown, strict=True):
        row.shown = amount
    *shown, funding_total_shown = amounts_shown([row.amount for row in funding] + [funding_total])
    for row, amount in zip(funding, shown, strict=True):
        row.shown = amount
    return ActionView(
        number=action.get("position") or number, key=action.get("key") or "", title=text(action.get("title")),
        background=text(action.get("background")), description=text(action.get("description")),
        players=text(action.get("players")), start=_day(action.get("start_date")),
        end=_day(action.get("end_date")),
        milestones=[Milestone(_day(m.get("date")), text(m.get("title")))
                    for m in action.get("milestones") or []],
        costs=costs, funding=funding,
        cost_total=cost_total, funding_total=funding_total, inspirations=sources,
        cost_total_shown=cost_total_shown, funding_total_shown=funding_total_shown if given else "",
    )


def plan_view(document: dict, *, language: str | None = None, links: dict | None = None,
              version: dict | None = None) -> PlanView:
    """The document as a renderer reads it, the texts people wrote in `language` (default: the
    plan's main language). `links` maps "kind:id" of an inspiration to its address; `version`
    is {"number", "date"} of the version the document is, when known."""
    language = language or document.get("language") or settings.LANGUAGE_CODE
    links = links or {}
    project = document.get("project") or {}
    partner = document.get("partner") or {}
    part1 = document.get("part1") or {}
    part2 = document.get("part2") or {}
    instrument = part2.get("policy_instrument") or None
    endorsement = document.get("endorsement") or {}
    nuts = partner.get("nuts") or {}
    summary = document.get("summary") or {}
    summary_en = None
    if language != "en" and isinstance(summary, dict) and summary.get("en") and summary.get(language):
        summary_en = in_language(summary, "en")
    category = part2.get("instrument_category") or ""
    details = []
    if instrument:
        for key in ("programming_period", "priority_axis", "thematic_objective", "managing_body"):
            if instrument.get(key):
                details.append((key, instrument[key]))
    version = version or {}
    version_date = version.get("date")
    if isinstance(version_date, datetime):
        version_date = (timezone.localdate(version_date) if timezone.is_aware(version_date)
                        else version_date.date())
    return PlanView(
        language=language, status=document.get("status") or "draft",
        title=in_language(document.get("title"), language), summary=in_language(summary, language),
        summary_en=summary_en,
        programme=project.get("programme") or "", project_code=project.get("code") or "",
        project_acronym=project.get("acronym") or "", project_title=project.get("title") or "",
        partner_name=in_language(partner.get("names") or partner.get("name"), language),
        partner_city=partner.get("city") or "", country_code=partner.get("country") or "",
        nuts_code=nuts.get("code") or "", nuts_name=nuts.get("name") or "",
        other_organisations=in_language(part1.get("other_organisations"), language),
        contact_role=part1.get("contact_role") or "", contact_email=part1.get("contact_email") or "",
        contact_phone=part1.get("contact_phone") or "",
        category=category,
        ticks=[Tick(value, label, value == category) for value, label in PolicyInstrument.Category.choices],
        instrument_name=in_language(instrument.get("names") or instrument.get("name"), language)
        if instrument else None,
        instrument_details=details,
        policy_context=in_language(part2.get("policy_context"), language),
        improvement_aim=in_language(part2.get("improvement_aim"), language),
        actions=[_action_view(action, number, language, links)
                 for number, action in enumerate(document.get("actions") or [], start=1)],
        endorsed_on=_day(endorsement.get("endorsed_on")),
        endorsed_by_role=endorsement.get("endorsed_by_role") or "",
        endorsing_organisation=endorsement.get("endorsing_organisation") or "",
        version_number=version.get("number"), version_date=_day(version_date),
    )


def file_name(document: dict, fmt: str, number: int | None = None) -> str:
    """plan file name: <project code>-<partner>-action-plan[-v<n>].<fmt>, ASCII only."""
    project = (document.get("project") or {}).get("code") or "plan"
    partner = document.get("partner") or {}
    name = slugify(partner.get("name") or "")[:40] or f"partner-{partner.get('number', '')}"
    suffix = f"-v{number}" if number else ""
    return f"{slugify(project) or 'plan'}-{name}-action-plan{suffix}.{fmt}"


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def _timeframe(action: ActionView) -> str:
    if action.start and action.end:
        return str(_("From %(start)s to %(end)s")) % {"start": _date(action.start), "end": _date(action.end)}
    if action.start:
        return str(_("From %(start)s")) % {"start": _date(action.start)}
    if action.end:
        return str(_("Until %(end)s")) % {"end": _date(action.end)}
    return str(LABELS["not_given"])


def _version_line(view: PlanView) -> str:
    parts = []
    if view.version_number:
        parts.append(str(_("Version %(number)s")) % {"number": view.version_number})
    if view.is_endorsed:
        parts.append(str(_("endorsed on %(date)s")) % {"date": _date(view.endorsed_on)})
    else:
        parts.append(str(LABELS["draft"]).lower() if parts else str(LABELS["draft"]))
        if view.version_date:
            parts.append(_date(view.version_date))
    line = ", ".join(parts)
    return line[:1].upper() + line[1:]


# --- PDF -------------------------------------------------------------------------------------------
@cache
def _print_css() -> str:
    return PRINT_CSS.read_text(encoding="utf-8")


def _context(view: PlanView, language: str) -> dict:
    return {"plan": view, "labels": LABELS, "output_language": language, "css": _print_css()}


def plan_html(document: dict, *, language: str | None = None, links: dict | None = None,
              version: dict | None = None) -> str:
    """The print page WeasyPrint typesets (also handy to look at in a browser)."""
    language = output_language(document, language)
    with translation.override(language):
        view = plan_view(document, links=_absolute(links), version=version)
        return render_to_string("actionplans/print/plan.html", _context(view, language))


def plan_pdf(document: dict, *, language: str | None = None, links: dict | None = None,
             version: dict | None = None) -> bytes:
    from weasyprint import HTML

    html = plan_html(document, language=language, links=links, version=version)
    return HTML(string=html, base_url=settings.ECOCSME_BASE_URL).write_pdf()


def _absolute(links: dict | None) -> dict:
    """Files are read away from the site: their links are whole addresses."""
    base = settings.ECOCSME_BASE_URL.rstrip("/")
    return {key: (base + url if url.startswith("/") else url) for key, url in (links or {}).items()}


def plan_file(document: dict, fmt: str, *, language: str | None = None, links: dict | None = None,
              version: dict | None = None) -> tuple[str, bytes]:
    """(content type, bytes) of the plan as `fmt` ("pdf" or "docx")."""
    render = plan_pdf if fmt == "pdf" else plan_docx
    return FORMATS[fmt], render(document, language=language, links=links, version=version)


# --- DOCX ------------------------------------------------------------------------------------------
BLUE = (0x0B, 0x3D, 0x6E)
SHADE = "E8EEF5"
PROGRAMME_BLUE = "003399"
BOX_FONT = "MS Gothic"  # as Word's own check boxes; other programs fall back to a font with ☐ ☒


def plan_docx(document: dict, *, language: str | None = None, links: dict | None = None,
              version: dict | None = None) -> bytes:
    language = output_language(document, language)
    with translation.override(language):
        view = plan_view(document, links=_absolute(links), version=version)
        return _Docx(view, language).render()


class _Docx:
    """python-docx, one method per part of the template."""

    def __init__(self, view: PlanView, language: str):
        from docx import Document

        self.view, self.language = view, language
        self.doc = Document()

    # helpers
    def _shade(self, cell, colour: str = SHADE) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), colour)
        cell._tc.get_or_add_tcPr().append(shading)

    def _lang(self, run_or_style, code: str) -> None:
        """Mark text as written in `code` (spelling and hyphenation in the word processor)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        props = run_or_style.element.get_or_add_rPr()
        for old in props.findall(qn("w:lang")):
            props.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), code)
        props.append(lang)

    def _font(self, element, name: str) -> None:
        """Set the font of a style or run for every script, without the theme's fonts (which a
        word processor would take before the named one)."""
        from docx.oxml.ns import qn

        props = element.get_or_add_rPr()
        fonts = props.get_or_add_rFonts()
        for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attribute}"), None)
        for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{attribute}"), name)

    def _cell_margins(self, style, **margins) -> None:
        """Space inside the cells of a table style, in twentieths of a point."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        properties = style.element.find(qn("w:tblPr"))
        cell_margins = properties.find(qn("w:tblCellMar"))
        if cell_margins is None:
            cell_margins = OxmlElement("w:tblCellMar")
            properties.append(cell_margins)
        for side, twips in margins.items():
            for old in cell_margins.findall(qn(f"w:{side}")):
                cell_margins.remove(old)
            margin = OxmlElement(f"w:{side}")
            margin.set(qn("w:w"), str(twips))
            margin.set(qn("w:type"), "dxa")
            cell_margins.append(margin)

    def _lines(self, paragraph, text: str, *, lang: str = "", bold=False, italic=False, size=None):
        lines = text.split("\n")
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            if number < len(lines) - 1:
                run.add_break()
            run.bold, run.italic = bold or None, italic or None
            if size:
                run.font.size = size
            if lang:
                self._lang(run, lang)
        return paragraph

    def _fallback_note(self, text: LocalizedText, container=None) -> None:
        from docx.shared import Pt, RGBColor

        if text.is_fallback:
            note = (container or self.doc).add_paragraph()
            run = note.add_run(str(_("Not translated yet: shown %(in_language)s.")) % {
                "in_language": text.shown_in})
            run.italic = True
            run.font.size = Pt(8.5)
            run.font.color.rgb = RGBColor(0x4A, 0x58, 0x68)

    def _block(self, text: LocalizedText, container=None, *, empty: str = "") -> None:
        """A text people wrote, paragraph by paragraph, in its language."""
        target = container or self.doc
        if not text:
            if empty:
                paragraph = target.add_paragraph()
                paragraph.add_run(empty).italic = True
            return
        self._fallback_note(text, container)
        for chunk in text.text.replace("\r\n", "\n").split("\n\n"):
            if chunk.strip():
                self._lines(target.add_paragraph(), chunk.strip("\n"), lang=text.language)

    def _cell(self, cell, text: str = "", *, bold=False, lang: str = "", align=None, size=None):
        paragraph = cell.paragraphs[0]
        if text:
            self._lines(paragraph, text, bold=bold, lang=lang, size=size)
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def _widths(self, table, widths) -> None:
        """Column widths, in the grid (what most programs read) and in every cell (Word)."""
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width

    # parts
    def setup(self) -> None:
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt, RGBColor

        from ecocsme.core import docx as word

        doc, view = self.doc, self.view
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
        section.different_first_page_header_footer = True
        styles = doc.styles
        normal = styles["Normal"]
        self._font(normal.element, "Arial")
        normal.font.size = Pt(10)
        defaults = doc.styles.element.find(qn("w:docDefaults"))
        run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
        if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
            fonts = run_defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
            if fonts is not None:
                for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                    fonts.attrib.pop(qn(f"w:{attribute}"), None)
                for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
                    fonts.set(qn(f"w:{attribute}"), "Arial")
        normal.paragraph_format.space_after = Pt(5)
        self._lang(normal, view.language)
        for name, size in (("Title", 34), ("Heading 1", 15), ("Heading 2", 12.5), ("Heading 3", 10.5)):
            style = styles[name]
            self._font(style.element, "Arial")
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.color.rgb = RGBColor(*BLUE)
            style.paragraph_format.space_after = Pt(4)
        styles["Heading 3"].font.italic = False
        self._cell_margins(styles["Table Grid"], top=50, bottom=50)
        props = doc.core_properties
        props.title = f"{LABELS['action_plan']} – {view.title.text}"[:250]
        props.subject = " · ".join(p for p in (view.project_acronym, view.partner_name.text) if p)[:250]
        props.language = view.language
        props.keywords = "Interreg Europe; action plan"
        if view.version_number:
            props.revision = int(view.version_number)
        # running head and page numbers (not on the cover)
        header = section.header.paragraphs[0]
        header.text = f"{LABELS['action_plan']} · {view.heading}"
        header.runs[0].font.size = Pt(8)
        header.runs[0].font.color.rgb = RGBColor(0x4A, 0x58, 0x68)
        footer = section.footer.paragraphs[0]
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        word.field(footer, "PAGE", "1")

    def cover(self) -> None:
        from docx.enum.text import WD_BREAK
        from docx.shared import Pt, RGBColor

        doc, view = self.doc, self.view
        band = doc.add_table(rows=1, cols=1).rows[0].cells[0]  # the programme's band, as the PDF's
        self._shade(band, PROGRAMME_BLUE)
        kicker = band.paragraphs[0]
        kicker.paragraph_format.space_before = Pt(10)
        run = kicker.add_run(view.programme or str(LABELS["programme_default"]))
        run.bold = True
        run.font.size = Pt(16)
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        eu = band.add_paragraph()
        eu.paragraph_format.space_after = Pt(10)
        line = eu.add_run(str(LABELS["eu_line"]))
        line.font.size = Pt(8.5)
        line.font.color.rgb = RGBColor(0xDF, 0xE6, 0xF5)
        for _blank in range(4):
            doc.add_paragraph()
        doc.add_paragraph(str(LABELS["action_plan"]), style="Title")
        if view.project_acronym:
            acronym = doc.add_paragraph().add_run(view.project_acronym)
            acronym.bold = True
            acronym.font.size = Pt(20)
            acronym.font.color.rgb = RGBColor(0x9B, 0x3D, 0x00)
        if view.project_title:
            title = doc.add_paragraph().add_run(view.project_title)
            title.font.size = Pt(13)
        if view.title:
            plan = doc.add_paragraph()
            self._lines(plan, view.title.plain(), lang=view.title.language, italic=True, size=Pt(12))
        for _blank in range(3):
            doc.add_paragraph()
        partner = doc.add_paragraph()
        self._lines(partner, view.partner_name.text, lang=view.partner_name.language, bold=True, size=Pt(13))
        if view.partner_city or view.country_code:
            place = doc.add_paragraph().add_run(", ".join(p for p in (view.partner_city, view.country) if p))
            place.font.size = Pt(11)
        status = doc.add_paragraph().add_run(view.version_line)
        status.font.size = Pt(11)
        if not view.is_endorsed:
            status.bold = True
            status.font.color.rgb = RGBColor(0x9B, 0x3D, 0x00)
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def summary(self) -> None:
        view = self.view
        if not view.summary:
            return
        self.doc.add_heading(str(LABELS["summary"]), level=1)
        self._block(view.summary)
        if view.summary_en:
            self.doc.add_heading(str(LABELS["summary_en"]), level=2)
            self._block(view.summary_en)

    def part1(self) -> None:
        from docx.shared import Cm

        view = self.view
        self.doc.add_heading(str(LABELS["part1"]), level=1)
        rows = [
            (LABELS["project"], " – ".join(p for p in (view.project_acronym, view.project_title) if p), ""),
            # names are proper names: as written, never marked as shown in another language
            (LABELS["partner"], view.partner_name.text, view.partner_name.language),
            (LABELS["other_organisations"],
             view.other_organisations.plain() if view.other_organisations else "",
             view.other_organisations.language),
            (LABELS["country"], view.country, ""),
            (LABELS["nuts"], view.nuts, ""),
            (LABELS["contact"], "\n".join(view.contact_lines), ""),
        ]
        table = self.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value, lang in rows:
            cells = table.add_row().cells
            self._cell(cells[0], str(label), bold=True)
            self._shade(cells[0])
            self._cell(cells[1], value, lang=lang)
        self._widths(table, (Cm(6), Cm(10.6)))

    def part2(self) -> None:
        from docx.shared import Pt

        doc, view = self.doc, self.view
        doc.add_heading(str(LABELS["part2"]), level=1)
        doc.add_paragraph().add_run(str(LABELS["aims"])).bold = True
        for tick in view.ticks:
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.left_indent = Pt(14)
            paragraph.paragraph_format.space_after = Pt(2)
            box = paragraph.add_run("☒" if tick.chosen else "☐")
            self._font(box._r, BOX_FONT)
            box.font.size = Pt(12)
            label = paragraph.add_run(f"  {tick.label}")
            label.bold = tick.chosen or None
        instrument = doc.add_paragraph()
        instrument.paragraph_format.space_before = Pt(8)
        instrument.add_run(str(LABELS["instrument"])).bold = True
        if view.instrument_name:
            instrument.add_run(" ")
            name = instrument.add_run(view.instrument_name.text)
            self._lang(name, view.instrument_name.language)
        else:
            instrument.add_run(" ")
            instrument.add_run(str(LABELS["not_given"])).italic = True
        for key, value in view.instrument_details:
            line = doc.add_paragraph()
            line.paragraph_format.left_indent = Pt(14)
            line.paragraph_format.space_after = Pt(1)
            line.add_run(f"{LABELS[key]}: ").italic = True
            self._lang(line.add_run(value), "en")
        heading = doc.add_paragraph()
        heading.paragraph_format.space_before = Pt(8)
        heading.add_run(str(LABELS["context"])).bold = True
        self._block(view.policy_context, empty=str(LABELS["not_given"]))
        if view.improvement_aim:
            heading = doc.add_paragraph()
            heading.paragraph_format.space_before = Pt(6)
            heading.add_run(str(LABELS["improvement_aim"])).bold = True
            self._block(view.improvement_aim)

    def _money_table(self, rows: list[Row], total: str, first_label, empty) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        if not rows:
            self.doc.add_paragraph().add_run(str(empty)).italic = True
            return
        table = self.doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        head = table.rows[0].cells
        self._cell(head[0], str(first_label), bold=True)
        self._cell(head[1], str(LABELS["amount"]), bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        for cell in head:
            self._shade(cell)
        for row in rows:
            cells = table.add_row().cells
            self._cell(cells[0], row.text.plain(), lang=row.text.language)
            self._cell(cells[1], row.shown, align=WD_ALIGN_PARAGRAPH.RIGHT)
        if total:
            cells = table.add_row().cells
            self._cell(cells[0], str(LABELS["total"]), bold=True)
            self._cell(cells[1], total, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
            for cell in cells:
                self._shade(cell)
        self._widths(table, (Cm(12.1), Cm(4.5)))

    def action(self, action: ActionView) -> None:
        from docx.shared import Cm, Pt

        from ecocsme.core import docx as word

        doc = self.doc
        heading = doc.add_heading(level=2)
        heading.add_run(str(_("ACTION %(number)s")) % {"number": action.number} + ": ")
        title = heading.add_run(action.title.plain())
        self._lang(title, action.title.language)

        doc.add_heading(str(LABELS["background"]), level=3)
        self._block(action.background, empty=str(LABELS["not_given"]) if not action.inspirations else "")
        if action.inspirations:
            doc.add_paragraph().add_run(str(LABELS["inspired_by"])).italic = True
            for source in action.inspirations:
                item = doc.add_paragraph(style="List Bullet")
                item.add_run(f"{source.kind_label}: ").bold = True
                item.add_run(source.label)
                if source.note:
                    note = item.add_run(f" – {source.note.plain()}")
                    self._lang(note, source.note.language)
                if source.url:
                    item.add_run(" ")
                    word.hyperlink(item, source.url, source.url)

        doc.add_heading(str(LABELS["description"]), level=3)
        self._block(action.description, empty=str(LABELS["not_given"]))
        doc.add_heading(str(LABELS["players"]), level=3)
        self._block(action.players, empty=str(LABELS["not_given"]))

        doc.add_heading(str(LABELS["timeframe"]), level=3)
        doc.add_paragraph(action.timeframe)
        if action.milestones:
            table = doc.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            head = table.rows[0].cells
            self._cell(head[0], str(LABELS["milestone_date"]), bold=True)
            self._cell(head[1], str(LABELS["milestone"]), bold=True)
            for cell in head:
                self._shade(cell)
            for milestone in action.milestones:
                cells = table.add_row().cells
                self._cell(cells[0], _date(milestone.day))
                self._cell(cells[1], milestone.title.plain(), lang=milestone.title.language)
            self._widths(table, (Cm(4.5), Cm(12.1)))

        doc.add_heading(str(LABELS["costs"]), level=3)
        self._money_table(action.costs, action.cost_total_shown, LABELS["cost_item"], LABELS["no_costs"])
        doc.add_heading(str(LABELS["funding"]), level=3)
        self._money_table(action.funding, action.funding_total_shown, LABELS["funding_source"],
                          LABELS["no_funding"])
        doc.add_paragraph().paragraph_format.space_after = Pt(10)

    def part3(self) -> None:
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.doc.add_heading(str(LABELS["part3"]), level=1)
        if not self.view.actions:
            self.doc.add_paragraph().add_run(str(LABELS["no_actions"])).italic = True
        for action in self.view.actions:
            self.action(action)

    def endorsement(self) -> None:
        from docx.shared import Cm, Pt

        doc, view = self.doc, self.view
        doc.add_heading(str(LABELS["endorsement"]), level=1)
        if not view.is_endorsed:
            doc.add_paragraph().add_run(str(LABELS["not_endorsed"])).italic = True
        else:
            doc.add_paragraph(str(LABELS["endorsement_intro"]))
        endorsed = view.is_endorsed
        rows = [
            (LABELS["date"], _date(view.endorsed_on) if endorsed else ""),
            (LABELS["organisation"], view.endorsing_organisation if endorsed else ""),
            (LABELS["signatory"], view.endorsed_by_role if endorsed else ""),
            (LABELS["signature"], str(LABELS["signed"]) if endorsed else ""),
            (LABELS["stamp"], ""),
        ]
        table = doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in rows:
            row = table.add_row()
            row.height = Cm(1.2) if label in (LABELS["signature"], LABELS["stamp"]) else Cm(0.8)
            self._cell(row.cells[0], str(label), bold=True)
            self._shade(row.cells[0])
            self._cell(row.cells[1], value, size=Pt(10))
        self._widths(table, (Cm(6), Cm(10.6)))

    def render(self) -> bytes:
        self.setup()
        self.cover()
        self.summary()
        self.part1()
        self.part2()
        self.part3()
        self.endorsement()
        output = io.BytesIO()
        self.doc.save(output)
        return output.getvalue()
