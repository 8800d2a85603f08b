from django.urls import path

from .views import engagement, manage, matches, public, reach

app_name = "opportunities"
urlpatterns = [
    path("opportunities/", public.opportunity_list, name="list"),
    path("opportunities/feed/", public.OpportunityFeed(), name="feed"),
    path("opportunities/mine/", public.my_opportunities, name="mine"),
    path("opportunities/<int:pk>/", public.opportunity_detail, name="detail"),
    # matches (lead)
    path("opportunities/<int:pk>/matches/", matches.opportunity_matches, name="matches"),
    path("my/organisation/<int:pk>/matches/", matches.organisation_matches, name="organisation_matches"),
    # reach: interest, digests, figures
    path("opportunities/<int:pk>/interest/", reach.interest_new, name="interest_new"),
    path("opportunities/<int:pk>/interests/", reach.opportunity_interests, name="interests"),
    path("opportunities/<int:pk>/tell/<int:organisation_pk>/", reach.tell, name="tell"),
    path("opportunities/interests/", reach.our_interests, name="our_interests"),
    path("opportunities/interests/<int:pk>/", reach.interest_detail, name="interest"),
    path("opportunities/interests/<int:pk>/<str:action>/", reach.interest_action, name="interest_action"),
    path("opportunities/digest/unsubscribe/<str:token>/", reach.digest_unsubscribe_link,
         name="digest_unsubscribe"),
    path("my/organisation/<int:pk>/digest/", reach.digest, name="digest"),
    path("opportunities/suggestions/stop/<str:token>/", reach.suggestions_stop_link, name="suggestions_stop"),
    path("manage/opportunities/engagement/", engagement.engagement, name="engagement"),
    path("manage/opportunities/", manage.manage_list, name="manage_list"),
    path("manage/opportunities/new/", manage.opportunity_edit, name="add"),
    path("manage/opportunities/<int:pk>/edit/", manage.opportunity_edit, name="edit"),
    path("manage/opportunities/<int:pk>/<str:action>/", manage.opportunity_action, name="action"),
]
