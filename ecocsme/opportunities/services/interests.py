"""Expressions of interest (OPP-3) and their threads.

A representative of a verified organisation (whether or not it wishes to be found) says "we are
interested" in an open, published opportunity, with a message; one interest per organisation and
opportunity. Saying it again changes the first message while nobody has answered it; once the
thread has begun, or after a withdrawal, the new words join the thread (a withdrawal is taken back,
the status stays what the poster's side set: "not retained" is not undone). The poster's
side (who posted it, the representatives of the organisation it was posted for, its moderators,
the coordinators) answers in the thread and sets the status; the interested organisation writes
in the thread and may withdraw. Every new message mails the other side through the outbox, in
each recipient's language, with a link to the thread. Every write checks the permission by its
rule alone (the model backend's "an administrator may do anything" would skip the state of the
interest: a withdrawn thread, a contracted interest), checks the input, writes in one transaction
and records an `AuditEntry` (`opportunities.interest.<verb>`; what people wrote stays out of
the audit log)."""

import datetime as dt
import unicodedata

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecocsme.accounts.plain_text import lines as plain_lines
from ecocsme.core.audit import audit_log
from ecocsme.core.http import absolute_url
from ecocsme.core.outbox import outbox_wake
from ecocsme.organisations.rules import representing_ids

from ..access import INTEREST_REFUSED, interest_organisations
from ..models import INTEREST_MESSAGE_MAX_CHARS, Interest, InterestMessage, Opportunity
from .mail import poster_side_users, representatives_of, titled, user_mail

MAIL_TEMPLATE = "opportunities/mail/interest"
REPEAT_WINDOW = dt.timedelta(minutes=10)  # the same message again this soon is a double submission
WITHDRAWN_THREAD = gettext_lazy("The organisation withdrew its interest: the thread takes no more messages. "
                                "It can say it is interested again on the opportunity's page.")
# Letters and signs that print as nothing: Hangul fillers, the blank Braille pattern.
BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _require(actor, perm: str, obj=None) -> None:
    if not (actor.is_active and rules.has_perm(perm, actor, obj)):
        raise PermissionDenied(INTEREST_REFUSED)


def _require_open(interest: Interest, refusal: str) -> None:
    if interest.is_withdrawn:
        raise ValidationError(refusal)


def check_message(text: str, *, field: str = "message") -> str:
    """The message, cleaned (line ends as "\n", a browser's CR LF counting as one character; no
    control characters, no format characters: direction marks, zero-width spaces, invisible
    operators) and trimmed: not empty (the other side needs something to answer: a visible
    letter, digit or sign), at most INTEREST_MESSAGE_MAX_CHARS characters."""
    text = "".join(character for character in plain_lines(text or "")
                   if unicodedata.category(character) != "Cf").strip()  # format characters are invisible
    if not any(unicodedata.category(character)[0] in "LNS" and character not in BLANK_LOOKING
               for character in text):
        raise ValidationError({field: _("Write a few words: what you offer, or what you ask.")})
    if len(text) > INTEREST_MESSAGE_MAX_CHARS:
        raise ValidationError({field: _(
            "The message is %(count)s characters long; at most %(limit)s are allowed.") % {
            "count": number_format(len(text), force_grouping=True),
            "limit": number_format(INTEREST_MESSAGE_MAX_CHARS, force_grouping=True)}})
    return text


def _locked(interest: Interest) -> Interest:
    return (Interest.objects.select_for_update(of=("self",))
            .select_related("opportunity__partner", "opportunity__organisation", "organisation")
            .get(pk=interest.pk))


def _stamp(moment) -> str:
    return f"{moment.timestamp():.6f}"


