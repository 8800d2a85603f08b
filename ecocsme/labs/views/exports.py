"""What a lab gives out as files: its submitted answers as CSV, XLSX or JSON (all of them, or what
the answer browser's filters in the URL choose), and the lab report as PDF or DOCX (LAB-5),
built by the worker and kept until the synthesis changes: asking for it serves the kept file at
once, or shows the build's progress (htmx polling, or a page that refreshes itself without
JavaScript) and then a download link.
Every member of the project may download them; CSV and XLSX head the columns in the reader's
language, JSON keeps the machine names and codes."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django_htmx.http import HttpResponseClientRedirect

from ecocsme.core.built_files import failure_reason
from ecocsme.core.exports import EXPORT_FORMATS, export_response

from ..access import lab_for
from ..browsing import Filters, export_answers
from ..reports import REPORT_TYPES, answer_columns, answer_rows, report_current, report_request

REPORT_NAMES = {"pdf": "PDF", "docx": "DOCX"}


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
@require_safe
def lab_report(request, pk: int, fmt: str):
    """The lab report as PDF or DOCX, built from the synthesis as staff left it (LAB-5): the kept
    file when it is current, else its build (asked for now, or again after a failure) in progress."""
    lab = lab_for(request.user, pk)
    if fmt not in REPORT_TYPES:
        raise Http404
    built = report_request(actor=request.user, lab=lab, fmt=fmt, language=get_language())
    if built.is_done and request.htmx:
        return HttpResponseClientRedirect(request.path)  # the browser downloads it, the page stays
    if built.is_done:
        return FileResponse(built.file.open("rb"), as_attachment=True, filename=built.name,
                            content_type=built.content_type)
    return _report_status(request, lab, fmt, built)


@login_required
@require_safe
def lab_report_status(request, pk: int, fmt: str):
    """How the build of the reader's report is going: polled by the page (htmx) or refreshed."""
    lab = lab_for(request.user, pk)
    if fmt not in REPORT_TYPES:
        raise Http404
    built = report_current(user=request.user, lab=lab, fmt=fmt, language=get_language())
    return _report_status(request, lab, fmt, built)


def _report_status(request, lab, fmt: str, built):
    context = {"lab": lab, "fmt": fmt, "format_name": REPORT_NAMES[fmt], "build": built,
               "reason": failure_reason(built) if built and built.status == built.Status.FAILED else ""}
    template = "labs/_report_status.html" if request.htmx else "labs/report_build.html"
    return render(request, template, context)
