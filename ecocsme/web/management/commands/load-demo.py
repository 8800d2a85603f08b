from django.core.management.base import BaseCommand

from ecocsme.accounts.demo import DEMO_USERS, demo_password
from ecocsme.labs.demo import example_answers_load
from ecocsme.partnerships.models import Project
from ecocsme.web.demo import demo_load, demo_people_load


class Command(BaseCommand):
    help = "Load the demo data: reference data, ECoC-SME and example accounts. Safe to run again."

    def handle(self, *args, **options):
        counts = demo_load()
        # Example stakeholders to try a lab with; kept out of demo_load() that tests build on.
        project = Project.objects.get(code="PGI06047")
        counts["example answers"] = example_answers_load(project.labs.get(partner__number=6, number=2))
        counts.update(demo_people_load(project))
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
        self.stdout.write(f"Example accounts (password: {demo_password()}):")
        for username, _first, last, role, _partner, superuser in DEMO_USERS:
            what = "administrator" if superuser else f"{role} · {last}"
            self.stdout.write(f"  {username:<12} {what}")
