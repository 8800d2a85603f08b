"""Who may see and change an opportunity, as fetchers for views, the API, feeds and exports.

`open_opportunities()` is the query form of what visitors find in lists, feeds, exports and
the API: published, and the deadline not passed (a past deadline counts as closed even before
the hourly task closes it). `public_opportunities()` adds the closed ones, whose page stays
readable. `opportunities_visible_to(user)` is the query form of `opportunities.view_opportunity`
(rules.py), tested against it in tests/test_access.py.
"""

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecocsme.core.access import permitted
from ecocsme.organisations.access import organisations_represented_by

from .models import Opportunity
from .rules import PUBLIC_STATUSES, coordinated_project_ids, staffed_partner_ids

REFUSED = gettext_lazy("Only those who posted the opportunity, its moderators and the coordinators "
                       "may do this.")


def open_opportunities() -> QuerySet[Opportunity]:
    return Opportunity.objects.filter(status=Opportunity.Status.PUBLISHED,
                                      deadline__gte=timezone.localdate())


def public_opportunities() -> QuerySet[Opportunity]:
    return Opportunity.objects.filter(status__in=PUBLIC_STATUSES)


def opportunities_visible_to(user) -> QuerySet[Opportunity]:
    opportunities = Opportunity.objects.all()
    if user.is_superuser:
        return opportunities
    seen = Q(status__in=PUBLIC_STATUSES)
    if not user.is_authenticated:
        return opportunities.filter(seen)
    staffed = staffed_partner_ids(user)
    # a post made for an organisation is its representatives' (who posted it, only while one)
    seen |= Q(posted_by=user, organisation__isnull=True)
    seen |= Q(organisation__in=organisations_represented_by(user))
    seen |= Q(organisation__isnull=True, partner_id__in=staffed)
    seen |= Q(partner_id__in=staffed) & ~Q(status=Opportunity.Status.DRAFT)
    coordinated = coordinated_project_ids(user)
    if coordinated:  # their project's partners' opportunities, drafts too; those no partner moderates
        seen |= Q(partner__project_id__in=coordinated) | Q(partner__isnull=True)
    return opportunities.filter(seen)


def opportunities_moderated_by(user) -> QuerySet[Opportunity]:
    """What the back office lists: the opportunities of the partners the user works for (past
    drafts of others), those of their project for coordinators, everything for the administrator."""
    opportunities = opportunities_visible_to(user)
    if user.is_superuser:
        return opportunities
    coordinated = coordinated_project_ids(user)
    if coordinated:
        return opportunities.filter(Q(partner_id__in=staffed_partner_ids(user))
                                    | Q(partner__project_id__in=coordinated) | Q(partner__isnull=True))
    return opportunities.filter(partner_id__in=staffed_partner_ids(user))


def opportunities_of(user) -> QuerySet[Opportunity]:
    """"My opportunities": those the user posted and those of the organisations they represent."""
    if not user.is_authenticated:
        return Opportunity.objects.none()
    return Opportunity.objects.filter(Q(posted_by=user, organisation__isnull=True)
                                      | Q(organisation__in=organisations_represented_by(user)))


def posting_organisations(user) -> list:
    """The verified organisations the user represents: those they may post opportunities for."""
    return list(organisations_represented_by(user).filter(verified_at__isnull=False)
                .select_related("partner").order_by("name", "pk"))


def opportunity_for(user, pk: int, perm: str | None = None) -> Opportunity:
    """The opportunity `pk` for a user who may see it (Http404 otherwise) and holds `perm`
    (PermissionDenied otherwise)."""
    from .selectors import with_relations

    opportunity = with_relations(Opportunity.objects.filter(pk=pk)).first()
    return permitted(user, opportunity, view="opportunities.view_opportunity", perm=perm,
                     missing=_("No such opportunity."), refused=REFUSED)


def opportunity_visible(user, pk: int) -> Opportunity | None:
    """The opportunity `pk` with its relations when the user may see it (the API's detail)."""
    from .selectors import with_relations

    return with_relations(opportunities_visible_to(user)).filter(pk=pk).first()

