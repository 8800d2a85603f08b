"""Who may do what with a project's monitoring (AP-4): the project's members and the
administrator read the indicators, values, budgets and dashboards of the whole project; a
partner's staff enter their own partner's values and budget; the coordinator sets the
indicators and targets and validates a partner's period, after which that period's figures
no longer change. Visitors see none of it."""

import rules

from ecocsme.accounts.predicates import is_coordinator, is_partner_staff, is_project_member, is_superuser

rules.add_perm("monitoring.view_project", is_project_member | is_superuser)  # on a project
rules.add_perm("monitoring.change_indicators", is_coordinator | is_superuser)  # on a project
rules.add_perm("monitoring.enter_values", is_partner_staff | is_superuser)  # on a partner
rules.add_perm("monitoring.validate_period", is_coordinator | is_superuser)  # on a partner
