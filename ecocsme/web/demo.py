"""The demo data set: reference data, the ECoC-SME partnership, example accounts, Timișoara's
lab 2 and partner workshop 4."""

from ecocsme.events.demo import partner_workshop_4_load
from ecocsme.labs.demo import timisoara_lab2_load
from ecocsme.partnerships.demo import demo_users_load, ecoc_sme_load
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


def demo_people_load(project) -> dict[str, int]:
    """Example people in every place that holds people: contacts of two partners, invited to
    Timișoara's lab 2 (answered on the web, by e-mail, a draft, not yet) and to partner
    workshop 4 (yes with a note and an access need, no, waiting). Kept out of demo_load(),
    which tests build on; `load-demo` and the privacy tests add it."""
    from ecocsme.accounts.models import Membership
    from ecocsme.events.demo import example_invitations_load as event_invitations_load
    from ecocsme.labs.demo import example_invitations_load as lab_invitations_load
    from ecocsme.organisations.demo import example_contacts_load

    lab = project.labs.get(partner__number=6, number=2)
    event = project.events.get(partner__number=6, kind="partner_workshop")
    staff = Membership.objects.filter(partner=lab.partner, role=Membership.Role.PARTNER_STAFF).first()
    return {"example contacts": example_contacts_load(project),
            "lab invitations": lab_invitations_load(lab, staff.user),
            "event invitations": event_invitations_load(event, staff.user)}
