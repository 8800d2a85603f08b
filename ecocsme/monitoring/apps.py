from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "ecocsme.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from ecocsme.actionplans.services.reports import PERIOD_LOCKS

        from . import holdings
        from .selectors import period_is_validated

        PERIOD_LOCKS.append(period_is_validated)  # a validated period's reports no longer change
        holdings.register()
