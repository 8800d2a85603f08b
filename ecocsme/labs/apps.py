from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabsConfig(AppConfig):
    name = "ecocsme.labs"
    label = "labs"
    verbose_name = _("Local learning labs")

    def ready(self):
        from . import holdings

        holdings.register()
