"""Calendars (EVT-3): one event as a file to add, a project's public events and a person's own
events as feeds that calendar programs subscribe to (with an ETag, the file made once per change)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ecocsme.core.i18n import language_codes

from .. import ics
from ..access import contact_for_calendar_token, public_event_for, public_events, published_project
from ..selectors import calendar_state, in_calendar_order, person_calendar_events

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def event_ics(request, pk: int):
    """One event as a calendar file ("add to calendar"); no meeting link in it."""
    event = public_event_for(request.user, pk)
    content = ics.feed([event], name=str(event), language=get_language())
    response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


def calendar_project(request, code: str):
    """The public events of a project, for calendar programs to subscribe to. Clients poll it:
    the file is made once per change of the events and answered with 304 when unchanged."""
    project = published_project(code)
    events = in_calendar_order(public_events(project))
    language = request.GET.get("lang", "")[:2].lower()
    language = language if language in language_codes() else settings.LANGUAGE_CODE
    return _calendar_response(request, events=events, name=f"project:{project.pk}:{language}",
                              build=lambda: ics.feed(events, name=f"{project.acronym} ({project.code})",
                                                     language=language))


def calendar_person(request, token: str):
    """The events a person takes part in, with the meeting links: a secret address."""
    contact = contact_for_calendar_token(token)
    if contact is None:
        raise Http404(_("No such calendar."))
    events = person_calendar_events(contact)
    with translation.override(contact.language):  # calendar programs send no language of their own
        name = _("My ECoC-SME events")
    content = ics.feed(events, name=name, language=contact.language, with_links=True)
    return _calendar_response(request, content=content)


def _calendar_response(request, *, events=None, name: str = "", build=None, content: bytes | None = None):
    """A calendar with an ETag. Given events, their newest change names the version and the file
    is kept in the cache; given the content, its digest is the version."""
    if content is None:
        changed, count = calendar_state(events)
        version = hashlib.sha256(f"{name}:{changed}:{count}".encode()).hexdigest()[:32]
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
