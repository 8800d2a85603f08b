from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from ecocsme.core.backup import backup_database


class Command(BaseCommand):
    help = "Write a consistent backup of the database (SQLite online backup, or pg_dump -Fc)."

    def add_arguments(self, parser):
        parser.add_argument("destination", nargs="?", type=Path,
                            help="File to write (default var/backups/ecocsme-<time>.backup).")

    def handle(self, *args, destination: Path | None, **options):
        from django.conf import settings

        if destination is None:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            destination = settings.VAR_DIR / "backups" / f"ecocsme-{stamp}.backup"
        path = backup_database(destination)
        self.stdout.write(f"Backup written to {path} ({path.stat().st_size:,} bytes).")
