from django.urls import path

from . import views

app_name = "labs"
urlpatterns = [
    path("labs/answer/<str:token>/", views.answer, name="answer"),
]
