"""Inviting contacts to an event and sending the invitations (EVT-2); a person's calendar address."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.core.http import absolute_url
from ecocsme.core.links import new_nonce
from ecocsme.core.outbox import outbox_flush
from ecocsme.invitations import services as invitation_core
from ecocsme.invitations.services import InvitationReport, invitation_mailed

from ..models import CalendarLink, Event, EventInvitation
from ..selectors import SESSIONS
from ..tokens import calendar_token
from .events import require_change
from .mail import invitation_mail, participants


def invitations_create(*, actor, event: Event, contacts) -> InvitationReport:
    """Invite contacts who agreed to receive event invitations; say why others were left out (the
    core checks that the actor may run the event)."""
    return invitation_core.invitations_create(actor=actor, model=EventInvitation, owner=event,
                                              contacts=contacts)


def invitations_send(*, actor, event: Event) -> int:
    """Queue the invitation of everyone not mailed yet; the worker sends them."""
    require_change(actor, event)
    if event.status != Event.Status.PUBLISHED:
        raise ValidationError(_("Publish the event before sending the invitations."))
    queued = 0
    event = Event.objects.select_related("partner").prefetch_related(SESSIONS).get(pk=event.pk)
    calendars: dict = {}  # the same date-only file for everyone who reads the same language
    with transaction.atomic():
        for invitation in participants(event).filter(mail__isnull=True):
            invitation.event = event
            mail = invitation_mail(invitation, "invitation", calendar="publish",
                                   message_id=invitation.message_id, calendars=calendars)
            invitation_mailed(invitation, mail)
            queued += 1
        audit_log(actor=actor, action="events.invitations.sent", obj=event, data={"queued": queued})
        outbox_flush()
    return queued


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
