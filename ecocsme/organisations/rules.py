import rules

from ecocsme.accounts.predicates import (
    coordinates_a_project,
    has_any_membership,
    is_coordinator,
    is_partner_staff,
    is_superuser,
)


def representing_ids(user) -> frozenset[int]:
    """The organisations the user represents, read once and kept on the user for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_ecocsme_representing", None)
    if cached is None:
        from .models import Representative

        cached = frozenset(Representative.objects.filter(user=user).values_list("organisation_id", flat=True))
        user._ecocsme_representing = cached
    return cached


def forget_representing(user) -> None:
    """After a write that changes whom the user represents."""
    if hasattr(user, "_ecocsme_representing"):
        del user._ecocsme_representing


@rules.predicate
def is_representative(user, organisation) -> bool:
    return organisation is not None and organisation.pk in representing_ids(user)


@rules.predicate
def is_unkept(user, organisation) -> bool:
    """An organisation no partner keeps: the coordinators verify it."""
    return organisation is not None and organisation.partner_id is None


@rules.predicate
def is_findable_and_verified(user, organisation) -> bool:
    """An organisation that wishes to be found and was verified: every partner may see it."""
    return organisation is not None and organisation.findable and organisation.verified_at is not None


@rules.predicate
def is_listing(user, obj) -> bool:
    """No object: whether the user may open a list at all."""
    return obj is None


@rules.predicate
def is_stakeholder_account(user) -> bool:
    """A signed-in person with no role in a project: a stakeholder who keeps a profile."""
    return user.is_authenticated and not user.is_superuser and not has_any_membership(user)


# Contact persons belong to one partner. An organisation that wishes to be found and was verified
# is seen by every member; any other only by the staff of the partner that keeps it, its project's
# coordinators (every coordinator when no partner keeps it), the administrator and its own
# representatives (docs/DECISIONS.md). Without an object: whether the user may open the lists.
# (is_representative comes last: the others answer for a member without reading whom they represent.)
sees_as_member = (is_listing | is_partner_staff | is_coordinator | is_findable_and_verified
                  | (coordinates_a_project & is_unkept))
rules.add_perm("organisations.view_organisation",
               is_superuser | (has_any_membership & sees_as_member) | is_representative)
rules.add_perm("organisations.add_organisation", has_any_membership | is_superuser)
rules.add_perm("organisations.change_organisation", is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("organisations.delete_organisation", is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("organisations.add_contact", has_any_membership | is_superuser)
rules.add_perm("organisations.view_contact", is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("organisations.change_contact", is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("organisations.erase_contact", is_partner_staff | is_coordinator | is_superuser)
# Self-service profiles: a stakeholder's account creates one and becomes its representative; a
# representative sees and changes only the organisations they represent.
rules.add_perm("organisations.create_profile", is_stakeholder_account)
rules.add_perm("organisations.change_profile", is_representative)
# Verification: the staff of the keeping partner, the coordinators of its project, any
# coordinator when no partner keeps it, the administrator.
rules.add_perm("organisations.verify_organisation",
               is_partner_staff | is_coordinator | (coordinates_a_project & is_unkept) | is_superuser)
rules.add_perm("organisations.view_verification_queue",
               has_any_membership | is_superuser)
