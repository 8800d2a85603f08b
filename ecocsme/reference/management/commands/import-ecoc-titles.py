from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ecocsme.reference.services import ImportRejected, ecoc_titles_import, shipped_city_names


class Command(BaseCommand):
    help = ("Update the ECoC titles from a CSV file (columns: year, city, country_iso2, country, "
            "original_year, notes; optional title_extended_to, designation_date, "
            "preparation_years, legacy_years). Imports nothing if any row is bad. Each title "
            "takes its city's names in every language from the shipped ecoc_city_names.csv.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Report what would change.")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        try:
            city_names = shipped_city_names()
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError("Problems in the shipped ecoc_city_names.csv; nothing was imported.") from exc
        try:
            result = ecoc_titles_import(text, city_names=city_names, dry_run=dry_run)
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(exc.errors)} problem{'' if len(exc.errors) == 1 else 's'} in {file}; "
                               "nothing was imported.") from exc
        for line in result.details:
            self.stdout.write(line)
        verb = "would be" if dry_run else "were"
        self.stdout.write(f"{result.created} new, {result.updated} changed, "
                          f"{result.unchanged} unchanged titles {verb} imported.")
