"""Permission-checked fetchers: views, API and exports get projects and partners only here."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Partner, Project


def project_for_view(user, code: str) -> Project:
    """The project, or 404 when it does not exist or the user may not see it."""
    project = Project.objects.filter(code__iexact=code).first()
    if project is None or not user.has_perm("partnerships.view_project", project):
        raise Http404(_("No such project."))
    return project


def partner_for_change(user, pk: int) -> Partner:
    partner = Partner.objects.select_related("project").filter(pk=pk).first()
    if partner is None or not user.has_perm("partnerships.view_partner", partner):
        raise Http404(_("No such partner."))
    if not user.has_perm("partnerships.change_partner", partner):
        raise PermissionDenied(_("Only the partner's own staff and the coordinator may change it."))
    return partner
