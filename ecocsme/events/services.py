"""Writes of events: saving with sessions, publishing, cancelling, invitations, answers with
the waiting list, reminders and check-in (EVT-1, EVT-2, EVT-4).

Every mail goes through the outbox under a key naming what it is for, so it goes out once:
an answer changed three times makes three mails, a double click on the same answer none.
"""

import copy
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, prefetch_related_objects
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log, changed_fields
from ecocsme.core.http import absolute_url
from ecocsme.core.models import OutgoingMail
from ecocsme.core.outbox import mail_prepare, mail_queue, mail_store, outbox_flush, outbox_wake
from ecocsme.organisations.models import Consent, Contact
from ecocsme.organisations.selectors import why_not_invitable
from ecocsme.organisations.tokens import unsubscribe_headers

from .ics import event_url, invitation_calendar
from .models import CalendarLink, Event, EventInvitation, Session
from .selectors import SESSIONS
from .times import TimeProblem, overall_bounds, session_span, zone_named
from .tokens import calendar_token, invitation_token, new_nonce

MAX_NOTE = 2000
ICS_TYPE = "text/calendar; method={method}; charset=utf-8"
# What a calendar shows: a change to any of these raises the event's SEQUENCE and is sent
# to the confirmed participants.
CALENDAR_FIELDS = ("title", "description", "time_zone", "venue", "address", "city", "online_url")


def require_change(actor, event: Event) -> None:
    if not actor.has_perm("events.change_event", event):
        raise PermissionDenied(_("Only the organising partner's staff and the coordinator may do this."))


# --- saving an event ---------------------------------------------------------------------------------
@dataclass
class SessionInput:
    day: date
    start: time | None
    end: time | None
    title: dict = field(default_factory=dict)


def _time_message(problem: TimeProblem, number: int) -> str:
    moment = formats.date_format(problem.moment, "DATETIME_FORMAT")
    if problem.code == "nonexistent":
        return _("Session %(n)s: %(moment)s does not exist in %(zone)s — the clocks move forward "
                 "that night. Choose a time before or after the change.") % {
            "n": number, "moment": moment, "zone": problem.zone}
    if problem.code == "half":
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
        for invitation in _participants(event).exclude(place=""):
            _queue(invitation, "cancelled", calendar="cancel" if invitation.place == "confirmed" else None,
                   extra={"message": message})
            queued += 1
        audit_log(actor=actor, action="events.event.cancelled", obj=event, data={"mails": queued})
        outbox_flush()
    return queued


def _participants(event: Event):
    return (event.invitations.select_related("contact", "event__partner")
            .prefetch_related("event__sessions").filter(contact__erased_at__isnull=True))


def _send_updates(event: Event) -> None:
    for invitation in _participants(event).filter(place=EventInvitation.Place.CONFIRMED):
        _queue(invitation, "updated", calendar="request")
    outbox_flush()


# --- invitations -------------------------------------------------------------------------------------
@dataclass
class InvitationReport:
    created: list[EventInvitation] = field(default_factory=list)
    skipped: list[tuple[Contact, str]] = field(default_factory=list)


def invitations_create(*, actor, event: Event, contacts) -> InvitationReport:
    """Invite contacts who agreed to receive event invitations; say why others were left out."""
    require_change(actor, event)
    report = InvitationReport()
    invited = set(event.invitations.values_list("contact_id", flat=True))
    consenting = set(Consent.objects.filter(contact__in=contacts, purpose=Consent.Purpose.EVENT_INVITATIONS,
                                            granted=True).values_list("contact_id", flat=True))
    with transaction.atomic():
        for contact in contacts:
            reason = why_not_invitable(actor, contact, purpose=Consent.Purpose.EVENT_INVITATIONS,
                                       invited=invited, consenting=consenting, keeper_id=event.partner_id)
            if reason:
                report.skipped.append((contact, reason))
                continue
            report.created.append(EventInvitation.objects.create(
                event=event, contact=contact, language=contact.language, nonce=new_nonce(),
                message_id=f"<event{event.pk}.inv{contact.pk}.{secrets.token_hex(6)}"
                           f"@{settings.ECOCSME_MAIL_DOMAIN}>"))
            invited.add(contact.pk)
        audit_log(actor=actor, action="events.invitations.created", obj=event,
                  data={"created": len(report.created), "skipped": len(report.skipped)})
    return report


