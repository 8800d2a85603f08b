"""Saving an event with its sessions, publishing and cancelling it (EVT-1). A change that
calendars show raises the event's SEQUENCE and sends the confirmed participants an update."""

from dataclasses import dataclass, field
from datetime import date, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log, changed_fields
from ecocsme.core.outbox import outbox_flush

from ..models import Event, EventInvitation, Session, SessionAttendance
from ..times import TimeProblem, overall_bounds, session_span, zone_named
from .mail import invitation_mail, participants

# What a calendar shows: a change to any of these raises the event's SEQUENCE and is sent
# to the confirmed participants.
CALENDAR_FIELDS = ("title", "description", "time_zone", "venue", "address", "city", "online_url")


def require_change(actor, event: Event) -> None:
    if not actor.has_perm("events.change_event", event):
        raise PermissionDenied(_("Only the organising partner's staff and the coordinator may do this."))


@dataclass
class SessionInput:
    day: date
    start: time | None
    end: time | None
    title: dict = field(default_factory=dict)


def _time_message(problem: TimeProblem, number: int) -> str:
    moment = formats.date_format(problem.moment, "DATETIME_FORMAT")
    if problem.code is TimeProblem.Code.NONEXISTENT:
        return _("Session %(n)s: %(moment)s does not exist in %(zone)s — the clocks move forward "
                 "that night. Choose a time before or after the change.") % {
            "n": number, "moment": moment, "zone": problem.zone}
    if problem.code is TimeProblem.Code.HALF:
        return _("Session %(n)s: give both a start and an end time, or neither for a whole day.") % {
            "n": number}
    return _("Session %(n)s: the end must come after the start.") % {"n": number}


def _sessions(zone_name: str, sessions: list[SessionInput]) -> list:
    zone = zone_named(zone_name or "")
    if zone is None:
        raise ValidationError(_("Unknown time zone: %(zone)s") % {"zone": zone_name})
    if not sessions:
        raise ValidationError(_("An event needs at least one session."))
    spans, errors = [], []
    for number, item in enumerate(sessions, start=1):
        try:
            spans.append((session_span(item.day, item.start, item.end, zone), item.title))
        except TimeProblem as problem:
            errors.append(_time_message(problem, number))
    if errors:
        raise ValidationError(errors)
    return spans


def event_save(*, actor, event: Event | None, partner=None, values: dict,
               sessions: list[SessionInput]) -> Event:
    """Create or change an event and its sessions, all or nothing. A change that calendars
    show raises the sequence and sends the confirmed participants an updated file."""
    if event is None:
        if partner is None or not actor.has_perm("events.change_event", partner):
            raise PermissionDenied(_("Only the organising partner's staff and the coordinator may do this."))
    else:
        require_change(actor, event)
    spans = _sessions(values.get("time_zone") or (event.time_zone if event else ""), sessions)
    with transaction.atomic():
        if event is None:
            event = Event(project=partner.project, partner=partner, **values)
            changes, creating = {}, True
        else:
            event = Event.objects.select_for_update().get(pk=event.pk)
            changes = changed_fields(event, values)
            for name, value in values.items():
                setattr(event, name, value)
            creating = False
        new_times = [(s.day, s.starts_at, s.ends_at, t) for s, t in spans]
        old_times = [] if creating else [(s.day, s.starts_at, s.ends_at, s.title)
                                         for s in event.sessions.order_by("position")]
        event.starts_at, event.ends_at = overall_bounds([span for span, _title in spans],
                                                        zone_named(event.time_zone))
        calendar_changed = (not creating and (new_times != old_times
                                              or any(f in changes for f in CALENDAR_FIELDS)))
        if calendar_changed:
            event.sequence += 1
        if event.lab_id and event.lab.partner_id != event.partner_id:
            raise ValidationError(_("Choose a lab of the organising partner."))
        event.full_clean(exclude=["project", "partner", "lab"])
        event.save()
        _store_sessions(event, spans)
        audit_log(actor=actor, action="events.event.created" if creating else "events.event.changed",
                  obj=event, data={"changes": changes, "sessions": len(spans)})
        if calendar_changed and event.status == Event.Status.PUBLISHED:
            _send_updates(event)
    return event


def _store_sessions(event: Event, spans) -> None:
    """Keep the rows (and so the calendar UIDs) of sessions that stay, by position."""
    kept = {s.position: s for s in event.sessions.all()}
    removed = [session for position, session in kept.items() if position > len(spans)]
    if removed and SessionAttendance.objects.filter(session__in=removed).exists():
        raise ValidationError(_("People were checked in at a session you removed; keep the session, "
                                "or undo their check-ins first."))
    for position, (span, title) in enumerate(spans, start=1):
        session = kept.pop(position, None) or Session(event=event, position=position)
        session.day, session.starts_at, session.ends_at = span.day, span.starts_at, span.ends_at
        session.title = title or {}
        session.save()
    Session.objects.filter(pk__in=[s.pk for s in kept.values()]).delete()


def event_publish(*, actor, event: Event) -> None:
    require_change(actor, event)
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be published again; create a new one."))
    event.status = Event.Status.PUBLISHED
    event.save(update_fields=["status", "updated_at"])
    audit_log(actor=actor, action="events.event.published", obj=event)


def event_cancel(*, actor, event: Event, message: str = "") -> int:
    """Cancel the event: everyone who said yes or waits gets a cancellation (with a
    cancelling calendar file for those confirmed). Returns the number of mails queued."""
    require_change(actor, event)
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.status == Event.Status.CANCELLED:
            return 0
        event.status = Event.Status.CANCELLED
        event.sequence += 1
        event.save(update_fields=["status", "sequence", "updated_at"])
        queued = 0
        for invitation in participants(event).exclude(place=""):
            confirmed = invitation.place == EventInvitation.Place.CONFIRMED
            invitation_mail(invitation, "cancelled", calendar="cancel" if confirmed else None,
                            extra={"message": message})
            queued += 1
        audit_log(actor=actor, action="events.event.cancelled", obj=event, data={"mails": queued})
        outbox_flush()
    return queued


def _send_updates(event: Event) -> None:
    for invitation in participants(event).filter(place=EventInvitation.Place.CONFIRMED):
        invitation_mail(invitation, "updated", calendar="request")
    outbox_flush()
