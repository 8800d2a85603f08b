from django.core.management.base import BaseCommand, CommandError

from ecocsme.monitoring.services import indicators_install
from ecocsme.partnerships.models import Project


class Command(BaseCommand):
    help = ("Add the programme's indicators (monitoring.indicators.PROGRAMME_INDICATORS) that a project "
            "does not have yet; those it has are left as they are, so it can run again.")

    def add_arguments(self, parser):
        parser.add_argument("--project", required=True, metavar="CODE",
                            help="The project's code, e.g. PGI06047.")

    def handle(self, *args, **options):
        code = options["project"].strip()
        project = Project.objects.filter(code__iexact=code).first() if code else None
        if project is None:
            raise CommandError(f"There is no project with the code {code!r}.")
        added = indicators_install(actor=None, project=project)
        total = project.indicators.count()
        self.stdout.write(f"{project.code}: {added} indicator{'' if added == 1 else 's'} added, "
                          f"{total} in all")
