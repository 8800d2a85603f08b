from django.core.management.base import BaseCommand

from ecocsme.reference.services import reference_load


class Command(BaseCommand):
    help = (
        "Load the reference data shipped with the platform "
        "(ECoC titles, NACE, NUTS, policy instruments). Safe to run again."
    )

    def handle(self, *args, **options):
        counts = reference_load()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
