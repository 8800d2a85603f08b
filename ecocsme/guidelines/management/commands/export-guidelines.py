from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import translation

from ecocsme.guidelines.access import public_version
from ecocsme.guidelines.reports import FORMATS, version_file_bytes
from ecocsme.guidelines.selectors import document_view, public_links


class Command(BaseCommand):
    help = ("Write a published version of guidelines as a PDF or DOCX file, as the site serves it: "
            "ecocsme export-guidelines --guideline engaging-local-smes --version 1.1 --format pdf "
            "--output guidelines.pdf")

    def create_parser(self, prog_name, subcommand, **kwargs):
        # --version names the version to export here, not the program's version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--guideline", required=True, help="The guidelines' address (slug).")
        parser.add_argument("--version", dest="number", default=None,
                            help="The version number, e.g. 1.0 (default: the latest published).")
        parser.add_argument("--format", dest="fmt", choices=sorted(FORMATS), default="pdf")
        parser.add_argument("--language", default="en", help="Language of the file (default: en).")
        parser.add_argument("--output", required=True, type=Path, help="The file to write.")

    def handle(self, *args, guideline: str, number: str | None, fmt: str, language: str, output: Path,
               **options):
        from django.conf import settings

        if language not in dict(settings.LANGUAGES):
            codes = ", ".join(dict(settings.LANGUAGES))
            raise CommandError(f"Unknown language {language!r}: one of {codes}.")
        try:
            version = public_version(guideline, number)
        except Http404 as missing:
            raise CommandError(f"{missing} (only published versions are exported)") from None
        if output.parent and not output.parent.exists():
            raise CommandError(f"The folder {output.parent} does not exist.")
        self.stderr.write(f"Rendering {guideline} version {version.number} as {fmt.upper()} in {language}…")
        with translation.override(language):
            doc = document_view(version.snapshot, language=language, visible=public_links(version.snapshot))
            _content_type, data = version_file_bytes(doc, fmt)
        try:
            output.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc}") from exc
        self.stdout.write(f"Wrote {output} ({len(data):,} bytes): {doc.recommendation_count} "
                          f"recommendations, {len(doc.sources)} sources.")
