"""The public event pages: a project's events, upcoming or past, and one event (EVT-2)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import query_without
from ecocsme.core.i18n import in_language
from ecocsme.partnerships.selectors import partners_page_code, project_partners

from ..access import public_event_for, public_events, published_project
from ..models import Event
from ..reports import EVENT_COLUMNS, event_rows
from ..selectors import event_cities, event_sessions, filter_events, with_figures


def events_page(events, params, per_page: int):
    """(the events `params` choose, what was chosen, the page asked for). A list opens where the
    data is: with no choice of upcoming or past and nothing upcoming, the past events, and
    `chosen["fell_back"]` says so."""
    filtered, chosen = filter_events(events, params)
    page = Paginator(filtered, per_page).get_page(params.get("page"))
    if not page.paginator.count and not params.get("when"):
        past, past_chosen = filter_events(events, {**params.dict(), "when": "past"})
        past_page = Paginator(past, per_page).get_page(params.get("page"))
        if past_page.paginator.count:
            return past, {**past_chosen, "fell_back": True}, past_page
    return filtered, chosen, page


def events_chosen(events, params):
    """The events `params` choose for an export: the same as the list shows (`events_page`), with
    no count when upcoming or past was chosen."""
    if params.get("when"):
        return filter_events(events, params)[0]
    return events_page(events, params, 1)[0]


def event_list(request, code: str, fmt: str | None = None):
    """A project's events, upcoming or past, filtered by kind, language and city; exportable."""
    project = published_project(code)
    events = with_figures(public_events(project))
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            raise Http404
        return export_response(fmt, f"{project.code}-events", EVENT_COLUMNS,
                               event_rows(events_chosen(events, request.GET)))
    events, chosen, page = events_page(events, request.GET, 20)
    return render(request, "events/event_list.html", {
        "project": project, "page": page, "chosen": chosen, "kinds": Event.Kind.choices,
        "cities": event_cities(public_events(project)), "query": query_without(request, "page"),
        "partners": list(project_partners(project)),
    })


def featured_events(request):
    """The main menu's "Events": the featured project's events (as /partners/ shows its partners)."""
    code = partners_page_code(request.user)
    if code is None:
        return render(request, "web/empty.html", {"message": _("No project yet.")})
    return redirect("events:event_list", code=code)


def event_detail(request, pk: int):
    event = public_event_for(request.user, pk)
    language = get_language()
    places_left = None
    if event.capacity is not None:
        places_left = max(0, event.capacity - event.confirmed_count)
    return render(request, "events/event_detail.html", {
        "event": event, "title": in_language(event.title, language),
        "description": in_language(event.description, language),
        "agenda": in_language(event.agenda, language), "places_left": places_left,
        "sessions": event_sessions(event), "is_past": event.ends_at and event.ends_at <= timezone.now(),
    })
