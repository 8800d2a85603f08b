"""Every concrete kind of personal invitation, with how to make something to invite people to:
the invitation core's tests (invitations/tests/test_core.py) run on each. A new kind of
invitation (an opportunity digest, an action-plan review) adds a line here."""

from datetime import timedelta

from django.utils import timezone

from ecocsme.actionplans.factories import ActionPlanFactory
from ecocsme.events.factories import EventFactory
from ecocsme.labs.factories import LabFactory


def _lab(partner):
    return LabFactory(partner=partner), {"expires_at": timezone.now() + timedelta(days=9)}


def _event(partner):
    return EventFactory(partner=partner), {}


def _plan(partner):
    """A plan in peer review (one per partner and project: a second one goes to another project)."""
    from ecocsme.actionplans.models import ActionPlan
    from ecocsme.partnerships.factories import ProjectFactory

    project = ProjectFactory() if ActionPlan.objects.filter(partner=partner).exists() else partner.project
    return (ActionPlanFactory(partner=partner, project=project, status=ActionPlan.Status.REVIEW),
            {"expires_at": timezone.now() + timedelta(days=9)})


# model label → (partner → (owner, extra fields of a new invitation))
OWNERS = {"labs.Invitation": _lab, "events.EventInvitation": _event, "actionplans.ReviewInvitation": _plan}
