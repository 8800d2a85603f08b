from django.contrib import admin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "size_class", "city", "country", "is_example")
    list_filter = ("kind", "size_class", "country", "is_example")
    search_fields = ("name", "city")
    autocomplete_fields = ("sectors",)
    show_full_result_count = False
