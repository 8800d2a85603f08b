from django.urls import path

from .views import dashboard, entry

app_name = "monitoring"
urlpatterns = [
    path("manage/monitoring/", dashboard.index, name="index"),
    path("manage/monitoring/<str:code>/", dashboard.dashboard, name="dashboard"),
    path(
        "manage/monitoring/<str:code>/tables/<str:table>.<str:fmt>",
        dashboard.table_export,
        name="table_export",
    ),
    path("manage/monitoring/<str:code>/indicators/", entry.indicators, name="indicators"),
    path("manage/monitoring/<str:code>/indicators/new/", entry.indicator_edit, name="indicator_add"),
    path("manage/monitoring/<str:code>/indicators/<int:pk>/", entry.indicator_edit, name="indicator_edit"),
    path("manage/monitoring/<str:code>/partners/<int:partner_id>/values/", entry.values, name="values"),
    path("manage/monitoring/<str:code>/partners/<int:partner_id>/budget/", entry.budget, name="budget"),
    path(
        "manage/monitoring/<str:code>/partners/<int:partner_id>/periods/<int:number>/validate/",
        entry.period_validate,
        name="period_validate",
    ),
    path(
        "manage/monitoring/<str:code>/evidence/<int:value_id>/", entry.value_evidence, name="value_evidence"
    ),
]
