"""Who may see and change a project's monitoring, as fetchers for views, exports and the API.

One rule decides who sees anything of it: `monitoring.view_project` on the project (rules.py) —
its members (the partners' staff and the coordinator) and the administrator. Everyone else, a
visitor included, gets the 404 of a project that does not exist. Changing is asked of the
object the rule names: the project (indicators, targets), a partner (its values and budget; the
validation of its periods).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy

from ecocsme.accounts.predicates import memberships_of
from ecocsme.core.http import MAX_ID
from ecocsme.partnerships.models import Partner, Period, Project

from .models import Indicator, Value

MISSING = gettext_lazy("There is no such project.")


def monitored_projects(user):
    """The projects whose monitoring the user may see (the query form of view_project)."""
    projects = Project.objects.order_by("code")
    if user.is_superuser:
        return projects
    return projects.filter(pk__in=[m.project_id for m in memberships_of(user)])


def project_for(user, code: str, *, perm: str | None = None, refused: str = "") -> Project:
    """The project at `code` when the user may see its monitoring (Http404 otherwise) and, with
    `perm`, do that to it (PermissionDenied otherwise)."""
    project = Project.objects.filter(code__iexact=str(code)[:20]).first() if code else None
    if project is None or not user.has_perm("monitoring.view_project", project):
        raise Http404(MISSING)
    if perm and not user.has_perm(perm, project):
        raise PermissionDenied(refused)
    return project


def _valid_id(value) -> bool:
    try:
        return 0 < int(value) <= MAX_ID
    except (TypeError, ValueError):
        return False


def partner_of(user, project: Project, partner_id, *, perm: str | None = None, refused: str = "") -> Partner:
    """A partner of the project (Http404 for another project's), with `perm` on it."""
    partner = (
        Partner.objects.select_related("project").filter(project=project, pk=partner_id).first()
        if _valid_id(partner_id)
        else None
    )
    if partner is None:
        raise Http404(gettext_lazy("This project has no such partner."))
    if perm and not user.has_perm(perm, partner):
        raise PermissionDenied(refused)
    return partner


def period_of(project: Project, number) -> Period:
    period = (
        project.periods.filter(number=number).first() if _valid_id(number) and int(number) < 1000 else None
    )
    if period is None:
        raise Http404(gettext_lazy("This project has no such reporting period."))
    return period


def indicator_of(project: Project, pk) -> Indicator:
    indicator = project.indicators.filter(pk=pk).first() if _valid_id(pk) else None
    if indicator is None:
        raise Http404(gettext_lazy("This project has no such indicator."))
    return indicator


def evidence_for(user, code: str, value_id) -> Value:
    """A value with an evidence file, for whoever may see the project's monitoring."""
    project = project_for(user, code)
    value = (
        Value.objects.select_related("partner", "period", "indicator")
        .filter(pk=value_id, indicator__project=project)
        .first()
        if _valid_id(value_id)
        else None
    )
    if value is None or not value.evidence_file:
        raise Http404(gettext_lazy("No such file."))
    return value