def invitations_send(*, actor, event: Event) -> int:
    """Queue the invitation of everyone not mailed yet; the worker sends them."""
    require_change(actor, event)
    if event.status != Event.Status.PUBLISHED:
        raise ValidationError(_("Publish the event before sending the invitations."))
    queued = 0
    event = Event.objects.select_related("partner").prefetch_related(SESSIONS).get(pk=event.pk)
    calendars: dict = {}  # the same date-only file for everyone who reads the same language
    with transaction.atomic():
        for invitation in _participants(event).filter(mail__isnull=True):
            invitation.event = event
            invitation.mail = _queue(invitation, "invitation", calendar="publish",
                                     message_id=invitation.message_id, calendars=calendars)
            invitation.sent_at = timezone.now()
            invitation.save(update_fields=["mail", "sent_at", "updated_at"])
            queued += 1
        audit_log(actor=actor, action="events.invitations.sent", obj=event, data={"queued": queued})
        outbox_flush()
    return queued


# --- answers -------------------------------------------------------------------------------------------
class AnswerRefused(Exception):
    """The answer cannot be taken; the message says why and whom to ask. Nothing changed."""


def answer_state(invitation: EventInvitation, now: datetime | None = None) -> str:
    """"open", "deadline" (passed), "cancelled" or "over"."""
    now = now or timezone.now()
    event = invitation.event
    if event.status == Event.Status.CANCELLED:
        return "cancelled"
    if event.ends_at and event.ends_at <= now:
        return "over"
    if event.rsvp_deadline and event.rsvp_deadline <= now:
        return "deadline"
    return "open"


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
        if state != "open":
            raise AnswerRefused(state)
        if (current.answer, current.note, current.needs) == (answer, note, needs):
            return current
        previous_place = _answer_apply(current, answer, note, needs, at)
        _answer_mail(current, previous_place, prepared=prepared.mail if prepared else None)
        current.save()  # after the mail: with the calendar sequence it carries
        if previous_place == "confirmed" and not current.place:
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
    if answer_state(draft, at) != "open" or (draft.answer, draft.note, draft.needs) == (answer, note, needs):
        return None
    prefetch_related_objects([event], SESSIONS)
    previous_place = _answer_apply(draft, answer, note, needs, at)
    kind, calendar = _answer_mail_kind(draft.place, previous_place)
    mail = mail_prepare(key=_mail_key(draft, kind), **_mail_parts(draft, kind, calendar=calendar))
    return _PreparedAnswer(event=event, invitation=invitation, contact=draft.contact, mail=mail)


def _answer_apply(invitation: EventInvitation, answer: str, note: str, needs: str, at: datetime) -> str:
    """Set the answer and the place it gives (not saved); returns the place before."""
    previous_place = invitation.place
    invitation.answer, invitation.note, invitation.needs = answer, note, needs
    invitation.answered_at = at
    invitation.answer_count += 1
    if answer == EventInvitation.Answer.YES:
        if not previous_place:
            invitation.place = ("confirmed" if _has_room(invitation.event) else "waiting")
            invitation.waiting_since = invitation.answered_at if invitation.place == "waiting" else None
    else:
        invitation.place, invitation.waiting_since = "", None
    return previous_place


def _has_room(event: Event) -> bool:
    if event.capacity is None:
        return True
    return event.invitations.filter(place=EventInvitation.Place.CONFIRMED).count() < event.capacity


def _answer_mail(invitation: EventInvitation, previous_place: str, *,
                 prepared: OutgoingMail | None = None) -> None:
    """The mail an answer brings; the caller saves the invitation afterwards."""
    kind, calendar = _answer_mail_kind(invitation.place, previous_place)
    _queue(invitation, kind, calendar=calendar, saved_later=True, prepared=prepared)


def _answer_mail_kind(place: str, previous_place: str) -> tuple[str, str | None]:
    """The kind of mail and the calendar method of the file it carries."""
    if place == "confirmed" and previous_place != "confirmed":
        return "confirmed", "request"
    if place == "confirmed":
        return "answer_changed", None  # e.g. a new note; the calendar entry stands
    if place == "waiting":
        return "waiting", None
    if previous_place == "confirmed":
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
        _queue(waiting, "promoted", calendar="request")
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


# --- reminders -----------------------------------------------------------------------------------------
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
            invitation.reminders_sent += 1
            _queue(invitation, "deadline_reminder", extra={"number": invitation.reminders_sent},
                   key_suffix=str(invitation.reminders_sent))
            EventInvitation.objects.filter(pk=invitation.pk).update(reminders_sent=invitation.reminders_sent)
            counts["deadline"] += 1
        if due_only:
            for invitation in base.filter(place="confirmed", event_reminded=False, event__starts_at__gt=now,
                                          event__starts_at__lte=now + REMIND_BEFORE):
                _queue(invitation, "event_reminder")
                EventInvitation.objects.filter(pk=invitation.pk).update(event_reminded=True)
                counts["event"] += 1
        if actor is not None:
            audit_log(actor=actor, action="events.reminders.sent", obj=event, data=counts)
        outbox_flush()
    return counts


# --- check-in --------------------------------------------------------------------------------------------
def check_in(*, actor, invitation: EventInvitation, present: bool) -> EventInvitation:
    require_change(actor, invitation.event)
    invitation.checked_in_at = timezone.now() if present else None
    invitation.save(update_fields=["checked_in_at", "updated_at"])
    audit_log(actor=actor, action="events.invitation.checked_in", obj=invitation,
              data={"present": present})
    return invitation


