"""Test organisations and contacts (factory_boy). A contact's consent is recorded the way the
app records it (`consent_set`: a `Consent` row per purpose and an audit entry):
`ContactFactory(consents=["consultations"])` or `consents={"consultations": True,
"event_invitations": False}`."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from ecocsme.accounts.factories import UserFactory
from ecocsme.partnerships.factories import PartnerFactory

from .models import Consent, Contact, Organisation, Representative
from .services import consent_set


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Example organisation {n} (example)")
    kind = Organisation.Kind.SME
    partner = factory.SubFactory(PartnerFactory)
    city = factory.SelfAttribute("partner.city")
    country = factory.SelfAttribute("partner.country")
    is_example = True


class ProfileFactory(OrganisationFactory):
    """A self-service profile as its representative leaves it: described, in a language, waiting
    for verification; `verified=True` as partner staff leave it, `findable=True` when it wishes
    to be found."""

    class Params:
        verified = False

    description = "We make things for festivals (example)."
    languages = factory.LazyFunction(lambda: ["en"])
    verified_at = factory.Maybe("verified", yes_declaration=factory.LazyFunction(timezone.now),
                                no_declaration=None)


class RepresentativeFactory(DjangoModelFactory):
    """`user` speaks for `organisation` (a new profile unless given)."""

    class Meta:
        model = Representative

    organisation = factory.SubFactory(ProfileFactory)
    user = factory.SubFactory(UserFactory)


class ContactFactory(DjangoModelFactory):
    """A person kept by `partner`, working for `organisation` (none unless given)."""

    class Meta:
        model = Contact
        skip_postgeneration_save = True

    partner = factory.SubFactory(PartnerFactory)
    organisation = None
    name = factory.Sequence(lambda n: f"Example Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    language = "en"

    @factory.post_generation
    def consents(contact, create, extracted, **kwargs):
        if not create or not extracted:
            return
        granted = extracted if isinstance(extracted, dict) else dict.fromkeys(extracted, True)
        for purpose, value in granted.items():
            consent_set(contact=contact, purpose=purpose, granted=value, source=Consent.Source.STAFF)


class StakeholderFactory(ContactFactory):
    """A person with their own organisation, both kept by `partner`."""

    organisation = factory.SubFactory(
        OrganisationFactory, partner=factory.SelfAttribute("..partner"),
        name=factory.LazyAttribute(lambda o: f"{o.factory_parent.name} organisation (example)"))
