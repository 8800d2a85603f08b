"""What a lab keeps on a person (ORG-3): their invitations, their responses and answers, the
e-mail replies they sent with the raw message, and the mail sent for their invitations.
Erasure keeps what they said, anonymised: the answers stay, with the respondent's kind and city."""

from ecocsme.invitations.selectors import legacy_mails
from ecocsme.invitations.services import links_revoke
from ecocsme.organisations import personal_data
from ecocsme.organisations.holdings import audit_blank, audit_of, audit_records, mail_record, mails_blank
from ecocsme.organisations.models import Contact
from ecocsme.organisations.personal_data import record, when

from .models import EmailReply, Invitation, ReplyImport, Response


def register() -> None:
    personal_data.register(
        "labs", models=("labs.Invitation", "labs.Response", "labs.Answer", "labs.EmailReply",
                        "labs.Theme", "labs.ThemeAnswer", "labs.AnswerTranslation", "labs.ReplyImport",
                        "core.OutgoingMail"),
        exporter=labs_export, eraser=labs_erase)


def _invitations(contact: Contact):
    return Invitation.objects.filter(contact=contact).select_related("lab__partner").order_by("pk")


def _replies(contact: Contact, invitations):
    replies = EmailReply.objects.filter(invitation__in=invitations)
    if contact.email:  # unmatched replies from their address, in the labs of the partner keeping them
        replies |= EmailReply.objects.filter(sender__iexact=contact.email, lab__partner=contact.partner)
    return replies.distinct()


def _uploads(contact: Contact) -> list[ReplyImport]:
    """Uploads of replies not read yet (they are emptied once read) that hold the person's address."""
    if not contact.email:
        return []
    needle = contact.email.lower().encode()
    waiting = ReplyImport.objects.filter(lab__partner=contact.partner).exclude(upload=b"")
    return [job for job in waiting if needle in bytes(job.upload).lower()]


def labs_export(contact: Contact) -> list[dict]:
    invitations = list(_invitations(contact))
    items = [record(i, lab=str(i.lab), language=i.language, status=i.status, sent_at=when(i.sent_at),
                    expires_at=when(i.expires_at), reminders_sent=i.reminders_sent)
             for i in invitations]
    responses = Response.objects.filter(invitation__in=invitations).prefetch_related(
        "answers__question", "answers__translations")
    for response in responses:
        items.append(record(response, lab=str(response.lab), channel=response.channel,
                            status=response.status, submitted_at=when(response.submitted_at),
                            respondent_kind=response.respondent_kind,
                            respondent_city=response.respondent_city))
        for answer in response.answers.all():
            items.append(record(answer, question=answer.question.position, text=answer.text,
                                language=answer.language))
            items += [record(draft, kind="machine draft of the answer", language=draft.language,
                             text=draft.text, engine=draft.engine) for draft in answer.translations.all()]
    for reply in _replies(contact, invitations):
        items.append(record(reply, sender=reply.sender, subject=reply.subject,
                            received=when(reply.created_at), status=reply.status, answers=reply.answers,
                            message=bytes(reply.raw).decode("utf-8", errors="replace")))
    items += [mail_record(mail) for mail in legacy_mails(invitations).order_by("queued_at", "id")]
    items += audit_records(audit_of(Invitation, [i.pk for i in invitations]))
    items += [record(job, kind="e-mail replies uploaded, waiting to be read", lab=str(job.lab),
                     uploaded=when(job.created_at), size=job.size) for job in _uploads(contact)]
    return items


def labs_erase(contact: Contact) -> None:
    invitations = list(_invitations(contact))
    links_revoke(invitations, last_error="")
    _replies(contact, invitations).update(sender="", subject="", raw=b"")
    ReplyImport.objects.filter(pk__in=[job.pk for job in _uploads(contact)]).update(
        upload=b"", status=ReplyImport.Status.FAILED,
        error="A person in this upload was erased before it was read; upload the replies again.")
    mails_blank(legacy_mails(invitations))
    audit_blank(audit_of(Invitation, [i.pk for i in invitations]), "invitation (erased contact)")
