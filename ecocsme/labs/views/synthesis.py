"""The synthesis pages of a lab (LAB-4): the themes found across the lab and per question, the
run's status while it works, and the staff's edits (rename, merge, split, move, quotes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ecocsme.core.charts import bar_chart, stacked_bar_chart
from ecocsme.core.http import number_from
from ecocsme.core.i18n import in_language

from ..access import lab_for, theme_of
from ..labels import NOT_KNOWN, kind_labels, language_labels
from ..models import Theme
from ..selectors import (
    is_quote,
    lab_answer,
    lab_synthesis,
    lab_theme,
    lab_theme_edit,
    last_theme_edit,
    latest_synthesis_run,
    other_themes,
    quote_drafts,
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
    can_change = request.user.has_perm("labs.change_lab", lab)
    return render(request, "labs/synthesis.html", {
        "lab": lab, "theme": in_language(lab.theme), "scopes": scopes,
        "scope": scope, "charts": scope_charts(scope) if scope else [],
        "can_change": can_change,
        "run": latest_synthesis_run(lab),
        "unplaced": unplaced_answer_count(lab) if scopes else 0,
        "edited": any(v.theme.edited for s in scopes.values() for v in s.themes),
        "undo": last_theme_edit(lab, scope.scope) if scope and can_change else None,
        "notes": quote_notes([q for v in scope.themes for q in v.quotes], can_change) if scope else {},
        "merge_labels": count_labels(len(scope.themes) if scope else 0, MERGE_LABELS),
        "languages": language_labels(),
    })


# What the bulk-selection buttons say for each number chosen (the page's script swaps them).
MERGE_LABELS = (lambda: _("Merge the chosen themes"),
                lambda n: ngettext("Merge %(n)s theme", "Merge %(n)s themes", n) % {"n": n})
MOVE_LABELS = (lambda: _("Move the chosen answers"),
               lambda n: ngettext("Move %(n)s answer", "Move %(n)s answers", n) % {"n": n})


def count_labels(most: int, labels) -> dict[str, str]:
    """{"0": the label with none chosen, "1"...: with that many}, for a json_script."""
    none, some = labels
    return {"0": none(), **{str(n): some(n) for n in range(1, most + 1)}}


def quote_notes(quotes, can_ask: bool) -> dict[int, dict]:
    """For each quote not in the reader's language: the name of its language and, when the
    configured engine translates it, its kept machine draft or a button to ask for one."""
    language = (get_language() or "en").split("-")[0]
    foreign = [q for q in quotes if q.language and q.language != language]
    possible = {q.pk for q in foreign if theme_services.quote_draft_possible(q.language, language)}
    drafts = quote_drafts([q for q in foreign if q.pk in possible], language) if possible else {}
    names = language_labels()
    return {q.pk: {"draft": drafts.get(q.pk), "language": names.get(q.language, q.language),
                   "can_draft": can_ask and q.pk in possible} for q in foreign}


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
        messages.success(request, ngettext("%(n)s theme merged into “%(label)s”.",
                                           "%(n)s themes merged into “%(label)s”.", len(chosen))
                         % {"n": len(chosen), "label": merged.display_label})
    return redirect(_synthesis_url(lab, scope))


@login_required
@require_POST
def theme_edit_undo(request, pk: int, edit_pk: int):
    """Undo the last merge, split or move of a scope's themes."""
    lab = lab_for(request.user, pk, "labs.change_lab")
    edit = lab_theme_edit(lab, edit_pk)
    if edit is None:
        messages.error(request, _("There is no such change to undo."))
        return redirect("labs:synthesis", pk=lab.pk)
    try:
        theme_services.theme_edit_undo(actor=request.user, edit=edit)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Undone: the themes are as they were before."))
    return redirect(_synthesis_url(lab, edit.scope))


@login_required
@require_POST
def quote_draft(request, pk: int, answer_pk: int):
    """A machine draft of a quote in the reader's language (htmx swaps it in beside the quote);
    those who edit the synthesis ask for it, every reader of the page then sees it."""
    lab = lab_for(request.user, pk, "labs.change_lab")
    answer = lab_answer(lab, answer_pk)
    if answer is None:
        raise Http404
    language = (get_language() or "en").split("-")[0]
    error = ""
    try:
        draft = theme_services.quote_draft(answer=answer, language=language)
    except ValidationError as exc:
        draft, error = None, " ".join(exc.messages)
    if request.htmx:
        return render(request, "labs/_quote_draft.html", {
            "lab": lab, "quote": answer, "note": {"draft": draft, "error": error}})
    if error:
        messages.error(request, error)
    return redirect(_synthesis_url(lab, request.POST.get("scope", "")[:20]))

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
    can_change = request.user.has_perm("labs.change_lab", lab)
    return render(request, "labs/theme.html", {
        "lab": lab, "item": theme, "page": page, "kinds": kind_labels(),
        "languages": language_labels(),
        "others": other_themes(theme),
        "can_change": can_change,
        "synthesis_url": _synthesis_url(lab, theme.scope),
        "undo": last_theme_edit(lab, theme.scope) if can_change else None,
        "move_labels": count_labels(len(page.object_list), MOVE_LABELS),
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
