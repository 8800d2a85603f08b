"""What action plans keep on a person (ORG-3): a stakeholder's invitations to review a plan, the
comments they wrote through their link, the mail sent for their invitations and the mail that
told the plan's staff of the threads they opened (which names them and quotes them).

Erasure stops the links, blanks the text of their comments and of those mails and what the audit
log repeats of their invitations; the threads keep their place (what they were about, when, the
replies of others, resolved or open), so the review still reads. The person's name is the
contact's, blanked by organisations with the contact record."""

from django.db.models import Q

from ecocsme.core.models import OutgoingMail
from ecocsme.invitations.selectors import legacy_mails
from ecocsme.invitations.services import links_revoke
from ecocsme.organisations import personal_data
from ecocsme.organisations.holdings import audit_blank, audit_of, audit_records, mail_record, mails_blank
from ecocsme.organisations.models import Contact
from ecocsme.organisations.personal_data import record, when

from .models import Comment, ReviewInvitation
from .services.review import THREAD_MAIL


def register() -> None:
    personal_data.register("actionplans", models=("actionplans.ReviewInvitation", "actionplans.Comment",
                                                  "core.OutgoingMail"),
                           exporter=actionplans_export, eraser=actionplans_erase)
    personal_data.exempt("actionplans.ActionPlan",
                         "contact_email is a function address of the partner's organisation (Part I), "
                         "not a person's")
    personal_data.exempt("actionplans.Inspiration",
                         "an action cites a lab theme by its label and the staff's note; the theme's "
                         "answers are the lab's holding")


def _invitations(contact: Contact) -> list[ReviewInvitation]:
    return list(ReviewInvitation.objects.filter(contact=contact).select_related("plan").order_by("pk"))


def _comments(invitations):
    return Comment.objects.filter(reviewer__in=invitations).order_by("created_at", "id")


def _thread_mails(comment_ids):
    """The mails that told the plan's staff of a thread the person opened."""
    keys = Q()
    for pk in comment_ids:
        keys |= Q(key__startswith=f"{THREAD_MAIL}:{pk}:")
    return OutgoingMail.objects.filter(keys) if comment_ids else OutgoingMail.objects.none()


def actionplans_export(contact: Contact) -> list[dict]:
    invitations = _invitations(contact)
    items = [record(i, plan=str(i.plan), language=i.language, status=i.status, sent_at=when(i.sent_at),
                    expires_at=when(i.expires_at), reminders_sent=i.reminders_sent)
             for i in invitations]
    comments = list(_comments(invitations).select_related("plan", "version"))
    items += [record(c, plan=str(c.plan), on=c.section, action=c.action_title, reply_to=c.parent_id,
                     text=c.text, written_at=when(c.created_at),
                     version=c.version.number if c.version else None, resolved_at=when(c.resolved_at))
              for c in comments]
    threads = [c.pk for c in comments if c.parent_id is None]
    items += [mail_record(mail) for mail in _thread_mails(threads).exclude(to="").order_by("queued_at", "id")]
    items += [mail_record(mail) for mail in legacy_mails(invitations).order_by("queued_at", "id")]
    items += audit_records(audit_of(ReviewInvitation, [i.pk for i in invitations]))
    return items


def actionplans_erase(contact: Contact) -> None:
    invitations = _invitations(contact)
    links_revoke(invitations, last_error="")
    comments = _comments(invitations)
    threads = list(comments.filter(parent__isnull=True).values_list("pk", flat=True))
    comments.update(text="")
    mails_blank(_thread_mails(threads))
    mails_blank(legacy_mails(invitations))
    audit_blank(audit_of(ReviewInvitation, [i.pk for i in invitations]), "review invitation (erased contact)")


# --- what an account (its owner's data, accounts.personal_data) holds here -------------------------
def register_accounts() -> None:
    from ecocsme.accounts import personal_data as account_data

    account_data.register("action_plans", exporter=account_export)


def account_export(user) -> list[dict]:
    """The comments the account wrote on plans, the versions it saved, the reports it gave. When the
    account goes, they stay without it (their foreign keys are SET_NULL): the plan's history and
    review are the partnership's record."""
    from .models import ActionReport, PlanVersion

    records = [record(comment, kind="comment on an action plan", plan=str(comment.plan), on=comment.section,
                      text=comment.text, written_at=when(comment.created_at))
               for comment in Comment.objects.filter(author=user).select_related("plan").order_by("pk")]
    records += [record(version, kind="version of an action plan saved", plan=str(version.plan),
                       number=version.number, change=version.change, saved_at=when(version.created_at))
                for version in PlanVersion.objects.filter(created_by=user).defer("snapshot")
                .select_related("plan").order_by("pk")]
    records += [record(report, kind="report on an action", action=str(report.action),
                       period=report.period.number, status=report.status, reported_at=when(report.updated_at))
                for report in ActionReport.objects.filter(reported_by=user)
                .select_related("action", "period").order_by("pk")]
    return records
