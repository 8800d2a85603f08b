"""The monitoring's entry pages (AP-4, PRJ-2): the project's indicators with their targets per
partner (the coordinator sets them; members read), an indicator's page, a partner's values per
indicator and reporting period (computed ones with the records they count, manual ones entered
with a note, a link or a file), the partner's budget per period, the coordinator's validation of
a partner's period, and the evidence files, served only to those who may see the project.

Who may open what: everything here needs `monitoring.view_project` (the project's members and
the administrator; anyone else gets the 404 of a project that does not exist); changing needs
the rule of the object (access.py, rules.py), else 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import number_from

from .. import services
from ..access import evidence_for, indicator_of, partner_of, period_of, project_for
from ..forms import BudgetForm, IndicatorForm, TargetsForm, ValidationForm, ValueForm, posted_revision
from ..indicators import MANUAL, WHOLE_UNITS, indicator_name, shown, unit_label
from ..selectors import (
    budget_figures,
    computed_records,
    indicator_figures,
    indicator_targets,
    partner_value_rows,
    project_partners,
    targets_table,
    validation_of,
    value_of,
)
from ..services import (
    REFUSED_INDICATORS,
    REFUSED_VALIDATION,
    REFUSED_VALUES,
    BudgetRow,
    budget_plan_save,
    evidence_content_type,
    indicator_delete,
    indicator_with_targets_save,
    indicators_install,
    period_reopen,
    value_delete,
    value_save,
)

YES_NO = {True: gettext_lazy("yes"), False: gettext_lazy("no")}
TARGET_COLUMNS = [
    ("indicator", gettext_lazy("Indicator")),
    ("name", gettext_lazy("Name")),
    ("kind", gettext_lazy("Kind")),
    ("unit", gettext_lazy("Unit")),
    # JSON names the source a computed indicator counts; people read whether it is computed.
    ("values", gettext_lazy("Values"), lambda source: _("entered") if source == MANUAL else _("computed")),
    ("partner_number", gettext_lazy("Partner number")),
    ("partner", gettext_lazy("Partner")),
    ("baseline", gettext_lazy("Baseline")),
    ("target", gettext_lazy("Target")),
]
VALUE_COLUMNS = [
    ("indicator", gettext_lazy("Indicator")),
    ("name", gettext_lazy("Name")),
    ("unit", gettext_lazy("Unit")),
    ("values", gettext_lazy("Values")),
    ("period", gettext_lazy("Reporting period")),
    ("start", gettext_lazy("Start")),
    ("end", gettext_lazy("End")),
    ("value", gettext_lazy("Value")),
    ("validated", gettext_lazy("Validated"), YES_NO),
    ("evidence", gettext_lazy("Evidence")),
]


def _errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


# --- the indicators and their targets -------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def indicators(request, code: str):
    project = project_for(request.user, code)
    can_change = request.user.has_perm("monitoring.change_indicators", project)
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied(REFUSED_INDICATORS)
        if request.POST.get("action") != "install":
            raise Http404
        added = indicators_install(actor=request.user, project=project)
        messages.success(
            request,
            ngettext(
                "%(n)s indicator of the programme added.", "%(n)s indicators of the programme added.", added
            )
            % {"n": added}
            if added
            else _("The project already has every indicator of the programme."),
        )
        return redirect("monitoring:indicators", code=project.code)
    partners, rows = targets_table(project)
    fmt = request.GET.get("format")
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            raise Http404
        table = [
            [
                row["indicator"].key,
                str(row["name"]),
                row["indicator"].get_kind_display(),
                row["unit_label"],
                row["indicator"].source,
                partner.number,
                str(partner),
                target.baseline if target else None,
                target.target if target else None,
            ]
            for row in rows
            for partner, target in zip(partners, row["targets"], strict=True)
        ]
        return export_response(fmt, f"indicators-{project.code}", TARGET_COLUMNS, table)
    for row in rows:
        row["shown_targets"] = [shown(t.target, row["unit"]) if t else "" for t in row["targets"]]
    return render(
        request,
        "monitoring/indicators.html",
        {
            "project": project,
            "partners": partners,
            "rows": rows,
            "can_change": can_change,
            "own_partner_ids": [
                p.pk for p in partners if request.user.has_perm("monitoring.enter_values", p)
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, code: str, pk: int | None = None):
    project = project_for(request.user, code, perm="monitoring.change_indicators", refused=REFUSED_INDICATORS)
    indicator = indicator_of(project, pk) if pk is not None else None
    partners = project_partners(project)
    data = request.POST if request.method == "POST" else None
    form = IndicatorForm(data, indicator=indicator)
    targets = TargetsForm(data, partners=partners, targets=indicator_targets(indicator) if indicator else {})
    if data is not None and data.get("action") == "delete" and indicator is not None:
        try:
            indicator_delete(actor=request.user, indicator=indicator)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The indicator is deleted."))
            return redirect("monitoring:indicators", code=project.code)
    elif data is not None and form.is_valid() and targets.is_valid():
        try:
            saved = indicator_with_targets_save(
                actor=request.user,
                project=project,
                indicator=indicator,
                values=form.values(),
                targets=targets.given(),
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("monitoring:indicator_edit", code=project.code, pk=saved.pk)
    return render(
        request,
        "monitoring/indicator_form.html",
        {
            "project": project,
            "indicator": indicator,
            "form": form,
            "targets": targets,
            "name": indicator_name(indicator) if indicator else "",
            "programme": form.programme,
            "unit_label": unit_label(indicator.unit) if indicator else "",
        },
    )


# --- a partner's values ---------------------------------------------------------------------------
def _panel(request, project, partner, page: dict, can_enter: bool, form=None) -> dict | None:
    """The cell a GET parameter asks about: its records or its evidence (`show`) or, for the
    partner's staff, the form to enter it (`edit`)."""
    asked = request.POST if request.method == "POST" else request.GET
    mode = "edit" if asked.get("edit") or request.method == "POST" else "show" if asked.get("show") else None
    if mode is None:
        return None
    indicator = indicator_of(project, number_from(asked.get("indicator") or asked.get(mode) or ""))
    period = period_of(project, number_from(asked.get("period", "")))
    row = next(row for row in page["rows"] if row["indicator"].pk == indicator.pk)
    cell = next(cell for cell in row["cells"] if cell["number"] == period.number)
    panel = {
        "mode": mode,
        "indicator": indicator,
        "period": period,
        "row": row,
        "cell": cell,
        "name": row["name"],
        "entry": cell["entry"],
    }
    editable = can_enter and indicator.source == MANUAL and not cell["validated"] and cell["span"].has_started
    if mode == "edit":
        if not editable:
            panel["mode"] = "show"
            panel["errors"] = form.non_field_errors() if form is not None else []
        else:
            panel["form"] = form or ValueForm(entry=cell["entry"], whole=indicator.unit in WHOLE_UNITS)
    if panel["mode"] == "show" and indicator.source != MANUAL:
        panel["records"] = computed_records(project, partner, indicator, period.number)
        if indicator.source in ("events_held", "event_participants"):
            panel["list_url"] = f"{reverse('events:manage_list')}?when=past&partner={partner.pk}"
    panel["editable"] = editable
    return panel


