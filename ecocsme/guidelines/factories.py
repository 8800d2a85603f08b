"""Test guidelines (factory_boy). `VersionFactory()` is a draft version 1.0 of new guidelines with
an empty chapter per ECoC phase, as `services.guideline_create` makes it; add recommendations
with `RecommendationFactory(version=v)` (in the preparation chapter unless `phase` is given) and
evidence with `EvidenceFactory(recommendation=r, practice=p)` or `answer=a` or `figure_label=…`.
Publish with `services.version_publish` (the coordinator), so that the snapshot is built as the
app builds it."""

import factory
from django.db.models import Max
from factory.django import DjangoModelFactory

from ecocsme.partnerships.factories import PartnerFactory

from .models import PHASE_ORDER, Chapter, Evidence, Guideline, Recommendation, Version


class GuidelineFactory(DjangoModelFactory):
    class Meta:
        model = Guideline

    project = factory.LazyFunction(lambda: PartnerFactory().project)
    slug = factory.Sequence(lambda n: f"example-guidelines-{n}")
    title = factory.Sequence(lambda n: {"en": f"Example guidelines {n}", "ro": f"Ghid de exemplu {n}"})
    subtitle = factory.LazyFunction(lambda: {"en": "For ECoC hosts (example)"})
    introduction = factory.LazyFunction(lambda: {"en": "Why and how (example)."})


class VersionFactory(DjangoModelFactory):
    """A draft version with an empty chapter per phase (numbered 1.0 unless given)."""

    class Meta:
        model = Version
        skip_postgeneration_save = True

    guideline = factory.SubFactory(GuidelineFactory)
    number = "1.0"
    major = factory.LazyAttribute(lambda v: int(v.number.split(".")[0]))
    minor = factory.LazyAttribute(lambda v: int(v.number.split(".")[1]))
    status = Version.Status.DRAFT
    is_example = True

    @factory.post_generation
    def chapters(version, create, extracted, **kwargs):
        if create:
            Chapter.objects.bulk_create([Chapter(version=version, phase=phase, position=position)
                                         for position, phase in enumerate(PHASE_ORDER, start=1)])


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = Recommendation
        exclude = ("phase",)

    version = factory.SubFactory(VersionFactory)
    phase = "preparation"
    chapter = factory.LazyAttribute(lambda r: r.version.chapters.get(phase=r.phase))
    position = factory.LazyAttribute(
        lambda r: (r.chapter.recommendations.aggregate(last=Max("position"))["last"] or 0) + 1)
    key = factory.Sequence(lambda n: f"example-recommendation-{n}")
    title = factory.Sequence(lambda n: {"en": f"Example recommendation {n}"})
    text = factory.LazyFunction(lambda: {"en": "Do this, because it worked elsewhere (example)."})


class EvidenceFactory(DjangoModelFactory):
    """Evidence of `recommendation`: its kind follows what is given (practice, answer or figure)."""

    class Meta:
        model = Evidence

    recommendation = factory.SubFactory(RecommendationFactory)
    position = factory.LazyAttribute(
        lambda e: (e.recommendation.evidence.aggregate(last=Max("position"))["last"] or 0) + 1)
    practice = None
    answer = None
    kind = factory.LazyAttribute(lambda e: Evidence.Kind.PRACTICE if e.practice else
                                 Evidence.Kind.ANSWER if e.answer else Evidence.Kind.FIGURE)
    note = factory.LazyFunction(lambda: {"en": "What it shows (example)."})
    figure_label = factory.LazyAttribute(lambda e: "SMEs engaged (example)" if e.kind == "figure" else "")
    figure_value = factory.LazyAttribute(lambda e: "148" if e.kind == "figure" else "")
