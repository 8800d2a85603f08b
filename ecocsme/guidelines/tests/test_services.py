"""Writing and publishing guidelines (GP-4): publication freezes a version, numbering, a new
version copies the latest, only the coordinator publishes, only drafts change, and bad input gets
a clear message."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ecocsme.accounts.factories import AdministratorFactory
from ecocsme.guidelines.factories import EvidenceFactory, RecommendationFactory, VersionFactory
from ecocsme.guidelines.models import Evidence, Version
from ecocsme.guidelines.selectors import document_of, version_document
from ecocsme.guidelines.services import (
    evidence_add,
    guideline_create,
    recommendation_save,
    version_discard,
    version_new,
    version_publish,
)
from ecocsme.labs.factories import LabFactory, ResponseFactory
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.practices.factories import PracticeFactory
from ecocsme.practices.models import Practice

from .conftest import QUOTE


def test_publishing_freezes_the_version_with_its_evidence_texts(world, published):
    assert published.is_published and published.published_at and published.snapshot
    before = published.snapshot
    Practice.objects.filter(pk=world.practice.pk).update(title={"en": "Renamed later"})
    type(world.answer).objects.filter(pk=world.answer.pk).update(text="Changed later")
    world.theme.label = "Renamed theme"
    world.theme.save()
    published.refresh_from_db()
    assert published.snapshot == before
    sources = {s["kind"]: s for s in document_of(published)["sources"]}
    assert sources["practice"]["title"]["en"] == "A prison turned into a creative hub (example)"
    assert sources["answer"]["quote"] == QUOTE
    assert sources["answer"]["theme"]["label"] == "One place for information"
    assert version_document(published)["sources"][0]["title"] == {"en": "Renamed later"}  # the rows moved on


def test_recommendations_and_sources_are_numbered_in_reading_order(world, published):
    RecommendationFactory(version=VersionFactory(guideline=world.version.guideline, number="9.0"),
                          phase="legacy")  # another version, not counted
    document = published.snapshot
    assert [c["phase"] for c in document["chapters"]] == ["preparation", "legacy"]  # empty event year left out
    assert [r["number"] for c in document["chapters"] for r in c["recommendations"]] == ["1.1", "2.1"]
    assert [[e["ref"] for e in r["evidence"]] for c in document["chapters"] for r in c["recommendations"]] \
        == [[1, 2], [3]]
    assert [s["kind"] for s in document["sources"]] == ["practice", "answer", "figure"]


def test_a_source_cited_twice_keeps_one_number(world, coordinator):
    EvidenceFactory(recommendation=world.second, practice=world.practice)
    document = version_document(world.version)
    assert [e["ref"] for e in document["chapters"][1]["recommendations"][0]["evidence"]] == [3, 1]
    assert len(document["sources"]) == 3


def test_version_numbers_follow_the_latest(world, published, staff, coordinator):
    second = version_new(actor=staff, guideline=world.version.guideline)
    assert second.number == "1.1" and second.is_draft
    version_publish(actor=coordinator, version=second, changelog={"en": "Second (example)."})
    third = version_new(actor=coordinator, guideline=world.version.guideline, major=True)
    assert third.number == "2.0"


def test_a_new_version_copies_the_latest_and_leaves_it_alone(world, published, staff):
    draft = version_new(actor=staff, guideline=world.version.guideline)
    assert [(r.key, r.chapter.phase) for r in draft.recommendations.order_by("chapter__position", "position")] \
        == [("one-information-point", "preparation"), ("keep-contact-point", "legacy")]
    assert draft.chapters.count() == 3
    copied = Evidence.objects.filter(recommendation__version=draft).order_by("recommendation__key", "position")
    assert [(e.kind, e.practice_id, e.answer_id) for e in copied] == [
        ("figure", None, None), ("practice", world.practice.pk, None), ("answer", None, world.answer.pk)]
    recommendation = draft.recommendations.get(key="one-information-point")
    recommendation_save(actor=staff, version=draft, chapter=recommendation.chapter, recommendation=recommendation,
                        values={"key": "one-information-point", "title": {"en": "Changed in 1.1"},
                                "text": {"en": "New text."}})
    assert published.recommendations.get(key="one-information-point").title["en"] == "Set up one information point"
    assert document_of(Version.objects.get(pk=published.pk))["chapters"][0]["recommendations"][0]["title"]["en"] \
        == "Set up one information point"


def test_only_one_draft_at_a_time(world, staff):
    with pytest.raises(ValidationError, match="still a draft"):
        version_new(actor=staff, guideline=world.version.guideline)


def test_only_the_coordinator_publishes(world, staff, other_staff, coordinator):
    for user in (staff, other_staff):
        with pytest.raises(PermissionDenied):
            version_publish(actor=user, version=world.version, changelog={"en": "x"})
    world.version.refresh_from_db()
    assert world.version.is_draft
    assert version_publish(actor=AdministratorFactory(), version=world.version,
                           changelog={"en": "By the administrator."}).is_published


def test_a_stranger_can_neither_edit_nor_publish(world):
    stranger_partner = PartnerFactory()
    from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory

    for user in (PartnerStaffFactory(partner=stranger_partner), CoordinatorFactory(project=stranger_partner.project)):
        with pytest.raises(PermissionDenied):
            version_publish(actor=user, version=world.version, changelog={"en": "x"})
        with pytest.raises(PermissionDenied):
            recommendation_save(actor=user, version=world.version, chapter=world.first.chapter,
                                values={"key": "x", "title": {"en": "x"}, "text": {"en": "x"}})


def test_publishing_needs_a_changelog(world, coordinator):
    for changelog in ({}, {"en": "   "}, {"en": ""}):
        with pytest.raises(ValidationError, match="Say what changed"):
            version_publish(actor=coordinator, version=world.version, changelog=changelog)
    assert Version.objects.get(pk=world.version.pk).is_draft


def test_publishing_refuses_what_a_reader_could_not_follow(world, coordinator):
    Practice.objects.filter(pk=world.practice.pk).update(status=Practice.Status.DRAFT)
    with pytest.raises(ValidationError) as refused:
        version_publish(actor=coordinator, version=world.version, changelog={"en": "x"})
    assert "Recommendation 1.1 cites the good practice “A prison turned into a creative hub (example)”, which " \
           "is not published" in " ".join(refused.value.messages)
    empty = VersionFactory(guideline__project=world.partner.project)
    with pytest.raises(ValidationError, match="at least one recommendation"):
        version_publish(actor=coordinator, version=empty, changelog={"en": "x"})


def test_a_published_version_never_changes(world, published, staff, coordinator):
    for user in (staff, coordinator, AdministratorFactory()):
        with pytest.raises(ValidationError, match="is published and cannot change"):
            recommendation_save(actor=user, version=published, chapter=world.first.chapter,
                                recommendation=world.first, values={"key": "x", "title": {"en": "x"},
                                                                    "text": {"en": "x"}})
        with pytest.raises(ValidationError, match="is published and cannot change"):
            evidence_add(actor=user, recommendation=world.second, kind="figure", figure_label="x",
                         figure_value="1")
    with pytest.raises(ValidationError, match="already published"):
        version_publish(actor=coordinator, version=published, changelog={"en": "again"})
    with pytest.raises(ValidationError, match="cannot be deleted"):
        version_discard(actor=coordinator, version=published)


def test_recommendations_are_checked(world, staff):
    chapter = world.first.chapter
    cases = [({"key": "Not A Slug", "title": {"en": "x"}, "text": {"en": "x"}}, "anchor is made of"),
             ({"key": "one-information-point", "title": {"en": "x"}, "text": {"en": "x"}}, "Another recommendation"),
             ({"key": "new-one", "title": {"en": " "}, "text": {"en": "x"}}, "Title: write it"),
             ({"key": "new-one", "title": {"en": "x"}, "text": {}}, "Text: write it"),
             ({"key": "new-one", "title": {"en": "x" * 201}, "text": {"en": "x"}}, "at most 200")]
    for values, message in cases:
        with pytest.raises(ValidationError, match=message):
            recommendation_save(actor=staff, version=world.version, chapter=chapter, values=values)
    assert world.version.recommendations.count() == 2


def test_evidence_cites_only_what_the_project_may_cite(world, staff, other_staff):
    elsewhere = PracticeFactory()  # published, of another project
    with pytest.raises(ValidationError, match="published good practice of this project"):
        evidence_add(actor=staff, recommendation=world.second, kind="practice", practice=elsewhere)
    draft_practice = PracticeFactory(partner=world.partner, status=Practice.Status.DRAFT)
    with pytest.raises(ValidationError, match="published good practice of this project"):
        evidence_add(actor=staff, recommendation=world.second, kind="practice", practice=draft_practice)
    other_lab_answer = ResponseFactory(lab=LabFactory(), answers={1: "Elsewhere (example)"}).answers.get()
    with pytest.raises(ValidationError, match="submitted answer of one of this project's labs"):
        evidence_add(actor=staff, recommendation=world.second, kind="answer", answer=other_lab_answer)
    with pytest.raises(ValidationError, match="already cites"):
        evidence_add(actor=staff, recommendation=world.first, kind="practice", practice=world.practice)
    with pytest.raises(ValidationError, match="Give the figure and its value"):
        evidence_add(actor=staff, recommendation=world.second, kind="figure", figure_label="Only a label")
    added = evidence_add(actor=other_staff, recommendation=world.second, kind="answer", answer=world.answer,
                         note={"en": "Rijeka's staff quote Timișoara's lab (example)."})
    assert added.position == 2


def test_new_guidelines_start_with_a_draft(partner, coordinator, staff):
    with pytest.raises(PermissionDenied):
        guideline_create(actor=staff, project=partner.project, slug="new-guidelines", values={"title": {"en": "x"}})
    guideline = guideline_create(actor=coordinator, project=partner.project, slug="new-guidelines",
                                 values={"title": {"en": "New guidelines (example)"}})
    assert [(v.number, v.status, v.chapters.count()) for v in guideline.versions.all()] == [("1.0", "draft", 3)]
    with pytest.raises(ValidationError, match="already has the address"):
        guideline_create(actor=coordinator, project=partner.project, slug="new-guidelines",
                         values={"title": {"en": "Again"}})
    with pytest.raises(ValidationError, match="small letters"):
        guideline_create(actor=coordinator, project=partner.project, slug="Bad Slug", values={"title": {"en": "x"}})


def test_the_coordinator_discards_a_draft(world, staff, coordinator):
    with pytest.raises(PermissionDenied):
        version_discard(actor=staff, version=world.version)
    version_discard(actor=coordinator, version=world.version)
    assert not Version.objects.filter(pk=world.version.pk).exists()
