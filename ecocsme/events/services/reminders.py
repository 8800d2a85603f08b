"""Reminders of an event: to those who have not answered when the deadline is near, and to
those confirmed when the event is near, once each (EVT-2)."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ecocsme.core.audit import audit_log
from ecocsme.core.outbox import outbox_flush
from ecocsme.invitations.services import reminder_counted

from ..models import Event, EventInvitation
from .events import require_change
from .mail import invitation_mail

REMIND_BEFORE = timedelta(days=2)


def reminders_send(*, now: datetime | None = None, event: Event | None = None, actor=None,
                   due_only: bool = True) -> dict[str, int]:
    """Remind those who have not answered when the deadline is near, and those confirmed when
    the event is near, once each; `ecocsme event-reminders` runs it (e.g. hourly). Staff can
    also remind everyone who has not answered at once (`due_only=False`)."""
    now = now or timezone.now()
    events = Event.objects.filter(status=Event.Status.PUBLISHED, ends_at__gt=now)
    if event is not None:
        if actor is not None:
            require_change(actor, event)
        events = events.filter(pk=event.pk)
    counts = {"deadline": 0, "event": 0}
    with transaction.atomic():
        base = EventInvitation.objects.select_related("contact", "event__partner").prefetch_related(
            "event__sessions").filter(
            event__in=events, mail__isnull=False, contact__erased_at__isnull=True)
        unanswered = base.filter(answer="").filter(
            Q(event__rsvp_deadline__isnull=True) | Q(event__rsvp_deadline__gt=now))
        if due_only:
            unanswered = unanswered.filter(reminders_sent=0, event__rsvp_deadline__lte=now + REMIND_BEFORE)
        for invitation in unanswered:
            number = reminder_counted(invitation)
            invitation_mail(invitation, "deadline_reminder", extra={"number": number}, key_suffix=str(number))
            counts["deadline"] += 1
        if due_only:
            near = base.filter(place=EventInvitation.Place.CONFIRMED, event_reminded=False,
                               event__starts_at__gt=now, event__starts_at__lte=now + REMIND_BEFORE)
            for invitation in near:
                invitation_mail(invitation, "event_reminder")
                EventInvitation.objects.filter(pk=invitation.pk).update(event_reminded=True)
                counts["event"] += 1
        if actor is not None:
            audit_log(actor=actor, action="events.reminders.sent", obj=event, data=counts)
        outbox_flush()
    return counts
