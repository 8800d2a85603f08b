"""A draft or a practice waiting for review never reaches a visitor, through any channel: the
practice's page, its files, the library page and its snippets, the search, the facets, the
exports, the Atom feed, the API's search and detail. A test per channel; the partnership's
members still open their drafts by address."""

import json

import pytest
from django.urls import reverse

from ecocsme.practices.factories import PracticeFactory, indexed
from ecocsme.practices.models import Attachment, Practice

pytestmark = pytest.mark.django_db


def sheet_rows(data: bytes) -> list:
    import io

    from openpyxl import load_workbook

    return [list(row) for row in load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]
SECRET = "Zanzibar"  # a word only the draft holds


@pytest.fixture
def practices(partner, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    published = PracticeFactory(partner=partner, slug="open", title={"en": "Open practice on festivals"},
                                country="RO", themes=["tourism"])
    drafts = [PracticeFactory(partner=partner, slug=f"hidden-{status}", status=status, published_at=None,
                              country="FI", themes=["youth"],
                              title={"en": f"{SECRET} festival plan {status}"},
                              summary={"en": f"{SECRET} festival secret summary."})
              for status in (Practice.Status.DRAFT, Practice.Status.IN_REVIEW)]
    indexed(published, *drafts)
    from django.core.files.base import ContentFile

    attachment = Attachment(practice=drafts[0], token="t0ken", kind="pdf", content_type="application/pdf",
                            size=9, name="plan.pdf")
    attachment.file.save("plan.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return published, drafts, attachment


def test_page_of_a_draft_is_not_found(client, practices):
    for draft in practices[1]:
        assert client.get(reverse("practices:detail", args=[draft.slug])).status_code == 404


def test_members_open_their_drafts(client, practices, other_staff):
    client.force_login(other_staff)
    assert client.get(reverse("practices:detail", args=[practices[1][0].slug])).status_code == 200


def test_files_of_a_draft_are_not_found(client, practices):
    attachment = practices[2]
    url = reverse("practices:attachment", args=[attachment.practice.slug, attachment.pk, attachment.name])
    assert client.get(url).status_code == 404


def test_library_page_and_its_facets(client, practices):
    for query in ("", f"?q={SECRET}", "?q=festival", "?country=fi", "?theme=youth"):
        body = client.get(reverse("practices:library") + query).content.decode()
        assert "secret summary" not in body and "festival plan" not in body, query
        assert "Finland" not in body and "Youth" not in body, query


def test_search_results(practices):
    from ecocsme.practices.search import engine

    ids = {draft.pk for draft in practices[1]}
    for text in ("", SECRET, "festival", "secret plan"):
        results = engine.search(text)
        assert not ids & set(results.ids)
        assert "FI" not in dict(results.facets["country"])


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_exports(client, practices, fmt):
    response = client.get(reverse("practices:library") + f"?format={fmt}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = str(sheet_rows(body)) if fmt == "xlsx" else body.decode("utf-8-sig")
    assert "hidden-" not in text and SECRET not in text
    assert "Open practice on festivals" in text


def test_feed(client, practices):
    body = client.get(reverse("practices:feed")).content.decode()
    assert "Open practice" in body and SECRET not in body


def test_api_search_and_detail(client, practices):
    found = client.get("/api/v1/practices", {"q": SECRET}).json()
    assert all(SECRET not in json.dumps(item) for item in found["results"])
    everything = client.get("/api/v1/practices").json()
    assert [item["slug"] for item in everything["results"]] == ["open"]
    for draft in practices[1]:
        assert client.get(f"/api/v1/practices/{draft.pk}").status_code == 404


def test_back_office_list_is_for_members(client, practices, staff):
    assert client.get(reverse("practices:manage_list")).status_code == 302
    client.force_login(staff)
    body = client.get(reverse("practices:manage_list")).content.decode()
    assert SECRET in body and "Open practice" not in body
