import json

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from .models import Membership, User
from .services import account_delete, account_personal_data


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("partner",)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """The administrator's side of an account's own data: download it (the action) and delete it
    as its owner would (the organisations it represents stay and their keepers are told; its mail
    is blanked; audited) — the administration site's delete goes through accounts.services."""

    fieldsets = (*BaseUserAdmin.fieldsets, ("Platform", {"fields": ("language", "time_zone", "signup")}))
    readonly_fields = ("signup",)
    list_display = (*BaseUserAdmin.list_display, "signup")
    list_filter = (*BaseUserAdmin.list_filter, "signup")
    inlines = [MembershipInline]
    actions = ["personal_data_download"]

    @admin.action(description=_("Download the account's personal data (JSON)"))
    def personal_data_download(self, request, queryset):
        users = list(queryset[:2])
        if len(users) != 1:
            self.message_user(request, _("Choose one account."), messages.WARNING)
            return None
        data = account_personal_data(actor=request.user, user=users[0])
        response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1),
                                content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="personal-data-account-{users[0].pk}.json"'
        return response

    def delete_model(self, request, obj):
        account_delete(actor=request.user, user=obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            account_delete(actor=request.user, user=user)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "project", "partner")
    list_filter = ("role", "project")
