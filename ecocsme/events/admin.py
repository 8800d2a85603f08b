from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from .models import Event, Session


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


@admin.register(Event)
class EventAdmin(ObjectPermissionsModelAdmin):
    list_display = ("__str__", "project", "partner", "kind", "status", "starts_at")
    list_filter = ("project", "kind", "status")
    inlines = [SessionInline]
