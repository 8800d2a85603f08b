"""Test data for reference records (factory_boy). The whole shipped reference data is
`reference.services.reference_load()`; these make the few rows a test needs."""

import factory
from factory.django import DjangoModelFactory

from .models import EcocTitle, NaceDivision, NaceSection, NutsRegion, PolicyInstrument


class EcocTitleFactory(DjangoModelFactory):
    """A designated title; its phase dates are derived when it is saved, as the import does."""

    class Meta:
        model = EcocTitle
        django_get_or_create = ("year", "country", "city")

    year = factory.Sequence(lambda n: 2030 + n % 40)
    city = factory.Sequence(lambda n: f"Example City {n}")
    country = "FR"
    notes = "(example)"


class NutsRegionFactory(DjangoModelFactory):
    class Meta:
        model = NutsRegion
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"FR{n % 1000:03d}")
    country = factory.LazyAttribute(lambda region: region.code[:2])
    name = factory.Sequence(lambda n: f"Example region {n}")


class NaceSectionFactory(DjangoModelFactory):
    class Meta:
        model = NaceSection
        django_get_or_create = ("code",)

    code = "C"
    title = "Manufacturing"


class NaceDivisionFactory(DjangoModelFactory):
    class Meta:
        model = NaceDivision
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{10 + n % 90:02d}")
    section = factory.SubFactory(NaceSectionFactory)
    title = factory.Sequence(lambda n: f"Example division {n}")


class PolicyInstrumentFactory(DjangoModelFactory):
    class Meta:
        model = PolicyInstrument
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"example-instrument-{n}")
    name = factory.Sequence(lambda n: f"Example regional programme {n}")
    kind = PolicyInstrument.Kind.OPERATIONAL_PROGRAMME
    category = PolicyInstrument.Category.GROWTH_AND_JOBS
    country = "FR"
    priority_axis = "Priority Axis 1 (example)"
