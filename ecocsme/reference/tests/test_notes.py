"""The editorial notes on a title are for the staff: the admin shows them and finds titles by
them (public pages, exports and the API never do: web/tests/test_reference_language.py)."""

import pytest

from ecocsme.reference.models import EcocTitle


@pytest.mark.django_db
def test_the_admin_shows_the_notes_and_searches_them(admin_client, reference):
    athens = EcocTitle.objects.get(year=1985)
    assert "sources differ" in athens.notes
    page = admin_client.get(f"/admin/reference/ecoctitle/{athens.pk}/change/")
    assert page.status_code == 200 and "sources differ" in page.content.decode()
    found = admin_client.get("/admin/reference/ecoctitle/", {"q": "sources differ"})
    assert list(found.context["cl"].result_list) == [athens]
