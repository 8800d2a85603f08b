"""Writing a practice, review and publication (GP-1), files (type and size checked by their
bytes), and transferability assessments (GP-3), through the pages as staff use them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ecocsme.core.models import AuditEntry
from ecocsme.practices.factories import PracticeFactory
from ecocsme.practices.models import Assessment, Attachment, IndexEntry, Practice
from ecocsme.practices.search import engine
from ecocsme.testing.worker import run_worker

pytestmark = pytest.mark.django_db


def practice_form(partner, **changes) -> dict:
    data = {"partner": partner.pk, "country": "RO", "city": "Timișoara", "phases": ["preparation"],
            "themes": ["youth"], "title_en": "Young makers in the old tram depot",
            "summary_en": "Teenagers build products with local firms (example).",
            "description_en": "Workshops every Saturday in a restored depot (example).",
            "title_ro": "Tineri meșteri în vechiul depou de tramvaie", "keywords": "youth, depot, makers"}
    data.update(changes)
    return data


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.django_db(transaction=True)
def test_staff_write_submit_and_the_coordinator_publishes(client, partner, staff, coordinator, reference):
    client.force_login(staff)
    response = client.post(reverse("practices:add"), practice_form(partner))
    practice = Practice.objects.get()
    assert response.status_code == 302 and practice.status == Practice.Status.DRAFT
    assert practice.title == {"en": "Young makers in the old tram depot",
                              "ro": "Tineri meșteri în vechiul depou de tramvaie"}
    assert practice.keywords == ["youth", "depot", "makers"]
    client.post(reverse("practices:action", args=[practice.slug, "submit"]))
    practice.refresh_from_db()
    assert practice.status == Practice.Status.IN_REVIEW
    # Staff cannot publish their own practice, nor edit it while it waits.
    assert client.post(reverse("practices:action", args=[practice.slug, "publish"])).status_code == 403
    assert client.get(reverse("practices:edit", args=[practice.slug])).status_code == 403
    client.force_login(coordinator)
    client.post(reverse("practices:action", args=[practice.slug, "publish"]),
                {"expert_opinion": "Transferable to any city with an empty depot (example)."})
    practice.refresh_from_db()
    assert practice.status == Practice.Status.PUBLISHED and practice.published_at
    assert practice.expert_opinion == {"en": "Transferable to any city with an empty depot (example)."}
    assert not engine.search("depou").ids  # indexed by the worker
    run_worker()
    assert engine.search("depourile").ids == [practice.pk]
    assert set(IndexEntry.objects.filter(practice=practice).values_list("language", flat=True)) == {"en", "ro"}
    assert AuditEntry.objects.filter(action="practices.practice.published").exists()


def test_returning_takes_a_published_practice_out_of_the_index_at_once(client, partner, coordinator):
    practice = PracticeFactory(partner=partner, title={"en": "Lighthouse residency"})
    from ecocsme.practices.factories import indexed

    indexed(practice)
    assert engine.search("lighthouse").ids == [practice.pk]
    client.force_login(coordinator)
    assert client.post(reverse("practices:action", args=[practice.slug, "return"]), {"note": ""}).status_code == 302
    practice.refresh_from_db()
    assert practice.status == Practice.Status.PUBLISHED  # a note is required
    client.post(reverse("practices:action", args=[practice.slug, "return"]), {"note": "Add the costs."})
    practice.refresh_from_db()
    assert practice.status == Practice.Status.DRAFT and practice.review_note == "Add the costs."
    assert not engine.search("lighthouse").ids and not IndexEntry.objects.exists()


def test_bad_form_changes_nothing(client, partner, staff):
    client.force_login(staff)
    too_long = practice_form(partner, title_en="x" * 101)
    response = client.post(reverse("practices:add"), too_long)
    assert response.status_code == 200 and not Practice.objects.exists()
    no_title = practice_form(partner, title_en="", title_ro="")
    response = client.post(reverse("practices:add"), no_title)
    assert "title in at least one language" in response.content.decode()
    assert not Practice.objects.exists()
    dates = practice_form(partner, starts_on="2024-05-01", ends_on="2023-01-01")
    assert "end comes before the start" in client.post(reverse("practices:add"), dates).content.decode()
    assert not Practice.objects.exists()


def test_another_partners_staff_cannot_change_a_draft(client, partner, other_staff):
    practice = PracticeFactory(partner=partner, status=Practice.Status.DRAFT)
    client.force_login(other_staff)
    assert client.post(reverse("practices:edit", args=[practice.slug]),
                       practice_form(partner)).status_code == 403
    assert client.post(reverse("practices:action", args=[practice.slug, "submit"])).status_code == 403
    assert client.post(reverse("practices:action", args=[practice.slug, "delete"])).status_code == 403
    assert Practice.objects.get().status == Practice.Status.DRAFT


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "accepted"), [
    ("photo.png", None, True),
    ("report.pdf", b"%PDF-1.7\n1 0 obj\n", True),
    ("photo.jpg", None, True),  # a PNG named .jpg is stored as what it is
    ("report.pdf", b"<html><script>alert(1)</script></html>", False),
    ("photo.png", b"GIF89a not really", False),
    ("page.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", False),
    ("run.exe", b"MZ\x90\x00", False),
    ("empty.pdf", b"", False),
])
def test_files_are_what_their_bytes_say(client, partner, staff, media, name, content, accepted):
    practice = PracticeFactory(partner=partner, status=Practice.Status.DRAFT)
    client.force_login(staff)
    upload = SimpleUploadedFile(name, _png() if content is None else content)
    response = client.post(reverse("practices:attachments", args=[practice.slug]), {"file": upload})
    assert Attachment.objects.exists() is accepted
    if accepted:
        item = Attachment.objects.get()
        assert item.name.endswith(".pdf" if item.kind == "pdf" else ".png")
        served = client.get(reverse("practices:attachment", args=[practice.slug, item.pk, item.name]))
        assert served["Content-Type"] == item.content_type
        assert served["X-Content-Type-Options"] == "nosniff"
    else:
        assert response.status_code == 200 and list(media.rglob("*.*")) == []


def test_oversized_files_are_refused(client, partner, staff, media, settings):
    settings.ECOCSME_ATTACHMENT_MAX_BYTES = 1000
    practice = PracticeFactory(partner=partner, status=Practice.Status.DRAFT)
    client.force_login(staff)
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    response = client.post(reverse("practices:attachments", args=[practice.slug]), {"file": upload})
    assert "at most" in response.content.decode() and not Attachment.objects.exists()


def test_partners_assess_for_their_territory(client, partner, other_partner, staff, other_staff):
    practice = PracticeFactory(partner=partner)
    url = reverse("practices:assessment", args=[practice.slug])
    client.force_login(staff)  # the partner that identified it does not assess it
    assert client.post(url, {"partner": partner.pk, "score": 5}).status_code == 403
    client.force_login(other_staff)
    client.post(url, {"partner": other_partner.pk, "score": 4, "conditions": "A municipal sponsor.",
                      "comment": "Fits our port district."})
    client.post(url, {"partner": other_partner.pk, "score": 3, "comment": "On second thought."})
    assessment = Assessment.objects.get()
    assert (assessment.score, assessment.comment) == (3, "On second thought.")
    for bad in ({"partner": other_partner.pk, "score": 9}, {"partner": partner.pk, "score": 2}):
        client.post(url, bad)
    assert Assessment.objects.get().score == 3
    page = client.get(reverse("practices:detail", args=[practice.slug])).content.decode()
    assert "3.0" in page and "On second thought." in page


def test_drafts_cannot_be_assessed(client, partner, other_partner, other_staff):
    practice = PracticeFactory(partner=partner, status=Practice.Status.DRAFT)
    client.force_login(other_staff)
    client.post(reverse("practices:assessment", args=[practice.slug]),
                {"partner": other_partner.pk, "score": 4})
    assert not Assessment.objects.exists()
