"""Each ECoC title's page (REF-5): its phases, the curators' notes in the reader's language, and
what the platform holds on it — practices, labs (for the partnership only) and events."""

import pytest
from django.urls import reverse

from ecocsme.core.models import AuditEntry
from ecocsme.practices.factories import PracticeFactory
from ecocsme.reference.models import EcocPhaseNote, EcocTitle
from ecocsme.reference.services import phase_notes_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def timisoara(project):
    phase_notes_load()
    return EcocTitle.objects.get(year=2023, city="Timișoara")


def test_the_page_gathers_the_title(client, timisoara, project):
    partner = project.partners.get(number=6)
    PracticeFactory(partner=partner, ecoc_title=timisoara, title={"en": "Example practice of the title"})
    PracticeFactory(partner=partner, ecoc_title=timisoara, status="draft", title={"en": "Draft not shown"})
    body = client.get("/ro/ecoc/2023/timisoara/").content.decode()
    assert "Timișoara 2023" in body and "Desemnat inițial pentru 2021" in body
    assert EcocPhaseNote.objects.get(title=timisoara, phase="preparation").text["ro"][:40] in body
    assert "Example practice of the title" in body and "Draft not shown" not in body
    assert "Local learning labs" not in body and "lab 2" not in body.lower()  # labs: partnership only


def test_members_see_the_labs_of_the_title(client, timisoara, project):
    from ecocsme.accounts.models import User

    client.force_login(User.objects.get(username="rijeka"))
    body = client.get("/en/ecoc/2023/timisoara/").content.decode()
    assert "Local learning labs" in body and "Shown to the partnership only." in body


def test_unknown_titles_are_not_found(client, timisoara):
    for path in ("/en/ecoc/2023/nowhere/", "/en/ecoc/1900/timisoara/", "/en/ecoc/2024/timisoara/"):
        assert client.get(path).status_code == 404


def test_the_timeline_links_each_title_to_its_page(client, timisoara):
    assert 'href="/en/ecoc/2023/timisoara/"' in client.get("/en/ecoc/").content.decode()


def test_only_a_coordinator_edits_the_notes(client, timisoara):
    from ecocsme.accounts.models import User

    url = reverse("web:ecoc_notes_edit", args=[2023, "timisoara"])
    client.force_login(User.objects.get(username="timisoara"))
    assert client.post(url, {"preparation_en": "Changed by staff"}).status_code == 403
    client.force_login(User.objects.get(username="coordinator"))
    response = client.post(url, {"preparation_en": "What a future host should prepare (example).",
                                 "preparation_ro": "Ce ar trebui să pregătească o gazdă (exemplu).",
                                 "legacy_en": ""})
    assert response.status_code == 302
    notes = {note.phase: note for note in EcocPhaseNote.objects.filter(title=timisoara)}
    assert notes["preparation"].text == {"en": "What a future host should prepare (example).",
                                         "ro": "Ce ar trebui să pregătească o gazdă (exemplu)."}
    assert not notes["preparation"].is_example and "legacy" not in notes  # emptied: removed
    assert AuditEntry.objects.filter(action="reference.phase_notes.changed").exists()
