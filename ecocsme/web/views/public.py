"""Public pages (WEB-1): what a visitor reads. They only parse, call selectors, render."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import query_without
from ecocsme.partnerships.access import project_for_view, projects_visible_to
from ecocsme.partnerships.models import Partner
from ecocsme.partnerships.selectors import (
    featured_project,
    partners_page_code,
    project_partner_count,
    project_partners,
    project_periods,
    project_phases,
)
from ecocsme.reference.phases import ECOC_PHASES, Phase
from ecocsme.reference.selectors import (
    ecoc_phase_counts,
    ecoc_title_at,
    ecoc_titles,
    ecoc_titles_in_reading_order,
    phase_notes,
    today,
)

from ..forms import EcocTimelineFilter

TITLE_PAGE_ITEMS = 12  # practices and events listed on a title's page


@require_safe
def home(request):
    day = today()
    project = featured_project(request.user)
    partners = list(project_partners(project)) if project else []
    counts = ecoc_phase_counts(on=day)
    current = ecoc_titles_in_reading_order(ecoc_titles(on=day, phase=Phase.EVENT_YEAR))
    return render(request, "web/home.html", {
        "project": project,
        "partner_cities": _distinct_cities(partners),
        "phases": [(phase, counts.get(phase, 0)) for phase in ECOC_PHASES],
        "current_titles": current,
        "today": day,
    })


def _distinct_cities(partners) -> list:
    """One entry per partner city, keeping the first partner's ECoC title."""
    seen = {}
    for partner in partners:
        seen.setdefault(partner.city, partner)
    return list(seen.values())


@require_safe
def ecoc_timeline(request):
    form = EcocTimelineFilter(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    day = filters.get("on") or today()
    # Cities and countries in the reader's language, each year's titles in its order. The
    # staff's notes stay in the admin: neither the page nor the export shows them.
    titles = ecoc_titles_in_reading_order(ecoc_titles(
        on=day, year_from=filters.get("year_from"), year_to=filters.get("year_to"),
        country=filters.get("country"), phase=filters.get("phase"),
    ))
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        phases = dict(Phase.choices)
        columns = (("year", _("Year")), ("city", _("City")), ("country_code", _("Country code")),
                   ("country", _("Country")), ("original_year", _("Original year")),
                   ("title_extended_to", _("Title year extended to")), ("phase", _("Phase"), phases),
                   ("phase_on", _("Phase on")), ("preparation_starts", _("Preparation starts")),
                   ("event_starts", _("Title year starts")), ("event_ends", _("Title year ends")),
                   ("legacy_ends", _("Legacy ends")))
        rows = ((t.year, t.city_name, t.country.code or "", t.country_name, t.original_year,
                 t.title_extended_to, t.phase, day, t.preparation_starts, t.event_starts,
                 t.event_ends, t.legacy_ends)
                for t in titles)
        return export_response(fmt, "ecoc-titles", columns, rows)
    return render(request, "web/ecoc_timeline.html", {
        "form": form, "titles": titles, "day": day, "is_today": day == today(),
        "export_query": query_without(request, "format"),
    })


@require_safe
def ecoc_title(request, year: int, city: str):
    """What the platform knows about one title (REF-5): its phases and where it is today, the
    curators' notes per phase, the partners, practices, labs and events linked to it."""
    from ecocsme.events.access import public_events_of_title
    from ecocsme.labs.access import labs_of_title
    from ecocsme.partnerships.access import partners_of_title
    from ecocsme.practices.access import published_practices
    from ecocsme.practices.selectors import practices_of_title

    title = ecoc_title_at(year, city)
    if title is None:
        raise Http404(_("No such ECoC title."))
    notes = phase_notes(title)
    practices, practice_count = practices_of_title(published_practices(), title, limit=TITLE_PAGE_ITEMS)
    events, event_count = public_events_of_title(title, limit=TITLE_PAGE_ITEMS)
    return render(request, "web/ecoc_title.html", {
        "title": title, "today": today(),
        "phases": [(phase, notes.get(phase)) for phase in ECOC_PHASES],
        "partners": partners_of_title(request.user, title),
        "practices": practices, "practice_count": practice_count,
        "labs": labs_of_title(request.user, title),
        "events": events, "event_count": event_count,
        "can_edit_notes": request.user.has_perm("accounts.curate_ecoc_notes"),
    })


@require_safe
def project_list(request):
    projects = projects_visible_to(request.user)
    return render(request, "web/project_list.html", {"projects": projects})


@require_safe
def project_detail(request, code: str):
    project = project_for_view(request.user, code)
    return render(request, "web/project_detail.html", {
        "project": project,
        "phases": list(project_phases(project)),
        "periods": list(project_periods(project)),
        "partner_count": project_partner_count(project),
        "can_change": request.user.has_perm("partnerships.change_project", project),
    })


@require_safe
def partner_list(request, code: str):
    project = project_for_view(request.user, code)
    partners = list(project_partners(project))
    day = today()
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        columns = (("number", _("Partner number")), ("role", _("Role"), dict(Partner.Role.choices)),
                   ("name", _("Name")), ("city", _("City")), ("country", _("Country")),
                   ("nuts_region", _("NUTS-2 region")), ("ecoc_title", _("ECoC title")),
                   ("ecoc_phase_today", _("ECoC phase today"), dict(Phase.choices)),
                   ("policy_instrument", _("Policy instrument")), ("budget_eur", _("Budget (EUR)")))
        rows = ((p.number, p.role, p.name, p.city, p.country.code, p.nuts_region_id or "",
                 str(p.ecoc_title or ""), p.ecoc_title.phase_on(day) if p.ecoc_title else "",
                 p.policy_instrument.name if p.policy_instrument else "", p.budget)
                for p in partners)
        return export_response(fmt, f"{project.code}-partners", columns, rows)
    for partner in partners:
        partner.phase_today = partner.ecoc_title.phase_on(day) if partner.ecoc_title else None
        partner.can_change = request.user.has_perm("partnerships.change_partner", partner)
    return render(request, "web/partner_list.html", {
        "project": project, "partners": partners,
        "known_budget": sum(p.budget for p in partners if p.budget is not None),
        "budgets_known": sum(1 for p in partners if p.budget is not None),
    })


@require_safe
def featured_partners(request):
    code = partners_page_code(request.user)
    if code is None:
        return render(request, "web/empty.html", {"message": _("No project yet.")})
    return redirect("web:partner_list", code=code)
