from django.urls import path

from .views import answer, answers, exports, mailbox, manage, replies, synthesis

app_name = "labs"
urlpatterns = [
    path("labs/answer/<str:token>/", answer.answer, name="answer"),
    path("manage/labs/", manage.lab_list, name="lab_list"),
    path("manage/labs/new/", manage.lab_edit, name="lab_add"),
    path("manage/labs/<int:pk>/", manage.lab_detail, name="lab_detail"),
    path("manage/labs/<int:pk>/edit/", manage.lab_edit, name="lab_edit"),
    path("manage/labs/<int:pk>/answers.<str:fmt>", exports.lab_answers_export, name="lab_answers"),
    path("manage/labs/<int:pk>/answers/", answers.lab_answers_browse, name="lab_answers_browse"),
    path("manage/labs/<int:pk>/answers/move/", answers.lab_answer_move, name="lab_answer_move"),
    path("manage/labs/<int:pk>/replies/", replies.lab_replies, name="lab_replies"),
    path("manage/labs/<int:pk>/replies/<int:reply_pk>/", replies.lab_reply, name="lab_reply"),
    path("manage/labs/<int:pk>/synthesis/", synthesis.synthesis, name="synthesis"),
    path("manage/labs/<int:pk>/synthesis/status/", synthesis.synthesis_status, name="synthesis_status"),
    path("manage/labs/<int:pk>/synthesis/place/", synthesis.synthesis_place, name="synthesis_place"),
    path("manage/labs/<int:pk>/synthesis/merge/", synthesis.themes_merge, name="themes_merge"),
    path("manage/labs/<int:pk>/synthesis/undo/<int:edit_pk>/", synthesis.theme_edit_undo,
         name="theme_edit_undo"),
    path("manage/labs/<int:pk>/synthesis/quotes/<int:answer_pk>/draft/", synthesis.quote_draft,
         name="quote_draft"),
    path("manage/labs/<int:pk>/themes/<int:theme_pk>/", synthesis.theme_detail, name="theme_detail"),
    path("manage/labs/<int:pk>/report.<str:fmt>", exports.lab_report, name="lab_report"),
    path("manage/labs/<int:pk>/report.<str:fmt>/status/", exports.lab_report_status,
         name="lab_report_status"),
    path("manage/labs/<int:pk>/mailbox/", mailbox.lab_mailbox, name="lab_mailbox"),
    path("manage/labs/<int:pk>/mailbox/status/", mailbox.lab_mailbox_status, name="lab_mailbox_status"),
    path("manage/labs/<int:pk>/mailbox/<str:action>/", mailbox.lab_mailbox_action, name="lab_mailbox_action"),
    path("manage/labs/<int:pk>/<str:action>/", manage.lab_action, name="lab_action"),
]
