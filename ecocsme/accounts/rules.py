import rules

from .predicates import coordinates_a_project, has_any_membership, is_superuser

rules.add_perm("accounts.manage", has_any_membership | is_superuser)
# The notes on each ECoC title's phases (REF-5) are curated by the projects' coordinators.
rules.add_perm("accounts.curate_ecoc_notes", coordinates_a_project | is_superuser)
