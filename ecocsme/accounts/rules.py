import rules

from .predicates import coordinates_a_project, has_any_membership, is_superuser

rules.add_perm("accounts.manage", has_any_membership | is_superuser)
# The notes on each ECoC title's phases (REF-5) are curated by the projects' coordinators.
rules.add_perm("accounts.curate_ecoc_notes", coordinates_a_project | is_superuser)


@rules.predicate
def has_no_rights(user) -> bool:
    """A signed-in account without a role in a project, staff rights or administrator rights:
    a stakeholder's, which its owner may delete."""
    return (user.is_authenticated and not user.is_staff and not user.is_superuser
            and not has_any_membership(user))


# The owner's "My account": a stakeholder's account is deleted by its owner; the others by the
# administrator (through the administration site).
rules.add_perm("accounts.delete_own_account", has_no_rights)
