"""Who may do what with an opportunity (OPP-1).

- Posting: partner staff (for their partner), coordinators, and the representatives of a
  verified organisation.
- The poster's side (`is_poster`): for a post made for an organisation, its representatives (the
  one who posted it only while they still represent it); for a post made for a partner, the
  user who posted it and that partner's staff. They edit it while it is a draft or returned,
  send it for review and withdraw it.
- Moderators (`is_moderator`): the staff of the moderating partner and the coordinators of its
  project; every coordinator for an opportunity no partner moderates. They publish, return with
  a note or close. A moderator who is also on the poster's side may publish directly.
- Everyone reads a published (or closed) opportunity; moderators read it once it was sent for
  review; the coordinators of its project read it in every state (drafts too), not those of
  another project.
"""

import rules

from ecocsme.accounts.models import Membership
from ecocsme.accounts.predicates import (
    has_any_membership,
    is_superuser,
    memberships_of,
)
from ecocsme.organisations.rules import representing_ids

PUBLIC_STATUSES = ("published", "closed")
EDITABLE_STATUSES = ("draft", "returned")
WITHDRAWABLE_STATUSES = ("draft", "in_review", "returned", "published")


def _status(opportunity) -> str | None:
    return getattr(opportunity, "status", None) if opportunity is not None else None


@rules.predicate
def is_public(user, opportunity) -> bool:
    return _status(opportunity) in PUBLIC_STATUSES


@rules.predicate
def is_draft(user, opportunity) -> bool:
    return _status(opportunity) == "draft"


@rules.predicate
def is_editable(user, opportunity) -> bool:
    return _status(opportunity) in EDITABLE_STATUSES


@rules.predicate
def is_withdrawable(user, opportunity) -> bool:
    return _status(opportunity) in WITHDRAWABLE_STATUSES


def staffed_partner_ids(user) -> set[int]:
    return {m.partner_id for m in memberships_of(user) if m.role == Membership.Role.PARTNER_STAFF}


def coordinated_project_ids(user) -> set[int]:
    return {m.project_id for m in memberships_of(user) if m.role == Membership.Role.COORDINATOR}


@rules.predicate
def is_poster(user, opportunity) -> bool:
    if opportunity is None or not user.is_authenticated:
        return False
    if opportunity.organisation_id is not None:  # its representatives, who posted it no longer counts
        return opportunity.organisation_id in representing_ids(user)
    if opportunity.posted_by_id is not None and opportunity.posted_by_id == user.pk:
        return True
    return opportunity.partner_id is not None and opportunity.partner_id in staffed_partner_ids(user)


@rules.predicate
def is_moderator(user, opportunity) -> bool:
    """Fetch opportunities with select_related("partner") so that this costs no query."""
    if opportunity is None or not user.is_authenticated:
        return False
    if opportunity.partner_id is None:
        return bool(coordinated_project_ids(user))
    return (opportunity.partner_id in staffed_partner_ids(user)
            or opportunity.partner.project_id in coordinated_project_ids(user))


@rules.predicate
def coordinates_its_project(user, opportunity) -> bool:
    """A coordinator of the project of the partner that moderates it (any coordinator when no
    partner does): they read its drafts too. Fetch with select_related("partner")."""
    if opportunity is None or not user.is_authenticated:
        return False
    coordinated = coordinated_project_ids(user)
    if opportunity.partner_id is None:
        return bool(coordinated)
    return opportunity.partner.project_id in coordinated


@rules.predicate
def represents_a_verified_organisation(user) -> bool:
    if not user.is_authenticated or not representing_ids(user):
        return False
    cached = getattr(user, "_ecocsme_posting_organisations", None)
    if cached is None:
        from .access import posting_organisations

        cached = [organisation.pk for organisation in posting_organisations(user)]
        user._ecocsme_posting_organisations = cached
    return bool(cached)


rules.add_perm("opportunities.view_opportunity",
               is_public | is_poster | is_moderator & ~is_draft | coordinates_its_project | is_superuser)
rules.add_perm("opportunities.add_opportunity",
               rules.is_authenticated & (has_any_membership | represents_a_verified_organisation)
               | is_superuser)
rules.add_perm("opportunities.change_opportunity", is_editable & (is_poster | is_superuser))
rules.add_perm("opportunities.submit_opportunity", is_editable & (is_poster | is_superuser))
rules.add_perm("opportunities.withdraw_opportunity", is_withdrawable & (is_poster | is_superuser))
rules.add_perm("opportunities.moderate_opportunity", is_moderator | is_superuser)
# Who sees the organisations that fit (the matches): the poster's side, the moderators (the
# coordinators of the moderating partner's project among them) and the administrator.
rules.add_perm("opportunities.see_matches", is_poster | is_moderator | is_superuser)
# The back office's list of opportunities to moderate.
rules.add_perm("opportunities.manage", has_any_membership | is_superuser)


# --- reach (OPP-3, OPP-4) -------------------------------------------------------------------------
# An interest is seen by its two sides, the coordinators and the administrator, nobody else. The
# poster's side of an interest is the opportunity's (`is_poster`, `is_moderator`) with the
# coordinators; the interested side, the representatives of the interested organisation.
def _opportunity_of(interest):
    return getattr(interest, "opportunity", None) if interest is not None else None


@rules.predicate
def is_interest_poster_side(user, interest) -> bool:
    """Fetch interests with select_related("opportunity__partner") so that this costs no query."""
    opportunity = _opportunity_of(interest)
    return opportunity is not None and (is_poster(user, opportunity) or is_moderator(user, opportunity))


@rules.predicate
def is_interested_side(user, interest) -> bool:
    return interest is not None and interest.organisation_id in representing_ids(user)


@rules.predicate
def is_interest_open(user, interest) -> bool:
    """Not withdrawn: the thread takes messages and the status may change."""
    return interest is not None and interest.withdrawn_at is None


@rules.predicate
def is_interest_withdrawable(user, interest) -> bool:
    return is_interest_open(user, interest) and interest.status != "contracted"


is_poster_side_of_interest = is_interest_poster_side | is_superuser  # the moderators' coordinators too
rules.add_perm("opportunities.view_interest", is_poster_side_of_interest | is_interested_side)
rules.add_perm("opportunities.reply_interest",
               is_interest_open & (is_poster_side_of_interest | is_interested_side))
rules.add_perm("opportunities.set_interest_status", is_interest_open & is_poster_side_of_interest)
rules.add_perm("opportunities.withdraw_interest", is_interest_withdrawable & is_interested_side)
# An opportunity's interests, as a list: who sees its matches.
rules.add_perm("opportunities.see_interests", is_poster | is_moderator | is_superuser)
# Saying "we are interested": the representatives of a verified organisation (the services check
# that the opportunity is open and that the organisation is not the one that posted it).
rules.add_perm("opportunities.express_interest", represents_a_verified_organisation)
# Telling a suggested organisation about an opportunity: its poster's side and its moderators.
rules.add_perm("opportunities.tell_organisation", is_poster | is_moderator | is_superuser)
# The engagement figures (OPP-4): every member of a project (partner staff see those of the
# opportunities their partner moderates, coordinators all), the administrator.
rules.add_perm("opportunities.see_engagement", has_any_membership | is_superuser)
