from collections import Counter

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from ecocsme.core.http import number_from

from .models import Event, EventInvitation, Session

Place = EventInvitation.Place

SESSIONS = Prefetch("sessions", queryset=Session.objects.order_by("position"))


def with_figures(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.annotate(
        confirmed_count=Count("invitations", filter=Q(invitations__place=Place.CONFIRMED), distinct=True),
        waiting_count=Count("invitations", filter=Q(invitations__place=Place.WAITING), distinct=True),
        invitation_count=Count("invitations", distinct=True),
    )


def filter_events(events: QuerySet[Event], params) -> tuple[QuerySet[Event], dict]:
    """Upcoming or past, kind, working language and city, from query parameters."""
    now = timezone.now()
    chosen = {"when": params.get("when") or "upcoming", "kind": params.get("kind", ""),
              "language": params.get("language", ""), "city": params.get("city", ""),
              "partner": params.get("partner", "")}
    if chosen["when"] == "past":
        events = events.filter(ends_at__lte=now).order_by("-starts_at", "-id")
    else:
        chosen["when"] = "upcoming"
        events = events.filter(ends_at__gt=now).order_by("starts_at", "id")
    if chosen["kind"] in Event.Kind.values:
        events = events.filter(kind=chosen["kind"])
    if chosen["language"]:
        events = events.filter(language=chosen["language"])
    if chosen["city"]:
        events = events.filter(city__iexact=chosen["city"])
    if (partner_id := number_from(chosen["partner"])) is not None:
        events = events.filter(partner_id=partner_id)
    return events, chosen


def event_with_figures(pk: int) -> Event | None:
    """One event with its sessions and answer figures, for its pages (two queries)."""
    return (with_figures(Event.objects.select_related("partner", "project", "lab"))
            .prefetch_related(SESSIONS).filter(pk=pk).first())


def event_sessions(event: Event) -> list[Session]:
    """The sessions of an event in their order (none more query when they were prefetched)."""
    return sorted(event.sessions.all(), key=lambda session: session.position)


def event_cities(events: QuerySet[Event]) -> list[str]:
    """The cities of some events, each once, in alphabetical order (for the list's filter)."""
    return list(events.exclude(city="").order_by("city").values_list("city", flat=True).distinct())


def in_calendar_order(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.order_by("starts_at", "id")


def calendar_state(events: QuerySet[Event]) -> tuple:
    """(the newest change, how many): what names the version of a calendar feed of these events."""
    state = events.order_by().aggregate(changed=Max("updated_at"), count=Count("id"))
    return state["changed"], state["count"]


def person_calendar_events(contact) -> QuerySet[Event]:
    """The events a person has a confirmed place in, drafts left out, for their calendar feed."""
    return (Event.objects.filter(invitations__contact=contact,
                                 invitations__place=EventInvitation.Place.CONFIRMED)
            .exclude(status=Event.Status.DRAFT).select_related("partner")
            .prefetch_related(SESSIONS).order_by("starts_at", "id"))


def invitable_contacts(user, event: Event):
    """The people the user may invite to an event: contacts of the organising partner the user
    may see (organisations.access.contacts_visible_to), not erased, who agreed to event
    invitations and are not invited yet; with their organisation, by name."""
    from ecocsme.organisations.access import contacts_visible_to
    from ecocsme.organisations.selectors import with_consent

    return (contacts_visible_to(user).filter(partner=event.partner, erased_at__isnull=True)
            .filter(with_consent("event_invitations")).exclude(events_invitations__event=event)
            .select_related("organisation").order_by("name"))


def event_invitations(event: Event) -> QuerySet[EventInvitation]:
    return (event.invitations.select_related("contact__organisation", "mail")
            .order_by("contact__name", "id"))


def confirmed_participants(event: Event) -> QuerySet[EventInvitation]:
    return (event.invitations.filter(place=EventInvitation.Place.CONFIRMED)
            .select_related("contact__organisation", "contact__partner").order_by("contact__name", "id"))


def participation(events: QuerySet[Event]) -> dict:
    """Confirmed and present participants by organisation kind and by the partner who invited
    them: what monitoring reads (EVT-4)."""
    rows = (EventInvitation.objects.filter(event__in=events, place=EventInvitation.Place.CONFIRMED)
            .values("contact__organisation__kind", "contact__partner__city")
            .annotate(confirmed=Count("id"), present=Count("id", filter=Q(checked_in_at__isnull=False)))
            .order_by())
    by_kind, by_partner = Counter(), Counter()
    present_kind, present_partner = Counter(), Counter()
    for row in rows:
        kind, partner = row["contact__organisation__kind"] or "", row["contact__partner__city"] or ""
        by_kind[kind] += row["confirmed"]
        by_partner[partner] += row["confirmed"]
        present_kind[kind] += row["present"]
        present_partner[partner] += row["present"]
    return {"by_kind": by_kind, "by_partner": by_partner, "present_by_kind": present_kind,
            "present_by_partner": present_partner}


def event_participation(event: Event) -> dict:
    """`participation` of one event."""
    return participation(Event.objects.filter(pk=event.pk))


# --- figures monitoring reads (monitoring.indicators) ---------------------------------------------
def held_events(*, project, partner_ids) -> list[dict]:
    """The events of `project` organised by one of `partner_ids` that were held: published (not a
    draft, not cancelled) and over (ended before now). One query for the whole project.

    Each {"id", "partner_id", "title", "day", "participants"}: `day` is the local date of its end
    in the event's own time zone (an all-day session ends at the next local midnight, and counts
    on its own day); `participants` the people checked in when anyone was, else those with a
    confirmed place (who answered yes and are not on the waiting list)."""
    import datetime as dt
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    rows = (Event.objects.filter(project=project, partner_id__in=list(partner_ids),
                                 status=Event.Status.PUBLISHED, ends_at__lte=timezone.now())
            .annotate(present=Count("invitations", filter=Q(invitations__checked_in_at__isnull=False)),
                      confirmed=Count("invitations", filter=Q(invitations__place=Place.CONFIRMED)))
            .order_by("ends_at", "id")
            .values_list("id", "partner_id", "title", "ends_at", "time_zone", "present", "confirmed"))
    held = []
    for pk, partner_id, title, ends_at, zone_name, present, confirmed in rows:
        try:
            zone = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = dt.UTC
        held.append({"id": pk, "partner_id": partner_id, "title": title,
                     "day": (ends_at - dt.timedelta(microseconds=1)).astimezone(zone).date(),
                     "participants": present or confirmed})
    return held


# --- what an action plan cites (actionplans reads these) ----------------------------------------
def citable_events(events: QuerySet[Event], *, project_id: int, keep=()) -> list[Event]:
    """The events of a project among `events` (what the reader may see: access.events_visible_to),
    and those in `keep` (already cited), newest first, for an action's list of what inspired it."""
    visible = events.order_by().values("pk")
    return list(Event.objects.filter(pk__in=visible)
                .filter(Q(project_id=project_id) | Q(pk__in=list(keep)))
                .only("id", "title", "kind", "starts_at", "status", "project_id")
                .order_by("-starts_at", "-id"))


def event_ids_among(events: QuerySet[Event], ids) -> set[int]:
    """Which of `ids` are among `events` (the links of an action plan's inspirations)."""
    return set(Event.objects.filter(pk__in=list(ids)).filter(pk__in=events.order_by().values("pk"))
               .values_list("pk", flat=True))


# --- check-in session by session (EVT-4: the check-in page, the attendance sheet, exports) -------
def _presences() -> Prefetch:
    from .models import SessionAttendance

    return Prefetch("attendances",
                    queryset=SessionAttendance.objects.only("id", "invitation_id", "session_id"))


def with_presence(invitations: QuerySet[EventInvitation]) -> QuerySet[EventInvitation]:
    """Invitations with the sessions each person was present at (`attended_session_ids`)."""
    return invitations.prefetch_related(_presences())


def participant_with_presence(event: Event, pk: int) -> EventInvitation:
    """One confirmed participant of the event, as the check-in list shows them."""
    return with_presence(confirmed_participants(event).filter(pk=pk)).get()


def session_presence(event: Event) -> dict[int, int]:
    """How many confirmed participants were present at each session of the event, by session id."""
    from .models import SessionAttendance

    rows = (SessionAttendance.objects.filter(session__event=event, invitation__place=Place.CONFIRMED)
            .values("session_id").annotate(present=Count("id")).order_by())
    return {row["session_id"]: row["present"] for row in rows}


def participants_matching(invitations, query: str) -> list:
    """The invitations whose person's name or organisation holds every word of `query`, ignoring
    case and accents ("timisoara" finds "Timișoara")."""
    from ecocsme.text.keywords import fold

    words = fold(query.casefold()).split()
    if not words:
        return list(invitations)

    def text_of(invitation) -> str:
        organisation = invitation.contact.organisation
        return fold(f"{invitation.contact.name} {organisation.name if organisation else ''}".casefold())

    return [i for i in invitations if all(word in text_of(i) for word in words)]


# --- what needs doing: the back office's dashboard reads these ----------------------------------
def _count_per_event(condition):
    """How many invitations with `condition` each event has (a subquery: counts multiply no rows)."""
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import Coalesce

    rows = (EventInvitation.objects.filter(condition, event=OuterRef("pk")).order_by().values("event")
            .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(rows), 0)


def mail_failing() -> Q:
    """The invitations whose mail could not be sent or may not have gone out."""
    from ecocsme.invitations.selectors import FAILING

    return Q(mail__status__in=FAILING)


INVITATION_FILTERS = {
    "pending": lambda i: not i.answer,
    "waiting": lambda i: i.place == Place.WAITING,
    "failing": lambda i: i.mail is not None and i.mail.status in ("failed", "uncertain"),
}


def invitations_shown(invitations, show: str) -> list:
    """The invitations an event page lists for `?show=`: not answered, on the waiting list, mail
    failing; all for anything else."""
    keep = INVITATION_FILTERS.get(show)
    return [i for i in invitations if keep(i)] if keep else list(invitations)


def events_needing_work(partner_ids) -> list[Event]:
    """The events of these partners with something to do: not over and not cancelled, or with mail
    failing; each with `pending_count` (invited, not answered), `confirmed_count`,
    `waiting_count` and `failing_count`; the soonest first. One query, however many events."""
    upcoming = Q(ends_at__gt=timezone.now()) & ~Q(status=Event.Status.CANCELLED)
    events = Event.objects.filter(partner_id__in=list(partner_ids)).select_related("partner").annotate(
        pending_count=_count_per_event(Q(answer="")),
        confirmed_count=_count_per_event(Q(place=Place.CONFIRMED)),
        waiting_count=_count_per_event(Q(place=Place.WAITING)),
        failing_count=_count_per_event(mail_failing()))
    return list(events.filter(upcoming | Q(failing_count__gt=0)).order_by("starts_at", "id"))


def partners_with_events(partner_ids) -> set[int]:
    """Which of these partners have an event at all (the dashboard's first steps)."""
    return set(Event.objects.filter(partner_id__in=list(partner_ids)).order_by()
               .values_list("partner_id", flat=True).distinct())


def partners_organising(events: QuerySet[Event]) -> list:
    """The partners who organise `events`, for the back-office list's partner filter."""
    from ecocsme.partnerships.models import Partner

    return list(Partner.objects.filter(events__in=events.order_by().values("pk")).distinct()
                .select_related("project").order_by("project__code", "number"))
