from django.urls import path

from .views import dev_mail, manage, public

app_name = "web"
urlpatterns = [
    path("", public.home, name="home"),
    path("ecoc/", public.ecoc_timeline, name="ecoc_timeline"),
    path("ecoc/<int:year>/<slug:city>/", public.ecoc_title, name="ecoc_title"),
    path("manage/ecoc/<int:year>/<slug:city>/notes/", manage.ecoc_notes_edit, name="ecoc_notes_edit"),
    path("projects/", public.project_list, name="project_list"),
    path("projects/<str:code>/", public.project_detail, name="project_detail"),
    path("projects/<str:code>/partners/", public.partner_list, name="partner_list"),
    path("partners/", public.featured_partners, name="partners"),
    path("manage/", manage.dashboard, name="manage"),
    path("manage/partners/<int:pk>/", manage.partner_edit, name="partner_edit"),
    # The development mail viewer; 404 unless settings.ECOCSME_MAIL_VIEWER.
    path("manage/mail/", dev_mail.mail_list, name="dev_mail_list"),
    path("manage/mail/<int:pk>/", dev_mail.mail_detail, name="dev_mail_detail"),
    path("manage/mail/<int:pk>/body.html", dev_mail.mail_html, name="dev_mail_html"),
]
