"""Digests of new opportunities that fit an organisation (OPP-3), by consent.

A representative subscribes, for the organisation they represent, to a daily or weekly mail of
the opportunities published since the last digest that fit it (`matching.opportunities_for`;
not those it already said it is interested in):
a box they tick says what they will get; the time, the source and that wording are kept, and
audited. The task `send_digests` (queued by `ecocsme send-digests`, hourly) sends each due
subscription one mail for its day or ISO week (outbox key per subscription and period, so a second
run sends nothing), at most DIGEST_SIZE opportunities with their reasons in the recipient's
language and a one-click unsubscribe link (signed, no login; `List-Unsubscribe` headers too), and
nothing when none is new. Each opportunity sent counts as a `Reach` (channel "digest").

An organisation that no longer wishes to be found still gets its own digest (being found is about
others seeing it); one that is no longer verified gets none, and a person who no longer represents
the organisation gets none of its digests. Only representatives subscribe (not the administrator
for someone else: a digest is one's own mail, by one's own consent).

Digests go to user accounts, not to a partner's contacts, so they do not use the invitation core
(`invitations/`), whose personal links and consent belong to `organisations.Contact`."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log
from ecocsme.core.http import absolute_url
from ecocsme.core.links import link_token, new_nonce
from ecocsme.core.outbox import outbox_wake
from ecocsme.organisations.rules import representing_ids

from ..access import DIGEST_LINK_PURPOSE
from ..models import DigestSubscription, Reach
from .mail import user_mail

DIGEST_SIZE = 10  # opportunities in one digest at most
DIGEST_CANDIDATES = 100  # the best-fitting open opportunities a digest picks the new ones from
MAIL_TEMPLATE = "opportunities/mail/digest"
PERIOD_LENGTH = {DigestSubscription.Frequency.DAILY: dt.timedelta(days=1),
                 DigestSubscription.Frequency.WEEKLY: dt.timedelta(days=7)}


def consent_wording(organisation) -> str:
    """What the consent box says, in the active language: the words the person agrees to (kept
    with the consent, beside how often they chose)."""
    return _("E-mail me, once a day or once a week as I choose above, the newly published "
             "opportunities that fit %(organisation)s: at most ten in a mail, each with the reasons, and "
             "no mail when nothing new fits. Every mail has a link to stop at once.") % {
        "organisation": organisation.name}


def period_of(frequency: str, moment: dt.datetime) -> str:
    """The digest's period holding `moment` (local time): its day, "2025-06-02", or its ISO week,
    "2025-W23"."""
    day = timezone.localtime(moment).date()
    if frequency == DigestSubscription.Frequency.DAILY:
        return day.isoformat()
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def unsubscribe_url(subscription: DigestSubscription, language: str) -> str:
    token = link_token(DIGEST_LINK_PURPOSE, subscription.pk, subscription.nonce)
    return absolute_url("opportunities:digest_unsubscribe", [token], language=language)


# --- subscribing and stopping -----------------------------------------------------------------------
def digest_subscribe(*, actor, organisation, frequency: str, consent: bool,
                     source: str = DigestSubscription.Source.FORM, now: dt.datetime | None = None
                     ) -> DigestSubscription:
    """The actor (a representative of the verified `organisation`) asks for its digest, daily or
    weekly, having ticked the consent box; again, it changes how often, or starts again after an
    unsubscription. The first digest covers the period before subscribing too."""
    if organisation.pk not in representing_ids(actor):  # the administrator too: a digest is one's own mail
        raise PermissionDenied(_("Only the representatives of an organisation subscribe to its digest."))
    if organisation.verified_at is None:
        raise ValidationError(_("The partners' staff verify the organisation first; then you can subscribe."))
    if frequency not in DigestSubscription.Frequency.values:
        raise ValidationError({"frequency": _("Choose daily or weekly.")})
    if not consent:
        raise ValidationError({"consent": _("Tick the box to agree to receive the digest; nothing is sent "
                                            "without it.")})
    if not actor.email:
        raise ValidationError(_("Your account has no e-mail address to send the digest to."))
    now = now or timezone.now()
    wording = consent_wording(organisation)
    with transaction.atomic():
        subscription = (DigestSubscription.objects.select_for_update()
                        .filter(organisation=organisation, user=actor).first())
        if subscription is not None and subscription.is_active and subscription.frequency == frequency:
            return subscription
        if subscription is None:
            subscription = DigestSubscription(organisation=organisation, user=actor, nonce=new_nonce())
            action = "opportunities.digest.subscribed"
        else:
            action = ("opportunities.digest.changed" if subscription.is_active
                      else "opportunities.digest.subscribed")
        if action == "opportunities.digest.subscribed":
            subscription.covered_until = now - PERIOD_LENGTH[frequency]
            subscription.unsubscribed_at = None
        subscription.frequency = frequency
        subscription.consented_at, subscription.consent_source = now, source
        subscription.consent_text = wording
        subscription.save()
        audit_log(actor=actor, action=action, obj=subscription,
                  data={"frequency": frequency, "source": source, "consented_at": now.isoformat()})
    return subscription


def digest_unsubscribe(*, subscription: DigestSubscription, actor=None,
                       via: str = "link") -> DigestSubscription:
    """Stop the digest: through its signed link (the link was checked by the caller; no login) or
    from the digest page by the person themself."""
    if actor is not None and actor.pk != subscription.user_id:
        raise PermissionDenied(_("Only the person who subscribed may stop their digest here."))
    with transaction.atomic():
        subscription = DigestSubscription.objects.select_for_update().get(pk=subscription.pk)
        if not subscription.is_active:
            return subscription
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at", "updated_at"])
        audit_log(actor=actor, action="opportunities.digest.unsubscribed", obj=subscription,
                  data={"via": via})
    return subscription


# --- sending -------------------------------------------------------------------------------------------
def _sendable():
    """Active subscriptions of verified organisations, to an active account with an address that
    still represents the organisation (a representative removed gets no more of its digests)."""
    return (DigestSubscription.objects.filter(unsubscribed_at__isnull=True,
                                              organisation__verified_at__isnull=False, user__is_active=True,
                                              user__representing__organisation=F("organisation"))
            .exclude(user__email="").select_related("organisation", "user"))


def due_subscriptions(now: dt.datetime):
    """The sendable subscriptions whose digest of the current period has not been made."""
    return due_subscriptions_of(_sendable().order_by("pk"), now)


def new_matches(subscription: DigestSubscription, now: dt.datetime) -> list:
    """The opportunities published since the last digest that clearly fit the organisation (a
    sector asked for, or a description close in meaning: `Explanation.strong`), best first, at
    most DIGEST_SIZE, each with its reasons in the recipient's language; not those the
    organisation already said it is interested in."""
    from ..matching import opportunities_for
    from ..selectors import interested_opportunity_ids

    answered = interested_opportunity_ids(subscription.organisation)
    with translation.override(subscription.user.language):
        found = opportunities_for(subscription.organisation, k=DIGEST_CANDIDATES)
        fresh = [match for match in found
                 if match.explanation.strong  # a digest is mail: only what clearly fits
                 and match.record.published_at is not None and match.record.pk not in answered
                 and subscription.covered_until < match.record.published_at <= now]
        for match in fresh:
            match.reasons = [str(reason) for reason in match.reasons]
    return fresh[:DIGEST_SIZE]


def digest_send(subscription_id: int, *, now: dt.datetime | None = None) -> bool:
    """Make the current period's digest of one subscription: a mail when something new fits,
    nothing otherwise; either way the period counts as done. Whether a mail was queued."""
    now = now or timezone.now()
    subscription = _sendable().filter(pk=subscription_id).first()
    if subscription is None or not due_subscriptions_of([subscription], now):
        return False
    period = period_of(subscription.frequency, now)
    matches = new_matches(subscription, now)
    with transaction.atomic():
        locked = DigestSubscription.objects.select_for_update().get(pk=subscription.pk)
        if locked.last_period == period or not locked.is_active:
            return False  # made by another run meanwhile, or stopped
        if matches:
            _digest_mail(subscription, matches, period, now)
            Reach.objects.bulk_create(
                [Reach(opportunity=match.record, organisation=subscription.organisation,
                       channel=Reach.Channel.DIGEST, first_at=now) for match in matches],
                ignore_conflicts=True)
        locked.last_period, locked.covered_until = period, now
        locked.last_sent_at = now if matches else locked.last_sent_at
        locked.save(update_fields=["last_period", "covered_until", "last_sent_at", "updated_at"])
    return bool(matches)


def due_subscriptions_of(subscriptions, now: dt.datetime) -> list:
    """Those of `subscriptions` (with organisation and user) whose digest is due at `now`."""
    return [s for s in subscriptions if s.is_active and s.organisation.verified_at is not None
            and s.user.is_active and s.user.email and s.last_period != period_of(s.frequency, now)]


def digests_send(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Every due digest (the task `send_digests`): {"due": …, "sent": …}."""
    now = now or timezone.now()
    due = due_subscriptions(now)
    sent = sum(digest_send(subscription.pk, now=now) for subscription in due)
    return {"due": len(due), "sent": sent}


def _digest_mail(subscription: DigestSubscription, matches: list, period: str, now: dt.datetime) -> None:
    user = subscription.user
    url = unsubscribe_url(subscription, user.language)
    with translation.override(user.language):
        items = [{"title": match.record.title, "language": match.record.language,
                  "kind": str(match.record.get_kind_display()), "ecoc_title": str(match.record.ecoc_title),
                  "deadline": date_format(match.record.deadline, "DATE_FORMAT"), "reasons": match.reasons,
                  "url": absolute_url("opportunities:detail", [match.record.pk], language=user.language)}
                 for match in matches]
        # the first digest reaches back one period before subscribing; later ones, to the last run
        since = date_format(timezone.localtime(subscription.covered_until), "DATE_FORMAT")
    user_mail(user, key=f"opportunities.digest:{subscription.pk}:{period}", template=MAIL_TEMPLATE,
              context={"organisation": subscription.organisation.name, "items": items, "since": since,
                       "frequency": subscription.frequency, "unsubscribe_url": url,
                       "digest_url": absolute_url("opportunities:digest", [subscription.organisation_id],
                                                  language=user.language)},
              headers={"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                       "Auto-Submitted": "auto-generated"})
    outbox_wake()
