"""The answer browser of a lab: its submitted answers by response or by question, filtered and
searched through the URL, each with its theme and a one-click move to another theme of the same
scope (htmx swaps the answer's theme; without JavaScript the form posts and comes back to the
same filtered page). Anyone who may see the lab reads it; those who run it move answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ecocsme.core.http import number_from
from ecocsme.core.i18n import in_language

from ..access import lab_for
from ..browsing import Filters, answer_theme, browse, theme_cell
from ..labels import kind_labels, language_labels
from ..models import Response
from ..selectors import lab_theme
from ..services.themes import answers_move


@login_required
@require_safe
def lab_answers_browse(request, pk: int):
    lab = lab_for(request.user, pk)
    filters = Filters.from_params(request.GET)
    page = browse(request.user, lab, filters, request.GET.get("page"))
    return render(request, "labs/answers.html", {
        "lab": lab, "theme": in_language(lab.theme), "browse": page, "filters": page.filters,
        "query": page.filters.query_string(), "here": _with_page(page.filters, page.page.number),
        "can_change": request.user.has_perm("labs.change_lab", lab),
        "kinds": kind_labels(), "languages": language_labels(), "channels": dict(Response.Channel.choices),
        "export_formats": (("csv", "CSV"), ("xlsx", "Excel"), ("json", "JSON")),
    })


@login_required
@require_POST
def lab_answer_move(request, pk: int):
    """Move one answer to another theme of the same scope; the filters come back in the URL."""
    lab = lab_for(request.user, pk, "labs.change_lab")
    back = _with_page(Filters.from_params(request.GET), request.GET.get("page"))
    answer_id = number_from(request.POST.get("answer")) or 0
    target = lab_theme(lab, number_from(request.POST.get("target")) or 0)
    theme = answer_theme(lab, answer_id, target.scope) if target else None
    cell = {"lab": lab, "answer_id": answer_id, "can_change": True, "query": back,
            "view": theme_cell(lab, answer_id, theme) if theme else None}
    try:
        if theme is None:
            raise ValidationError(_("Choose a theme of the same question to move the answer to."))
        moved_to = answers_move(actor=request.user, theme=theme, answer_ids=[answer_id], target=target)
    except ValidationError as exc:
        if request.htmx:
            return render(request, "labs/_answers_theme.html", {**cell, "error": " ".join(exc.messages)})
        messages.error(request, " ".join(exc.messages))
    else:
        done = _("Moved to “%(label)s”.") % {"label": moved_to.display_label}
        if request.htmx:
            return render(request, "labs/_answers_theme.html", {
                **cell, "view": theme_cell(lab, answer_id, moved_to), "done": done})
        messages.success(request, done)
    return redirect(reverse("labs:lab_answers_browse", args=[lab.pk]) + (f"?{back}" if back else ""))


def _with_page(filters: Filters, page) -> str:
    """The filters' query string, and the page when it is not the first."""
    number = number_from(str(page or ""))
    parts = [filters.query_string(), f"page={number}" if number and number > 1 else ""]
    return "&".join(part for part in parts if part)
