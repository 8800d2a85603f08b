from django.urls import path

from . import account_views, profile_views, views

app_name = "organisations"
urlpatterns = [
    path("organisations/<int:pk>/", profile_views.profile, name="profile"),
    path("my/account/", account_views.my_account, name="my_account"),
    path("my/account/personal-data.json", account_views.my_account_data, name="my_account_data"),
    path("my/organisation/", profile_views.my_organisation, name="my_organisation"),
    path("my/organisation/new/", profile_views.profile_add, name="profile_add"),
    path("my/organisation/<int:pk>/edit/", profile_views.profile_edit, name="profile_edit"),
    path("manage/organisations/verification/", profile_views.verification_list,
         name="verification_list"),
    path("manage/organisations/<int:pk>/verification/", profile_views.organisation_verify,
         name="organisation_verify"),
    path("manage/organisations/", views.organisation_list, name="organisation_list"),
    path("manage/organisations/new/", views.organisation_edit, name="organisation_add"),
    path("manage/organisations/<int:pk>/", views.organisation_edit, name="organisation_edit"),
    path("manage/organisations/<int:pk>/delete/", views.organisation_delete,
         name="organisation_delete"),
    path("manage/contacts/", views.contact_list, name="contact_list"),
    path("manage/contacts/new/", views.contact_edit, name="contact_add"),
    path("manage/contacts/import/", views.contact_import, name="contact_import"),
    path("manage/contacts/<int:pk>/", views.contact_edit, name="contact_edit"),
    path("manage/contacts/<int:pk>/personal-data.json", views.contact_personal_data,
         name="contact_personal_data"),
    path("manage/contacts/<int:pk>/erase/", views.contact_erase, name="contact_erase"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
