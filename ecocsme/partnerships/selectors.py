from django.conf import settings
from django.db.models import QuerySet

from ecocsme.accounts.predicates import membership_scope, memberships_of

from .models import Partner, Period, Project, ProjectPhase


def projects_visible_to(user) -> QuerySet[Project]:
    """Published projects, and the unpublished ones the user is a member of (view_project)."""
    projects = Project.objects.all()
    if user.is_superuser:
        return projects
    member_of = [m.project_id for m in memberships_of(user)]
    return projects.filter(is_published=True) | projects.filter(pk__in=member_of)


def featured_project_code() -> str:
    return settings.ECOCSME_FEATURED_PROJECT


def project_partners(project: Project) -> QuerySet[Partner]:
    return (project.partners.select_related("ecoc_title", "policy_instrument", "nuts_region")
            .order_by("number"))


def project_phases(project: Project) -> QuerySet[ProjectPhase]:
    return project.phases.order_by("number")


def project_periods(project: Project) -> QuerySet[Period]:
    return project.periods.order_by("number")


def partners_changeable_by(user) -> QuerySet[Partner]:
    """The partners whose records the user may change: the query form of change_partner."""
    partners = Partner.objects.select_related("project", "ecoc_title").order_by("project", "number")
    if user.is_superuser:
        return partners
    coordinated, staffed = membership_scope(user)
    return partners.filter(project_id__in=coordinated) | partners.filter(pk__in=staffed)
