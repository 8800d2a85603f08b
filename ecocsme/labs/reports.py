"""The lab report (LAB-5) as PDF and DOCX: the questions, who took part, and the themes with
their quotes, as staff left them after editing the synthesis; and the rows of the answers export.

A report takes seconds for a large lab, so the worker builds it (core.built_files): the request
asks for the file under a key (lab, format, the reader's language and whether the reader may see
the lab's people) and a fingerprint of all the report shows; the file is kept and served again
until the fingerprint changes (a new run, an edit of a theme, a quote, an answer, the lab's
title or questions)."""

import hashlib
import io
import json
from dataclasses import dataclass

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ecocsme.core.built_files import BuiltContent, Progress, Recipe, built_file_current, built_file_request
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


def _unobserved(done: int, of: int) -> None:
    pass


def report_pdf(lab: Lab, language: str, progress: Progress = _unobserved) -> bytes:
    """The report as PDF; `progress(done, of)` after each step: the figures and themes read, the
    page written, laid out, and made into a file (the layout takes most of the time)."""
    from weasyprint import HTML

    context = report_context(lab, language)
    progress(1, 4)
    html = render_to_string("labs/report.html", context)
    progress(2, 4)
    document = HTML(string=html).render()
    progress(3, 4)
    pdf = document.write_pdf()
    progress(4, 4)
    return pdf


def report_docx(lab: Lab, language: str, progress: Progress = _unobserved) -> bytes:
    """The report as DOCX; `progress(done, of)` after the figures, each scope's themes, the file."""
    from docx import Document
    from docx.shared import Pt

    context = report_context(lab, language)
    sections = len(context["scopes"]) + 2
    progress(1, sections)
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
    for done, scope in enumerate(context["scopes"].values(), start=2):
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
        progress(done, sections)
    output = io.BytesIO()
    document.save(output)
    progress(sections, sections)
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


# --- built in the background and kept (core.built_files) -----------------------------------------------
REPORT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# Raise when what a report shows or how changes (the template, the builders): kept files are
# then built anew at the next request.
REPORT_LAYOUT = 1


def report_audience(user, lab: Lab) -> str:
    """"names" when the reader may see the people the lab's partner keeps, else "counts": readers
    who may see different things never share a file, whatever the report comes to show."""
    from ecocsme.organisations.access import people_visible_to

    scope = people_visible_to(user)
    return "names" if scope.everyone or lab.partner_id in scope.partner_ids else "counts"


def report_params(user, lab: Lab, fmt: str, language: str) -> dict:
    return {"lab": lab.pk, "fmt": fmt, "language": language, "audience": report_audience(user, lab)}


def report_key(params: dict) -> str:
    return "labs.report:{lab}:{fmt}:{language}:{audience}".format(**params)


def report_version(lab: Lab, params: dict) -> str:
    """A fingerprint of everything the report shows: the lab's texts and questions, the figures
    of participation, the themes as stored and edited (labels, keywords, counts, quotes with their
    text), and the format, language and audience asked for. About ten small queries, whatever the
    number of answers."""
    from .models import Theme, ThemeAnswer

    participation = lab_participation(lab)
    themes = list(Theme.objects.filter(lab=lab).order_by("id").values_list(
        "id", "scope", "question_id", "position", "label", "label_edited", "edited", "is_other",
        "keywords", "keywords_by_language", "concepts"))
    counts = list(ThemeAnswer.objects.filter(theme__lab=lab).values_list("theme_id")
                  .annotate(n=Count("id")).order_by("theme_id"))
    quotes = list(ThemeAnswer.objects.filter(theme__lab=lab, is_quote=True).order_by("theme_id", "answer_id")
                  .values_list("theme_id", "answer_id", "answer__text", "answer__language"))
    facts = [REPORT_LAYOUT, params, lab.theme, lab.description, lab.number, lab.format,
             str(lab.project), lab.project.acronym, str(lab.partner),
             list(lab_questions(lab).values_list("position", "text")),
             {name: sorted(value.items()) if hasattr(value, "items") else value
              for name, value in participation.items()},
             themes, counts, quotes]
    return hashlib.sha256(json.dumps(facts, sort_keys=True, default=str).encode()).hexdigest()


class LabReport(Recipe):
    """The lab report as the worker builds it, in the reader's language."""

    def version(self, params: dict) -> str:
        return report_version(_lab(params), params)

    def build(self, params: dict, progress: Progress) -> BuiltContent:
        lab, fmt = _lab(params), params["fmt"]
        builder = report_pdf if fmt == "pdf" else report_docx
        with translation.override(params["language"]):
            content = builder(lab, params["language"], progress)
        return BuiltContent(content, f"lab-{lab.pk}-report.{fmt}", REPORT_TYPES[fmt])


LAB_REPORT = LabReport()


def _lab(params: dict) -> Lab:
    return Lab.objects.select_related("partner", "project").get(pk=params["lab"])


def report_request(*, actor, lab: Lab, fmt: str, language: str):
    """The report file for this reader (a lab fetched through access.lab_for): kept and current,
    being built, or queued now (core.built_files.built_file_request)."""
    params = report_params(actor, lab, fmt, language)
    return built_file_request(key=report_key(params), version=report_version(lab, params),
                              recipe="ecocsme.labs.reports.LAB_REPORT", params=params, actor=actor)


def report_current(*, user, lab: Lab, fmt: str, language: str):
    """The reader's report file of the current synthesis if it was asked for, else None."""
    params = report_params(user, lab, fmt, language)
    return built_file_current(key=report_key(params), version=report_version(lab, params))