@login_required
@require_http_methods(["GET", "POST"])
def values(request, code: str, partner_id: int):
    project = project_for(request.user, code)
    partner = partner_of(request.user, project, partner_id)
    can_enter = request.user.has_perm("monitoring.enter_values", partner)
    form = None
    if request.method == "POST":
        if not can_enter:
            raise PermissionDenied(REFUSED_VALUES)
        indicator = indicator_of(project, number_from(request.POST.get("indicator", "")))
        period = period_of(project, number_from(request.POST.get("period", "")))
        entry = value_of(indicator, partner, period)
        anchor = f"{reverse('monitoring:values', args=[project.code, partner.pk])}#indicator-{indicator.pk}"
        try:
            if request.POST.get("action") == "delete":
                if entry is None:
                    raise Http404
                value_delete(actor=request.user, value=entry, revision=request.POST.get("revision", -1))
                messages.success(request, _("The value is taken back."))
                return redirect(anchor)
            form = ValueForm(request.POST, request.FILES, entry=entry, whole=indicator.unit in WHOLE_UNITS)
            if form.is_valid():
                data = form.cleaned_data
                value_save(
                    actor=request.user,
                    indicator=indicator,
                    partner=partner,
                    period=period,
                    value=data["value"],
                    note=data["note"],
                    evidence_link=data["evidence_link"],
                    evidence_file=data.get("evidence_file"),
                    remove_file=data.get("remove_file", False),
                    revision=posted_revision(data.get("revision")),
                )
                messages.success(request, _("Saved."))
                return redirect(anchor)
        except ValidationError as error:
            form = form or ValueForm(request.POST, entry=entry, whole=indicator.unit in WHOLE_UNITS)
            form.is_valid()
            _errors(form, error)
    page = partner_value_rows(project, partner)
    fmt = request.GET.get("format")
    if fmt is not None and request.method == "GET":
        if fmt not in EXPORT_FORMATS:
            raise Http404
        table = [
            [
                row["key"],
                str(row["name"]),
                row["unit_label"],
                _("computed") if row["computed"] else _("entered"),
                cell["number"],
                cell["start"],
                cell["end"],
                cell["value"],
                cell["validated"],
                cell["evidence"],
            ]
            for row in page["rows"]
            for cell in row["cells"]
        ]
        return export_response(fmt, f"values-{project.code}-{partner.number}", VALUE_COLUMNS, table)
    for row in page["rows"]:
        for cell in row["cells"]:
            cell["shown"] = shown(cell["value"], row["unit"])
        row["shown_total"] = shown(row["total"], row["unit"])
        row["shown_target"] = shown(row["target"], row["unit"]) if row["target"] is not None else ""
    return render(
        request,
        "monitoring/values.html",
        {
            "project": project,
            "partner": partner,
            "page": page,
            "can_enter": can_enter,
            "can_validate": request.user.has_perm("monitoring.validate_period", partner),
            "partners": project_partners(project),
            "panel": _panel(request, project, partner, page, can_enter, form),
        },
        status=400 if form is not None and form.errors else 200,
    )


