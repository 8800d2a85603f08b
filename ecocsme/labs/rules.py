import rules

from ecocsme.accounts.predicates import (
    is_coordinator,
    is_partner_staff,
    is_project_member,
    is_superuser,
)

# A lab is run by its partner's staff; the whole partnership reads it.
rules.add_perm("labs.view_lab", is_project_member | is_superuser)
rules.add_perm("labs.add_lab", rules.is_authenticated & (is_partner_staff | is_coordinator) | is_superuser)
rules.add_perm("labs.change_lab", is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("labs.delete_lab", is_partner_staff | is_coordinator | is_superuser)
