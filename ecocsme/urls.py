from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from ecocsme.api.urls import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("accounts/", include("ecocsme.accounts.urls")),
    path("", include("ecocsme.organisations.urls")),
    path("", include("ecocsme.labs.urls")),
    path("", include("ecocsme.web.urls")),
)

handler403 = "ecocsme.web.views.errors.permission_denied"
handler404 = "ecocsme.web.views.errors.page_not_found"
handler500 = "ecocsme.web.views.errors.server_error"
