"""Test data for projects and partners (factory_boy), made the way the app makes them: a
project through `project_upsert`, so that its end and reporting periods are derived."""

import datetime as dt

import factory
from django.db.models import Max
from factory.django import DjangoModelFactory

from .models import Partner, Project
from .services import project_upsert


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    code = factory.Sequence(lambda n: f"EX{n:05d}")
    acronym = factory.Sequence(lambda n: f"EXAMPLE-{n}")
    title = factory.Sequence(lambda n: f"Example interregional project {n} (example)")
    programme = "Interreg Europe 2021-2027"
    start_date = dt.date(2019, 8, 1)
    duration_months = 36
    summary = factory.LazyFunction(lambda: {"en": "An example project (example)."})

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return project_upsert(**kwargs)


class PartnerFactory(DjangoModelFactory):
    """A partner of a project; `PartnerFactory(project=p)` adds the next number to p."""

    class Meta:
        model = Partner

    project = factory.SubFactory(ProjectFactory)
    number = factory.LazyAttribute(
        lambda partner: (partner.project.partners.aggregate(last=Max("number"))["last"] or 0) + 1)
    role = Partner.Role.PARTNER
    name = factory.LazyAttribute(lambda partner: f"Municipality of {partner.city}")
    city = factory.Sequence(lambda n: f"Example Town {n}")
    country = "RO"
