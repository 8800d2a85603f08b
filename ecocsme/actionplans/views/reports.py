"""Phase 2 of an action plan: the grid of its actions × the project's reporting periods with each
report's status (the project's members read it; the plan's partner's staff report), its
download as CSV, Excel or JSON, the form of one report, and a report's evidence file (members
only)."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods, require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.forms import bind_with_draft
from ecocsme.core.http import absolute_url
from ecocsme.core.i18n import in_language

from ..access import action_of, members_plan_for, report_of, report_on, report_period_of
from ..forms_reports import ReportForm
from ..models import Action, ActionPlan, ActionReport
from ..selectors import action_reports, report_grid
from ..services.reports import (
    NOT_ENDORSED,
    REFUSED,
    ReportStale,
    evidence_content_type,
    is_open_for_reporting,
    report_save,
)


def _may_report(user, plan: ActionPlan) -> bool:
    # rules.has_perm, not user.has_perm: the model backend would grant a superuser a plan not
    # endorsed yet.
    return bool(user.is_active and rules.has_perm("actionplans.report_plan", user, plan))


# JSON keeps the English headings it has always had as names; people read them in their language.
EXPORT_HEADINGS = (
    gettext_noop("Action"), gettext_noop("Title of the action"), gettext_noop("Reporting period"),
    gettext_noop("Start"), gettext_noop("End"), gettext_noop("Status"), gettext_noop("Progress"),
    gettext_noop("Policy instrument improved"), gettext_noop("Type of improvement"),
    gettext_noop("Funds influenced (EUR)"), gettext_noop("Evidence (link)"), gettext_noop("Evidence (file)"),
    gettext_noop("Updated"),
)


def export_columns() -> list[tuple[str, str]]:
    return [(heading, _(heading)) for heading in EXPORT_HEADINGS]


def export_rows(plan: ActionPlan, reports):
    for report in reports:
        yield [report.action.position, str(in_language(report.action.title)), report.period.number,
               report.period.start_date, report.period.end_date, report.get_status_display(),
               str(in_language(report.progress)), report.get_instrument_improved_display(),
               report.get_improvement_type_display() if report.improvement_type else "",
               report.funds_influenced, report.evidence_link,
               absolute_url("actionplans:report_evidence", [plan.pk, report.pk])
               if report.evidence_file else "",
               timezone.localtime(report.updated_at)]


@login_required
@require_safe
def plan_reports(request, pk: int, fmt: str | None = None):
    plan = members_plan_for(request.user, pk)
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            raise Http404
        name = f"action-reports-{plan.project.code}-{plan.partner.number}"
        return export_response(fmt, name, export_columns(), export_rows(plan, action_reports(plan)))
    grid = report_grid(plan)
    today = timezone.localdate()
    endorsed = plan.is_endorsed
    for row in grid["rows"]:
        for cell in row["cells"]:
            cell["open"] = endorsed and is_open_for_reporting(plan, cell["period"], today)
    counts = dict.fromkeys(Action.Status.values, 0)
    for row in grid["rows"]:
        counts[row["action"].status] += 1
    return render(request, "actionplans/reports.html", {
        "plan": plan, "grid": grid, "may_report": _may_report(request.user, plan),
        "not_endorsed": None if endorsed else NOT_ENDORSED,
        "counts": [(label, counts[value], value) for value, label in Action.Status.choices],
    })


def _field_errors(form: ReportForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for message in errors:
                text = " ".join(message.messages) if isinstance(message, ValidationError) else str(message)
                form.add_error(field if field in form.fields else None, text)
    else:
        for message in error.messages:
            form.add_error(None, message)


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, pk: int, action_id: int, period: int):
    plan = members_plan_for(request.user, pk)
    action = action_of(plan, action_id)
    period = report_period_of(plan, period)
    report = report_on(action, period)
    may_report = _may_report(request.user, plan)
    context = {"plan": plan, "action": action, "period": period, "report": report, "may_report": may_report,
               "form": None, "closed": None, "stale": None}
    if not plan.is_endorsed:
        context["closed"] = NOT_ENDORSED
    elif not is_open_for_reporting(plan, period):
        context["closed"] = _("Reporting period %(number)s is not open for reports: it has not started yet, "
                              "or it ended before the plan was endorsed.") % {"number": period.number}
    if request.method == "POST" and (context["closed"] or not may_report):
        if not may_report and not context["closed"]:
            raise PermissionDenied(REFUSED)
        return render(request, "actionplans/report_form.html", context, status=409)
    if context["closed"] or not may_report:
        return render(request, "actionplans/report_form.html", context)

    def make(data):
        return ReportForm(data, request.FILES if data is not None else None, plan=plan, report=report)

    form, drafting = bind_with_draft(request, make)
    if request.method == "POST" and not drafting and form.is_valid():
        try:
            saved = report_save(actor=request.user, plan=plan, action=action, period=period,
                                values=form.values(), evidence_file=form.cleaned_data.get("evidence_file"),
                                revision=form.cleaned_data.get("revision"))
        except ReportStale as stale:
            form.add_error(None, stale.messages[0])
            # The next save is measured against the report as it is now, shown beside the form.
            form.data = form.data.copy()
            form.data["revision"] = str(stale.report.revision) if stale.report is not None else ""
            context["stale"] = context["report"] = stale.report
        except ValidationError as error:
            _field_errors(form, error)
        else:
            messages.success(request, _("The report on action %(number)s for period %(period)s is saved.")
                             % {"number": action.position, "period": period.number})
            return redirect(reverse("actionplans:reports", args=[plan.pk]) + f"#action-{saved.action.key}")
    context["form"], context["drafted"] = form, drafting and form.data.get("draft")
    return render(request, "actionplans/report_form.html", context)


@login_required
@require_safe
def report_evidence(request, pk: int, report_id: int):
    plan = members_plan_for(request.user, pk)
    report: ActionReport = report_of(plan, report_id)
    if not report.evidence_file:
        raise Http404(_("No such file."))
    try:
        handle = report.evidence_file.open("rb")
    except FileNotFoundError:
        raise Http404(_("No such file.")) from None
    content_type = evidence_content_type(report)
    inline = content_type == "application/pdf" or content_type.startswith("image/")
    response = FileResponse(handle, content_type=content_type,
                            as_attachment=not inline or request.GET.get("download") == "1",
                            filename=report.evidence_name or "evidence")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
