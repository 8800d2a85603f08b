"""What opportunities keep on a person (ORG-3): the public contact point of an opportunity (a
role or a name, an e-mail address, a phone number) is the poster's own data. A person whose
address is an opportunity's contact gets it in their export, and erasure blanks the contact
point of those opportunities (the opportunity stays, without a contact). The audit log records
that a contact point changed, never what it said. The opportunity's vector is computed from
its title and description only.

The reach (`reach_*`) holds what a stakeholder's account (an account signed up with the contact's
address, `organisations.holdings.stakeholder_accounts_of`) said and asked for: the interests it
expressed for its organisation and its messages in their threads, its digest subscriptions with
their consent, and the mail the reach sent to that address (interests, suggestions, digests).
Erasure keeps what was said, anonymised (the author is dropped; the account itself is deleted by
the accounts holding, which also removes its digest subscriptions) and blanks that mail. The
interests name organisations, never a person; the audit log records what was done, not what was
written. Reach rows and the engagement figures name organisations only."""

from ecocsme.organisations import personal_data
from ecocsme.organisations.models import Contact
from ecocsme.organisations.personal_data import record, when

from .models import Opportunity


def register() -> None:
    personal_data.register("opportunities", models=("opportunities.Opportunity",),
                           exporter=opportunities_export, eraser=opportunities_erase)
    personal_data.register("opportunity_reach",
                           models=("opportunities.Interest", "opportunities.InterestMessage",
                                   "opportunities.DigestSubscription"),
                           exporter=reach_export, eraser=reach_erase)


def _with_contact(contact: Contact):
    if not contact.email:
        return Opportunity.objects.none()
    return Opportunity.objects.filter(contact_email__iexact=contact.email)


def opportunities_export(contact: Contact) -> list[dict]:
    return [record(opportunity, kind="contact point of an opportunity", title=opportunity.title,
                   contact_name=opportunity.contact_name, contact_email=opportunity.contact_email,
                   contact_phone=opportunity.contact_phone, status=opportunity.status,
                   published_at=when(opportunity.published_at))
            for opportunity in _with_contact(contact).order_by("pk")]


def opportunities_erase(contact: Contact) -> None:
    _with_contact(contact).update(contact_name="", contact_email="", contact_phone="")


# --- the reach: interests, their messages, digests, and the mail about them -------------------------
REACH_MAIL_KEYS = ("opportunities.interest:", "opportunities.tell:", "opportunities.digest:")


def _accounts(contact: Contact) -> list:
    from ecocsme.organisations.holdings import stakeholder_accounts_of

    return list(stakeholder_accounts_of(contact))


def _reach_mails(contact: Contact):
    from django.db.models import Q

    from ecocsme.core.models import OutgoingMail

    if not contact.email:
        return OutgoingMail.objects.none()
    keys = Q()
    for prefix in REACH_MAIL_KEYS:
        keys |= Q(key__startswith=prefix)
    return OutgoingMail.objects.filter(keys, to__iexact=contact.email)


def reach_export(contact: Contact) -> list[dict]:
    from ecocsme.organisations.holdings import mail_record

    from .models import DigestSubscription, Interest, InterestMessage

    users = _accounts(contact)
    records = []
    if users:
        records += [record(interest, kind="expression of interest", opportunity=interest.opportunity.title,
                           organisation=interest.organisation.name, message=interest.message,
                           status=interest.status, created_at=when(interest.created_at),
                           withdrawn_at=when(interest.withdrawn_at))
                    for interest in Interest.objects.filter(created_by__in=users)
                    .select_related("opportunity", "organisation").order_by("pk")]
        records += [record(message, kind="message about an interest",
                           opportunity=message.interest.opportunity.title,
                           organisation=message.interest.organisation.name, body=message.body,
                           written_at=when(message.created_at))
                    for message in InterestMessage.objects.filter(author__in=users)
                    .select_related("interest__opportunity", "interest__organisation").order_by("pk")]
        records += [record(subscription, kind="digest of new opportunities",
                           organisation=subscription.organisation.name,
                           frequency=subscription.frequency, consented_at=when(subscription.consented_at),
                           consent_source=subscription.consent_source, consent_text=subscription.consent_text,
                           unsubscribed_at=when(subscription.unsubscribed_at))
                    for subscription in DigestSubscription.objects.filter(user__in=users)
                    .select_related("organisation").order_by("pk")]
    records += [mail_record(mail) for mail in _reach_mails(contact).order_by("queued_at", "id")]
    return records


def reach_erase(contact: Contact) -> None:
    """What the accounts said stays without its author; their digests stop; the mail is blanked.
    Runs before or after the accounts holding deletes the accounts alike (the mail is found by its
    address, and a deleted account leaves no author behind)."""
    from ecocsme.organisations.holdings import mails_blank

    from .models import DigestSubscription, Interest, InterestMessage

    users = _accounts(contact)
    if users:
        Interest.objects.filter(created_by__in=users).update(created_by=None)
        InterestMessage.objects.filter(author__in=users).update(author=None)
        DigestSubscription.objects.filter(user__in=users).delete()
    mails_blank(_reach_mails(contact))
