"""Test practices (factory_boy). `PracticeFactory()` is a published English practice of a new
partner, not yet in the search index; `indexed(practice)` puts it there as publication does
(the worker's task, run in the test's process)."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from ecocsme.partnerships.factories import PartnerFactory

from .models import Assessment, Practice
from .search.indexing import index_practice


class PracticeFactory(DjangoModelFactory):
    class Meta:
        model = Practice

    partner = factory.SubFactory(PartnerFactory)
    project = factory.SelfAttribute("partner.project")
    slug = factory.Sequence(lambda n: f"example-practice-{n}")
    title = factory.Sequence(lambda n: {"en": f"Example practice {n}"})
    summary = factory.LazyFunction(lambda: {"en": "An example practice (example)."})
    description = factory.LazyFunction(lambda: {"en": "What was done, by whom and why (example)."})
    country = "RO"
    city = "Timișoara"
    status = Practice.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    is_example = True


def indexed(*practices: Practice) -> list[Practice]:
    for practice in practices:
        index_practice(practice.pk)
    return list(practices)


class AssessmentFactory(DjangoModelFactory):
    class Meta:
        model = Assessment

    practice = factory.SubFactory(PracticeFactory)
    partner = factory.SubFactory(PartnerFactory)
    score = 4
