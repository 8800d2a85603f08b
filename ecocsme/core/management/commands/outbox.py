from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count

from ecocsme.core.models import OutgoingMail
from ecocsme.core.outbox import outbox_flush, outbox_recover


class Command(BaseCommand):
    help = ("Look after the outbox: mark mail a stopped worker left half-sent as uncertain, and "
            "hand queued mail to the worker. Run it when the worker starts.")

    def add_arguments(self, parser):
        parser.add_argument("--stale-seconds", type=int, default=300,
                            help="How long a mail may stay in 'sending' before it counts as uncertain.")

    def handle(self, *args, stale_seconds: int, **options):
        uncertain = outbox_recover(stale_after=timedelta(seconds=stale_seconds))
        with transaction.atomic():
            queued = outbox_flush()
        counts = dict.fromkeys(OutgoingMail.Status.values, 0)
        for row in OutgoingMail.objects.values("status").annotate(n=Count("id")).order_by():
            counts[row["status"]] = row["n"]
        self.stdout.write(f"{queued} queued mail handed to the worker; {uncertain} newly uncertain; "
                          + ", ".join(f"{k}: {v}" for k, v in counts.items()))
