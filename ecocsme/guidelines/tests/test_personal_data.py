"""A person quoted in guidelines (ORG-3): the export of their data says where they are quoted;
their erasure withdraws the quotes — from the draft's evidence and from the snapshot of every
published version —, each replaced by "quote withdrawn at the person's request" in the reader's
language, while the recommendations, the other sources and the notes stay."""

import io
import zipfile

from django.urls import reverse
from ninja.testing import TestClient

from ecocsme.guidelines.api import router
from ecocsme.guidelines.models import Evidence, Version
from ecocsme.guidelines.selectors import version_document
from ecocsme.guidelines.services import version_new
from ecocsme.organisations.services import contact_erase, contact_personal_data

from .conftest import QUOTE


def test_the_export_lists_where_the_person_is_quoted(world, published, staff, coordinator):
    version_new(actor=staff, guideline=published.guideline)
    data = contact_personal_data(actor=coordinator, contact=world.contact)
    quoted = data["guidelines"]
    assert [(q["version"], q["status"], q["recommendation"]) for q in quoted] == [
        ("1.0", "published", "one-information-point"), ("1.1", "draft", "one-information-point")]
    assert quoted[0]["quote"] == QUOTE
    assert quoted[0]["address"].endswith(f"/guidelines/{world.slug}/1.0/#one-information-point")


def test_erasure_withdraws_the_quotes_everywhere(client, world, published, staff, coordinator):
    draft = version_new(actor=staff, guideline=published.guideline)
    contact_erase(actor=coordinator, contact=world.contact)

    published.refresh_from_db()
    assert QUOTE not in str(published.snapshot)
    sources = published.snapshot["sources"]
    assert [s["kind"] for s in sources] == ["practice", "withdrawn", "figure"]
    assert sources[1] == {"ref": 2, "kind": "withdrawn"}
    assert published.snapshot["chapters"][0]["recommendations"][0]["evidence"][1]["note"] == {
        "en": "An SME asks for one place (example)."}
    quoted = Evidence.objects.filter(kind="answer")
    assert {(e.answer_id, e.withdrawn_at is not None) for e in quoted} == {(None, True)}
    assert QUOTE not in str(version_document(draft))

    page = client.get(reverse("guidelines:version", args=[world.slug, "1.0"])).content.decode()
    assert QUOTE not in page and "Quote withdrawn at the person&#x27;s request." in page
    docx = client.get(reverse("guidelines:file", args=[world.slug, "1.0", "docx"])).content
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        text = archive.read("word/document.xml").decode()
    assert QUOTE not in text and "Quote withdrawn at the person" in text
    body = TestClient(router).get(f"/guidelines/{world.slug}@1.0").json()
    assert body["sources"][1] == dict.fromkeys(body["sources"][1]) | {"ref": 2, "kind": "withdrawn"}
    assert contact_personal_data(actor=coordinator, contact=world.contact)["guidelines"] == []
    # a new version leaves the withdrawn quote behind
    assert Version.objects.get(pk=draft.pk).recommendations.get(key="one-information-point").evidence.count() == 2
