import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from ecocsme.actionplans.documents import FORMATS, output_language, plan_file, plan_view
from ecocsme.actionplans.selectors import (
    inspiration_links,
    latest_version,
    plan_of_partner,
    plan_version,
    project_for_export,
)


def partner_slugs(partner) -> list[str]:
    """The names an operator may give a partner by: its short name and its name slugified
    ("timisoara", "municipality-of-timisoara") and its number ("6")."""
    slugs = [slugify(partner.short_name), slugify(partner.name), str(partner.number)]
    return list(dict.fromkeys(slug for slug in slugs if slug))


class Command(BaseCommand):
    help = (
        "Write a partner's action plan as a PDF or DOCX file in the Interreg Europe template: "
        "ecocsme export-action-plan --project PGI06047 --partner timisoara --format pdf --output plan.pdf. "
        "Without --version or --draft it exports what the public site serves: the endorsed version "
        "of a plan its partner published, and refuses anything else. --version N exports version N "
        "of any plan (a draft's included), --draft the current text of any plan: an operator's "
        "export, for sharing with the partner or the policy owner, not for publishing. The texts are "
        "in the plan's language; --language sets the labels' (default: the plan's)."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # --version names the plan's version here, not the program's version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--project", required=True, help="The project's code, e.g. PGI06047.")
        parser.add_argument("--partner", required=True,
                            help="The partner: its short name or name as a slug (timisoara, "
                                 "municipality-of-timisoara) or its number.")
        parser.add_argument("--format", dest="fmt", choices=sorted(FORMATS), default="pdf")
        parser.add_argument("--output", required=True, type=Path, help="The file to write.")
        parser.add_argument("--language", default=None,
                            help="Language of the labels, dates and amounts (default: the plan's).")
        choice = parser.add_mutually_exclusive_group()
        choice.add_argument("--version", dest="number", type=int, default=None,
                            help="Export this version of the plan (any, a draft's included).")
        choice.add_argument("--draft", action="store_true",
                            help="Export the plan's current text, endorsed or not.")

    def handle(self, *args, project: str, partner: str, fmt: str, output: Path, language: str | None,
               number: int | None, draft: bool, **options):
        codes = dict(settings.LANGUAGES)
        if language is not None and language not in codes:
            raise CommandError(f"Unknown language {language!r}: one of {', '.join(codes)}.")
        self._check_output(output)
        found, partners = project_for_export(project)
        if found is None:
            raise CommandError(f"There is no project {project!r}.")
        chosen = self._partner(found, partners, partner)
        plan = plan_of_partner(chosen)
        if plan is None:
            raise CommandError(
                f"{chosen.name} (partner {chosen.number} of {found.code}) has no action plan yet.")
        version, what = self._version(plan, number, draft)
        document = version.snapshot
        language = output_language(document, language)
        self.stderr.write(f"Rendering the action plan of {chosen.name} ({found.code}), {what}, as "
                          f"{fmt.upper()} with labels in {language}…")
        _content_type, data = plan_file(document, fmt, language=language,
                                        links=inspiration_links(document, language=language),
                                        version={"number": version.number, "date": version.created_at})
        try:
            output.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror or exc}.") from exc
        view = plan_view(document)
        actions = len(view.actions)
        self.stdout.write(f"Wrote {output} ({len(data):,} bytes): version {version.number}, "
                          f"{actions} action{'' if actions == 1 else 's'}.")

    def _check_output(self, output: Path) -> None:
        folder = output.parent if str(output.parent) else Path(".")
        if output.is_dir():
            raise CommandError(f"{output} is a folder; give a file name.")
        if not folder.is_dir():
            raise CommandError(f"The folder {folder} does not exist.")
        if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
            raise CommandError(f"Cannot write {output}: permission denied.")

    def _partner(self, project, partners, wanted: str):
        key = slugify(wanted) or wanted.strip()
        for partner in partners:
            if key in partner_slugs(partner):
                return partner
        known = "; ".join(", ".join(partner_slugs(p)) for p in partners) or "none"
        raise CommandError(f"{project.code} has no partner {wanted!r}. Known partners: {known}.")

    def _version(self, plan, number: int | None, draft: bool):
        if number is not None:
            version = plan_version(plan, number)
            if version is None:
                last = latest_version(plan)
                raise CommandError(f"The plan has no version {number} (its versions: 1 to "
                                   f"{last.number if last else 0}).")
            return version, f"version {number}"
        if draft:
            version = latest_version(plan)
            if version is None:
                raise CommandError("The plan has no version yet.")
            return version, f"current text (version {version.number}, {plan.get_status_display()})"
        if not (plan.is_published and plan.is_endorsed and plan.endorsed_version_id):
            state = ("endorsed but not published" if plan.is_endorsed
                     else str(plan.get_status_display()).lower())
            raise CommandError(
                f"The plan is {state}: without --version N or --draft only the endorsed version of a "
                f"published plan is exported.")
        return plan.endorsed_version, f"the endorsed version {plan.endorsed_version.number}"
