"""The synthesis pages of a lab (LAB-4): the themes found across the lab and per question, the
run's status while it works, the staff's edits, and the lab report (LAB-5)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ecocsme.core.charts import bar_chart, stacked_bar_chart
from ecocsme.core.http import number_from

from . import themes as theme_services
from .labels import NOT_KNOWN, kind_labels, language_labels
from .models import Theme
from .selectors import lab_synthesis, theme_members
from .views import _lab_for


def scope_charts(scope) -> list[dict]:
    """The charts of one scope: answers per theme, then by respondent kind, city and language."""
    rows = [(view.theme.display_label, view.count) for view in scope.themes]
    cities = {city: city or str(NOT_KNOWN) for view in scope.themes for city in view.by_city}
    charts = [{"title": _("Answers per theme"), "svg": bar_chart(rows, title=_("Answers per theme")),
               "table": [(label, {"": value}) for label, value in rows], "columns": {"": _("Answers")}}]
    for title, attribute, labels in ((_("By respondent kind"), "by_kind", kind_labels()),
                                     (_("By city"), "by_city", cities),
                                     (_("By language"), "by_language", language_labels())):
        stacked = [(view.theme.display_label, dict(getattr(view, attribute))) for view in scope.themes]
        columns = {}
        for _label, values in stacked:
            for key in values:
                columns.setdefault(key, labels.get(key, key))
        charts.append({"title": title, "table": stacked, "columns": columns,
                       "svg": stacked_bar_chart(stacked, title=title, segment_labels=labels,
                                                rest_label=_("all others"))})
    return charts


@login_required
@require_http_methods(["GET", "POST"])
def synthesis(request, pk: int):
    lab = _lab_for(request.user, pk)
    if request.method == "POST":
        lab = _lab_for(request.user, pk, "labs.change_lab")
        try:
            theme_services.synthesis_request(actor=request.user, lab=lab)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("labs:synthesis", pk=lab.pk)
    scopes = lab_synthesis(lab)
    chosen = request.GET.get("scope") or Theme.LAB_SCOPE
    scope = scopes.get(chosen) or next(iter(scopes.values()), None)
    return render(request, "labs/synthesis.html", {
        "lab": lab, "theme": lab.localized_theme(get_language())[0], "scopes": scopes,
        "scope": scope, "charts": scope_charts(scope) if scope else [],
        "can_change": request.user.has_perm("labs.change_lab", lab),
        "run": lab.synthesis_runs.order_by("-created_at").first(),
        "unplaced": theme_services.unplaced_answers(lab).count() if scopes else 0,
        "edited": any(v.theme.edited for s in scopes.values() for v in s.themes),
    })


@login_required
def synthesis_status(request, pk: int):
    """The run's status, polled by the page while it works; reloads the page when it is over."""
    lab = _lab_for(request.user, pk)
    run = lab.synthesis_runs.order_by("-created_at").first()
    if request.htmx and request.GET.get("active") and (run is None or not run.is_active):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "labs/_synthesis_status.html", {"lab": lab, "run": run})


@login_required
@require_POST
def synthesis_place(request, pk: int):
    lab = _lab_for(request.user, pk, "labs.change_lab")
    try:
        count = theme_services.answers_place(actor=request.user, lab=lab)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(n)s new answer(s) added to the nearest themes.") % {"n": count})
    return redirect("labs:synthesis", pk=lab.pk)


@login_required
@require_POST
def themes_merge(request, pk: int):
    lab = _lab_for(request.user, pk, "labs.change_lab")
    chosen = list(lab.themes.filter(pk__in=_ids(request.POST.getlist("themes"))))
    scope = chosen[0].scope if chosen else request.POST.get("scope", "")
    try:
        merged = theme_services.themes_merge(actor=request.user, themes=chosen,
                                             label=request.POST.get("label", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Merged into “%(label)s”.") % {"label": merged.display_label})
    return redirect(_synthesis_url(lab, scope))


@login_required
@require_http_methods(["GET", "POST"])
def theme_detail(request, pk: int, theme_pk: int):
    lab = _lab_for(request.user, pk)
    theme = lab.themes.select_related("question", "lab").filter(pk=theme_pk).first()
    if theme is None:
        raise Http404(_("No such theme: it may have been merged, split or replaced."))
    if request.method == "POST":
        _lab_for(request.user, pk, "labs.change_lab")
        try:
            target_url = _theme_action(request, theme)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            target_url = request.path
        return redirect(target_url)
    page = Paginator(theme_members(theme), 100).get_page(request.GET.get("page"))
    return render(request, "labs/theme.html", {
        "lab": lab, "item": theme, "page": page, "kinds": kind_labels(),
        "languages": language_labels(),
        "others": lab.themes.filter(scope=theme.scope).exclude(pk=theme.pk).order_by("is_other", "position"),
        "can_change": request.user.has_perm("labs.change_lab", lab),
        "synthesis_url": _synthesis_url(lab, theme.scope),
    })


def _theme_action(request, theme: Theme) -> str:
    """Carry out the edit the form asked for; return where to go next."""
    post, actor = request.POST, request.user
    if "rename" in post:
        theme_services.theme_rename(actor=actor, theme=theme, label=post.get("label", ""))
        messages.success(request, _("Saved."))
        return request.path
    if "split" in post:
        parts = theme_services.theme_split(actor=actor, theme=theme, parts=_number(post.get("parts"), 2))
        messages.success(request, _("Split into %(n)s themes.") % {"n": len(parts)})
        return _synthesis_url(theme.lab, theme.scope)
    if "quote" in post:
        answer_id = _number(post.get("quote"), 0)
        is_quote = theme.memberships.filter(answer_id=answer_id, is_quote=True).exists()
        theme_services.quote_set(actor=actor, theme=theme, answer_id=answer_id, is_quote=not is_quote)
        return request.get_full_path()
    if "move" in post:
        target = theme.lab.themes.filter(pk=_number(post.get("target"), 0)).first()
        moved_to = theme_services.answers_move(actor=actor, theme=theme, target=target,
                                               answer_ids=_ids(post.getlist("answers")),
                                               new_label=post.get("new_label", ""))
        messages.success(request, _("Moved to “%(label)s”.") % {"label": moved_to.display_label})
        still_there = Theme.objects.filter(pk=theme.pk).exists()
        return request.path if still_there else _synthesis_url(theme.lab, theme.scope)
    raise ValidationError(_("Unknown action."))


def _synthesis_url(lab, scope: str) -> str:
    return reverse("labs:synthesis", args=[lab.pk]) + (f"?scope={scope}" if scope else "")


def _number(value, default: int) -> int:
    number = number_from(value)
    return default if number is None else number


def _ids(values) -> list[int]:
    return [number for v in values if (number := number_from(v)) is not None]


REPORT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@login_required
def lab_report(request, pk: int, fmt: str):
    """The lab report as PDF or DOCX, built from the synthesis as staff left it (LAB-5)."""
    from .reports import report_docx, report_pdf

    lab = _lab_for(request.user, pk)
    if fmt not in REPORT_TYPES:
        raise Http404
    build = report_pdf if fmt == "pdf" else report_docx
    response = HttpResponse(build(lab, get_language()), content_type=REPORT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="lab-{lab.pk}-report.{fmt}"'
    return response
