"""Writes to projects and partners. Every function checks permission and records an audit entry."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log, changed_fields

from .models import Partner, Period, Project
from .periods import end_date, semesters

PARTNER_EDITABLE_FIELDS = ("name", "name_translations", "short_name", "city", "website", "budget",
                           "erdf_rate", "policy_instrument", "ecoc_title", "nuts_region")


def partner_logo_set(*, actor, partner: Partner, content: bytes | None) -> Partner:
    """Give a partner a logo for printed documents (PNG, JPEG or SVG: partnerships.logos), or
    remove it with None; the file replaced is deleted."""
    from django.core.files.base import ContentFile

    from .logos import logo_check

    if not actor.has_perm("partnerships.change_partner", partner):
        raise PermissionDenied(_("You may not change this partner."))
    kind = None if content is None else logo_check(content)
    old_name = partner.logo.name
    with transaction.atomic():
        if kind is None:
            partner.logo = ""
        else:
            partner.logo.save(f"logo.{'jpg' if kind == 'jpeg' else kind}", ContentFile(content), save=False)
        partner.save(update_fields=["logo", "updated_at"])
        audit_log(actor=actor, action="partnerships.partner.logo_changed", obj=partner,
                  data={"logo": kind or "removed"})
    if old_name and old_name != partner.logo.name:
        partner.logo.storage.delete(old_name)
    return partner


def project_upsert(*, code: str, acronym: str, title: str, programme: str, start_date: dt.date,
                   duration_months: int, **values) -> Project:
    """Create or update a project by code and derive its end and reporting periods."""
    with transaction.atomic():
        project, _created = Project.objects.update_or_create(
            code=code,
            defaults={"acronym": acronym, "title": title, "programme": programme,
                      "start_date": start_date, "duration_months": duration_months,
                      "end_date": end_date(start_date, duration_months), **values},
        )
        project_periods_sync(project)
    return project


def project_periods_sync(project: Project) -> list[Period]:
    """Make the stored semesters match the project's start and duration."""
    spans = semesters(project.start_date, project.duration_months)
    project.periods.filter(number__gt=len(spans)).delete()
    periods = []
    for span in spans:
        period, _created = Period.objects.update_or_create(
            project=project, number=span.number,
            defaults={"start_date": span.start, "end_date": span.end},
        )
        periods.append(period)
    return periods


def partner_update(*, actor, partner: Partner, values: dict) -> Partner:
    """Change a partner's record; only its own staff, the coordinator or an administrator may."""
    if not actor.has_perm("partnerships.change_partner", partner):
        raise PermissionDenied(_("You may not change this partner."))
    unknown = set(values) - set(PARTNER_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    budget = values.get("budget")
    if budget is not None and Decimal(budget) < 0:
        raise ValidationError({"budget": _("A budget cannot be negative.")})
    changes = changed_fields(partner, values)
    if not changes:
        return partner
    with transaction.atomic():
        for name, value in values.items():
            setattr(partner, name, value)
        partner.full_clean()
        partner.save(update_fields=[*values.keys(), "updated_at"])
        audit_log(actor=actor, action="partnerships.partner.changed", obj=partner,
                  data={"changes": changes})
    return partner
