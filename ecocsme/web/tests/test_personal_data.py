"""Export and erasure are complete (ORG-3): every model that refers to a person or stores an
address is covered; after erasure no column of any table, nor the SQLite file, holds the person's
address, name, note or needs; the export holds every row the erasure changes."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection, models

from ecocsme.accounts.models import Membership
from ecocsme.organisations import personal_data
from ecocsme.organisations.models import Consent, Contact
from ecocsme.organisations.services import contact_erase, contact_personal_data, contact_save

ADDRESS_FIELD_NAMES = {"email", "sender", "to", "recipient", "raw", "reply_to", "contact_email"}


def _refers_to_contact(model, seen=None) -> bool:
    """Whether the model points at a contact, directly or through other records."""
    seen = seen or set()
    if model is Contact:
        return True
    if model in seen:
        return False
    seen.add(model)
    for field in model._meta.get_fields():
        if field.is_relation and (field.many_to_one or field.one_to_one or field.many_to_many) \
                and field.concrete and field.related_model is not None \
                and _refers_to_contact(field.related_model, seen):
            return True
    return False


def _stores_an_address(model) -> bool:
    """An address field, or stored bytes (mail, uploads) other than a sentence vector."""
    return any(isinstance(f, models.EmailField) or f.name in ADDRESS_FIELD_NAMES
               or (isinstance(f, models.BinaryField) and f.name != "embedding")
               for f in model._meta.concrete_fields)


def test_every_model_that_refers_to_a_contact_or_stores_an_address_has_an_exporter_and_eraser():
    ours = [m for m in apps.get_models(include_auto_created=True) if m.__module__.startswith("ecocsme.")]
    needing = {m._meta.label for m in ours if _refers_to_contact(m) or _stores_an_address(m)}
    covered, exempt = personal_data.covered_models(), personal_data.exempt_models()
    missing = sorted(needing - covered - set(exempt))
    assert not missing, f"register these in organisations.personal_data (exporter and eraser): {missing}"
    assert {"labs.EmailReply", "events.EventInvitation", "labs.ReplyImport"} <= needing  # the check sees them
    known = {m._meta.label for m in apps.get_models(include_auto_created=True)}
    assert covered <= known and set(exempt) <= known
    assert all(reason.strip() for reason in exempt.values())


def test_an_account_is_its_owners_data_never_a_contacts():
    """A user account is exported and deleted by its owner (My account) or the administrator
    (accounts.personal_data), never with a contact at the same address."""
    from ecocsme.accounts import personal_data as account_data

    assert "accounts.User" in personal_data.exempt_models()
    assert not {"accounts.User", "organisations.Representative"} & personal_data.covered_models()
    assert "organisations" in {holding.section for holding in account_data.holdings()}


# --- a person in every place that holds people ------------------------------------------------------
OLD_ADDRESS = "zora.before@example.org"
ADDRESS = "zora.uniquename@example.org"
SURNAME = "Uniquename"
NOTE = "Zorasnote about the parking (example)"
NEEDS = "Zorasneeds: a vegetarian lunch (example)"


@pytest.fixture
def person(project, settings, tmp_path):
    """Zora, kept by Timișoara: invited to lab 2 (answers on the web and by e-mail), to partner
    workshop 4 (yes with a note and needs, checked in), with a calendar address, audited changes,
    and a contact file awaiting an import confirmation that mentions her."""
    from ecocsme.events.services.answers import answer_save, invitation_check_in
    from ecocsme.events.services.invitations import invitations_create as event_invite
    from ecocsme.events.services.mail import personal_calendar_url
    from ecocsme.labs.demo import _example_reply
    from ecocsme.labs.services.answers import response_save
    from ecocsme.labs.services.invitations import invitations_create, invitations_send
    from ecocsme.labs.services.replies import replies_import, replies_import_queue
    from ecocsme.web.demo import demo_people_load

    settings.VAR_DIR = tmp_path
    demo_people_load(project)
    staff = Membership.objects.filter(partner__number=6, role="partner_staff").first().user
    contact = contact_save(actor=staff, contact=None, partner=project.partners.get(number=6),
                           values={"name": f"Zora {SURNAME} (example)", "email": OLD_ADDRESS,
                                   "language": "ro", "notes": "Prefers calls (example)"},
                           consents={Consent.Purpose.CONSULTATIONS: True,
                                     Consent.Purpose.EVENT_INVITATIONS: True})
    contact = contact_save(actor=staff, contact=contact, values={"email": ADDRESS})
    lab = project.labs.get(partner__number=6, number=2)
    invitations_create(actor=staff, lab=lab, contacts=[contact])
    invitations_send(actor=staff, lab=lab)
    invitation = lab.invitations.select_related("contact", "lab").get(contact=contact)
    response_save(invitation=invitation, texts={1: "Through the chambers of commerce (example)."},
                  submit=False)
    replies_import(actor=staff, lab=lab, files=[("zora.eml", _example_reply(
        invitation, {2: "Local radio and the city newsletter (example)."}))])
    replies_import_queue(actor=staff, lab=lab, files=[("later.eml", _example_reply(
        invitation, {3: "Some know, most do not (example)."}))])  # waiting for the worker
    event = project.events.get(partner__number=6, kind="partner_workshop")
    event_invite(actor=staff, event=event, contacts=[contact])
    seat = event.invitations.get(contact=contact)
    event.capacity = None
    event.save(update_fields=["capacity"])
    seat = answer_save(invitation=seat, answer="yes", note=NOTE, needs=NEEDS,
                       now=event.rsvp_deadline - timedelta(days=2))
    invitation_check_in(actor=staff, invitation=seat, present=True)
    personal_calendar_url(contact.pk)
    (tmp_path / "imports").mkdir()
    (tmp_path / "imports" / "pending").write_text(f"organisation,email\nExample SRL,{ADDRESS}\n")
    return Contact.objects.get(pk=contact.pk)


def _identifiers() -> list[str]:
    return [ADDRESS, OLD_ADDRESS, SURNAME, NOTE, NEEDS]


def _rows_holding(needles: list[str]) -> set[tuple[str, object, str]]:
    """(model, primary key, column) of every text, JSON or binary value holding one of the needles."""
    lowered = [n.lower() for n in needles]
    found = set()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField | models.JSONField
                              | models.BinaryField):
                continue
            for pk, value in model._base_manager.values_list("pk", field.attname).iterator():
                if value is None:
                    continue
                if isinstance(value, bytes | memoryview):
                    text = bytes(value).decode("utf-8", errors="replace")
                elif isinstance(value, str):
                    text = value
                else:
                    text = json.dumps(value, ensure_ascii=False)
                if any(n in text.lower() for n in lowered):
                    found.add((model._meta.label, pk, field.name))
    return found


@pytest.mark.django_db(transaction=True)
def test_erasure_leaves_nothing_that_identifies_and_the_export_holds_it_all(person, project, tmp_path,
                                                                             client):
    coordinator = Membership.objects.filter(project=project, role="coordinator").first().user
    client.force_login(coordinator)
    page = client.get(f"/en/manage/contacts/{person.pk}/erase/").content.decode()
    assert "Lab invitations, answers, e-mail replies and their mail" in page and "Event invitations" in page
    before = _rows_holding(_identifiers())
    assert {label for label, _pk, _field in before} >= {
        "organisations.Contact", "labs.EmailReply", "core.OutgoingMail", "events.EventInvitation",
        "core.AuditEntry"}
    export = contact_personal_data(actor=coordinator, contact=person)
    exported = {(item["model"], item["id"]) for section in export.values() if isinstance(section, list)
                for item in section} | {("organisations.Contact", person.pk)}
    not_exported = {(label, pk) for label, pk, _field in before} - exported
    assert not not_exported, f"erasure changes rows the export leaves out: {sorted(not_exported)}"
    assert any(item["model"] == "file" for item in export["import_files"])
    assert any(item["model"] == "labs.ReplyImport" for item in export["labs"])

    answers_before = sorted(person.labs_invitations.get().response.answers.values_list("text", flat=True))
    contact_erase(actor=coordinator, contact=person)

    left = _rows_holding(_identifiers())
    assert not left, f"still holding the person after erasure: {sorted(left)}"
    assert not any((tmp_path / "imports").iterdir())
    person.refresh_from_db()
    # What they said stays, anonymised; the figures keep their answer, place and check-in.
    assert sorted(person.labs_invitations.get().response.answers.values_list("text", flat=True)) \
        == answers_before
    seat = person.events_invitations.get()
    assert seat.answer == "yes" and seat.checked_in_at is not None and not seat.note and not seat.needs
    if connection.vendor == "sqlite":
        database = Path(connection.settings_dict["NAME"]).read_bytes()
        wal = Path(connection.settings_dict["NAME"] + "-wal")
        database += wal.read_bytes() if wal.exists() else b""
        for needle in _identifiers():
            assert needle.encode() not in database, f"{needle} is still in the database file"
