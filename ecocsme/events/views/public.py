"""The public event pages: a project's events, upcoming or past, and one event (EVT-2)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import query_without
from ecocsme.core.i18n import in_language
from ecocsme.partnerships.selectors import project_partners

from ..access import public_event_for, public_events, published_project
from ..models import Event
from ..reports import EVENT_COLUMNS, event_rows
from ..selectors import event_cities, event_sessions, filter_events, with_figures


def event_list(request, code: str, fmt: str | None = None):
    """A project's events, upcoming or past, filtered by kind, language and city; exportable."""
    project = published_project(code)
    events, chosen = filter_events(with_figures(public_events(project)), request.GET)
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            raise Http404
        return export_response(fmt, f"{project.code}-events", EVENT_COLUMNS, event_rows(events))
    page = Paginator(events, 20).get_page(request.GET.get("page"))
    return render(request, "events/event_list.html", {
        "project": project, "page": page, "chosen": chosen, "kinds": Event.Kind.choices,
        "cities": event_cities(public_events(project)), "query": query_without(request, "page"),
        "partners": list(project_partners(project)),
    })


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
