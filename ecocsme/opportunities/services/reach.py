"""Telling a suggested organisation about an opportunity (OPP-3): the poster's side or a
moderator picks one of the organisations that fit (`matching.organisations_for`); its
representatives get one mail each, with the reasons of the match in their language, once per
opportunity and organisation; a `Reach` row (channel "suggestion") records it for the figures
(OPP-4). Only organisations that wish to be found and were verified are ever told."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.core.http import absolute_url
from ecocsme.core.outbox import outbox_wake

from ..access import REFUSED
from ..models import Opportunity, Reach
from .mail import representatives_of, user_mail

MAIL_TEMPLATE = "opportunities/mail/tell"


class Told:
    """What `reach_tell` did: the Reach row, and whether it is new (False: told before)."""

    def __init__(self, reach: Reach, new: bool, recipients: int):
        self.reach, self.new, self.recipients = reach, new, recipients


def _fitting(opportunity: Opportunity, organisation):
    from ..matching import organisations_for

    return next((match for match in organisations_for(opportunity) if match.record.pk == organisation.pk),
                None)


def reach_tell(*, actor, opportunity: Opportunity, organisation) -> Told:
    """Mail the representatives of `organisation` (findable, verified, among the organisations
    that fit the published, open `opportunity`) about it, once; record the reach."""
    if not actor.has_perm("opportunities.tell_organisation", opportunity):
        raise PermissionDenied(REFUSED)
    if not opportunity.is_open:
        raise ValidationError(_("Only a published opportunity whose deadline has not passed can be "
                                "made known."))
    if not organisation.findable or organisation.verified_at is None:
        raise ValidationError(_("This organisation does not wish to be found, or is not verified: it is "
                                "suggested to nobody."))
    done = Reach.objects.filter(opportunity=opportunity, organisation=organisation,
                                channel=Reach.Channel.SUGGESTION).first()
    if done is not None:
        return Told(done, False, 0)
    if _fitting(opportunity, organisation) is None:
        raise ValidationError(_("%(organisation)s is not among the organisations that fit this opportunity.")
                              % {"organisation": organisation.name})
    recipients = representatives_of(organisation.pk)
    if not recipients:
        raise ValidationError(_("Nobody represents %(organisation)s on the platform yet: there is no one "
                                "to tell. Its page shows how to reach it.")
                              % {"organisation": organisation.name})
    with transaction.atomic():
        reach, created = Reach.objects.get_or_create(opportunity=opportunity, organisation=organisation,
                                                     channel=Reach.Channel.SUGGESTION,
                                                     defaults={"first_at": timezone.now()})
        if not created:  # told at the same moment by someone else
            return Told(reach, False, 0)
        audit_log(actor=actor, action="opportunities.reach.told", obj=opportunity,
                  data={"organisation": organisation.pk, "recipients": len(recipients)})
        for user in recipients:
            with translation.override(user.language):
                match = _fitting(opportunity, organisation)
                reasons = [str(reason) for reason in (match.reasons if match else [])]
                deadline = date_format(opportunity.deadline, "DATE_FORMAT")
            user_mail(user, key=f"opportunities.tell:{opportunity.pk}:{organisation.pk}:{user.pk}",
                      template=MAIL_TEMPLATE, context={
                          "opportunity": opportunity.title, "text_language": opportunity.language,
                          "kind": opportunity.get_kind_display, "ecoc_title": str(opportunity.ecoc_title),
                          "deadline": deadline, "organisation": organisation.name, "reasons": reasons,
                          "opportunity_url": absolute_url("opportunities:detail", [opportunity.pk],
                                                          language=user.language),
                          "profile_url": absolute_url("organisations:my_organisation",
                                                      language=user.language),
                      })
        outbox_wake()
    return Told(reach, True, len(recipients))
