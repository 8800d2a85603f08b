"""Example stakeholders of the Timișoara partner, so that a lab can be tried in `make run`.
Invented organisations and people, marked as examples."""

from django.db import transaction

from ecocsme.partnerships.models import Project

from .models import Consent, Contact, Organisation

EXAMPLES = (
    ("Example Print Studio SRL (example)", "sme", "Timișoara", "Ana Example", "ana@example.org", "ro"),
    ("Example Creative Hub (example)", "ngo", "Timișoara", "Dan Example", "dan@example.org", "ro"),
    ("Example Software Startup (example)", "startup", "Timișoara", "Eva Example", "eva@example.org", "en"),
)


def example_contacts_load(project: Project) -> int:
    partner = project.partners.get(number=6)
    with transaction.atomic():
        for name, kind, city, person, email, language in EXAMPLES:
            organisation, _created = Organisation.objects.get_or_create(
                name=name, defaults={"kind": kind, "city": city, "country": "RO", "partner": partner,
                                     "is_example": True})
            contact, _created = Contact.objects.get_or_create(
                partner=partner, email=email, erased_at=None,
                defaults={"name": f"{person} (example)", "language": language,
                          "organisation": organisation})
            for purpose in (Consent.Purpose.CONSULTATIONS, Consent.Purpose.EVENT_INVITATIONS):
                Consent.objects.get_or_create(contact=contact, purpose=purpose,
                                              defaults={"granted": True, "source": Consent.Source.STAFF})
    return len(EXAMPLES)
