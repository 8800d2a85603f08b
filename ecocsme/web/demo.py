"""The demo data set: reference data, the ECoC-SME partnership, example accounts, Timișoara's
lab 2 and partner workshop 4."""

from ecocsme.accounts.demo import demo_users_load
from ecocsme.events.demo import partner_workshop_4_load
from ecocsme.labs.demo import timisoara_lab2_load
from ecocsme.partnerships.demo import ecoc_sme_load
from ecocsme.reference.services import reference_load


def demo_load() -> dict[str, int]:
    counts = reference_load()
    project = ecoc_sme_load()
    users = demo_users_load(project)
    lab = timisoara_lab2_load(project)
    event = partner_workshop_4_load(project)
    counts.update({"projects": 1, "partners": project.partners.count(), "users": len(users),
                   "labs": 1, "questions": lab.questions.count(), "events": 1,
                   "sessions": event.sessions.count()})
    return counts
