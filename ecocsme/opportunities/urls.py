from django.urls import path

from .views import manage, matches, public

app_name = "opportunities"
urlpatterns = [
    path("opportunities/", public.opportunity_list, name="list"),
    path("opportunities/feed/", public.OpportunityFeed(), name="feed"),
    path("opportunities/mine/", public.my_opportunities, name="mine"),
    path("opportunities/<int:pk>/", public.opportunity_detail, name="detail"),
    # matches (lead)
    path("opportunities/<int:pk>/matches/", matches.opportunity_matches, name="matches"),
    path("my/organisation/<int:pk>/matches/", matches.organisation_matches, name="organisation_matches"),
    path("manage/opportunities/", manage.manage_list, name="manage_list"),
    path("manage/opportunities/new/", manage.opportunity_edit, name="add"),
    path("manage/opportunities/<int:pk>/edit/", manage.opportunity_edit, name="edit"),
    path("manage/opportunities/<int:pk>/<str:action>/", manage.opportunity_action, name="action"),
]
