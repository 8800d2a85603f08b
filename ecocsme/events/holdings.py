"""What events keep on a person (ORG-3): their invitations with answer, note, needs and check-in,
the sessions they were checked in at, their calendar address, and the mail sent for their
invitations. Erasure keeps the answer, the place and the check-ins (per session too) for the
figures, and removes the note, the needs and the links."""

from ecocsme.invitations.selectors import legacy_mails
from ecocsme.invitations.services import links_revoke
from ecocsme.organisations import personal_data
from ecocsme.organisations.holdings import audit_blank, audit_of, audit_records, mail_record, mails_blank
from ecocsme.organisations.models import Contact
from ecocsme.organisations.personal_data import record, when

from .models import CalendarLink, EventInvitation


def register() -> None:
    personal_data.register("events", models=("events.EventInvitation", "events.SessionAttendance",
                                             "events.CalendarLink", "core.OutgoingMail"),
                           exporter=events_export, eraser=events_erase)


def _invitations(contact: Contact) -> list[EventInvitation]:
    return list(EventInvitation.objects.filter(contact=contact).select_related("event")
                .prefetch_related("attendances__session").order_by("pk"))


def _presences(invitation: EventInvitation) -> list[dict]:
    return [{"session": a.session.position, "day": a.session.day.isoformat(),
             "checked_in_at": when(a.checked_in_at)}
            for a in sorted(invitation.attendances.all(), key=lambda a: a.session.position)]


def events_export(contact: Contact) -> list[dict]:
    invitations = _invitations(contact)
    items = [record(i, event=str(i.event), language=i.language, sent_at=when(i.sent_at), answer=i.answer,
                    note=i.note, needs=i.needs, answered_at=when(i.answered_at), place=i.place,
                    waiting_since=when(i.waiting_since), checked_in_at=when(i.checked_in_at),
                    present_at_sessions=_presences(i))
             for i in invitations]
    items += [record(link, kind="personal calendar address", replaced_at=when(link.replaced_at))
              for link in CalendarLink.objects.filter(contact=contact)]
    items += [mail_record(mail) for mail in legacy_mails(invitations).order_by("queued_at", "id")]
    items += audit_records(audit_of(EventInvitation, [i.pk for i in invitations]))
    return items


def events_erase(contact: Contact) -> None:
    invitations = _invitations(contact)
    links_revoke(invitations, note="", needs="")
    CalendarLink.objects.filter(contact=contact).delete()
    mails_blank(legacy_mails(invitations))
    audit_blank(audit_of(EventInvitation, [i.pk for i in invitations]), "event invitation (erased contact)")
