"""The lab report (LAB-5) as PDF and DOCX: the questions, who took part, and the themes with
their quotes, as staff left them after editing the synthesis; and the rows of the answers export."""

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.charts import bar_chart
from ecocsme.core.formats import percent
from ecocsme.core.i18n import in_language

from .browsing import theme_labels
from .labels import NOT_KNOWN, kind_labels, language_labels
from .models import Lab, Response
from .selectors import lab_answers, lab_participation, lab_questions, lab_synthesis


def answer_columns() -> tuple:
    """The columns of the answers export as (machine name, heading, labels): JSON keeps the names
    and codes, CSV and XLSX show the headings and labels in the reader's language (core.exports),
    taken now, as the rows may be written after the request's language is gone."""
    kinds, languages = kind_labels(), language_labels()
    channels = {code: str(label) for code, label in Response.Channel.choices}
    return (
        ("response", _("Response")),
        ("channel", _("Channel"), channels),
        ("submitted_at", _("Submitted")),
        ("respondent_kind", _("Respondent kind"), kinds),
        ("respondent_city", _("City")),
        ("question", _("Question number")),
        ("question_text", _("Question")),
        ("answer", _("Answer")),
        ("answer_language", _("Language"), languages),
        ("theme", _("Theme across the lab")),
        ("question_theme", _("Theme of the question")),
    )


def answer_rows(lab: Lab, answers=None):
    """Every submitted answer of a lab, or `answers` (those a filtered answer browser shows:
    browsing.export_answers), as rows of answer_columns(): no names, only kinds and cities."""
    themes = theme_labels(lab)
    answers = lab_answers(lab) if answers is None else answers
    return ((a.response_id, a.response.channel, a.response.submitted_at, a.response.respondent_kind,
             a.response.respondent_city, a.question.position, a.question.localized_text()[0], a.text,
             a.language, themes.get((a.pk, True), ""), themes.get((a.pk, False), "")) for a in answers)


@dataclass
class Figure:
    title: str
    rows: list[tuple[str, int]]

    @property
    def svg(self):
        return bar_chart(self.rows, title=self.title)


def report_context(lab: Lab, language: str) -> dict:
    participation = lab_participation(lab)
    kinds, languages = kind_labels(), language_labels()
    channels = dict(lab.responses.model.Channel.choices)
    cities = {city: city or str(NOT_KNOWN) for city in participation["by_city"]}
    figures = [Figure(title, [(str(labels.get(key, key)), n) for key, n in participation[name].most_common()])
               for title, name, labels in ((_("By respondent kind"), "by_kind", kinds),
                                           (_("By city"), "by_city", cities),
                                           (_("By language"), "by_language", languages),
                                           (_("By channel"), "by_channel", channels))]
    invited, answered = participation["invited"], participation["answered"]
    context = {
        "lab": lab, "theme": in_language(lab.theme, language),
        "description": in_language(lab.description, language),
        "questions": [(q.position, in_language(q.text, language))
                      for q in lab_questions(lab)],
        "invited": invited, "answered": answered,
        "rate": response_rate(invited, answered),
        "figures": [f for f in figures if f.rows],
        "scopes": lab_synthesis(lab), "generated": timezone.now(), "language": language,
    }
    context["subtitle"] = _report_subtitle(context)
    context["participation_sentence"] = _participation_sentence(context)
    return context


def report_pdf(lab: Lab, language: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string("labs/report.html", report_context(lab, language))
    return HTML(string=html).write_pdf()


def report_docx(lab: Lab, language: str) -> bytes:
    from docx import Document
    from docx.shared import Pt

    context = report_context(lab, language)
    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = f"{lab} — {context['theme'].plain()}"
    document.add_heading(context["theme"].plain(), level=0)
    document.add_paragraph(context["subtitle"])

    document.add_heading(_("Questions"), level=1)
    for position, text in context["questions"]:
        document.add_paragraph(f"{position}. {text.plain()}")

    document.add_heading(_("Participation"), level=1)
    document.add_paragraph(context["participation_sentence"])
    for figure in context["figures"]:
        document.add_heading(figure.title, level=2)
        _table(document, [_("Group"), _("Responses")], figure.rows)

    if not context["scopes"]:
        document.add_paragraph(_("No themes have been found yet."))
    for scope in context["scopes"].values():
        heading = (_("Themes across the lab") if scope.question is None else
                   _("Question %(number)s") % {"number": scope.question.position} + ": "
                   + in_language(scope.question.text, language).plain())
        document.add_heading(heading, level=1)
        _table(document, [_("Theme"), _("Answers")],
               [(v.theme.label_for(language), v.count) for v in scope.themes])
        for view in scope.themes:
            document.add_heading(f"{view.theme.label_for(language)} ({view.count})", level=2)
            if keywords := view.theme.keywords_for(language):
                document.add_paragraph(_("Keywords") + ": " + ", ".join(
                    f"{word} ({code})" if code else word for word, code in keywords))
            for quote in view.quotes:
                document.add_paragraph(f"“{quote.text}”", style="Quote")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _table(document, header: list[str], rows) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Light List Accent 1"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)


def _report_subtitle(context: dict) -> str:
    lab = context["lab"]
    return " · ".join([str(lab.project), str(lab.partner),
                       _("Local learning lab %(number)s") % {"number": lab.number},
                       str(lab.get_format_display())])


def response_rate(invited: int, answered: int) -> float | None:
    """Per cent of the invited who answered; none when answers imported from mail outnumber the
    invitations (people not invited here answered too: a rate above 100 % says nothing)."""
    return 100 * answered / invited if invited and answered <= invited else None  # `percent` rounds


def _participation_sentence(context: dict) -> str:
    if context["rate"] is None:
        return _("%(answered)s responses.") % {"answered": context["answered"]}
    return _("%(invited)s people invited, %(answered)s responded (%(rate)s).") % {
        "invited": context["invited"], "answered": context["answered"], "rate": percent(context["rate"])}
