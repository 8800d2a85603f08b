"""The demo's guidelines: version 1.0 and version 1.1 on top of it, both published and marked as
examples, their evidence found among the demo's practices and the answers of Timișoara's lab 2;
what cannot be found is left out and counted."""

import pytest

from ecocsme.guidelines.demo import SLUG, guidelines_demo_load
from ecocsme.guidelines.models import Guideline
from ecocsme.guidelines.selectors import version_changes
from ecocsme.labs.demo import example_answers_load
from ecocsme.practices.factories import PracticeFactory

PRACTICES = ("rinovatori", "launch-game", "open-design-school", "traces-cultour", "blokhuispoort")


@pytest.fixture
def demo(project):
    example_answers_load(project.labs.get(partner__number=6, number=2))
    partner = project.partners.get(number=6)
    for slug in PRACTICES:
        PracticeFactory(partner=partner, slug=slug, title={"en": f"Example {slug}"})
    return project


def test_the_demo_loads_two_published_versions(demo):
    report = guidelines_demo_load(demo)
    assert report.skipped == []
    assert (report.versions, report.recommendations, report.evidence) == (2, 13, 33)
    guideline = Guideline.objects.get(slug=SLUG)
    first, second = guideline.versions.order_by("major", "minor")
    assert (first.number, second.number) == ("1.0", "1.1")
    assert first.is_published and second.is_published and first.is_example and second.is_example
    assert first.published_at < second.published_at
    assert [len(c["recommendations"]) for c in first.snapshot["chapters"]] == [4, 4, 4]
    assert [len(c["recommendations"]) for c in second.snapshot["chapters"]] == [4, 4, 5]
    assert second.snapshot["history"][0]["number"] == "1.0"
    changes = version_changes(second.snapshot, first.snapshot, language="en")
    assert [r.key for r in changes.added] == ["record-and-share-sme-results"]
    assert [c.key for c in changes.changed] == ["open-procurement-to-small-firms"]
    assert not changes.removed


def test_the_demo_counts_what_it_cannot_find(project):
    report = guidelines_demo_load(project)  # no practices, no answers yet
    assert report.versions == 2 and report.evidence == 0
    assert len(report.skipped) == 33
    assert sum(item.startswith("practice ") for item in report.skipped) == 5


def test_the_demo_loads_again_over_itself(demo):
    guidelines_demo_load(demo)
    guidelines_demo_load(demo)
    assert Guideline.objects.get(slug=SLUG).versions.count() == 2
