from django.urls import path, register_converter

from .views import manage, public


class FileFormat:
    regex = "pdf|docx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FileFormat, "guideline_file")

app_name = "guidelines"
# A version is named by its number, written like 1.0; a malformed one gets a page that says so.
urlpatterns = [
    path("guidelines/", public.guidelines, name="list"),
    path("guidelines/<slug:slug>/", public.guideline_latest, name="latest"),
    path("guidelines/<slug:slug>/<str:number>.<guideline_file:fmt>", public.version_file, name="file"),
    path("guidelines/<slug:slug>/<str:number>/", public.version_detail, name="version"),
    path("guidelines/<slug:slug>/<str:number>/changes/", public.version_changes_page, name="changes"),
    path("manage/guidelines/", manage.guideline_manage_list, name="manage_list"),
    path("manage/guidelines/new/", manage.guideline_add, name="add"),
    path("manage/guidelines/<slug:slug>/edit/", manage.guideline_edit, name="edit"),
    path("manage/guidelines/<slug:slug>/new-version/", manage.version_start, name="version_new"),
    path("manage/guidelines/<slug:slug>/<str:number>/", manage.draft, name="draft"),
    path("manage/guidelines/<slug:slug>/<str:number>/publish/", manage.publish, name="publish"),
    path("manage/guidelines/<slug:slug>/<str:number>/discard/", manage.discard, name="discard"),
    path("manage/guidelines/<slug:slug>/<str:number>/chapters/<int:pk>/", manage.chapter_edit,
         name="chapter_edit"),
    path("manage/guidelines/<slug:slug>/<str:number>/recommendations/new/", manage.recommendation_edit,
         name="recommendation_add"),
    path("manage/guidelines/<slug:slug>/<str:number>/recommendations/<int:pk>/", manage.recommendation_edit,
         name="recommendation_edit"),
    path("manage/guidelines/<slug:slug>/<str:number>/recommendations/<int:pk>/evidence/",
         manage.evidence_add_view, name="evidence_add"),
    path("manage/guidelines/<slug:slug>/<str:number>/recommendations/<int:pk>/<str:action>/",
         manage.recommendation_action, name="recommendation_action"),
    path("manage/guidelines/<slug:slug>/<str:number>/evidence/<int:pk>/", manage.evidence_edit,
         name="evidence_edit"),
    path("manage/guidelines/<slug:slug>/<str:number>/evidence/<int:pk>/remove/", manage.evidence_remove,
         name="evidence_remove"),
]
