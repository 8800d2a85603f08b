"""Check-in on the day, session by session (EVT-4): a confirmed participant is present at a
session or not; the invitation keeps the first check-in at any session, so the figures that
count people (selectors.participation, held_events) count a person once however many sessions
they came to."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log

from ..models import EventInvitation, Session, SessionAttendance
from .events import require_change


def attendance_check_in(*, actor, invitation: EventInvitation, session: Session, present: bool,
                        at: dt.datetime | None = None) -> EventInvitation:
    """Mark a confirmed participant present at one session of their event (now, or `at` when a
    paper list is entered afterwards), or undo it. Checking in twice keeps the first time (a
    double tap changes nothing)."""
    require_change(actor, invitation.event)
    if session.event_id != invitation.event_id:
        raise ValidationError(_("This session belongs to another event."))
    if invitation.place != EventInvitation.Place.CONFIRMED:
        raise ValidationError(_("Only participants with a confirmed place are checked in."))
    with transaction.atomic():
        locked = EventInvitation.objects.select_for_update().only("id", "checked_in_at").get(pk=invitation.pk)
        if present:
            SessionAttendance.objects.get_or_create(
                invitation=locked, session=session,
                defaults={"checked_in_at": at or timezone.now(), "checked_in_by": actor})
        else:
            SessionAttendance.objects.filter(invitation=locked, session=session).delete()
        first = locked.attendances.aggregate(first=Min("checked_in_at"))["first"]
        if first != locked.checked_in_at:
            EventInvitation.objects.filter(pk=locked.pk).update(checked_in_at=first,
                                                                updated_at=timezone.now())
        invitation.checked_in_at = first
        audit_log(actor=actor, action="events.invitation.checked_in", obj=invitation,
                  data={"present": present, "session": session.position})
    return invitation


def session_of_the_day(sessions: list[Session], now: dt.datetime, zone) -> Session | None:
    """The session a check-in desk most likely works for: today's (in the event's zone) that has
    not ended, else today's last; on a day without sessions the next one, else the last."""
    if not sessions:
        return None
    today = now.astimezone(zone).date()
    todays = [s for s in sessions if s.day == today]
    if todays:
        return next((s for s in todays if s.ends_at is None or s.ends_at > now), todays[-1])
    return next((s for s in sessions if s.day > today), sessions[-1])
