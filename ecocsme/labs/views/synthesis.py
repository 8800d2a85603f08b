"""The synthesis pages of a lab (LAB-4): the themes found across the lab and per question, the
run's status while it works, and the staff's edits (rename, merge, split, move, quotes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from ecocsme.core.charts import bar_chart, stacked_bar_chart
from ecocsme.core.http import number_from
from ecocsme.core.i18n import in_language

from ..access import lab_for, theme_of
from ..labels import NOT_KNOWN, kind_labels, language_labels
from ..models import Theme
from ..selectors import (
    is_quote,
    lab_synthesis,
    lab_theme,
    latest_synthesis_run,
    other_themes,
    theme_exists,
    theme_members,
    themes_chosen,
    unplaced_answer_count,
)
from ..services import themes as theme_services


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
    lab = lab_for(request.user, pk)
    if request.method == "POST":
        lab = lab_for(request.user, pk, "labs.change_lab")
        try:
            theme_services.synthesis_request(actor=request.user, lab=lab)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("labs:synthesis", pk=lab.pk)
    scopes = lab_synthesis(lab)
    chosen = request.GET.get("scope") or Theme.LAB_SCOPE
    scope = scopes.get(chosen) or next(iter(scopes.values()), None)
    return render(request, "labs/synthesis.html", {
        "lab": lab, "theme": in_language(lab.theme), "scopes": scopes,
        "scope": scope, "charts": scope_charts(scope) if scope else [],
        "can_change": request.user.has_perm("labs.change_lab", lab),
        "run": latest_synthesis_run(lab),
        "unplaced": unplaced_answer_count(lab) if scopes else 0,
        "edited": any(v.theme.edited for s in scopes.values() for v in s.themes),
    })


@login_required
def synthesis_status(request, pk: int):
    """The run's status, polled by the page while it works; reloads the page when it is over."""
    lab = lab_for(request.user, pk)
    run = latest_synthesis_run(lab)
    if request.htmx and request.GET.get("active") and (run is None or not run.is_active):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "labs/_synthesis_status.html", {"lab": lab, "run": run})


@login_required
@require_POST
def synthesis_place(request, pk: int):
    lab = lab_for(request.user, pk, "labs.change_lab")
    try:
        count = theme_services.answers_place(actor=request.user, lab=lab)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, ngettext("%(n)s new answer added to the nearest theme.",
                                           "%(n)s new answers added to the nearest themes.", count)
                         % {"n": count})
    return redirect("labs:synthesis", pk=lab.pk)


@login_required
@require_POST
def themes_merge(request, pk: int):
    lab = lab_for(request.user, pk, "labs.change_lab")
    chosen = themes_chosen(lab, _ids(request.POST.getlist("themes")))
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
    lab = lab_for(request.user, pk)
    theme = theme_of(request.user, lab, theme_pk)
    if request.method == "POST":
        lab_for(request.user, pk, "labs.change_lab")
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
        "others": other_themes(theme),
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
        messages.success(request, ngettext("Split into %(n)s theme.", "Split into %(n)s themes.", len(parts))
                         % {"n": len(parts)})
        return _synthesis_url(theme.lab, theme.scope)
    if "quote" in post:
        answer_id = _number(post.get("quote"), 0)
        theme_services.quote_set(actor=actor, theme=theme, answer_id=answer_id,
                                 is_quote=not is_quote(theme, answer_id))
        return request.get_full_path()
    if "move" in post:
        target = lab_theme(theme.lab, _number(post.get("target"), 0))
        moved_to = theme_services.answers_move(actor=actor, theme=theme, target=target,
                                               answer_ids=_ids(post.getlist("answers")),
                                               new_label=post.get("new_label", ""))
        messages.success(request, _("Moved to “%(label)s”.") % {"label": moved_to.display_label})
        return request.path if theme_exists(theme.pk) else _synthesis_url(theme.lab, theme.scope)
    raise ValidationError(_("Unknown action."))


def _synthesis_url(lab, scope: str) -> str:
    return reverse("labs:synthesis", args=[lab.pk]) + (f"?scope={scope}" if scope else "")


def _number(value, default: int) -> int:
    number = number_from(value)
    return default if number is None else number


def _ids(values) -> list[int]:
    return [number for v in values if (number := number_from(v)) is not None]
