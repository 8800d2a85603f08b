from django.urls import path

from . import synthesis_views, views

app_name = "labs"
urlpatterns = [
    path("labs/answer/<str:token>/", views.answer, name="answer"),
    path("manage/labs/", views.lab_list, name="lab_list"),
    path("manage/labs/new/", views.lab_edit, name="lab_add"),
    path("manage/labs/<int:pk>/", views.lab_detail, name="lab_detail"),
    path("manage/labs/<int:pk>/edit/", views.lab_edit, name="lab_edit"),
    path("manage/labs/<int:pk>/answers.<str:fmt>", views.lab_answers_export, name="lab_answers"),
    path("manage/labs/<int:pk>/replies/", views.lab_replies, name="lab_replies"),
    path("manage/labs/<int:pk>/replies/<int:reply_pk>/", views.lab_reply, name="lab_reply"),
    path("manage/labs/<int:pk>/synthesis/", synthesis_views.synthesis, name="synthesis"),
    path("manage/labs/<int:pk>/synthesis/status/", synthesis_views.synthesis_status,
         name="synthesis_status"),
    path("manage/labs/<int:pk>/synthesis/place/", synthesis_views.synthesis_place, name="synthesis_place"),
    path("manage/labs/<int:pk>/synthesis/merge/", synthesis_views.themes_merge, name="themes_merge"),
    path("manage/labs/<int:pk>/themes/<int:theme_pk>/", synthesis_views.theme_detail, name="theme_detail"),
    path("manage/labs/<int:pk>/report.<str:fmt>", synthesis_views.lab_report, name="lab_report"),
    path("manage/labs/<int:pk>/<str:action>/", views.lab_action, name="lab_action"),
]