# --- saying "we are interested" ------------------------------------------------------------------
def interest_express(*, actor, opportunity: Opportunity, organisation, message: str) -> Interest:
    """`organisation` (a verified one the actor represents) is interested in `opportunity` (open
    and published). Said again before anyone answered, the first message changes; once the thread
    has begun, or after a withdrawal, the words join the thread (the withdrawal taken back, the
    status kept). The same words twice change nothing and mail nobody (a double click)."""
    _require(actor, "opportunities.express_interest", opportunity)
    if organisation is None or organisation.pk not in {o.pk for o in interest_organisations(actor)}:
        raise PermissionDenied(_("You may say so for the verified organisations you represent only."))
    message = check_message(message)
    with transaction.atomic():
        # One at a time per opportunity: two clicks make one interest.
        opportunity = (Opportunity.objects.select_for_update(of=("self",))
                       .select_related("partner", "organisation").get(pk=opportunity.pk))
        if not opportunity.is_published:
            raise ValidationError(_("Only a published opportunity takes expressions of interest."))
        if opportunity.deadline_passed:
            raise ValidationError(_("The deadline has passed: this opportunity takes no more expressions "
                                    "of interest."))
        if opportunity.organisation_id == organisation.pk:
            raise ValidationError(_("Your organisation posted this opportunity."))
        interest = (Interest.objects.select_for_update(of=("self",))
                    .filter(opportunity=opportunity, organisation=organisation).first())
        if interest is None:
            interest = Interest.objects.create(opportunity=opportunity, organisation=organisation,
                                               created_by=actor, message=message)
            interest.opportunity, interest.organisation = opportunity, organisation
            audit_log(actor=actor, action="opportunities.interest.expressed", obj=interest,
                      data={"organisation": organisation.pk})
            _mail(interest, poster_side_users(opportunity), "said", moment=interest.created_at, actor=actor,
                  body=message)
            return interest
        interest.opportunity, interest.organisation = opportunity, organisation
        if interest.is_withdrawn:
            return _renew(actor, interest, message)
        if interest.first_message_changeable:
            return _change_first_message(actor, interest, message)
        _add_message(actor, interest, message, InterestMessage.Side.INTERESTED)
    return interest


def _renew(actor, interest: Interest, message: str) -> Interest:
    """After a withdrawal: the interest is back, with the status the poster's side had set; the
    words join the thread."""
    interest.withdrawn_at = None
    interest.save(update_fields=["withdrawn_at", "updated_at"])
    added = InterestMessage.objects.create(interest=interest, author=actor,
                                           side=InterestMessage.Side.INTERESTED, body=message)
    audit_log(actor=actor, action="opportunities.interest.renewed", obj=interest,
              data={"organisation": interest.organisation_id, "message": added.pk})
    _mail(interest, poster_side_users(interest.opportunity), "said", moment=added.created_at, actor=actor,
          body=message, key=f"{added.pk}")
    return interest


def _change_first_message(actor, interest: Interest, message: str) -> Interest:
    """Nobody has answered yet: the first message is corrected in place."""
    if interest.message == message:
        return interest
    interest.message = message
    interest.save(update_fields=["message", "updated_at"])
    audit_log(actor=actor, action="opportunities.interest.changed", obj=interest,
              data={"organisation": interest.organisation_id})
    _mail(interest, poster_side_users(interest.opportunity), "changed", moment=interest.updated_at,
          actor=actor, body=message)
    return interest


# --- the thread ----------------------------------------------------------------------------------
def interest_reply(*, actor, interest: Interest, body: str) -> InterestMessage:
    """A message in the thread, by the poster's side or the interested organisation; mailed to
    the other side. The same text again from the same person within minutes is not added twice."""
    body = check_message(body, field="body")
    with transaction.atomic():
        interest = _locked(interest)
        _require(actor, "opportunities.view_interest", interest)
        _require_open(interest, WITHDRAWN_THREAD)
        _require(actor, "opportunities.reply_interest", interest)
        side = (InterestMessage.Side.INTERESTED if interest.organisation_id in representing_ids(actor)
                else InterestMessage.Side.POSTER)
        return _add_message(actor, interest, body, side)


