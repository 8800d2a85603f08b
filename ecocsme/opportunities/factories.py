"""Test opportunities (factory_boy). `OpportunityFactory()` is a published, open English tender
of a new partner, for a new ECoC title, its deadline a month away;
`OpportunityFactory(sectors=["90", "59"])` gives it NACE divisions (made when missing).
`representative(organisation, user)` makes a user speak for an organisation, and
`verified_organisation(...)` an organisation partner staff have verified."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.reference.factories import EcocTitleFactory

from .models import Opportunity


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


class OpportunityFactory(DjangoModelFactory):
    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Example tender {n}: stage lighting for the festival")
    description = factory.Sequence(
        lambda n: f"We need stage lighting and two technicians for four open-air concerts (example {n}).")
    kind = Opportunity.Kind.TENDER
    partner = factory.SubFactory(PartnerFactory)
    ecoc_title = factory.SubFactory(EcocTitleFactory)
    phase = "preparation"
    language = "en"
    city = factory.LazyAttribute(lambda o: o.partner.city if o.partner else "Example Town")
    country = "RO"
    deadline = factory.LazyFunction(lambda: in_days(30))
    budget_eur = 25_000
    cross_border = True
    contact_name = "Programme office (example)"
    contact_email = "programme.office@example.org"
    status = Opportunity.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    is_example = True

    @factory.post_generation
    def sectors(opportunity, create, extracted, **kwargs):
        if not create or not extracted:
            return
        from ecocsme.reference.factories import NaceDivisionFactory

        opportunity.sectors.set([code if not isinstance(code, str) else NaceDivisionFactory(code=code)
                                 for code in extracted])


def verified_organisation(**fields):
    """An organisation (organisations.factories), verified now."""
    from ecocsme.organisations.factories import OrganisationFactory

    return OrganisationFactory(verified_at=timezone.now(), **fields)


def representative(organisation, user=None):
    """`user` (a new one when not given) speaks for `organisation`; returns the user."""
    from ecocsme.accounts.factories import UserFactory
    from ecocsme.organisations.models import Representative

    user = user or UserFactory()
    Representative.objects.create(organisation=organisation, user=user)
    for cached in ("_ecocsme_representing", "_ecocsme_posting_organisations"):
        if hasattr(user, cached):
            delattr(user, cached)
    return user


# --- the reach ----------------------------------------------------------------------------------------
class InterestFactory(DjangoModelFactory):
    """A verified organisation's interest in an open opportunity (made when not given), said by
    nobody in particular; `InterestFactory(messages=2)` adds a thread of two messages."""

    class Meta:
        model = "opportunities.Interest"
        skip_postgeneration_save = True

    opportunity = factory.SubFactory(OpportunityFactory)
    organisation = factory.LazyFunction(lambda: verified_organisation())
    message = factory.Sequence(lambda n: f"We can do it, example {n}.")
    is_example = True

    @factory.post_generation
    def messages(interest, create, extracted, **kwargs):
        if not create or not extracted:
            return
        from .models import InterestMessage

        InterestMessage.objects.bulk_create([
            InterestMessage(interest=interest, side="poster" if number % 2 == 0 else "interested",
                            body=f"Message {number} (example).") for number in range(extracted)])


class ReachFactory(DjangoModelFactory):
    """An organisation told about an opportunity (by its side, unless `channel="digest"`)."""

    class Meta:
        model = "opportunities.Reach"

    opportunity = factory.SubFactory(OpportunityFactory)
    organisation = factory.LazyFunction(lambda: verified_organisation())
    channel = "suggestion"
    is_example = True
