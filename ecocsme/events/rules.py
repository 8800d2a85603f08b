import rules

from ecocsme.accounts.predicates import (
    is_coordinator,
    is_partner_staff,
    is_project_member,
    is_superuser,
)

# An event is run by its organising partner's staff; the whole partnership sees it.
rules.add_perm("events.view_event", is_project_member | is_superuser)
rules.add_perm("events.add_event",
               rules.is_authenticated & (is_partner_staff | is_coordinator) | is_superuser)
rules.add_perm("events.change_event", is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("events.delete_event", is_partner_staff | is_coordinator | is_superuser)
