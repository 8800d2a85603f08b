"""What opportunities keep on a person (ORG-3): the public contact point of an opportunity (a
role or a name, an e-mail address, a phone number) is the poster's own data. A person whose
address is an opportunity's contact gets it in their export, and erasure blanks the contact
point of those opportunities (the opportunity stays, without a contact). The audit log records
that a contact point changed, never what it said. The opportunity's vector is computed from
its title and description only."""

from ecocsme.organisations import personal_data
from ecocsme.organisations.models import Contact
from ecocsme.organisations.personal_data import record, when

from .models import Opportunity


def register() -> None:
    personal_data.register("opportunities", models=("opportunities.Opportunity",),
                           exporter=opportunities_export, eraser=opportunities_erase)


def _with_contact(contact: Contact):
    if not contact.email:
        return Opportunity.objects.none()
    return Opportunity.objects.filter(contact_email__iexact=contact.email)


def opportunities_export(contact: Contact) -> list[dict]:
    return [record(opportunity, kind="contact point of an opportunity", title=opportunity.title,
                   contact_name=opportunity.contact_name, contact_email=opportunity.contact_email,
                   contact_phone=opportunity.contact_phone, status=opportunity.status,
                   published_at=when(opportunity.published_at))
            for opportunity in _with_contact(contact).order_by("pk")]


def opportunities_erase(contact: Contact) -> None:
    _with_contact(contact).update(contact_name="", contact_email="", contact_phone="")
