from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlansConfig(AppConfig):
    name = "ecocsme.actionplans"
    label = "actionplans"
    verbose_name = _("Action plans")

    def ready(self):
        from . import holdings

        holdings.register()
        holdings.register_accounts()
