"""Telling a suggested organisation about an opportunity (OPP-3): the poster's side or a
moderator picks one of the organisations that fit (`matching.organisations_for`); its
representatives get one mail each, with the reasons of the match in their language, once per
opportunity and organisation; a `Reach` row (channel "suggestion") records it for the figures
(OPP-4). Only organisations that wish to be found and were verified are ever told.

The mail is not a subscription, but it is not asked for either: each one has a link (and
`List-Unsubscribe` headers) with which its recipient stops them for that organisation, without
logging in; their digest page stops and restarts them too. An organisation is told of at most
TELLS_PER_DAY opportunities in a day, whoever tells it."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ecocsme.core.audit import audit_log
from ecocsme.core.http import absolute_url
from ecocsme.core.links import link_token
from ecocsme.core.outbox import outbox_wake
from ecocsme.organisations.models import Organisation, Representative

from ..access import REFUSED, SUGGESTIONS_LINK_PURPOSE
from ..models import Opportunity, Reach
from .mail import addressable, representatives_of, user_mail

MAIL_TEMPLATE = "opportunities/mail/tell"
TELLS_PER_DAY = 3


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
    _check_cap(organisation)
    recipients = told_representatives(organisation)
    if not recipients and representatives_of(organisation.pk):
        raise ValidationError(_("The representatives of %(organisation)s asked not to be told of "
                                "opportunities by e-mail.")
                              % {"organisation": organisation.name})
    if not recipients:
        raise ValidationError(_("Nobody represents %(organisation)s on the platform yet: there is no one "
                                "to tell.")
                              % {"organisation": organisation.name})
    with transaction.atomic():
        # one teller at a time per organisation, so that two at once cannot pass the cap together
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        _check_cap(organisation)
        reach, created = Reach.objects.get_or_create(opportunity=opportunity, organisation=organisation,
                                                     channel=Reach.Channel.SUGGESTION,
                                                     defaults={"first_at": timezone.now()})
        if not created:  # told at the same moment by someone else
            return Told(reach, False, 0)
        audit_log(actor=actor, action="opportunities.reach.told", obj=opportunity,
                  data={"organisation": organisation.pk, "recipients": len(recipients)})
        for link in recipients:
            user = link.user
            stop_url = suggestions_stop_url(link, user.language)
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
                          "stop_url": stop_url,
                      }, headers={"List-Unsubscribe": f"<{stop_url}>",
                                  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                                  "Auto-Submitted": "auto-generated"})
        outbox_wake()
    return Told(reach, True, len(recipients))


def _check_cap(organisation) -> None:
    told = Reach.objects.filter(organisation=organisation, channel=Reach.Channel.SUGGESTION,
                                first_at__gte=timezone.now() - dt.timedelta(days=1)).count()
    if told >= TELLS_PER_DAY:
        raise ValidationError(ngettext(
            "%(organisation)s was told of %(count)s opportunity in the last 24 hours: tell it of this one "
            "tomorrow.",
            "%(organisation)s was told of %(count)s opportunities in the last 24 hours: tell it of this one "
            "tomorrow.", told) % {"organisation": organisation.name, "count": told})


def told_representatives(organisation) -> list[Representative]:
    """The representatives of `organisation` who take its suggestions by mail (with their
    accounts), each with an address, in a stable order."""
    links = (Representative.objects.filter(organisation=organisation, suggestions_stopped_at__isnull=True)
             .select_related("user"))
    mailed = {user.pk for user in addressable([link.user for link in links])}
    return sorted((link for link in links if link.user_id in mailed), key=lambda link: link.user_id)


def suggestions_stop_url(link: Representative, language: str) -> str:
    token = link_token(SUGGESTIONS_LINK_PURPOSE, link.pk, link.nonce)
    return absolute_url("opportunities:suggestions_stop", [token], language=language)


def suggestions_set(*, link: Representative, stopped: bool, actor=None, via: str = "link") -> Representative:
    """Stop (or start again) the mail of the opportunities suggested to the organisation,
    for one representative: through the signed link in such a mail (checked by the caller, no
    login) or on their digest page by the person themself. Audited."""
    if actor is not None and actor.pk != link.user_id:
        raise PermissionDenied(_("Only the person concerned may change this."))
    with transaction.atomic():
        link = Representative.objects.select_for_update().select_related("organisation").get(pk=link.pk)
        if (link.suggestions_stopped_at is not None) == stopped:
            return link
        link.suggestions_stopped_at = timezone.now() if stopped else None
        link.save(update_fields=["suggestions_stopped_at"])
        audit_log(actor=actor, action=("opportunities.suggestions.stopped" if stopped
                                       else "opportunities.suggestions.restarted"),
                  obj=link.organisation, data={"via": via, "representative": link.pk})
    return link
