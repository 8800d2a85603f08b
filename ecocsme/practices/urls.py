from django.urls import path

from .views import library, manage

app_name = "practices"
urlpatterns = [
    path("practices/", library.library, name="library"),
    path("practices/feed.atom", library.LatestPractices(), name="feed"),
    path("practices/<slug:slug>/", library.practice_detail, name="detail"),
    path("practices/<slug:slug>/files/<int:pk>/<str:name>", library.attachment, name="attachment"),
    path("manage/practices/", manage.practice_list, name="manage_list"),
    path("manage/practices/new/", manage.practice_edit, name="add"),
    path("manage/practices/<slug:slug>/edit/", manage.practice_edit, name="edit"),
    path("manage/practices/<slug:slug>/files/", manage.attachments, name="attachments"),
    path("manage/practices/<slug:slug>/assessment/", manage.assessment, name="assessment"),
    path("manage/practices/<slug:slug>/<str:action>/", manage.practice_action, name="action"),
]
