from django.core.management.base import BaseCommand

from ecocsme.accounts.services import UNCONFIRMED_DAYS, unconfirmed_signups_delete


class Command(BaseCommand):
    help = (f"Delete the sign-ups never confirmed within {UNCONFIRMED_DAYS} days (each audited, their "
            "mail blanked). Run it hourly or daily with the other periodic commands.")

    def handle(self, *args, **options):
        self.stdout.write(f"unconfirmed sign-ups deleted: {unconfirmed_signups_delete()}")
