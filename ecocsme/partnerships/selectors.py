from django.conf import settings
from django.db.models import QuerySet

from .access import projects_visible_to
from .models import Partner, Period, Project, ProjectPhase


def featured_project_code() -> str:
    return settings.ECOCSME_FEATURED_PROJECT


def featured_project(user) -> Project | None:
    """The featured project (settings.ECOCSME_FEATURED_PROJECT), if the user may see it."""
    return projects_visible_to(user).filter(code=featured_project_code()).first()


def partners_page_code(user) -> str | None:
    """Whose partners /partners/ shows: the featured project's, or where there is none, the first
    project the user may see; None when there is no project to show."""
    code = featured_project_code()
    if Project.objects.filter(code=code).exists():
        return code
    project = projects_visible_to(user).first()
    return project.code if project else None


def project_partners(project: Project) -> QuerySet[Partner]:
    return (project.partners.select_related("ecoc_title", "policy_instrument", "nuts_region")
            .order_by("number"))


def project_partner_count(project: Project) -> int:
    return project.partners.count()


def project_phases(project: Project) -> QuerySet[ProjectPhase]:
    return project.phases.order_by("number")


def project_periods(project: Project) -> QuerySet[Period]:
    return project.periods.order_by("number")

