from django.core.management.base import BaseCommand

from ecocsme.opportunities.services import opportunities_close_past_deadline
from ecocsme.opportunities.tasks import close_past_deadline


class Command(BaseCommand):
    help = ("Close the published opportunities whose deadline has passed: queue the task for the "
            "worker, or with --now do it here. Run it hourly (lists, feeds and the API leave such "
            "opportunities out even before).")

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Close them in this process.")

    def handle(self, *args, **options):
        if options["now"]:
            self.stdout.write(f"opportunities closed: {opportunities_close_past_deadline()}")
        else:
            close_past_deadline.enqueue()
            self.stdout.write("queued: closing the opportunities whose deadline has passed")
