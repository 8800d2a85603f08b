import rules

from ecocsme.accounts.predicates import is_coordinator, is_project_member, is_superuser


@rules.predicate
def is_published_version(user, version) -> bool:
    return version is not None and getattr(version, "status", None) == "published"


@rules.predicate
def is_draft_version(user, version) -> bool:
    return version is not None and getattr(version, "status", None) == "draft"


@rules.predicate
def has_published_version(user, guideline) -> bool:
    """Whether the guideline has a published version: the `published_count` that
    access.with_published_count annotates, else a query."""
    if guideline is None:
        return False
    count = getattr(guideline, "published_count", None)
    if count is None:
        return guideline.versions.filter(status="published").exists()
    return count > 0


# A published version is everyone's to read; drafts only the project's members see. The members
# (the coordinator and every partner's staff) write drafts together; only the coordinator
# publishes a version, and only a draft can change.
rules.add_perm("guidelines.view_guideline", has_published_version | is_project_member | is_superuser)
rules.add_perm("guidelines.add_guideline", is_coordinator | is_superuser)  # on a project
rules.add_perm("guidelines.change_guideline", is_project_member | is_superuser)
rules.add_perm("guidelines.add_version", is_project_member | is_superuser)  # on a guideline
rules.add_perm("guidelines.view_version", is_published_version | is_project_member | is_superuser)
rules.add_perm("guidelines.change_version", is_draft_version & (is_project_member | is_superuser))
rules.add_perm("guidelines.publish_version", is_draft_version & (is_coordinator | is_superuser))
rules.add_perm("guidelines.delete_version", is_draft_version & (is_coordinator | is_superuser))
