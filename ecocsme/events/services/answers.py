"""Answers to an event's invitation: yes / no / maybe under a row lock on the event, places in
order with a waiting list that moves up, and check-in on the day (EVT-2, EVT-4).

Every mail goes through the outbox under a key naming what it is for, so it goes out once:
an answer changed three times makes three mails, a double click on the same answer none."""

import copy
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Count, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.core.models import OutgoingMail
from ecocsme.core.outbox import mail_prepare, outbox_flush, outbox_wake
from ecocsme.invitations.states import AnswerRefused, LinkState
from ecocsme.organisations.models import Contact

from ..models import Event, EventInvitation
from ..selectors import SESSIONS
from .events import require_change
from .mail import invitation_mail, mail_key, mail_parts

MAX_NOTE = 2000
Place = EventInvitation.Place


def answer_state(invitation: EventInvitation, now: datetime | None = None) -> LinkState:
    """Whether the link still takes answers: open, or the deadline passed, cancelled, over."""
    now = now or timezone.now()
    event = invitation.event
    if event.status == Event.Status.CANCELLED:
        return LinkState.CANCELLED
    if event.ends_at and event.ends_at <= now:
        return LinkState.OVER
    if event.rsvp_deadline and event.rsvp_deadline <= now:
        return LinkState.DEADLINE
    return LinkState.OPEN


def answer_save(*, invitation: EventInvitation, answer: str, note: str = "", needs: str = "",
                now: datetime | None = None) -> EventInvitation:
    """Take yes / no / maybe. Yes takes a place, or a place on the waiting list when the event
    is full; leaving a place gives it to the first who waits. A repeated answer changes nothing.

    The mail is rendered from the caller's copy of the invitation before the event is locked,
    and used if nothing it shows changed meanwhile: the lock is held for a few statements
    (with SQLite, the lock on the whole database that the mail worker waits for too)."""
    if answer not in EventInvitation.Answer.values:
        raise AnswerRefused(_("Choose yes, no or maybe."))
    note, needs = note.strip(), needs.strip()
    if len(note) > MAX_NOTE or len(needs) > MAX_NOTE:
        raise AnswerRefused(_("Notes may have at most %(count)d characters.") % {"count": MAX_NOTE})
    at = now or timezone.now()
    prepared = _answer_prepared(invitation, answer, note, needs, at)
    with transaction.atomic():
        event = Event.objects.select_for_update(of=("self",)).get(pk=invitation.event_id)
        current = EventInvitation.objects.select_related("contact").get(pk=invitation.pk)
        if prepared is not None and prepared.still_valid(event, current):
            event = prepared.event  # as read before, with its partner and sessions
        else:
            prepared = None
            prefetch_related_objects([event], "partner", SESSIONS)
        current.event = event
        state = answer_state(current, now)
        if state is not LinkState.OPEN:
            raise AnswerRefused(state=state)
        if (current.answer, current.note, current.needs) == (answer, note, needs):
            return current
        previous_place = _answer_apply(current, answer, note, needs, at)
        _answer_mail(current, previous_place, prepared=prepared.mail if prepared else None)
        current.save()  # after the mail: with the calendar sequence it carries
        if previous_place == Place.CONFIRMED and not current.place:
            _promote(event)
        audit_log(actor=None, action="events.invitation.answered", obj=current,
                  data={"answer": answer, "place": current.place})
        outbox_wake()
    return current


@dataclass
class _PreparedAnswer:
    event: Event  # with partner and sessions
    invitation: EventInvitation  # as the caller read it
    contact: Contact
    mail: OutgoingMail  # rendered, not stored

    def still_valid(self, event: Event, invitation: EventInvitation) -> bool:
        return (_same_row(self.event, event) and _same_row(self.invitation, invitation)
                and _same_row(self.contact, invitation.contact))


def _same_row(one, other) -> bool:
    return all(getattr(one, field.attname) == getattr(other, field.attname)
               for field in type(one)._meta.concrete_fields)


def _answer_prepared(invitation: EventInvitation, answer: str, note: str, needs: str,
                     at: datetime) -> _PreparedAnswer | None:
    """The answer applied to a copy of the caller's invitation, and the mail it brings."""
    draft = copy.copy(invitation)
    event = draft.event
    unchanged = (draft.answer, draft.note, draft.needs) == (answer, note, needs)
    if unchanged or answer_state(draft, at) is not LinkState.OPEN:
        return None
    prefetch_related_objects([event], SESSIONS)
    previous_place = _answer_apply(draft, answer, note, needs, at)
    kind, calendar = _answer_mail_kind(draft.place, previous_place)
    mail = mail_prepare(key=mail_key(draft, kind), **mail_parts(draft, kind, calendar=calendar))
    return _PreparedAnswer(event=event, invitation=invitation, contact=draft.contact, mail=mail)


