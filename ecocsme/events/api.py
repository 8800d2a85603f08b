"""Events in the REST API (WEB-3): the public events of published projects, as on the pages."""

import datetime as dt

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from ecocsme.core.http import BoundedPageNumberPagination

from .access import public_event, public_events_listed
from .models import Event
from .selectors import event_sessions, filter_events

router = Router(tags=["events"])


class SessionOut(Schema):
    position: int
    day: dt.date = Field(description="The local day in the event's time zone.")
    starts_at: dt.datetime | None = Field(description="UTC; empty for a whole-day session.")
    ends_at: dt.datetime | None = Field(description="UTC; empty for a whole-day session.")
    title: dict[str, str] = Field(description="Text per language code.")


class EventOut(Schema):
    id: int
    project: str
    organiser: str
    kind: Event.Kind
    status: str
    title: dict[str, str] = Field(description="Text per language code.")
    description: dict[str, str]
    agenda: dict[str, str]
    time_zone: str = Field(description="IANA zone in which the times were set, e.g. Europe/Bucharest.")
    language: str = Field(description="Working language.")
    venue: str
    address: str
    city: str
    country: str
    online: bool = Field(description="Whether it takes place online; the link goes only to participants.")
    capacity: int | None
    confirmed: int
    rsvp_deadline: dt.datetime | None
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    sessions: list[SessionOut]
    calendar_url: str

    @staticmethod
    def resolve_project(obj) -> str:
        return obj.project.code

    @staticmethod
    def resolve_organiser(obj) -> str:
        return str(obj.partner)

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code or ""

    @staticmethod
    def resolve_online(obj) -> bool:
        return obj.is_online

    @staticmethod
    def resolve_confirmed(obj) -> int:
        return obj.confirmed_count

    @staticmethod
    def resolve_sessions(obj) -> list:
        return event_sessions(obj)

    @staticmethod
    def resolve_calendar_url(obj) -> str:
        return f"/calendar/{obj.project.code}.ics"


class EventFilter(FilterSchema):
    project: str | None = Field(None, description="Project code, e.g. PGI06047.")
    when: str = Field("upcoming", pattern="^(upcoming|past)$")
    kind: Event.Kind | None = None
    language: str | None = Field(None, max_length=8)
    city: str | None = Field(None, max_length=100)


@router.get("/events", response=list[EventOut], summary="Public events")
@paginate(BoundedPageNumberPagination)
def event_list(request: HttpRequest, filters: Query[EventFilter]):
    """Published public events (cancelled ones too, marked), upcoming or past, by project,
    kind, working language and city."""
    chosen = {k: v or "" for k, v in filters.dict().items() if k != "project"}
    events, _chosen = filter_events(public_events_listed(filters.project), chosen)
    return events


@router.get("/events/{event_id}", response=EventOut, summary="One public event")
def event_detail(request: HttpRequest, event_id: int):
    event = public_event(event_id)
    if event is None:
        raise Http404(_("No such event."))
    return event
