"""Public event pages, the answer page behind a personal link, and the calendars (EVT-2, EVT-3)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecocsme.core.exports import EXPORT_FORMATS, export_response
from ecocsme.core.http import query_without
from ecocsme.core.i18n import language_codes, localized
from ecocsme.events.services.answers import answer_save, answer_state
from ecocsme.events.services.mail import personal_calendar_url
from ecocsme.invitations.states import AnswerRefused
from ecocsme.partnerships.models import Project

from . import ics
from .access import invitation_for_token
from .forms import AnswerForm
from .models import Event, EventInvitation
from .selectors import SESSIONS, event_with_figures, filter_events, public_events, with_figures

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _published_project(code: str) -> Project:
    project = Project.objects.filter(code=code, is_published=True).first()
    if project is None:
        raise Http404(_("No such project."))
    return project


def event_list(request, code: str, fmt: str | None = None):
    """A project's events, upcoming or past, filtered by kind, language and city; exportable."""
    project = _published_project(code)
    events, chosen = filter_events(with_figures(public_events(project)), request.GET)
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            raise Http404
        return _export(events, fmt, f"{project.code}-events")
    page = Paginator(events, 20).get_page(request.GET.get("page"))
    cities = (public_events(project).exclude(city="").order_by("city")
              .values_list("city", flat=True).distinct())
    return render(request, "events/event_list.html", {
        "project": project, "page": page, "chosen": chosen, "kinds": Event.Kind.choices,
        "cities": list(cities), "query": query_without(request, "page"),
        "partners": list(project.partners.order_by("number")),
    })


def _export(events, fmt: str, filename: str):
    columns = ("id", "title", "kind", "organiser", "starts_utc", "ends_utc", "time_zone", "language",
               "city", "venue", "capacity", "confirmed", "status")
    rows = ((e.pk, e.localized_title()[0], e.kind, str(e.partner), e.starts_at, e.ends_at, e.time_zone,
             e.language, e.city, e.venue, e.capacity, e.confirmed_count, e.status) for e in events)
    return export_response(fmt, filename, columns, rows)


def _visible_event(request, pk: int) -> Event:
    event = event_with_figures(pk)
    if event is None:
        raise Http404(_("No such event."))
    public = event.is_public and event.status != Event.Status.DRAFT and event.project.is_published
    if not public and not request.user.has_perm("events.view_event", event):
        raise Http404(_("No such event."))
    return event


def event_detail(request, pk: int):
    event = _visible_event(request, pk)
    language = get_language()
    places_left = None
    if event.capacity is not None:
        places_left = max(0, event.capacity - event.confirmed_count)
    return render(request, "events/event_detail.html", {
        "event": event, "title": event.localized_title(language)[0],
        "description": localized(event.description, language)[0],
        "agenda": localized(event.agenda, language)[0], "places_left": places_left,
        "sessions": list(event.sessions.all()), "is_past": event.ends_at and event.ends_at <= timezone.now(),
    })


def event_ics(request, pk: int):
    """One event as a calendar file ("add to calendar"); no meeting link in it."""
    event = _visible_event(request, pk)
    content = ics.feed([event], name=str(event), language=get_language())
    response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


def calendar_project(request, code: str):
    """The public events of a project, for calendar programs to subscribe to. Clients poll it:
    the file is made once per change of the events and answered with 304 when unchanged."""
    project = _published_project(code)
    events = public_events(project).order_by("starts_at", "id")
    language = request.GET.get("lang", "")[:2].lower()
    language = language if language in language_codes() else settings.LANGUAGE_CODE
    return _calendar_response(request, events=events, name=f"project:{project.pk}:{language}",
                              build=lambda: ics.feed(events, name=f"{project.acronym} ({project.code})",
                                                     language=language))


def _calendar_response(request, *, events=None, name: str = "", build=None, content: bytes | None = None):
    """A calendar with an ETag. Given events, their newest change names the version and the file
    is kept in the cache; given the content, its digest is the version."""
    import hashlib

    from django.core.cache import cache
    from django.db.models import Count, Max

    if content is None:
        state = events.order_by().aggregate(changed=Max("updated_at"), count=Count("id"))
        version = hashlib.sha256(f"{name}:{state['changed']}:{state['count']}".encode()).hexdigest()[:32]
    else:
        version = hashlib.sha256(content).hexdigest()[:32]
    etag = f'"{version}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        if content is None:
            key = f"events.calendar:{version}"
            content = cache.get(key)
            if content is None:
                content = build()
                cache.set(key, content, 24 * 3600)
        response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["ETag"] = etag
    response["Cache-Control"] = "private, max-age=300"
    return response


def calendar_person(request, token: str):
    """The events a person takes part in, with the meeting links: a secret address."""
    from ecocsme.organisations.models import Contact

    from .tokens import read_calendar_token

    contact_id = read_calendar_token(token)
    contact = Contact.objects.filter(pk=contact_id, erased_at__isnull=True).first() if contact_id else None
    if contact is None:
        raise Http404(_("No such calendar."))
    events = (Event.objects.filter(invitations__contact=contact,
                                   invitations__place=EventInvitation.Place.CONFIRMED)
              .exclude(status=Event.Status.DRAFT).select_related("partner")
              .prefetch_related(SESSIONS).order_by("starts_at", "id"))
    content = ics.feed(events, name=_("My ECoC-SME events"), language=contact.language, with_links=True)
    return _calendar_response(request, content=content)


REFUSALS = {"deadline", "cancelled", "over"}  # states the unavailable page explains


@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    invitation = invitation_for_token(token)
    if invitation is None:
        return render(request, "events/answer_unavailable.html", {"reason": "invalid"}, status=404)
    state = answer_state(invitation)
    if state != "open":
        return render(request, "events/answer_unavailable.html",
                      {**_answer_context(invitation), "reason": state}, status=410)
    form = AnswerForm(request.POST or None, initial={
        "answer": invitation.answer, "note": invitation.note, "needs": invitation.needs})
    saved = False
    if request.method == "POST" and form.is_valid():
        try:
            # The answer comes back with its event and sessions as read under the event's lock.
            invitation = answer_save(invitation=invitation, answer=form.cleaned_data["answer"],
                                     note=form.cleaned_data["note"], needs=form.cleaned_data["needs"])
        except AnswerRefused as exc:
            reason = str(exc)
            if reason in REFUSALS:
                return render(request, "events/answer_unavailable.html",
                              {**_answer_context(invitation), "reason": reason}, status=410)
            form.add_error(None, reason)
        else:
            saved = True
    return render(request, "events/answer.html",
                  {**_answer_context(invitation), "form": form, "saved": saved})


def _answer_context(invitation: EventInvitation) -> dict:
    event = invitation.event
    return {"invitation": invitation, "event": event, "title": event.localized_title()[0],
            "sessions": sorted(event.sessions.all(), key=lambda session: session.position),
            "calendar_url": personal_calendar_url(invitation.contact_id)}
