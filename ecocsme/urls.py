from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from ecocsme.api.urls import api
from ecocsme.events.views import calendars as event_calendars

urlpatterns = [
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    # Calendar programs subscribe to these addresses: no language prefix (EVT-3).
    path("calendar/person/<str:token>.ics", event_calendars.calendar_person, name="calendar_person"),
    path("calendar/<str:code>.ics", event_calendars.calendar_project, name="calendar_project"),
]
urlpatterns += i18n_patterns(
    path("accounts/", include("ecocsme.accounts.urls")),
    path("", include("ecocsme.organisations.urls")),
    path("", include("ecocsme.labs.urls")),
    path("", include("ecocsme.events.urls")),
    path("", include("ecocsme.practices.urls")),
    path("", include("ecocsme.opportunities.urls")),
    path("", include("ecocsme.actionplans.urls")),
    path("", include("ecocsme.monitoring.urls")),
    path("", include("ecocsme.guidelines.urls")),
    path("", include("ecocsme.web.urls")),
)

handler403 = "ecocsme.web.views.errors.permission_denied"
handler404 = "ecocsme.web.views.errors.page_not_found"
handler500 = "ecocsme.web.views.errors.server_error"
