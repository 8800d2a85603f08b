import rules

from .predicates import has_any_membership, is_superuser

rules.add_perm("accounts.manage", has_any_membership | is_superuser)
