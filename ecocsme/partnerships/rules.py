import rules

from ecocsme.accounts.predicates import (
    is_coordinator,
    is_partner_staff,
    is_project_member,
    is_superuser,
)


@rules.predicate
def is_published(user, obj) -> bool:
    if obj is None:
        return False
    project = obj if obj._meta.label == "partnerships.Project" else obj.project
    return project.is_published


rules.add_perm("partnerships.view_project", is_published | is_project_member | is_superuser)
rules.add_perm("partnerships.change_project", is_coordinator | is_superuser)
rules.add_perm("partnerships.view_partner", is_published | is_project_member | is_superuser)
rules.add_perm("partnerships.change_partner", is_coordinator | is_partner_staff | is_superuser)