# --- a partner's budget ---------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def budget(request, code: str, partner_id: int):
    project = project_for(request.user, code)
    partner = partner_of(request.user, project, partner_id)
    can_enter = request.user.has_perm("monitoring.enter_values", partner)
    figures = budget_figures(project, partner)
    form = (
        BudgetForm(request.POST if request.method == "POST" else None, periods=figures["periods"])
        if can_enter
        else None
    )
    if request.method == "POST":
        if not can_enter:
            raise PermissionDenied(REFUSED_VALUES)
        if form.is_valid():
            try:
                budget_plan_save(
                    actor=request.user,
                    partner=partner,
                    rows=[
                        BudgetRow(row["period"], row["planned"], row["spent"], row["revision"])
                        for row in form.given()
                    ],
                )
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("monitoring:budget", code=project.code, partner_id=partner.pk)
    return render(
        request,
        "monitoring/budget.html",
        {
            "project": project,
            "partner": partner,
            "figures": figures,
            "form": form,
            "can_enter": can_enter,
            "partners": project_partners(project),
            "over": figures["remaining"] is not None and figures["remaining"] < 0,
        },
        status=400 if form is not None and form.errors else 200,
    )


# --- the coordinator's validation -----------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def period_validate(request, code: str, partner_id: int, number: int):
    project = project_for(request.user, code)
    partner = partner_of(
        request.user, project, partner_id, perm="monitoring.validate_period", refused=REFUSED_VALIDATION
    )
    period = period_of(project, number)
    form = ValidationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("action") == "reopen":
                period_reopen(
                    actor=request.user, partner=partner, period=period, note=form.cleaned_data["note"]
                )
                messages.success(
                    request,
                    _("Period %(number)s is open again: its figures may change.") % {"number": period.number},
                )
            else:
                services.period_validate(
                    actor=request.user, partner=partner, period=period, note=form.cleaned_data["note"]
                )
                messages.success(
                    request,
                    _("Period %(number)s is validated: its figures are kept as they are.")
                    % {"number": period.number},
                )
        except ValidationError as error:
            _errors(form, error)
        else:
            return redirect("monitoring:values", code=project.code, partner_id=partner.pk)
    figures = []
    for row in indicator_figures(project, partner):
        cell = next(p for p in row["periods"] if p["number"] == period.number)
        figures.append(
            {
                "name": row["name"],
                "computed": row["computed"],
                "unit_label": row["unit_label"],
                "shown": shown(cell["value"], row["unit"]),
                "value": cell["value"],
                "evidence": cell["evidence"],
            }
        )
    line = next(row for row in budget_figures(project, partner)["periods"] if row["number"] == period.number)
    validation = validation_of(partner, period)
    return render(
        request,
        "monitoring/period_validate.html",
        {
            "project": project,
            "partner": partner,
            "period": period,
            "form": form,
            "figures": figures,
            "budget_line": line,
            "validation": validation,
            "has_ended": period.end_date < timezone.localdate(),
        },
        status=400 if form.errors else 200,
    )


# --- evidence files -------------------------------------------------------------------------------
@login_required
@require_safe
def value_evidence(request, code: str, value_id: int):
    value = evidence_for(request.user, code, value_id)
    try:
        handle = value.evidence_file.open("rb")
    except FileNotFoundError:
        raise Http404(_("No such file.")) from None
    content_type, inline = evidence_content_type(value)
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=not inline,
        filename=value.evidence_name or "evidence",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
