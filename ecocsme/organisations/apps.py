from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "ecocsme.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from . import holdings

        holdings.register_all()
