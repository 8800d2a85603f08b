from django.urls import path

from .views import files, plans, reports, review

app_name = "actionplans"
urlpatterns = [
    # public: endorsed plans their partners publish (the endorsed version only)
    path("action-plans/", files.public_list, name="public_list"),
    path("action-plans/<int:pk>/", files.public_detail, name="public_detail"),
    path("action-plans/<int:pk>/plan.<str:fmt>", files.public_export, name="public_export"),
    # the back office
    path("manage/action-plans/", plans.plan_list, name="list"),
    path("manage/action-plans.<str:fmt>", plans.plan_list, name="list_export"),
    path("manage/action-plans/new/<int:partner_id>/", plans.plan_create, name="create"),
    path("manage/action-plans/<int:pk>/", plans.plan_detail, name="detail"),
    path("manage/action-plans/<int:pk>/edit/", plans.plan_edit, name="edit"),
    path("manage/action-plans/<int:pk>/actions/new/", plans.action_create, name="action_create"),
    path("manage/action-plans/<int:pk>/actions/<int:action_id>/", plans.action_edit, name="action_edit"),
    path("manage/action-plans/<int:pk>/actions/<int:action_id>/delete/", plans.action_delete,
         name="action_delete"),
    path("manage/action-plans/<int:pk>/actions/<int:action_id>/move/", plans.action_move, name="action_move"),
    path("manage/action-plans/<int:pk>/step/<str:step>/", plans.plan_workflow, name="workflow"),
    path("manage/action-plans/<int:pk>/history/", plans.plan_history, name="history"),
    path("manage/action-plans/<int:pk>/compare/", plans.plan_compare, name="compare"),
    path("manage/action-plans/<int:pk>/versions/<int:number>/", plans.version_detail, name="version"),
    path("manage/action-plans/<int:pk>/plan.<str:fmt>", files.plan_export, name="export"),
    path("manage/action-plans/<int:pk>/versions/<int:number>/plan.<str:fmt>", files.plan_export,
         name="version_export"),
    # peer review
    path("manage/action-plans/<int:pk>/comments/", review.comment_add, name="comment_add"),
    path("manage/action-plans/<int:pk>/comments/<int:comment_id>/<str:step>/", review.comment_step,
         name="comment_step"),
    path("manage/action-plans/<int:pk>/reviewers/", review.reviewers, name="reviewers"),
    path("manage/action-plans/<int:pk>/reviewers.<str:fmt>", review.reviewers, name="reviewers_export"),
    path("review/<str:token>/", review.review, name="review"),
    # phase 2: per action and period
    path("manage/action-plans/<int:pk>/reports/", reports.plan_reports, name="reports"),
    path("manage/action-plans/<int:pk>/reports.<str:fmt>", reports.plan_reports, name="reports_export"),
    path("manage/action-plans/<int:pk>/reports/<int:action_id>/<int:period>/", reports.report_edit,
         name="report_edit"),
    path("manage/action-plans/<int:pk>/reports/evidence/<int:report_id>/", reports.report_evidence,
         name="report_evidence"),
]
