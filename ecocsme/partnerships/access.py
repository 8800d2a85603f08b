"""Who may see or change projects and partners: the query forms of the rules in `rules.py`
(`*_visible_to`, `*_changeable_by`) and the permission-checked fetchers that views, the API and
exports use. `tests/test_access.py` checks each query form against `user.has_perm`."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ecocsme.accounts.predicates import membership_scope, memberships_of
from ecocsme.core.access import permitted

from .models import Partner, Project


def projects_visible_to(user) -> QuerySet[Project]:
    """Published projects, and the unpublished ones the user is a member of (view_project)."""
    projects = Project.objects.all()
    if user.is_superuser:
        return projects.order_by("code")
    member_of = [m.project_id for m in memberships_of(user)]
    return (projects.filter(is_published=True) | projects.filter(pk__in=member_of)).order_by("code")


def partners_visible_to(user) -> QuerySet[Partner]:
    """The partners of the projects the user may see (view_partner)."""
    partners = Partner.objects.select_related("project").order_by("project__code", "number")
    if user.is_superuser:
        return partners
    member_of = [m.project_id for m in memberships_of(user)]
    return partners.filter(project__is_published=True) | partners.filter(project_id__in=member_of)


def partners_changeable_by(user) -> QuerySet[Partner]:
    """The partners whose records the user may change: the query form of change_partner."""
    partners = Partner.objects.select_related("project", "ecoc_title").order_by("project", "number")
    if user.is_superuser:
        return partners
    coordinated, staffed = membership_scope(user)
    return partners.filter(project_id__in=coordinated) | partners.filter(pk__in=staffed)


def project_for_view(user, code: str) -> Project:
    """The project, or 404 when it does not exist or the user may not see it."""
    project = Project.objects.filter(code__iexact=code).first()
    if project is None or not user.has_perm("partnerships.view_project", project):
        raise Http404(_("No such project."))
    return project


def partner_for_change(user, pk: int) -> Partner:
    return permitted(user, Partner.objects.select_related("project").filter(pk=pk).first(),
                     view="partnerships.view_partner", perm="partnerships.change_partner",
                     missing=_("No such partner."),
                     refused=_("Only the partner's own staff and the coordinator may change it."))


def partner_changeable_by(user, pk: int) -> Partner | None:
    """The partner, if the user may change its records (e.g. import contacts it keeps)."""
    return partners_changeable_by(user).filter(pk=pk).first()


def default_partner_of(user) -> Partner | None:
    """The partner that keeps a record the user creates without choosing: the first they may change."""
    return partners_changeable_by(user).first()


def partners_of_title(user, ecoc_title) -> list[Partner]:
    """The partners the user may see whose city holds `ecoc_title` (its page, REF-5)."""
    return list(partners_visible_to(user).filter(ecoc_title=ecoc_title).select_related("project"))
