from django.core.management.base import BaseCommand

from ecocsme.events.services.reminders import reminders_send


class Command(BaseCommand):
    help = ("Remind invitees who have not answered when the answer deadline is two days away or "
            "less, and confirmed participants when the event is; each once. Run it hourly.")

    def handle(self, *args, **options):
        counts = reminders_send()
        self.stdout.write(f"deadline reminders: {counts['deadline']}, event reminders: {counts['event']}")