def _add_message(actor, interest: Interest, body: str, side: str) -> InterestMessage:
    last = interest.messages.order_by("-created_at", "-id").first()
    if (last is not None and last.author_id == actor.pk and last.body == body
            and timezone.now() - last.created_at < REPEAT_WINDOW):
        return last
    message = InterestMessage.objects.create(interest=interest, author=actor, side=side, body=body)
    audit_log(actor=actor, action="opportunities.interest.replied", obj=interest,
              data={"side": side, "message": message.pk})
    to = (poster_side_users(interest.opportunity) if side == InterestMessage.Side.INTERESTED
          else representatives_of(interest.organisation_id))
    _mail(interest, to, "message", moment=message.created_at, actor=actor, body=body, key=f"{message.pk}")
    Interest.objects.filter(pk=interest.pk).update(updated_at=timezone.now())
    return message


def interest_set_status(*, actor, interest: Interest, status: str) -> Interest:
    """The poster's side says where things stand: interested, in talks, contracted (counted in
    the engagement figures, with its date) or not retained; the organisation is told."""
    if status not in Interest.Status.values:
        raise ValidationError(_("Choose one of the statuses: %(names)s.") % {
            "names": ", ".join(str(label) for label in Interest.Status.labels)})
    with transaction.atomic():
        interest = _locked(interest)
        _require(actor, "opportunities.view_interest", interest)
        _require_open(interest, _("The organisation withdrew its interest: its status stays as it was."))
        _require(actor, "opportunities.set_interest_status", interest)
        if interest.status == status:
            return interest
        before = interest.status
        interest.status = status
        interest.contracted_at = timezone.now() if status == Interest.Status.CONTRACTED else None
        interest.save(update_fields=["status", "contracted_at", "updated_at"])
        audit_log(actor=actor, action="opportunities.interest.status_changed", obj=interest,
                  data={"from": before, "to": status})
        _mail(interest, representatives_of(interest.organisation_id), "status", moment=interest.updated_at,
              actor=actor)
    return interest


def interest_withdraw(*, actor, interest: Interest) -> Interest:
    """The interested organisation takes its interest back (not once contracted); the thread
    stays readable, and saying it again brings it back."""
    with transaction.atomic():
        interest = _locked(interest)
        _require(actor, "opportunities.view_interest", interest)
        if interest.organisation_id not in representing_ids(actor):
            raise PermissionDenied(_("Only the representatives of the interested organisation withdraw its "
                                     "interest."))
        if interest.is_withdrawn:
            return interest
        if interest.status == Interest.Status.CONTRACTED:
            raise ValidationError(_("A contracted interest is not withdrawn: write to the opportunity's side "
                                    "in the thread."))
        _require(actor, "opportunities.withdraw_interest", interest)
        interest.withdrawn_at = timezone.now()
        interest.save(update_fields=["withdrawn_at", "updated_at"])
        audit_log(actor=actor, action="opportunities.interest.withdrawn", obj=interest)
        _mail(interest, poster_side_users(interest.opportunity), "withdrawn", moment=interest.withdrawn_at,
              actor=actor)
    return interest


# --- mail ------------------------------------------------------------------------------------------
def _mail(interest: Interest, users, kind: str, *, moment, actor, body: str = "", key: str = "") -> None:
    """One mail to each of `users` but the actor, in their language, linking to the thread.

    No unsubscribe link: these mails belong to a conversation the recipient's side started (by
    posting the opportunity, or by saying it is interested) and end with it; they are not a
    subscription. Their outbox key names the interest, the kind, the moment (or message) and the
    recipient, so a repeated request queues nothing."""
    opportunity, organisation = interest.opportunity, interest.organisation
    for user in users:
        if user.pk == actor.pk:
            continue
        user_mail(user, key=f"opportunities.interest:{interest.pk}:{kind}:{key or _stamp(moment)}:{user.pk}",
                  template=MAIL_TEMPLATE, context={
                      "kind": kind, **titled(opportunity),
                      "organisation": organisation.name, "body": body,
                      "status": interest.status, "status_label": interest.get_status_display,
                      "thread_url": absolute_url("opportunities:interest", [interest.pk],
                                                 language=user.language),
                  })
    outbox_wake()
