from django.core.management.base import BaseCommand

from ecocsme.opportunities.services.digests import digests_send
from ecocsme.opportunities.tasks import send_digests


class Command(BaseCommand):
    help = ("Send the due digests of new opportunities (daily or weekly, to those who subscribed): "
            "queue the task for the worker, or with --now do it here. Run it hourly; each digest goes "
            "once for its day or week however often it runs.")

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Send them from this process.")

    def handle(self, *args, **options):
        if options["now"]:
            counts = digests_send()
            self.stdout.write(f"digests due: {counts['due']}, sent: {counts['sent']}")
        else:
            send_digests.enqueue()
            self.stdout.write("queued: the due digests of new opportunities")
