"""What opportunities keep on a person (ORG-3): the public contact point of an opportunity (a
role or a name, an e-mail address, a phone number) is the poster's own data. A person whose
address is an opportunity's contact gets it in their export, and erasure blanks the contact
point of those opportunities (the opportunity stays, without a contact). The audit log records
that a contact point changed, never what it said. The opportunity's vector is computed from
its title and description only.

The reach (`reach_*`) is kept on a stakeholder's account, never on a partner's contact (an
address alone does not prove the same person; accounts.personal_data): the interests it
expressed for its organisation and its messages in their threads, its digest subscriptions with
their consent, and the mail the reach sent to the account's address (interests, suggestions,
digests). Its owner downloads it on My account; when the account is deleted, what was said stays
without its author, the digests stop and that mail is blanked. The interests name organisations,
never a person; the audit log records what was done, not what was written. Reach rows and the
engagement figures name organisations only."""

from ecocsme.accounts import personal_data as account_data
from ecocsme.organisations import personal_data
from ecocsme.organisations.models import Contact
from ecocsme.organisations.personal_data import record, when

from .models import Opportunity


def register() -> None:
    personal_data.register("opportunities", models=("opportunities.Opportunity",),
                           exporter=opportunities_export, eraser=opportunities_erase)
    account_data.register("opportunity_reach", exporter=reach_export, leaving=reach_leave)


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
REACH_MAIL_KEYS = ("opportunities.interest:", "opportunities.tell:", "opportunities.digest:",
                   "opportunities.moderation:")


def _reach_mails(user):
    from ecocsme.organisations.holdings import mails_to_account

    return mails_to_account(user, REACH_MAIL_KEYS)


def reach_export(user) -> list[dict]:
    from ecocsme.organisations.holdings import mail_record

    from .models import DigestSubscription, Interest, InterestMessage

    records = [record(interest, kind="expression of interest", opportunity=interest.opportunity.title,
                      organisation=interest.organisation.name, message=interest.message,
                      status=interest.status, created_at=when(interest.created_at),
                      withdrawn_at=when(interest.withdrawn_at))
               for interest in Interest.objects.filter(created_by=user)
               .select_related("opportunity", "organisation").order_by("pk")]
    records += [record(message, kind="message about an interest",
                       opportunity=message.interest.opportunity.title,
                       organisation=message.interest.organisation.name, body=message.body,
                       written_at=when(message.created_at))
                for message in InterestMessage.objects.filter(author=user)
                .select_related("interest__opportunity", "interest__organisation").order_by("pk")]
    records += [record(subscription, kind="digest of new opportunities",
                       organisation=subscription.organisation.name,
                       frequency=subscription.frequency, consented_at=when(subscription.consented_at),
                       consent_source=subscription.consent_source, consent_text=subscription.consent_text,
                       unsubscribed_at=when(subscription.unsubscribed_at))
                for subscription in DigestSubscription.objects.filter(user=user)
                .select_related("organisation").order_by("pk")]
    records += [mail_record(mail) for mail in _reach_mails(user).order_by("queued_at", "id")]
    return records


def reach_leave(user, actor) -> None:
    """Before the account goes: what it said stays without its author; its digests stop; the
    mail the reach sent to its address is blanked."""
    from ecocsme.organisations.holdings import mails_blank

    from .models import DigestSubscription, Interest, InterestMessage

    Interest.objects.filter(created_by=user).update(created_by=None)
    InterestMessage.objects.filter(author=user).update(author=None)
    DigestSubscription.objects.filter(user=user).delete()
    mails_blank(_reach_mails(user))
