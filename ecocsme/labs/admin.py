from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from .models import Lab, Question


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Lab)
class LabAdmin(ObjectPermissionsModelAdmin):
    list_display = ("__str__", "project", "format", "status", "closes_at")
    list_filter = ("project", "format", "status")
    inlines = [QuestionInline]