def _answer_apply(invitation: EventInvitation, answer: str, note: str, needs: str, at: datetime) -> str:
    """Set the answer and the place it gives (not saved); returns the place before."""
    previous_place = invitation.place
    invitation.answer, invitation.note, invitation.needs = answer, note, needs
    invitation.answered_at = at
    invitation.answer_count += 1
    if answer == EventInvitation.Answer.YES:
        if not previous_place:
            invitation.place = Place.CONFIRMED if _has_room(invitation.event) else Place.WAITING
            invitation.waiting_since = invitation.answered_at if invitation.place == Place.WAITING else None
    else:
        invitation.place, invitation.waiting_since = "", None
    return previous_place


def _has_room(event: Event) -> bool:
    if event.capacity is None:
        return True
    return event.invitations.filter(place=EventInvitation.Place.CONFIRMED).count() < event.capacity


@dataclass(frozen=True)
class WaitingListOutlook:
    """Where a person stands when the event is full: `waiting` already on the waiting list, else
    where a yes would put them; `position` 1 is the next to be given a place."""
    position: int
    waiting: bool


def waiting_list_outlook(invitation: EventInvitation) -> WaitingListOutlook | None:
    """The waiting list as this person would meet it (one query at most); None when they hold a
    place, or a yes would give one."""
    event = invitation.event
    if invitation.place == Place.CONFIRMED or event.capacity is None:
        return None
    if invitation.place == Place.WAITING:  # in the order _promote gives places
        ahead = event.invitations.filter(place=Place.WAITING).filter(
            Q(waiting_since__lt=invitation.waiting_since)
            | Q(waiting_since=invitation.waiting_since, id__lt=invitation.id)).count()
        return WaitingListOutlook(position=ahead + 1, waiting=True)
    places = event.invitations.aggregate(confirmed=Count("id", filter=Q(place=Place.CONFIRMED)),
                                         waiting=Count("id", filter=Q(place=Place.WAITING)))
    if places["confirmed"] < event.capacity:
        return None
    return WaitingListOutlook(position=places["waiting"] + 1, waiting=False)


def _answer_mail(invitation: EventInvitation, previous_place: str, *,
                 prepared: OutgoingMail | None = None) -> None:
    """The mail an answer brings; the caller saves the invitation afterwards."""
    kind, calendar = _answer_mail_kind(invitation.place, previous_place)
    invitation_mail(invitation, kind, calendar=calendar, saved_later=True, prepared=prepared)


def _answer_mail_kind(place: str, previous_place: str) -> tuple[str, str | None]:
    """The kind of mail and the calendar method of the file it carries."""
    if place == Place.CONFIRMED and previous_place != Place.CONFIRMED:
        return "confirmed", "request"
    if place == Place.CONFIRMED:
        return "answer_changed", None  # e.g. a new note; the calendar entry stands
    if place == Place.WAITING:
        return "waiting", None
    if previous_place == Place.CONFIRMED:
        return "declined", "cancel"
    return "answer_changed", None


def _promote(event: Event) -> list[EventInvitation]:
    """Give free places to those waiting, first come first served."""
    promoted = []
    while _has_room(event):
        waiting = (event.invitations.select_related("contact", "event__partner")
                   .filter(place=EventInvitation.Place.WAITING).order_by("waiting_since", "id").first())
        if waiting is None:
            break
        waiting.event = event  # with its sessions, when the caller read them
        waiting.place, waiting.waiting_since = EventInvitation.Place.CONFIRMED, None
        waiting.answer_count += 1
        waiting.save(update_fields=["place", "waiting_since", "answer_count", "updated_at"])
        invitation_mail(waiting, "promoted", calendar="request")
        audit_log(actor=None, action="events.invitation.promoted", obj=waiting)
        promoted.append(waiting)
    return promoted


def capacity_changed(event: Event) -> list[EventInvitation]:
    """After staff raise the number of places: promote those waiting."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        promoted = _promote(event)
        outbox_flush()
    return promoted


def invitation_check_in(*, actor, invitation: EventInvitation, present: bool) -> EventInvitation:
    require_change(actor, invitation.event)
    invitation.checked_in_at = timezone.now() if present else None
    invitation.save(update_fields=["checked_in_at", "updated_at"])
    audit_log(actor=actor, action="events.invitation.checked_in", obj=invitation,
              data={"present": present})
    return invitation
