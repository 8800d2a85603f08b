from django.urls import path

from . import manage_views, views

app_name = "events"
urlpatterns = [
    path("projects/<str:code>/events/", views.event_list, name="event_list"),
    path("projects/<str:code>/events.<str:fmt>", views.event_list, name="event_list_export"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>.ics", views.event_ics, name="event_ics"),
    path("events/answer/<str:token>/", views.answer, name="answer"),
    path("manage/events/", manage_views.event_list, name="manage_list"),
    path("manage/events.<str:fmt>", manage_views.event_list, name="manage_list_export"),
    path("manage/events/participation.<str:fmt>", manage_views.participation_export,
         name="participation_export"),
    path("manage/events/new/", manage_views.event_edit, name="manage_add"),
    path("manage/events/<int:pk>/", manage_views.event_detail, name="manage_detail"),
    path("manage/events/<int:pk>/edit/", manage_views.event_edit, name="manage_edit"),
    path("manage/events/<int:pk>/check-in/", manage_views.check_in, name="check_in"),
    path("manage/events/<int:pk>/attendance.pdf", manage_views.attendance_sheet, name="attendance_sheet"),
    path("manage/events/<int:pk>/participants.<str:fmt>", manage_views.participants_export,
         name="participants_export"),
    path("manage/events/<int:pk>/<str:action>/", manage_views.event_action, name="manage_action"),
]
