from django.contrib import admin

from .models import EcocTitle, NaceDivision, NaceSection, NutsRegion, PolicyInstrument


@admin.register(EcocTitle)
class EcocTitleAdmin(admin.ModelAdmin):
    """The staff's view: every field, the internal notes too (public pages never show them)."""

    list_display = ("year", "city", "country", "original_year", "preparation_starts", "legacy_ends")
    list_filter = ("country",)
    search_fields = ("city", "notes")
    readonly_fields = ("preparation_starts", "event_starts", "event_ends", "legacy_ends")


@admin.register(PolicyInstrument)
class PolicyInstrumentAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "category", "country", "managing_body")
    list_filter = ("kind", "category", "country")
    search_fields = ("name", "managing_body", "territory")


admin.site.register(NutsRegion)
admin.site.register(NaceSection)


@admin.register(NaceDivision)
class NaceDivisionAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "section")
    list_filter = ("section",)
    search_fields = ("code", "title")
