"""Who may do what: the rules predicates every view, API call and export goes through.

A user's memberships are read once and kept on the user object for the request.
"""

import rules

from .models import Membership


def memberships_of(user) -> list[Membership]:
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_ecocsme_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user))
        user._ecocsme_memberships = cached
    return cached


def membership_scope(user) -> tuple[list[int], list[int]]:
    """(projects the user coordinates, partners the user works for): the query side of the rules."""
    memberships = memberships_of(user)
    coordinated = [m.project_id for m in memberships if m.role == Membership.Role.COORDINATOR]
    staffed = [m.partner_id for m in memberships if m.role == Membership.Role.PARTNER_STAFF]
    return coordinated, staffed


def project_id_of(obj) -> int | None:
    """The project an object belongs to, directly or through its partner.

    Fetch objects with select_related("partner") so that this costs no query.
    """
    if obj is None:
        return None
    if obj._meta.label == "partnerships.Project":
        return obj.pk
    if hasattr(obj, "project_id"):
        return obj.project_id
    if getattr(obj, "partner_id", None):
        return obj.partner.project_id
    return None


def partner_id_of(obj) -> int | None:
    if obj is None:
        return None
    if obj._meta.label == "partnerships.Partner":
        return obj.pk
    return getattr(obj, "partner_id", None)


@rules.predicate
def is_coordinator(user, obj) -> bool:
    project_id = project_id_of(obj)
    return project_id is not None and any(
        m.project_id == project_id and m.role == Membership.Role.COORDINATOR
        for m in memberships_of(user)
    )


@rules.predicate
def is_partner_staff(user, obj) -> bool:
    partner_id = partner_id_of(obj)
    return partner_id is not None and any(
        m.partner_id == partner_id and m.role == Membership.Role.PARTNER_STAFF
        for m in memberships_of(user)
    )


@rules.predicate
def is_project_member(user, obj) -> bool:
    project_id = project_id_of(obj)
    return project_id is not None and any(m.project_id == project_id for m in memberships_of(user))


@rules.predicate
def has_any_membership(user) -> bool:
    return bool(memberships_of(user))


is_superuser = rules.is_superuser


@rules.predicate
def coordinates_a_project(user) -> bool:
    return any(m.role == Membership.Role.COORDINATOR for m in memberships_of(user))
