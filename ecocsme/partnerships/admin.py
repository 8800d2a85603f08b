from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from .models import Partner, Period, Project, ProjectPhase


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0
    fields = ("number", "role", "name", "city", "country", "ecoc_title", "policy_instrument",
              "budget")


class PeriodInline(admin.TabularInline):
    model = Period
    extra = 0
    can_delete = False
    readonly_fields = ("number", "start_date", "end_date")


@admin.register(Project)
class ProjectAdmin(ObjectPermissionsModelAdmin):
    list_display = ("code", "acronym", "programme", "start_date", "end_date", "total_budget")
    search_fields = ("code", "acronym", "title")
    inlines = [PartnerInline, PeriodInline]


@admin.register(Partner)
class PartnerAdmin(ObjectPermissionsModelAdmin):
    list_display = ("project", "number", "name", "city", "country", "budget")
    list_filter = ("project", "role", "country")
    search_fields = ("name", "city")


admin.site.register(ProjectPhase)
