import rules

from ecocsme.accounts.models import Membership
from ecocsme.accounts.predicates import (
    is_coordinator,
    is_partner_staff,
    is_project_member,
    is_superuser,
    memberships_of,
)


@rules.predicate
def is_published(user, practice) -> bool:
    return practice is not None and getattr(practice, "status", None) == "published"


@rules.predicate
def is_draft(user, practice) -> bool:
    return practice is not None and getattr(practice, "status", None) == "draft"


@rules.predicate
def works_for_another_partner(user, practice) -> bool:
    """Partner staff of a partner other than the one that identified the practice."""
    return practice is not None and any(
        m.role == Membership.Role.PARTNER_STAFF and m.partner_id != practice.partner_id
        for m in memberships_of(user))


# A practice is written by its partner's staff, reviewed and published by the coordinator, read
# by everyone once published; before that only the partnership sees it.
rules.add_perm("practices.view_practice", is_published | is_project_member | is_superuser)
rules.add_perm("practices.add_practice",
               rules.is_authenticated & (is_partner_staff | is_coordinator) | is_superuser)
rules.add_perm("practices.change_practice", is_draft & is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("practices.submit_practice", is_draft & (is_partner_staff | is_coordinator) | is_superuser)
rules.add_perm("practices.review_practice", is_coordinator | is_superuser)
rules.add_perm("practices.delete_practice", is_draft & is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("practices.assess_practice", is_published & works_for_another_partner)