# --- mail --------------------------------------------------------------------------------------------------
def invitation_retry(*, actor, invitation: EventInvitation) -> bool:
    """Send a failed or uncertain invitation mail again (a person decided to)."""
    from ecocsme.core.outbox import mail_retry

    require_change(actor, invitation.event)
    with transaction.atomic():
        if invitation.mail is None or not mail_retry(invitation.mail):
            return False
        audit_log(actor=actor, action="events.invitation.retried", obj=invitation.event,
                  data={"invitation": invitation.pk})
    return True


def answer_url(invitation: EventInvitation) -> str:
    return absolute_url("events:answer", [invitation_token(invitation)], language=invitation.language)


def personal_calendar_url(contact_id: int) -> str:
    link, _new = CalendarLink.objects.get_or_create(contact_id=contact_id, defaults={"nonce": new_nonce()})
    return absolute_url("calendar_person", [calendar_token(link)])


def calendar_link_replace(*, actor, invitation: EventInvitation) -> str:
    """Revoke a person's calendar address and draw a new one (a leaked or forwarded feed)."""
    require_change(actor, invitation.event)
    with transaction.atomic():
        link, created = CalendarLink.objects.get_or_create(contact_id=invitation.contact_id,
                                                           defaults={"nonce": new_nonce()})
        if not created:
            link.nonce, link.replaced_at = new_nonce(), timezone.now()
            link.save(update_fields=["nonce", "replaced_at"])
        audit_log(actor=actor, action="events.calendar_link.replaced", obj=invitation.event,
                  data={"invitation": invitation.pk})
    return absolute_url("calendar_person", [calendar_token(link)])


def _queue(invitation: EventInvitation, kind: str, *, calendar: str | None = None,
           message_id: str | None = None, extra: dict | None = None, key_suffix: str = "",
           calendars: dict | None = None, saved_later: bool = False,
           prepared: OutgoingMail | None = None):
    """One mail to one invitee, in their language, under a key that makes it go out once.
    `saved_later`: the caller saves the invitation, with the calendar sequence sent;
    `prepared`: the same mail rendered before, stored if its key is this one."""
    event = invitation.event
    if calendar and calendar != "publish":
        invitation.calendar_sequence = event.sequence
        if not saved_later:
            EventInvitation.objects.filter(pk=invitation.pk).update(calendar_sequence=event.sequence)
    key = _mail_key(invitation, kind, key_suffix)
    if prepared is not None and prepared.key == key:
        return mail_store(prepared)
    return mail_queue(key=key, **_mail_parts(invitation, kind, calendar=calendar, message_id=message_id,
                                             extra=extra, calendars=calendars))


def _mail_key(invitation: EventInvitation, kind: str, key_suffix: str = "") -> str:
    return (f"events.invitation:{invitation.pk}:{kind}:{invitation.event.sequence}:"
            f"{invitation.answer_count}:{key_suffix}")


def _mail_parts(invitation: EventInvitation, kind: str, *, calendar: str | None = None,
                message_id: str | None = None, extra: dict | None = None,
                calendars: dict | None = None) -> dict:
    """What the mail is made of: its address, context, headers and calendar file."""
    event, contact, language = invitation.event, invitation.contact, invitation.language
    unsubscribe, headers = unsubscribe_headers(contact.pk, Consent.Purpose.EVENT_INVITATIONS, language)
    sessions = list(event.sessions.all())
    context = {
        "kind": kind, "name": contact.name, "event": event, "sessions": sessions,
        "title": event.localized_title(language)[0], "partner": str(event.partner),
        "answer_url": answer_url(invitation), "event_url": event_url(event, language),
        "calendar_url": personal_calendar_url(contact.pk), "invitation": invitation,
        "show_link": invitation.place == "confirmed" and calendar != "cancel",
        "unsubscribe_url": unsubscribe, **(extra or {}),
    }
    if kind != "invitation":
        headers["In-Reply-To"] = headers["References"] = invitation.message_id
    if event.contact_email:
        headers["Reply-To"] = event.contact_email
    attachments = []
    if calendar:
        method = calendar.upper()
        shared = calendars is not None and method == "PUBLISH"
        content = calendars.get(language) if shared else None
        if content is None:
            content = invitation_calendar(event, language=language, address=contact.email,
                                          name=contact.name, method=method)
            if shared:
                calendars[language] = content
        attachments.append((f"{method.lower()}.ics", content, ICS_TYPE.format(method=method)))
    return {"to": contact.email, "contact_id": contact.pk, "template": "events/mail/message",
            "context": context, "language": language, "headers": headers, "message_id": message_id,
            "attachments": attachments}
