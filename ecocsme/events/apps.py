from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "ecocsme.events"
    label = "events"
    verbose_name = _("Events and workshops")


    def ready(self):
        from . import holdings

        holdings.register()
