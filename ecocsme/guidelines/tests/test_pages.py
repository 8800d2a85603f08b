"""The guideline pages: a visitor reads published versions only — a draft answers 404 on every
channel —, the evidence shows the stakeholder's words but never their name or address, staff who
see the lab get a link to its synthesis, an older version points to the latest, the changes page
compares a version with the one before, and a malformed or unknown number gets a clear message."""

import pytest
from django.urls import reverse
from ninja.testing import TestClient

from ecocsme.accounts.factories import PartnerStaffFactory, UserFactory
from ecocsme.guidelines.api import router
from ecocsme.guidelines.services import recommendation_save, version_new, version_publish
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.practices.models import Practice

from .conftest import EMAIL, NAME, QUOTE


def url(name, world, number="1.0", **kwargs):
    args = {"version": [world.slug, number], "file": [world.slug, number, kwargs.get("fmt", "pdf")],
            "changes": [world.slug, number]}[name]
    return reverse(f"guidelines:{name}", args=args)


def every_channel(world, number="1.0"):
    return [url("version", world, number), url("file", world, number, fmt="pdf"),
            url("file", world, number, fmt="docx"), url("changes", world, number)]


def api(path):
    return TestClient(router).get(path)


def test_a_visitor_never_reaches_a_draft(client, world):
    for address in every_channel(world):
        response = client.get(address)
        assert response.status_code == 404, address
        assert QUOTE.encode() not in response.content and b"Set up one information point" not in response.content
    assert client.get(reverse("guidelines:latest", args=[world.slug])).status_code == 404
    assert world.slug.encode() not in client.get(reverse("guidelines:list")).content
    for name in (f"{world.slug}@1.0", world.slug):
        assert api(f"/guidelines/{name}").status_code == 404
    assert api("/guidelines").json() == []


def test_nor_does_a_user_of_another_project(client, world):
    client.force_login(PartnerStaffFactory(partner=PartnerFactory()))
    for address in every_channel(world):
        assert client.get(address).status_code == 404, address
    client.force_login(UserFactory())
    assert client.get(url("version", world)).status_code == 404


def test_the_members_read_the_draft_marked_as_such(client, world, other_staff):
    client.force_login(other_staff)
    for address in every_channel(world):
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["Cache-Control"] == "private, no-store"
    page = client.get(url("version", world)).content.decode()
    assert "Only the project's members see this version" in page
    assert reverse("guidelines:draft", args=[world.slug, "1.0"]) in page


def test_a_published_version_is_everyones(client, world, published):
    for address in every_channel(world):
        response = client.get(address)
        assert response.status_code == 200, address
        assert "no-store" not in response.get("Cache-Control", "")
    page = client.get(url("version", world)).content.decode()
    assert 'id="one-information-point"' in page and 'id="keep-contact-point"' in page
    assert '<a class="ref" href="#source-2"' in page and 'id="source-2"' in page
    assert QUOTE in page and "SME, Lugoj" in page and "One place for information" in page
    assert reverse("practices:detail", args=["example-creative-hub"]) in page
    assert "http://testserver" not in page
    assert f"/guidelines/{world.slug}/1.0/" in page  # the citable address
    api_answer = api(f"/guidelines/{world.slug}@1.0")
    assert api_answer.status_code == 200
    body = api_answer.json()
    assert body["number"] == "1.0" and body["url"].endswith(f"/guidelines/{world.slug}/1.0/")
    assert [s["kind"] for s in body["sources"]] == ["practice", "answer", "figure"]
    assert body["sources"][1]["quote"] == QUOTE and body["sources"][1]["theme"] == "One place for information"
    assert api(f"/guidelines/{world.slug}").json()["number"] == "1.0"
    assert api("/guidelines").json()[0]["latest"] == "1.0"


def test_the_evidence_never_names_the_person(client, world, published, staff, coordinator):
    for user in (None, staff, coordinator):
        if user:
            client.force_login(user)
        for address in every_channel(world):
            body = client.get(address).content
            assert NAME.encode() not in body and EMAIL.encode() not in body, address
    assert NAME not in api(f"/guidelines/{world.slug}@1.0").content.decode()
    assert EMAIL not in str(published.snapshot) and NAME not in str(published.snapshot)


