"""Every concrete kind of personal invitation, with how to make something to invite people to:
the invitation core's tests (invitations/tests/test_core.py) run on each. A new kind of
invitation (an opportunity digest, an action-plan review) adds a line here."""

from datetime import timedelta

from django.utils import timezone

from ecocsme.events.factories import EventFactory
from ecocsme.labs.factories import LabFactory


def _lab(partner):
    return LabFactory(partner=partner), {"expires_at": timezone.now() + timedelta(days=9)}


def _event(partner):
    return EventFactory(partner=partner), {}


# model label → (partner → (owner, extra fields of a new invitation))
OWNERS = {"labs.Invitation": _lab, "events.EventInvitation": _event}
