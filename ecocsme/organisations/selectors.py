from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from ecocsme.core.models import OutgoingMail

from .access import contacts_visible_to, mails_visible_to
from .models import Consent, Contact, Organisation


def organisation_counts_by_kind() -> dict[str, int]:
    rows = Organisation.objects.values("kind").annotate(n=Count("id")).order_by()
    return {row["kind"]: row["n"] for row in rows}


def organisations_list(*, q: str = "", kind: str = "", country: str = "",
                       city: str = "") -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("partner").annotate(
        contact_count=Count("contacts", filter=Q(contacts__erased_at__isnull=True)))
    if q:
        organisations = organisations.filter(Q(name__icontains=q) | Q(description__icontains=q))
    if kind:
        organisations = organisations.filter(kind=kind)
    if country:
        organisations = organisations.filter(country=country.upper())
    if city:
        organisations = organisations.filter(city__iexact=city)
    return organisations.order_by("name", "id")


def contacts_list(user, *, q: str = "", organisation_id: int | None = None, language: str = "",
                  consent: str = "", include_erased: bool = False) -> QuerySet[Contact]:
    contacts = contacts_visible_to(user)
    if not include_erased:
        contacts = contacts.filter(erased_at__isnull=True)
    if q:
        contacts = contacts.filter(Q(name__icontains=q) | Q(email__icontains=q)
                                   | Q(organisation__name__icontains=q))
    if organisation_id:
        contacts = contacts.filter(organisation_id=organisation_id)
    if language:
        contacts = contacts.filter(language=language)
    if consent:
        contacts = contacts.filter(with_consent(consent))
    return contacts.order_by("name", "id")


def with_consent(purpose: Consent.Purpose | str) -> Exists:
    """A filter: the contact has consented to `purpose` (nobody is mailed without it)."""
    return Exists(Consent.objects.filter(contact=OuterRef("pk"), purpose=purpose, granted=True))


def consents_of(contacts) -> dict[int, dict[str, bool]]:
    """{contact id: {purpose: granted}} for a page of contacts, in one query."""
    result: dict[int, dict[str, bool]] = {}
    for consent in Consent.objects.filter(contact__in=contacts):
        result.setdefault(consent.contact_id, {})[consent.purpose] = consent.granted
    return result


def consenting_ids(contacts, purpose: str) -> set[int]:
    """The ids of those of `contacts` who agreed to `purpose`, in one query."""
    return set(Consent.objects.filter(contact__in=contacts, purpose=purpose, granted=True)
               .values_list("contact_id", flat=True))


def why_not_invitable(actor, contact, *, purpose: Consent.Purpose | str, invited: set[int],
                      consenting: set[int], keeper_id: int) -> str:
    """Why a contact cannot be invited (to a lab, an event…), or "" when it can: it is kept by
    the organising partner (`keeper_id`) and the actor may see it, it needs an address, one
    invitation each, and consent for the purpose."""
    from django.utils.translation import gettext as _

    if contact.partner_id != keeper_id or not actor.has_perm("organisations.view_contact", contact):
        return _("kept by another partner")
    if contact.is_erased or not contact.email:
        return _("no e-mail address")
    if contact.pk in invited:
        return _("already invited")
    if contact.pk not in consenting:
        return {Consent.Purpose.CONSULTATIONS: _("no consent to be consulted"),
                Consent.Purpose.EVENT_INVITATIONS: _("no consent to receive event invitations"),
                Consent.Purpose.NEWSLETTERS: _("no consent to receive newsletters and digests"),
                }[Consent.Purpose(purpose)]
    return ""


def mails_list(user, *, q: str = "") -> QuerySet[OutgoingMail]:
    """The mail viewer's list: the mail to the people the user may see, newest first, without
    the bodies; `q` searches the address and the subject."""
    mails = mails_visible_to(user).defer("raw", "text", "html").order_by("-queued_at", "-id")
    if q:
        mails = mails.filter(Q(to__icontains=q) | Q(subject__icontains=q))
    return mails
