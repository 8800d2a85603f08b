from django.contrib import admin

from .models import Consent, Contact, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "size_class", "city", "country", "is_example")
    list_filter = ("kind", "size_class", "country", "is_example")
    search_fields = ("name", "city")
    autocomplete_fields = ("sectors",)
    show_full_result_count = False


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    readonly_fields = ("updated_at",)


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "organisation", "partner", "language", "erased_at")
    list_filter = ("partner", "language")
    search_fields = ("name", "email")
    autocomplete_fields = ("organisation",)
    inlines = [ConsentInline]
