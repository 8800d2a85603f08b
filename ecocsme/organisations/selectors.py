from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from ecocsme.core.models import OutgoingMail
from ecocsme.partnerships.models import Partner
from ecocsme.text.matching import Profile

from .access import (
    contacts_visible_to,
    mails_visible_to,
    organisations_visible_to,
    public_profiles,
    verification_queue_for,
)
from .models import Consent, Contact, Organisation, Representative


def organisation_counts_by_kind() -> dict[str, int]:
    rows = Organisation.objects.values("kind").annotate(n=Count("id")).order_by()
    return {row["kind"]: row["n"] for row in rows}


def organisations_list(user, *, q: str = "", kind: str = "", country: str = "",
                       city: str = "") -> QuerySet[Organisation]:
    """The back office's list and its exports: the organisations the user may see
    (access.organisations_visible_to), with how many contacts they have."""
    organisations = organisations_visible_to(user).annotate(
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


# --- self-service profiles and matching ------------------------------------------------------------
def matching_profile(organisation: Organisation) -> Profile:
    """The organisation as the matching engine sees it (prefetch `sectors` for many)."""
    return Profile(
        id=str(organisation.pk), name=organisation.name, kind=organisation.kind,
        size=organisation.size_class, nace=tuple(sector.code for sector in organisation.sectors.all()),
        city=organisation.city, country=organisation.country.code or "",
        languages=tuple(organisation.languages or ()), description=organisation.description,
        capabilities=tuple(organisation.capability_list))


def public_profiles_list(*, sector: str | None = None, country: str | None = None, city: str | None = None,
                         kind: str | None = None, language: str | None = None,
                         q: str | None = None) -> QuerySet[Organisation]:
    """The public profiles by name, with their sectors, filtered by a NACE division, a country
    code, a city, a kind, a language they work in and words of the name or description (the API)."""
    organisations = public_profiles().prefetch_related("sectors").order_by("name", "pk")
    if sector:
        organisations = organisations.filter(sectors__code=sector.zfill(2)[:2])
    if country:
        organisations = organisations.filter(country=country.upper())
    if city:
        organisations = organisations.filter(city__iexact=city.strip())
    if kind:
        organisations = organisations.filter(kind=kind)
    if language:
        organisations = organisations.filter(languages__icontains=f'"{language.lower()}"')
    if q:
        organisations = organisations.filter(Q(name__icontains=q) | Q(description__icontains=q))
    return organisations.distinct()


def findable_profiles() -> QuerySet[Organisation]:
    """The organisations that may be suggested (for opportunities, as partners): those that wish
    to be found and were verified, examples included, with their sectors. No other organisation
    is ever given to the matching engine."""
    return public_profiles().prefetch_related("sectors").order_by("pk")


def keeping_partner(*, city: str, country: str) -> Partner | None:
    """The partner that keeps a self-created profile: one of the same city, else of the same
    country, else none (then the coordinators verify it)."""
    partners = Partner.objects.order_by("project_id", "number", "pk")
    if city.strip():
        same_city = partners.filter(city__iexact=city.strip()).first()
        if same_city is not None:
            return same_city
    return partners.filter(country=country).first() if country else None


def verification_queue(user, *, q: str = "") -> QuerySet[Organisation]:
    """The back office's queue: profiles waiting for the user's verification, oldest change first,
    with their keeper; `q` searches the name and the city."""
    organisations = verification_queue_for(user).select_related("partner").order_by("updated_at", "pk")
    if q:
        organisations = organisations.filter(Q(name__icontains=q) | Q(city__icontains=q))
    return organisations


def verification_waiting_count(user) -> int:
    """How many profiles wait for the user's verification (for the dashboard)."""
    return verification_queue_for(user).count()


def representatives_of(organisation: Organisation) -> QuerySet[Representative]:
    return organisation.representatives.select_related("user").order_by("created_at", "pk")


def profiles_of(user) -> list[Organisation]:
    """The organisations the user represents, with what their page shows."""
    from .access import organisations_represented_by

    return list(organisations_represented_by(user).select_related("partner", "nuts_region")
                .prefetch_related("sectors").order_by("name", "pk"))