def test_staff_who_see_the_lab_open_its_synthesis_of_the_theme(client, world, published, other_staff):
    link = reverse("labs:theme_detail", kwargs={"pk": world.lab.pk, "theme_pk": world.theme.pk})
    assert link not in client.get(url("version", world)).content.decode()
    client.force_login(other_staff)
    assert link in client.get(url("version", world)).content.decode()


def test_a_visitor_gets_no_link_to_a_practice_taken_back(client, world, published):
    Practice.objects.filter(pk=world.practice.pk).update(status=Practice.Status.DRAFT)
    page = client.get(url("version", world)).content.decode()
    assert "A prison turned into a creative hub (example)" in page
    assert reverse("practices:detail", args=["example-creative-hub"]) not in page


def test_an_older_version_points_to_the_latest(client, world, published, staff, coordinator):
    draft = version_new(actor=staff, guideline=published.guideline)
    recommendation = draft.recommendations.get(key="one-information-point")
    recommendation_save(actor=staff, version=draft, chapter=recommendation.chapter, recommendation=recommendation,
                        values={"key": recommendation.key, "title": recommendation.title,
                                "text": {"en": "Create one online place with every call, deadline and contact."}})
    assert "an older version" not in client.get(url("version", world)).content.decode()  # 1.1 is a draft
    version_publish(actor=coordinator, version=draft, changelog={"en": "Deadlines too (example)."})
    page = client.get(url("version", world)).content.decode()
    assert "This is version 1.0, an older version. The latest is version 1.1." in page
    assert client.get(reverse("guidelines:latest", args=[world.slug])).url == url("version", world, "1.1")
    changes = client.get(url("changes", world, "1.1")).content.decode()
    assert "1 recommendation changed" in changes
    assert "every call<ins>, deadline</ins> and contact" in changes
    assert "Deadlines too (example)." in changes
    assert "first version" in client.get(url("changes", world, "1.0")).content.decode()


def test_bad_numbers_get_a_clear_message(client, world, published):
    response = client.get(url("version", world, "1.x"))
    assert response.status_code == 404
    assert "is not a version number: a version number is written like 1.0." in response.content.decode()
    response = client.get(url("version", world, "7.3"))
    assert response.status_code == 404
    assert "There is no version 7.3 of these guidelines." in response.content.decode()
    assert url("version", world, "1.0") in response.content.decode()  # the published versions are listed
    assert "There is no version 7.3" in api(f"/guidelines/{world.slug}@7.3").json()["detail"]
    assert "version number is written like 1.0" in api(f"/guidelines/{world.slug}@one").json()["detail"]
    assert api("/guidelines/@1.0").status_code == 404
    assert client.get(f"/en/guidelines/{world.slug}/1.0.epub").status_code in (301, 404)


def test_the_citable_address_leads_to_the_readers_language(client, world, published):
    response = client.get(f"/guidelines/{world.slug}/1.0/", HTTP_ACCEPT_LANGUAGE="ro")
    assert response.status_code == 302 and response.url == f"/ro/guidelines/{world.slug}/1.0/"
    page = client.get(response.url).content.decode()
    assert "Un punct unic de informare" in page  # the recommendation's title in Romanian


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_files_are_named_after_the_version(client, world, published, fmt):
    response = client.get(url("file", world, fmt=fmt))
    assert response["Content-Disposition"] == f'attachment; filename="{world.slug}-1.0.{fmt}"'
    assert response.content[:4] in (b"%PDF", b"PK\x03\x04")


def test_texts_written_for_the_next_version_stay_out_of_sight(client, world, published, staff):
    from ecocsme.guidelines.services import guideline_save

    guideline_save(actor=staff, guideline=published.guideline, values={
        "title": {"en": "Next title, not published (example)"}, "subtitle": {"en": "Next subtitle (example)"},
        "introduction": {"en": "Next introduction (example)"}})
    for address in [reverse("guidelines:list"), *every_channel(world), url("version", world, "7.0")]:
        body = client.get(address).content
        assert b"Next title" not in body and b"Next subtitle" not in body and b"Next introduction" not in body
    assert "Example guidelines" in client.get(reverse("guidelines:list")).content.decode()
    for path in ("/guidelines", f"/guidelines/{world.slug}", f"/guidelines/{world.slug}@1.0"):
        assert "Next" not in api(path).content.decode()
