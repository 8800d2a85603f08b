"""What each app's `tests/test_access.py` shares: the seven kinds of user over two partners of
a project and a partner of another project (`kinds_of_user`, in the order of `ROLES`), a user
as a new request has it (`fresh`), and the checks of the documented rule
(docs/import-contracts.md, "Who may see what"): a `*_visible_to(user)` query holds exactly the
objects for which `user.has_perm(...)` holds (`assert_visible_is_the_rule`), and a
permission-checked fetcher answers 404 to whoever may not see a thing, 403 to whoever sees it but
may not do what was asked, and the thing to the others (`outcome`, `assert_answers`,
`assert_fetches_by_the_rules`)."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ecocsme.accounts.factories import (
    AdministratorFactory,
    CoordinatorFactory,
    PartnerStaffFactory,
    UserFactory,
)
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory

ROLES = ("anonymous", "staff_a", "staff_b", "coordinator", "staff_elsewhere", "no_role", "admin")
# What a fetcher owes each kind of user asking to change what partner A keeps (a lab, an event):
# whoever may not see it, 404; partner B's staff, who read it, 403; the others, the thing (None).
CHANGING_WHAT_A_KEEPS = [
    ("anonymous", Http404), ("no_role", Http404), ("staff_elsewhere", Http404), ("staff_b", PermissionDenied),
    ("staff_a", None), ("coordinator", None), ("admin", None)]


@dataclass
class KindsOfUser:
    partner_a: object  # Timișoara, of the project
    partner_b: object  # Rijeka, of the same project
    elsewhere: object  # Kaunas, of another project (which has a second partner)
    users: dict  # a user of each of ROLES


def kinds_of_user(*, elsewhere_published: bool = True) -> KindsOfUser:
    """Partners A and B of a project, a partner of another project (published or not) beside a
    second one, and a user of each kind: the anonymous visitor, the staff of A and of B, the
    project's coordinator, the staff of the other project, a user without a role and the
    administrator."""
    partner_a = PartnerFactory(city="Timișoara")
    partner_b = PartnerFactory(project=partner_a.project, city="Rijeka")
    elsewhere = PartnerFactory(project=ProjectFactory(is_published=elsewhere_published), city="Kaunas")
    PartnerFactory(project=elsewhere.project)
    users = {
        "anonymous": AnonymousUser(),
        "staff_a": PartnerStaffFactory(username="staff-a", partner=partner_a),
        "staff_b": PartnerStaffFactory(username="staff-b", partner=partner_b),
        "coordinator": CoordinatorFactory(username="coord", project=partner_a.project),
        "staff_elsewhere": PartnerStaffFactory(username="staff-elsewhere", partner=elsewhere),
        "no_role": UserFactory(username="no-role"),
        "admin": AdministratorFactory(username="admin-x"),
    }
    return KindsOfUser(partner_a=partner_a, partner_b=partner_b, elsewhere=elsewhere, users=users)


def fresh(user):
    """The user as a new request would have it (memberships and people scope read again)."""
    for cached in ("_ecocsme_memberships", "_ecocsme_people_scope"):
        if hasattr(user, cached):
            delattr(user, cached)
    return user


def assert_visible_is_the_rule(visible, user, perm: str, objects) -> set[int]:
    """`visible` (what a `*_visible_to(user)` returns) holds exactly those of `objects` for which
    `user.has_perm(perm, obj)`; returns their primary keys."""
    expected = {obj.pk for obj in objects if user.has_perm(perm, obj)}
    given = {obj.pk for obj in visible}
    assert given == expected, f"{user}, {perm}: gives {sorted(given)}, the rule {sorted(expected)}"
    return expected


def seen_by_each(visible_to, users: dict) -> dict[str, set[int]]:
    """The primary keys of what `visible_to(user)` gives each kind of user."""
    return {role: {obj.pk for obj in visible_to(fresh(user))} for role, user in users.items()}


def outcome(user, obj, *, view: str, perm: str | None = None):
    """What a permission-checked fetcher (core.access.permitted) owes the user: Http404 when the
    user may not `view` the object, PermissionDenied when they see it but may not `perm`, else
    the object."""
    if not user.has_perm(view, obj):
        return Http404
    if perm and not user.has_perm(perm, obj):
        return PermissionDenied
    return obj


def assert_answers(expected, fetch, *args) -> None:
    """`fetch(*args)` returns `expected`, or raises it when it is an exception (Http404,
    PermissionDenied)."""
    if isinstance(expected, type) and issubclass(expected, Exception):
        with pytest.raises(expected):
            fetch(*args)
    else:
        answer = fetch(*args)
        assert answer == expected, f"{fetch.__name__}{args}: {answer!r}, expected {expected!r}"


def assert_fetches_by_the_rules(fetch, user, objects, *, view: str, perms: tuple[str, ...]) -> None:
    """`fetch(user, obj.pk, perm)` answers as the rules say (`outcome`), for each of `objects` and
    each of `perms`."""
    for obj in objects:
        for perm in perms:
            assert_answers(outcome(user, obj, view=view, perm=perm), fetch, user, obj.pk, perm)
