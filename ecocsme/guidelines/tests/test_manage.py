"""The back office through its pages: every draft page needs a login and the permission on the
version; the members write recommendations and cite evidence (published practices of the project,
answers of labs they may see — shown without names —, figures); only the coordinator publishes,
with a changelog; a published version cannot be edited."""

import pytest
from django.urls import reverse

from ecocsme.accounts.factories import PartnerStaffFactory
from ecocsme.guidelines.models import Evidence, Version
from ecocsme.partnerships.factories import PartnerFactory

from .conftest import EMAIL, NAME, QUOTE


def draft_url(world, name, *args):
    return reverse(f"guidelines:{name}", args=[world.slug, "1.0", *args])


def test_draft_pages_need_a_login_and_a_place_in_the_project(client, world):
    pages = [reverse("guidelines:manage_list"), draft_url(world, "draft"), draft_url(world, "publish"),
             draft_url(world, "recommendation_edit", world.first.pk), draft_url(world, "recommendation_add"),
             draft_url(world, "chapter_edit", world.first.chapter_id),
             draft_url(world, "evidence_edit", world.first.evidence.first().pk)]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 302 and response.url.startswith(reverse("accounts:login")), page
    client.force_login(PartnerStaffFactory(partner=PartnerFactory()))
    for page in pages[1:]:
        assert client.get(page).status_code == 404, page
    assert client.post(draft_url(world, "publish"), {"changelog_en": "x"}).status_code == 404
    assert Version.objects.get(pk=world.version.pk).is_draft


def test_a_member_writes_a_recommendation_with_its_evidence(client, world, other_staff):
    client.force_login(other_staff)
    page = client.get(draft_url(world, "draft"))
    assert page.status_code == 200 and "Set up one information point" in page.content.decode()
    chapter = world.version.chapters.get(phase="event_year")
    response = client.post(draft_url(world, "recommendation_add"), {
        "chapter": chapter.pk, "key": "open-procurement", "title_en": "Open procurement to small firms",
        "text_en": "Split contracts into lots (example)."})
    recommendation = world.version.recommendations.get(key="open-procurement")
    assert response.status_code == 302 and response.url == draft_url(world, "recommendation_edit", recommendation.pk)

    edit = client.get(draft_url(world, "recommendation_edit", recommendation.pk) + f"?lab={world.lab.pk}&question=1")
    body = edit.content.decode()
    assert QUOTE in body and "SME, Lugoj" in body
    assert NAME not in body and EMAIL not in body
    add = draft_url(world, "evidence_add", recommendation.pk)
    assert client.post(add, {"kind": "practice", "practice-practice": world.practice.pk,
                             "practice-note": "It worked in Leeuwarden."}).status_code == 302
    assert client.post(add, {"kind": "answer", "lab": world.lab.pk, "answer-answer": world.answer.pk,
                             "answer-note": ""}).status_code == 302
    assert client.post(add, {"kind": "figure", "figure-figure_label": "Contracts won by SMEs in 2023 (example)",
                             "figure-figure_value": "38 %"}).status_code == 302
    evidence = list(recommendation.evidence.order_by("position"))
    assert [(e.kind, e.note) for e in evidence] == [("practice", {"en": "It worked in Leeuwarden."}),
                                                   ("answer", {}), ("figure", {})]
    refused = client.post(add, {"kind": "figure", "figure-figure_label": "Only a label"})
    assert refused.status_code == 400 and "This field is required." in refused.content.decode()
    again = client.post(add, {"kind": "practice", "practice-practice": world.practice.pk})
    assert again.status_code == 400 and "already cites that good practice" in again.content.decode()

    response = client.post(draft_url(world, "evidence_edit", evidence[2].pk), {
        "figure_label": "Contracts won by SMEs in 2023 (example)", "figure_value": "41 %",
        "note_en": "Counted by the procurement office."})
    assert response.status_code == 302
    assert Evidence.objects.get(pk=evidence[2].pk).figure_value == "41 %"
    assert client.post(draft_url(world, "evidence_remove", evidence[1].pk)).status_code == 302
    assert recommendation.evidence.count() == 2


