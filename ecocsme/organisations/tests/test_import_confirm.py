"""Confirming a checked contact import: a double click or two tabs import the file once."""

import io
import os
import threading
import time
from unittest.mock import patch

import pytest
from django.core import signing
from django.urls import reverse

from ecocsme.core.audit import AuditEntry
from ecocsme.core.imports import ImportRejected, RowError
from ecocsme.organisations import views
from ecocsme.organisations.models import Contact

GOOD = ("organisation,kind,city,country,contact_name,email,language,consent_consultations\n"
        "Example Print SRL (example),sme,Timișoara,RO,Ana Example,ana@example.ro,ro,yes\n"
        "Example Arts NGO (example),ngo,Timișoara,RO,Dan Example,dan@example.ro,ro,no\n")


@pytest.fixture
def staff(staff, client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    client.force_login(staff)
    return staff


def checked(client, partner) -> str:
    """Upload the file for checking; the confirmation token the page hands back."""
    upload = io.BytesIO(GOOD.encode())
    upload.name = "contacts.csv"
    response = client.post(reverse("organisations:contact_import"), {"partner": partner.pk, "file": upload})
    return response.context["confirm"]


def confirm(client, token: str):
    return client.post(reverse("organisations:contact_import"), {"confirm": token}, follow=True)


def imports() -> int:
    return AuditEntry.objects.filter(action="organisations.contacts.imported").count()


@pytest.mark.django_db
def test_a_second_confirmation_imports_nothing_and_says_so(client, staff, partner):
    token = checked(client, partner)
    assert "2 new" in confirm(client, token).content.decode()
    response = confirm(client, token)
    assert response.status_code == 200
    assert "already been imported" in response.content.decode()
    assert (Contact.objects.count(), imports()) == (2, 1)


@pytest.mark.django_db
def test_a_confirmation_arriving_during_the_import_imports_nothing(client, staff, partner):
    token = checked(client, partner)
    real_import, answers = views.contacts_import, []

    def import_while_clicked_again(**kwargs):
        answers.append(confirm(client, token).content.decode())  # the second click, mid-import
        return real_import(**kwargs)

    with patch.object(views, "contacts_import", side_effect=import_while_clicked_again):
        confirm(client, token)
    assert "already been imported" in answers[0]
    assert (Contact.objects.count(), imports()) == (2, 1)


def test_of_two_simultaneous_claims_one_gets_the_file(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    (tmp_path / views.WAITING).mkdir()
    (tmp_path / views.WAITING / "key").write_bytes(b"data")
    start, results = threading.Barrier(2), []

    def claim():
        start.wait()
        results.append(views._claim_upload("key"))

    threads = [threading.Thread(target=claim) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results, key=bool) == [None, b"data"]
    assert (tmp_path / views.CLAIMED / "key").read_bytes() == b""  # the mark holds no personal data


@pytest.mark.django_db
def test_a_rejected_confirmation_leaves_no_mark(client, staff, partner):
    token = checked(client, partner)
    refusal = ImportRejected([RowError(2, "email", "taken meanwhile")])
    with patch.object(views, "contacts_import", side_effect=refusal):
        assert "taken meanwhile" in confirm(client, token).content.decode()
    assert "has expired" in confirm(client, token).content.decode()
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_a_confirmation_for_a_missing_partner_is_refused_not_failed(client, staff, partner):
    kept = signing.loads(checked(client, partner), salt=views.IMPORT_SALT)
    token = signing.dumps({**kept, "partner": 2**40}, salt=views.IMPORT_SALT)
    assert "has expired" in confirm(client, token).content.decode()
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_old_checked_files_and_marks_are_forgotten(client, staff, partner, tmp_path):
    for state in (views.WAITING, views.CLAIMED):
        (tmp_path / state).mkdir(exist_ok=True)
        old = tmp_path / state / "old"
        old.write_bytes(b"x")
        os.utime(old, (time.time() - 2 * views.IMPORT_MAX_AGE,) * 2)
    checked(client, partner)
    assert not (tmp_path / views.WAITING / "old").exists()
    assert not (tmp_path / views.CLAIMED / "old").exists()
    assert len(list((tmp_path / views.WAITING).iterdir())) == 1
