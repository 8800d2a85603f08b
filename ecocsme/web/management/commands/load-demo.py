from django.core.management.base import BaseCommand
from tqdm import tqdm

from ecocsme.accounts.demo import DEMO_USERS, demo_password
from ecocsme.actionplans.demo import actionplans_demo_load
from ecocsme.guidelines.demo import guidelines_demo_load
from ecocsme.labs.demo import example_answers_load
from ecocsme.monitoring.demo import monitoring_demo_load
from ecocsme.opportunities.demo import opportunities_demo_load
from ecocsme.organisations.demo import SME_USERNAME, example_profiles_load, sme_user_load
from ecocsme.partnerships.models import Project
from ecocsme.practices.demo import practices_demo_load
from ecocsme.reference.services import phase_notes_load
from ecocsme.web.demo import demo_load, demo_people_load


class Command(BaseCommand):
    help = "Load the demo data: reference data, ECoC-SME and example accounts. Safe to run again."

    def handle(self, *args, **options):
        counts = demo_load()
        # Example stakeholders to try a lab with; kept out of demo_load() that tests build on.
        project = Project.objects.get(code="PGI06047")
        counts["example answers"] = example_answers_load(project.labs.get(partner__number=6, number=2))
        counts.update(demo_people_load(project))
        counts["notes on ECoC phases"] = phase_notes_load()
        with tqdm(desc="good practices (search index)", unit="practice") as bar:
            def progress(done, total):
                bar.total = total
                bar.update(done - bar.n)

            counts["good practices"] = practices_demo_load(project, progress=progress)
        with tqdm(desc="organisation profiles (matching vectors)", unit="profile") as bar:
            def progress(done, total):
                bar.total = total
                bar.update(done - bar.n)

            counts["organisation profiles"] = example_profiles_load(progress=progress)
        sme_user_load()
        with tqdm(desc="opportunities", unit="opportunity") as bar:
            def progress(done, total):
                bar.total = total
                bar.update(done - bar.n)

            counts["opportunities"] = opportunities_demo_load(progress=progress)
        report = guidelines_demo_load(project)
        counts["guideline versions"] = report.versions
        with tqdm(desc="action plans and monitoring", total=2, unit="part") as bar:
            counts.update(actionplans_demo_load(project).as_counts())
            bar.update(1)
            counts.update(monitoring_demo_load(project).as_counts())
            bar.update(1)
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
        self.stdout.write(f"Example accounts (password: {demo_password()}):")
        for username, _first, last, role, _partner, superuser in DEMO_USERS:
            what = "administrator" if superuser else f"{role} · {last}"
            self.stdout.write(f"  {username:<12} {what}")
        self.stdout.write(f"  {SME_USERNAME:<12} stakeholder · represents an example organisation in Kaunas")