def test_recommendations_move_and_go(client, world, staff):
    client.force_login(staff)
    third = client.post(draft_url(world, "recommendation_add"), {
        "chapter": world.first.chapter_id, "key": "third", "title_en": "Third", "text_en": "Text."})
    assert third.status_code == 302
    client.post(draft_url(world, "recommendation_action", world.version.recommendations.get(key="third").pk, "up"))
    keys = list(world.version.recommendations.filter(chapter=world.first.chapter).order_by("position")
                .values_list("key", flat=True))
    assert keys == ["third", "one-information-point"]
    client.post(draft_url(world, "recommendation_action", world.first.pk, "delete"))
    assert not world.version.recommendations.filter(key="one-information-point").exists()
    assert client.post(draft_url(world, "recommendation_action", world.second.pk, "sideways")).status_code == 404


def test_a_bad_recommendation_is_explained_and_nothing_is_saved(client, world, staff):
    client.force_login(staff)
    response = client.post(draft_url(world, "recommendation_add"), {
        "chapter": world.first.chapter_id, "key": "keep-contact-point", "title_en": "Dup", "text_en": "x"})
    assert response.status_code == 200
    assert "Another recommendation of this version has the anchor “keep-contact-point”." in response.content.decode()
    assert world.version.recommendations.count() == 2


def test_only_the_coordinator_publishes_with_a_changelog(client, world, staff, coordinator):
    client.force_login(staff)
    assert client.get(draft_url(world, "publish")).status_code == 403
    assert client.post(draft_url(world, "publish"), {"changelog_en": "x"}).status_code == 403
    client.force_login(coordinator)
    page = client.get(draft_url(world, "publish"))
    assert page.status_code == 200
    empty = client.post(draft_url(world, "publish"), {"changelog_en": "  "})
    assert empty.status_code == 200 and "Say what changed in this version" in empty.content.decode()
    assert Version.objects.get(pk=world.version.pk).is_draft
    done = client.post(draft_url(world, "publish"), {"changelog_en": "First version (example)."})
    assert done.status_code == 302 and done.url == reverse("guidelines:version", args=[world.slug, "1.0"])
    version = Version.objects.get(pk=world.version.pk)
    assert version.is_published and version.published_by == coordinator
    assert client.get(draft_url(world, "draft")).status_code == 403  # published: read it on its page
    client.force_login(staff)
    assert client.post(draft_url(world, "recommendation_add"), {
        "chapter": world.first.chapter_id, "key": "late", "title_en": "Late", "text_en": "x"}).status_code == 403


def test_publishing_lists_what_stops_it(client, world, coordinator):
    from ecocsme.practices.models import Practice

    Practice.objects.filter(pk=world.practice.pk).update(status=Practice.Status.DRAFT)
    client.force_login(coordinator)
    page = client.get(draft_url(world, "publish")).content.decode()
    assert "Before publishing" in page and "which is not published" in page
    refused = client.post(draft_url(world, "publish"), {"changelog_en": "x"})
    assert refused.status_code == 200 and "which is not published" in refused.content.decode()


@pytest.mark.usefixtures("published")
def test_a_member_starts_the_next_version(client, world, staff):
    client.force_login(staff)
    response = client.post(reverse("guidelines:version_new", args=[world.slug]))
    assert response.status_code == 302 and response.url == reverse("guidelines:draft", args=[world.slug, "1.1"])
    again = client.post(reverse("guidelines:version_new", args=[world.slug]), follow=True)
    assert "Version 1.1 is still a draft" in again.content.decode()
    assert client.get(reverse("guidelines:manage_list")).status_code == 200


def test_the_coordinator_starts_new_guidelines(client, partner, coordinator, staff):
    client.force_login(staff)
    assert client.get(reverse("guidelines:add")).status_code == 403
    client.force_login(coordinator)
    response = client.post(reverse("guidelines:add"), {
        "project": partner.project.pk, "slug": "new-example", "title_en": "New guidelines (example)"})
    assert response.status_code == 302 and response.url == reverse("guidelines:draft", args=["new-example", "1.0"])
    response = client.post(reverse("guidelines:edit", args=["new-example"]), {
        "title_en": "Renamed (example)", "subtitle_en": "", "introduction_en": "Why (example)."})
    assert response.status_code == 302
    assert client.get(reverse("guidelines:draft", args=["new-example", "1.0"])).status_code == 200
