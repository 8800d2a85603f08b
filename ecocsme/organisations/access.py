"""Who may see organisations, contacts and the mail sent to them: the query forms of the rules
in `rules.py` (`*_visible_to`), the permission-checked fetchers that views, exports and reports
use, and the people scope (ORG-5). `tests/test_access.py` checks each query form against
`user.has_perm`."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ecocsme.accounts.predicates import membership_scope, memberships_of
from ecocsme.core.access import permitted
from ecocsme.core.models import OutgoingMail

from .models import Consent, Contact, Organisation, Representative
from .rules import representing_ids
from .tokens import read_unsubscribe_token


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """The query form of organisations.view_organisation: for a member of a project, the
    organisations that wish to be found and were verified, those kept by the partners they work
    for, those of the projects they coordinate (and, for a coordinator, those no partner keeps);
    everything for the administrator; for anyone else, the organisations they represent. Every
    back-office list, export, choice and fetcher of organisations starts from it."""
    organisations = Organisation.objects.select_related("partner")
    if user.is_superuser:
        return organisations
    if not user.is_authenticated:
        return organisations.none()
    scope = Q(pk__in=Representative.objects.filter(user=user).values("organisation_id"))
    if memberships_of(user):
        coordinated, staffed = membership_scope(user)
        scope |= Q(findable=True, verified_at__isnull=False)
        scope |= Q(partner_id__in=staffed) | Q(partner__project_id__in=coordinated)
        if coordinated:
            scope |= Q(partner__isnull=True)
    return organisations.filter(scope)


def public_profiles() -> QuerySet[Organisation]:
    """The organisations a visitor may see: those that wish to be found and were verified by
    partner staff. The query form of the public rule; no other organisation has a public page."""
    return Organisation.objects.filter(findable=True, verified_at__isnull=False)


def public_profile_for(pk: int) -> Organisation:
    """A public profile, or 404 for every other organisation (opted out, unverified, unknown)."""
    organisation = (public_profiles().select_related("nuts_region").prefetch_related("sectors")
                    .filter(pk=pk).first())
    if organisation is None:
        raise Http404(_("No such organisation."))
    return organisation


def organisations_represented_by(user) -> QuerySet[Organisation]:
    """The organisations the user represents: all a representative sees and changes of them
    (organisations.change_profile)."""
    return Organisation.objects.filter(pk__in=representing_ids(user)) if user.is_authenticated \
        else Organisation.objects.none()


def profile_for(user, pk: int) -> Organisation:
    """One organisation the user represents, for its self-service pages; 404 for any other."""
    organisation = (Organisation.objects.select_related("partner", "nuts_region")
                    .prefetch_related("sectors").filter(pk=pk).first())
    return permitted(user, organisation, view="organisations.change_profile",
                     missing=_("No such organisation."))


def verifiable_by(user) -> QuerySet[Organisation]:
    """The organisations the user may verify: the query form of organisations.verify_organisation
    (the keeping partner's staff, its project's coordinators, every coordinator for those no
    partner keeps, the administrator)."""
    organisations = Organisation.objects.all()
    if user.is_superuser:
        return organisations
    coordinated, staffed = membership_scope(user)
    scope = Q(partner_id__in=staffed) | Q(partner__project_id__in=coordinated)
    if coordinated:
        scope |= Q(partner__isnull=True)
    return organisations.filter(scope)


def verification_queue_for(user) -> QuerySet[Organisation]:
    """Self-service profiles waiting for the user's verification: unverified, not declined since
    their last change, with a representative."""
    return (verifiable_by(user).filter(verified_at__isnull=True, declined_at__isnull=True)
            .filter(pk__in=Representative.objects.values("organisation_id")))


def organisation_to_verify(user, pk: int) -> Organisation:
    """An organisation for the verification page: 404 for those the user may not see, 403 for
    those they see but may not verify."""
    organisation = (Organisation.objects.select_related("partner", "nuts_region", "verified_by")
                    .prefetch_related("sectors").filter(pk=pk).first())
    return permitted(user, organisation, view="organisations.view_organisation",
                     perm="organisations.verify_organisation", missing=_("No such organisation."),
                     refused=_("The staff of the partner that keeps this organisation verify it, or "
                               "the coordinators."))


def contacts_visible_to(user) -> QuerySet[Contact]:
    """Contacts of the partners the user works for, or of every partner of a project they
    coordinate: the query form of organisations.view_contact."""
    contacts = Contact.objects.select_related("partner", "organisation")
    if user.is_superuser:
        return contacts
    coordinated, staffed = membership_scope(user)
    return contacts.filter(Q(partner__project_id__in=coordinated) | Q(partner_id__in=staffed))


def mails_visible_to(user) -> QuerySet[OutgoingMail]:
    """The mail to the people the user may see (ORG-5), by the contact each mail is for, not by its
    address: two partners may keep the same address. Mail to nobody's contact is the administrator's."""
    mails = OutgoingMail.objects.all()
    if user.is_superuser:
        return mails
    return mails.filter(contact_id__in=contacts_visible_to(user).values("pk"))


def organisation_for(user, pk: int, perm: str = "organisations.view_organisation") -> Organisation:
    return permitted(user, Organisation.objects.select_related("partner").filter(pk=pk).first(),
                     view="organisations.view_organisation", perm=perm, missing=_("No such organisation."),
                     refused=_("Only the staff of the partner that keeps this record may change it."))


def contact_for(user, pk: int, perm: str = "organisations.view_contact") -> Contact:
    return permitted(user, Contact.objects.select_related("partner", "organisation").filter(pk=pk).first(),
                     view="organisations.view_contact", perm=perm, missing=_("No such contact."),
                     refused=_("You may not do this."))


def contact_by_unsubscribe_link(token: str) -> tuple[Contact, Consent.Purpose] | None:
    """The contact and the purpose a signed unsubscribe link names, or None when the link is
    forged, the purpose unknown or the contact erased. The link is the credential."""
    parsed = read_unsubscribe_token(token)
    if parsed is None:
        return None
    contact_id, purpose = parsed
    if purpose not in Consent.Purpose.values:
        return None
    contact = Contact.objects.filter(pk=contact_id, erased_at__isnull=True).first()
    return None if contact is None else (contact, Consent.Purpose(purpose))


def mail_for_view(user, pk: int, *, only: tuple[str, ...] = ()) -> OutgoingMail:
    """One mail of mails_visible_to(user), or 404; `only` the fields a page needs."""
    mails = mails_visible_to(user)
    mail = (mails.only(*only) if only else mails).filter(pk=pk).first()
    if mail is None:
        raise Http404
    return mail


class PeopleScope:
    """Whose people a user may see (ORG-5): the contacts of the partners they work for, of every
    partner of a project they coordinate, or everyone's for an administrator. Others see counts.

    The object form of `organisations.view_contact` and `selectors.contacts_visible_to`, for
    pages, exports and reports that list people held by lab or event records.
    """

    def __init__(self, *, everyone: bool, partner_ids: frozenset[int]):
        self.everyone = everyone
        self.partner_ids = partner_ids

    def sees(self, contact) -> bool:
        return self.everyone or contact.partner_id in self.partner_ids

    def split(self, items, contact=lambda item: item.contact) -> tuple[list, "HiddenPeople"]:
        """The items whose person the user may see, and a count of the others by keeping partner."""
        shown, hidden = [], HiddenPeople()
        for item in items:
            person = contact(item)
            if self.sees(person):
                shown.append(item)
            else:
                hidden.add(person.partner_id)
        return shown, hidden


class HiddenPeople:
    """How many people a page leaves out, by the partner that keeps them."""

    def __init__(self):
        self.by_partner: dict[int, int] = {}

    def add(self, partner_id: int) -> None:
        self.by_partner[partner_id] = self.by_partner.get(partner_id, 0) + 1

    @property
    def count(self) -> int:
        return sum(self.by_partner.values())

    def __bool__(self) -> bool:
        return bool(self.by_partner)

    def by_partner_names(self) -> list[tuple[str, int]]:
        from ecocsme.partnerships.models import Partner

        names = {p.pk: str(p) for p in Partner.objects.filter(pk__in=self.by_partner)}
        return sorted((names.get(pk, "?"), n) for pk, n in self.by_partner.items())


def people_visible_to(user) -> PeopleScope:
    """The people scope of a user, worked out once per request."""
    cached = getattr(user, "_ecocsme_people_scope", None)
    if cached is not None:
        return cached
    from ecocsme.accounts.predicates import membership_scope
    from ecocsme.partnerships.models import Partner

    if not user.is_authenticated:
        scope = PeopleScope(everyone=False, partner_ids=frozenset())
    elif user.is_superuser:
        scope = PeopleScope(everyone=True, partner_ids=frozenset())
    else:
        coordinated, staffed = membership_scope(user)
        ids = set(staffed)
        if coordinated:
            ids |= set(Partner.objects.filter(project_id__in=coordinated).values_list("pk", flat=True))
        scope = PeopleScope(everyone=False, partner_ids=frozenset(ids))
    user._ecocsme_people_scope = scope
    return scope
