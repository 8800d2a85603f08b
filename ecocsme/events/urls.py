from django.urls import path

from .views import answer, attendance, calendars, manage, public

app_name = "events"
urlpatterns = [
    path("events/", public.featured_events, name="featured_list"),
    path("projects/<str:code>/events/", public.event_list, name="event_list"),
    path("projects/<str:code>/events.<str:fmt>", public.event_list, name="event_list_export"),
    path("events/<int:pk>/", public.event_detail, name="event_detail"),
    path("events/<int:pk>.ics", calendars.event_ics, name="event_ics"),
    path("events/answer/<str:token>/", answer.answer, name="answer"),
    path("manage/events/", manage.event_list, name="manage_list"),
    path("manage/events.<str:fmt>", manage.event_list, name="manage_list_export"),
    path("manage/events/participation.<str:fmt>", attendance.participation_export,
         name="participation_export"),
    path("manage/events/new/", manage.event_edit, name="manage_add"),
    path("manage/events/<int:pk>/", manage.event_detail, name="manage_detail"),
    path("manage/events/<int:pk>/edit/", manage.event_edit, name="manage_edit"),
    path("manage/events/<int:pk>/check-in/", attendance.check_in, name="check_in"),
    path("manage/events/<int:pk>/attendance.pdf", attendance.attendance_sheet, name="attendance_sheet"),
    path("manage/events/<int:pk>/participants.<str:fmt>", attendance.participants_export,
         name="participants_export"),
    path("manage/events/<int:pk>/<str:action>/", manage.event_action, name="manage_action"),
]