def organisation_for_matches(user, pk: int):
    """An organisation whose fitting opportunities and partners the user may see: one they
    represent, or one they may open as staff (organisations.view_organisation); 404 otherwise."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    from ecocsme.organisations.access import organisation_for, profile_for

    try:
        return profile_for(user, pk)
    except (Http404, PermissionDenied):
        if not user.is_authenticated or user.pk is None:
            raise
    try:
        return organisation_for(user, pk)
    except PermissionDenied as refused:
        raise Http404(_("No such organisation.")) from refused


# --- reach: interests, who was told, digests ----------------------------------------------------
INTEREST_REFUSED = gettext_lazy("Only the opportunity's side, the interested organisation and the "
                                "coordinators may do this.")


def interests_visible_to(user) -> QuerySet:
    """The query form of opportunities.view_interest: the interests of the opportunities on whose
    poster's side the user is (posted them, represents the organisation that did, or moderates
    them: its partner's staff, its project's coordinators, every coordinator for an opportunity no
    partner moderates), those of the organisations they represent; all for the administrator."""
    from .models import Interest
    from .rules import coordinated_project_ids

    interests = Interest.objects.all()
    if user.is_superuser:
        return interests
    if not user.is_authenticated:
        return interests.none()
    staffed = staffed_partner_ids(user)
    coordinated = coordinated_project_ids(user)
    represented = organisations_represented_by(user)
    seen = Q(organisation__in=represented)
    seen |= Q(opportunity__posted_by=user, opportunity__organisation__isnull=True)
    seen |= Q(opportunity__organisation__in=represented)
    seen |= Q(opportunity__partner_id__in=staffed)  # moderators (and a partner's own posts)
    seen |= Q(opportunity__partner__project_id__in=coordinated)
    if coordinated:
        seen |= Q(opportunity__partner__isnull=True)
    return interests.filter(seen)


def interest_for(user, pk: int, perm: str | None = None):
    """The interest `pk` with its opportunity and organisation for a user who may see it (Http404
    otherwise) and holds `perm` (PermissionDenied otherwise)."""
    from .models import Interest

    interest = (Interest.objects.select_related("opportunity__partner", "opportunity__ecoc_title",
                                                "opportunity__organisation", "organisation")
                .filter(pk=pk).first())
    return permitted(user, interest, view="opportunities.view_interest", perm=perm,
                     missing=_("No such expression of interest."), refused=INTEREST_REFUSED)


def interest_controls(user, interest) -> dict:
    """What an interest's page offers the user (may_reply, may_set_status, may_withdraw), by the
    rules alone: the model backend would offer an administrator every button, whatever the state
    of the interest (a withdrawn thread, a contracted interest) and on whichever side."""
    import rules

    def may(perm: str) -> bool:
        return user.is_active and rules.has_perm(perm, user, interest)

    return {"may_reply": may("opportunities.reply_interest"),
            "may_set_status": may("opportunities.set_interest_status"),
            "may_withdraw": may("opportunities.withdraw_interest")}


def interest_organisations(user) -> list:
    """The verified organisations the user represents: those that may say they are interested."""
    return posting_organisations(user)


def organisation_to_tell(pk: int):
    """An organisation that may be told about an opportunity: one that wishes to be found and
    was verified (whether it fits is the matching's answer); 404 for every other."""
    from django.http import Http404

    from ecocsme.organisations.access import public_profiles

    organisation = public_profiles().filter(pk=pk).first()
    if organisation is None:
        raise Http404(_("No such organisation."))
    return organisation


def digest_organisation_for(user, pk: int):
    """An organisation the user represents, for its digest page; 404 for any other (the
    administrator's and the keeping staff's too: a digest is its subscriber's own mail)."""
    from django.http import Http404

    from ecocsme.organisations.access import profile_for
    from ecocsme.organisations.rules import representing_ids

    if pk not in representing_ids(user):
        raise Http404(_("No such organisation."))
    return profile_for(user, pk)


def digest_by_unsubscribe_link(token: str):
    """The digest subscription a signed unsubscribe link names, or None when the link is
    malformed or forged, or names none. The link is the credential (no login)."""
    from ecocsme.core.links import record_for_link

    from .models import DigestSubscription

    return record_for_link(DigestSubscription.objects.select_related("organisation", "user"),
                           DIGEST_LINK_PURPOSE, token)


DIGEST_LINK_PURPOSE = "opportunities.digest.unsubscribe"
SUGGESTIONS_LINK_PURPOSE = "opportunities.suggestions.stop"


def engagement_opportunities(user) -> tuple[QuerySet, str]:
    """The opportunities whose engagement figures the user sees, and whose they are ("all",
    "project", "partner"): the administrator all; a coordinator those of their project's partners
    (and those no partner moderates, which coordinators moderate); partner staff those their
    partner moderates. PermissionDenied for anyone without a role."""
    from django.core.exceptions import PermissionDenied

    if not user.has_perm("opportunities.see_engagement"):
        raise PermissionDenied(_("The engagement figures are for the project's members."))
    if user.is_superuser:
        return Opportunity.objects.all(), "all"
    from .rules import coordinated_project_ids

    seen = Q(partner_id__in=staffed_partner_ids(user))
    coordinated = coordinated_project_ids(user)
    if coordinated:
        seen |= Q(partner__project_id__in=coordinated) | Q(partner__isnull=True)
    return Opportunity.objects.filter(seen), "project" if coordinated else "partner"


def engagement_titles(opportunities) -> list:
    """The ECoC titles of the opportunities the figures may count, for the filter."""
    from ecocsme.reference.models import EcocTitle

    return list(EcocTitle.objects.filter(pk__in=opportunities.values("ecoc_title_id"))
                .order_by("-year", "city"))


def representative_by_stop_link(token: str):
    """The representative (with account and organisation) a signed "stop these mails" link of a
    suggestion names, or None when the link is malformed or forged. The link is the credential."""
    from ecocsme.core.links import record_for_link
    from ecocsme.organisations.models import Representative

    return record_for_link(Representative.objects.select_related("organisation", "user"),
                           SUGGESTIONS_LINK_PURPOSE, token)


def own_representative_link(user, organisation):
    """The user's own link to an organisation they represent (for their digest page)."""
    from ecocsme.organisations.models import Representative

    return Representative.objects.filter(user=user, organisation=organisation).first()
