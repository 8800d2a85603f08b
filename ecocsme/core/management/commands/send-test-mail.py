from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from ecocsme.core.tasks import send_mail


class Command(BaseCommand):
    help = "Queue a test mail to ADDRESS; the background worker sends it."

    def add_arguments(self, parser):
        parser.add_argument("address")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE,
                            choices=[code for code, _name in settings.LANGUAGES])

    def handle(self, *args, address: str, language: str, **options):
        try:
            validate_email(address)
        except ValidationError as exc:
            raise CommandError(f"Not an e-mail address: {address}") from exc
        result = send_mail.enqueue(to=[address], template="core/mail/test_message",
                                   context={}, language=language)
        self.stdout.write(f"Queued as task {result.id}; `ecocsme db_worker` sends it.")
