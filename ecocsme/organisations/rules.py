import rules

from ecocsme.accounts.predicates import (
    has_any_membership,
    is_coordinator,
    is_partner_staff,
    is_superuser,
)

# Organisations are shared by every partner; their contact persons belong to one partner.
rules.add_perm("organisations.view_organisation", has_any_membership | is_superuser)
rules.add_perm("organisations.add_organisation", has_any_membership | is_superuser)
rules.add_perm("organisations.change_organisation", is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("organisations.delete_organisation", is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("organisations.add_contact", has_any_membership | is_superuser)
rules.add_perm("organisations.view_contact", is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("organisations.change_contact", is_partner_staff | is_coordinator | is_superuser)
rules.add_perm("organisations.erase_contact", is_partner_staff | is_coordinator | is_superuser)
