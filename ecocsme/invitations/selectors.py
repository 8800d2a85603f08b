"""Reads shared by every kind of personal invitation."""

from collections import Counter

from ecocsme.core.models import OutgoingMail

from .models import PersonalInvitation

FAILING = [OutgoingMail.Status.FAILED, OutgoingMail.Status.UNCERTAIN]


def failing_invitation_ids(model: type[PersonalInvitation]) -> set[int]:
    """The invitations of a kind with a mail that failed or may not have gone out: the record id
    is the second part of their outbox keys ("labs.invitation:12:invite")."""
    keys = OutgoingMail.objects.filter(status__in=FAILING, key__startswith=f"{model.mail_kind()}:"
                                       ).values_list("key", flat=True)
    return {int(part) for part in (key.split(":")[1] for key in keys) if part.isascii() and part.isdigit()}


def owners_with_failing_mail(model: type[PersonalInvitation], owners) -> list[tuple[object, int]]:
    """Of `owners` (labs, events…), those with invitations whose mail is failing, with how many,
    most first; for the dashboard."""
    ids = failing_invitation_ids(model)
    if not ids:
        return []
    owner_id = f"{model.owner_field}_id"
    counts = Counter(model.objects.filter(pk__in=ids, **{f"{model.owner_field}__in": owners})
                     .values_list(owner_id, flat=True))
    shown = owners.in_bulk(list(counts))
    return [(shown[pk], n) for pk, n in counts.most_common()]


def legacy_mails(invitations):
    """Mail queued for these invitations before mail carried its contact (the rest is found by
    contact): for a person's data export and erasure."""
    mails = OutgoingMail.objects.none()
    for invitation in invitations:
        mails |= OutgoingMail.objects.filter(key__startswith=invitation.mail_key() + ":")
    return mails.filter(contact_id__isnull=True).exclude(to="")
