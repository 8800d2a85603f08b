from django import template

register = template.Library()


@register.simple_tag
def may_manage(user) -> bool:
    """{% may_manage user as shown %}: whether "Manage" belongs in the user's menu. Asks the rule
    itself (memberships, read once per request): `perms.accounts.manage` would also ask the model
    backend, two more queries on every page."""
    import rules

    if not getattr(user, "is_authenticated", False):  # also a page rendered without a request
        return False
    return user.is_active and rules.has_perm("accounts.manage", user)


@register.simple_tag
def may_monitor(user) -> bool:
    """{% may_monitor user as shown %}: whether "Monitoring" belongs in the user's menu: the
    members of a project and the administrator, who see its monitoring (monitoring.view_project
    on their projects); the same rule as "Manage", read the same way."""
    return may_manage(user)
