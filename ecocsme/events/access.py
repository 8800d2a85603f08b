"""Who may see and run an event, as fetchers for views, the API, calendars and exports.

Two rules decide who sees an event:

- the back office: `events.view_event` (events/rules.py: the members of its project and the
  administrator); `events_visible_to(user)` is its query form;
- the public site: a public event that is not a draft, of a published project, is anyone's to
  see (`is_public_event`); `public_events(project)` is its query form. `public_event_for` opens
  an event to whoever may see it either way (organisers preview their drafts).

A fetcher takes what a request names and returns the object only when the user may have it:

- `Http404` when the object does not exist or the user may not see it, so that a page never
  tells a stranger that an event or an invitation exists;
- `PermissionDenied` when the user sees it but may not do what was asked (e.g. another
  partner's staff reading an event may not change it).

The fetchers of what is inside an event (the invitation core's `invitation_of`) take the event
as returned by `event_for` and look only inside it.
"""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ecocsme.accounts.predicates import memberships_of
from ecocsme.core.access import permitted
from ecocsme.invitations import access as invitation_core
from ecocsme.organisations.models import Contact
from ecocsme.partnerships.models import Project

from .models import Event, EventInvitation
from .selectors import SESSIONS, event_with_figures, with_figures
from .tokens import read_calendar_token

PUBLIC_STATUSES = (Event.Status.PUBLISHED, Event.Status.CANCELLED)  # cancelled: calendars drop them


# --- the back office ---------------------------------------------------------------------------------
def events_visible_to(user) -> QuerySet[Event]:
    """The events the user may see in the back office (`events.view_event`: the events of the
    projects the user belongs to; every event for the administrator; none for anyone else), with
    their sessions and answer figures (`confirmed_count`, `waiting_count`, `invitation_count`)."""
    events = with_figures(Event.objects.select_related("partner", "project").prefetch_related(SESSIONS))
    if not user.is_superuser:
        events = events.filter(project_id__in=[m.project_id for m in memberships_of(user)])
    return events


def event_for(user, pk: int, perm: str = "events.view_event") -> Event:
    """The event `pk` with its sessions and figures, for a user who may see it and holds `perm`.

    Http404 when there is no such event or the user may not see it (`events.view_event`);
    PermissionDenied when the user sees it but lacks `perm` (e.g. "events.change_event": only
    the organising partner's staff, the coordinator and the administrator run an event).
    """
    return permitted(user, event_with_figures(pk), view="events.view_event", perm=perm,
                     missing=_("No such event."),
                     refused=_("Only the organising partner's staff and the coordinator may do this."))


# --- the public site ---------------------------------------------------------------------------------
def is_public_event(event: Event) -> bool:
    """Whether anyone may see the event: public, not a draft, of a published project."""
    return event.is_public and event.status in PUBLIC_STATUSES and event.project.is_published


def public_events(project: Project | None = None) -> QuerySet[Event]:
    """What anyone may see (`is_public_event`): the public events, published or cancelled (so
    that calendars drop them), of published projects; of `project` only when given. With their
    partner, project and sessions."""
    events = (Event.objects.filter(is_public=True, status__in=PUBLIC_STATUSES, project__is_published=True)
              .select_related("partner", "project").prefetch_related(SESSIONS))
    return events.filter(project=project) if project is not None else events


def public_events_listed(project_code: str | None = None) -> QuerySet[Event]:
    """The public events with their figures, of one project when a code is given (the API)."""
    events = with_figures(public_events())
    return events.filter(project__code=project_code) if project_code else events


def public_event(pk: int) -> Event | None:
    """One public event with its figures, or None when there is none such (the API)."""
    return public_events_listed().filter(pk=pk).first()


def published_project(code: str) -> Project:
    """The published project `code`, whose public events anyone may see; Http404 otherwise."""
    project = Project.objects.filter(code=code, is_published=True).first()
    if project is None:
        raise Http404(_("No such project."))
    return project


def public_event_for(user, pk: int) -> Event:
    """The event `pk` with its sessions and figures, for its public page and calendar file: anyone
    may open a public event (`is_public_event`), the members of its project any of its events
    (`events.view_event`). Http404 otherwise."""
    event = event_with_figures(pk)
    if event is None or not (is_public_event(event) or user.has_perm("events.view_event", event)):
        raise Http404(_("No such event."))
    return event


# --- personal links ----------------------------------------------------------------------------------
def invitation_for_token(token: str) -> EventInvitation | None:
    """The invitation a personal link names, or None when the link is not valid or its person
    has been erased. Anyone holding the link may answer: the link is the permission."""
    return invitation_core.invitation_for_token(
        EventInvitation.objects.select_related("event__partner", "event__project", "contact"), token)


def contact_for_calendar_token(token: str) -> Contact | None:
    """The person whose personal calendar address this is, or None when the address is not valid
    (or was replaced) or the person has been erased. The address is the permission."""
    contact_id = read_calendar_token(token)
    return Contact.objects.filter(pk=contact_id, erased_at__isnull=True).first() if contact_id else None


def public_events_of_title(ecoc_title, *, limit: int) -> tuple[list[Event], int]:
    """The latest public events of the partners whose city holds `ecoc_title` (at most `limit`),
    and how many there are."""
    events = public_events().filter(partner__ecoc_title=ecoc_title).order_by("-starts_at")
    return list(events[:limit]), events.count()
