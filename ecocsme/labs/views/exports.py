"""What a lab gives out as files: its submitted answers as CSV, XLSX or JSON (all of them, or what
the answer browser's filters in the URL choose), and the lab report as PDF or DOCX (LAB-5).
Every member of the project may download them; CSV and XLSX head the columns in the reader's
language, JSON keeps the machine names and codes."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.translation import get_language

from ecocsme.core.exports import EXPORT_FORMATS, export_response

from ..access import lab_for
from ..browsing import Filters, export_answers
from ..reports import answer_columns, answer_rows, report_docx, report_pdf

REPORT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@login_required
def lab_answers_export(request, pk: int, fmt: str):
    """The submitted answers of a lab as CSV, XLSX or JSON (LAB-5), those the browser's filters
    choose when the URL names any; no names, only kinds and cities."""
    lab = lab_for(request.user, pk)
    if fmt not in EXPORT_FORMATS:
        raise Http404
    filters = Filters.from_params(request.GET)
    answers = export_answers(lab, filters) if filters.any_set else None
    return export_response(fmt, f"lab-{lab.pk}-answers", answer_columns(), answer_rows(lab, answers))


@login_required
def lab_report(request, pk: int, fmt: str):
    """The lab report as PDF or DOCX, built from the synthesis as staff left it (LAB-5)."""
    lab = lab_for(request.user, pk)
    if fmt not in REPORT_TYPES:
        raise Http404
    build = report_pdf if fmt == "pdf" else report_docx
    response = HttpResponse(build(lab, get_language()), content_type=REPORT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="lab-{lab.pk}-report.{fmt}"'
    return response
