"""The mail of an event's invitations: one mail to one invitee, in their language, under an
outbox key naming the invitation, the kind of mail, the event's sequence and the answer's count,
so that a repeated request sends nothing; with the calendar file it carries."""

from ecocsme.core.http import absolute_url
from ecocsme.core.i18n import in_language
from ecocsme.core.links import new_nonce
from ecocsme.core.models import OutgoingMail
from ecocsme.core.outbox import mail_queue, mail_store
from ecocsme.invitations.services import mail_addressing

from ..ics import event_url, invitation_calendar
from ..models import CalendarLink, Event, EventInvitation
from ..tokens import calendar_token

ICS_TYPE = "text/calendar; method={method}; charset=utf-8"


def participants(event: Event):
    return (event.invitations.select_related("contact", "event__partner")
            .prefetch_related("event__sessions").filter(contact__erased_at__isnull=True))


def personal_calendar_url(contact_id: int) -> str:
    link, _new = CalendarLink.objects.get_or_create(contact_id=contact_id, defaults={"nonce": new_nonce()})
    return absolute_url("calendar_person", [calendar_token(link)])


def invitation_mail(invitation: EventInvitation, kind: str, *, calendar: str | None = None,
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
    key = mail_key(invitation, kind, key_suffix)
    if prepared is not None and prepared.key == key:
        return mail_store(prepared)
    return mail_queue(key=key, **mail_parts(invitation, kind, calendar=calendar, message_id=message_id,
                                            extra=extra, calendars=calendars))


def mail_key(invitation: EventInvitation, kind: str, key_suffix: str = "") -> str:
    return invitation.mail_key(kind, invitation.event.sequence, invitation.answer_count, key_suffix)


def mail_parts(invitation: EventInvitation, kind: str, *, calendar: str | None = None,
               message_id: str | None = None, extra: dict | None = None,
               calendars: dict | None = None) -> dict:
    """What the mail is made of: its address, context, headers and calendar file."""
    event, contact, language = invitation.event, invitation.contact, invitation.language
    addressing, headers = mail_addressing(invitation)
    sessions = list(event.sessions.all())
    context = {
        "kind": kind, "name": contact.name, "event": event, "sessions": sessions,
        "title": in_language(event.title, language), "partner": str(event.partner),
        "answer_url": invitation.answer_url(), "event_url": event_url(event, language),
        "calendar_url": personal_calendar_url(contact.pk), "invitation": invitation,
        "show_link": invitation.place == EventInvitation.Place.CONFIRMED and calendar != "cancel",
        "unsubscribe_url": addressing.pop("unsubscribe_url"), **(extra or {}),
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
    return {**addressing, "template": "events/mail/message", "context": context, "headers": headers,
            "message_id": message_id, "attachments": attachments}
