"""Example stakeholders of the Timișoara partner, so that a lab can be tried in `make run`.
Invented organisations and people, marked as examples."""

from django.db import transaction

from ecocsme.partnerships.models import Project

from .models import Consent, Contact, Organisation

# (partner number, organisation, kind, city, country, person, address, language)
EXAMPLES = (
    (6, "Example Print Studio SRL (example)", "sme", "Timișoara", "RO", "Ana Example", "ana@example.org",
     "ro"),
    (6, "Example Creative Hub (example)", "ngo", "Timișoara", "RO", "Dan Example", "dan@example.org", "ro"),
    (6, "Example Software Startup (example)", "startup", "Timișoara", "RO", "Eva Example", "eva@example.org",
     "en"),
    (6, "Example Heritage Tours SRL (example)", "sme", "Timișoara", "RO", "Radu Example", "radu@example.org",
     "ro"),
    (5, "Example Shipyard Crafts d.o.o. (example)", "sme", "Rijeka", "HR", "Marko Example",
     "marko@example.org", "hr"),
    (5, "Example Rijeka Makers Association (example)", "ngo", "Rijeka", "HR", "Iva Example",
     "iva@example.org", "hr"),
)


def example_contacts_load(project: Project) -> int:
    partners = {p.number: p for p in project.partners.all()}
    with transaction.atomic():
        for number, name, kind, city, country, person, email, language in EXAMPLES:
            partner = partners[number]
            organisation, _created = Organisation.objects.get_or_create(
                name=name, defaults={"kind": kind, "city": city, "country": country, "partner": partner,
                                     "is_example": True})
            contact, _created = Contact.objects.get_or_create(
                partner=partner, email=email, erased_at=None,
                defaults={"name": f"{person} (example)", "language": language,
                          "organisation": organisation})
            for purpose in (Consent.Purpose.CONSULTATIONS, Consent.Purpose.EVENT_INVITATIONS):
                Consent.objects.get_or_create(contact=contact, purpose=purpose,
                                              defaults={"granted": True, "source": Consent.Source.STAFF})
    return len(EXAMPLES)
