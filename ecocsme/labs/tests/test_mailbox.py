"""Reading a lab's replies from its IMAP mailbox (LAB-3), against a real Dovecot: each message is
imported exactly once (UID, Message-ID, digest) and moved to the processed folder, a rebuilt
folder (new UIDVALIDITY) and a connection lost mid-fetch lose nothing and double nothing, errors
are recorded by code, and the password is stored encrypted."""

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from ecocsme.core.secrets import secret_open
from ecocsme.labs.factories import InvitationFactory
from ecocsme.labs.models import EmailReply, LabMailbox
from ecocsme.labs.services.mailbox import (
    chain_continue,
    mailbox_fetch,
    mailbox_fetch_turn,
    mailbox_save,
    mailbox_test,
)
from ecocsme.labs.services.replies import replies_import
from ecocsme.testing.imap import CuttingProxy

pytestmark = pytest.mark.django_db


def reply(number: int, *, message_id: str | None = None, in_reply_to: str = "") -> bytes:
    """An example reply, as a mail program writes it."""
    headers = [f"From: Example respondent {number} <respondent{number}@example.org>",
               "To: lab@example.org", f"Subject: Re: Local learning lab (example {number})",
               "Date: Thu, 03 Dec 2026 10:00:00 +0000", "MIME-Version: 1.0",
               "Content-Type: text/plain; charset=utf-8"]
    if message_id is not False:
        headers.append(f"Message-ID: {message_id or f'<reply-{number}@example.org>'}")
    if in_reply_to:
        headers.append(f"In-Reply-To: {in_reply_to}")
    body = (f"1. A single information desk for small firms (example {number}).\r\n"
            f"2. Small grants paid quickly (example {number}).\r\n")
    return ("\r\n".join(headers) + "\r\n\r\n" + body).encode()


def link(lab, staff, server, **values) -> LabMailbox:
    return mailbox_save(actor=staff, lab=lab, password=server.password, values={
        "host": server.host, "port": server.port, "security": "none", "username": server.user,
        "folder": "INBOX", "processed_folder": "Processed", "enabled": True, **values})


def test_new_replies_are_imported_once_and_moved_to_the_processed_folder(lab, staff, dovecot):
    invitation = InvitationFactory(lab=lab, message_id="<invitation-1@ecocsme.local>")
    mailbox = link(lab, staff, dovecot)
    dovecot.append(reply(1, in_reply_to=invitation.message_id))
    dovecot.append(reply(2))

    report = mailbox_fetch(mailbox.pk)

    assert report.error == "" and report.fetched == 2
    assert report.counted + report.to_review + report.ignored == 2
    assert EmailReply.objects.filter(lab=lab).count() == 2
    assert EmailReply.objects.get(message_id="<reply-1@example.org>").invitation == invitation
    assert dovecot.messages("INBOX") == [] and len(dovecot.messages("Processed")) == 2
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 2 and mailbox.uid_validity and mailbox.last_success_at
    assert mailbox.last_counts["fetched"] == 2 and mailbox.fetching_since is None

    again = mailbox_fetch(mailbox.pk)
    assert again.fetched == 0 and EmailReply.objects.filter(lab=lab).count() == 2


def test_the_same_message_twice_is_imported_once_with_or_without_a_message_id(lab, staff, dovecot):
    mailbox = link(lab, staff, dovecot)
    for raw in (reply(1), reply(1), reply(2, message_id=False), reply(2, message_id=False)):
        dovecot.append(raw)

    report = mailbox_fetch(mailbox.pk)

    assert report.fetched == 4 and report.duplicates == 2
    assert EmailReply.objects.filter(lab=lab).count() == 2
    assert dovecot.messages("INBOX") == [] and len(dovecot.messages("Processed")) == 4


def test_a_message_uploaded_before_adds_nothing_when_it_arrives_in_the_mailbox(lab, staff, dovecot):
    without_id = reply(3, message_id=False)
    replies_import(actor=staff, lab=lab, files=[("r.mbox", b"From x\n" + without_id.replace(b"\r\n", b"\n"))])
    mailbox = link(lab, staff, dovecot)
    dovecot.append(without_id)

    report = mailbox_fetch(mailbox.pk)

    assert report.duplicates == 1 and EmailReply.objects.filter(lab=lab).count() == 1


def test_a_new_uidvalidity_starts_the_uids_again_without_doubling(lab, staff, dovecot):
    mailbox = link(lab, staff, dovecot)
    dovecot.append(reply(1))
    mailbox_fetch(mailbox.pk)
    dovecot.append(reply(1))  # the folder rebuilt: an old message back, a new one
    dovecot.append(reply(2))
    LabMailbox.objects.filter(pk=mailbox.pk).update(last_uid=1000)  # the old numbering
    dovecot.uid_validity_change()

    report = mailbox_fetch(mailbox.pk)

    assert report.error == "" and report.fetched == 2 and report.duplicates == 1
    assert EmailReply.objects.filter(lab=lab).count() == 2
    mailbox.refresh_from_db()
    assert mailbox.last_uid < 1000


def test_a_wrong_password_is_recorded_and_nothing_moves(lab, staff, dovecot):
    mailbox = link(lab, staff, dovecot, enabled=False)
    mailbox_save(actor=staff, lab=lab, password="wrong-example", values={
        "host": dovecot.host, "port": dovecot.port, "security": "none", "username": dovecot.user,
        "folder": "INBOX", "processed_folder": "Processed", "enabled": False})
    dovecot.append(reply(1))

    report = mailbox_fetch(mailbox.pk)

    mailbox.refresh_from_db()
    assert report.error == mailbox.last_error == LabMailbox.Error.LOGIN
    assert mailbox.last_success_at is None and mailbox.fetching_since is None
    assert len(dovecot.messages("INBOX")) == 1 and not EmailReply.objects.exists()


@pytest.mark.parametrize("cut", ["reading", "moving"])
def test_a_connection_lost_mid_fetch_loses_nothing_and_doubles_nothing(lab, staff, dovecot, cut):
    """Cut while the messages are read (nothing imported yet), or after the import, before the
    move reaches the server (imported, still in the folder): the next fetch finishes the job."""
    trigger, after = (b"BODY.PEEK[]", 200) if cut == "reading" else (b"UID MOVE", 0)
    proxy = CuttingProxy((dovecot.host, dovecot.port), trigger, after)
    mailbox = link(lab, staff, dovecot, port=proxy.port, enabled=False)
    for number in (1, 2, 3):
        dovecot.append(reply(number))

    first = mailbox_fetch(mailbox.pk)
    assert proxy.cut.is_set() and first.error == LabMailbox.Error.DROPPED
    assert EmailReply.objects.count() == (0 if cut == "reading" else 3)
    assert len(dovecot.messages("INBOX")) == 3

    second = mailbox_fetch(mailbox.pk)
    proxy.close()

    assert second.error == "" and second.fetched == 3
    assert second.duplicates == (0 if cut == "reading" else 3)
    assert EmailReply.objects.count() == 3
    assert dovecot.messages("INBOX") == [] and len(dovecot.messages("Processed")) == 3


def test_ssl_and_starttls_with_a_trusted_certificate(lab, staff, dovecot_ssl):
    with override_settings(ECOCSME_MAILBOX_CAFILE=str(dovecot_ssl.certificate)):
        for security, port in (("ssl", dovecot_ssl.ssl_port), ("starttls", dovecot_ssl.port)):
            values = {"host": "127.0.0.1", "port": port, "security": security, "username": dovecot_ssl.user,
                      "folder": "INBOX", "processed_folder": "Processed", "enabled": False}
            assert mailbox_test(actor=staff, lab=lab, values=values, password=dovecot_ssl.password) == ("", "")
        mailbox = mailbox_save(actor=staff, lab=lab, values=values, password=dovecot_ssl.password)
        dovecot_ssl.append(reply(1))
        assert mailbox_fetch(mailbox.pk).fetched == 1
    untrusted = mailbox_test(actor=staff, lab=lab, values=values, password=dovecot_ssl.password)
    assert untrusted[0] == LabMailbox.Error.TLS


def test_no_encryption_only_to_this_machine(lab, staff):
    from django.core.exceptions import ValidationError

    values = {"host": "imap.example.org", "port": 143, "security": "none", "username": "lab",
              "folder": "INBOX", "processed_folder": "Processed", "enabled": True}
    with pytest.raises(ValidationError):
        mailbox_save(actor=staff, lab=lab, values=values, password="example")
    assert mailbox_test(actor=staff, lab=lab, values=values, password="x")[0] == LabMailbox.Error.INSECURE


def test_the_password_is_stored_encrypted_and_a_new_key_asks_for_it_again(lab, staff, dovecot):
    mailbox = link(lab, staff, dovecot, enabled=False)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM labs_labmailbox WHERE id = %s", [mailbox.pk])
        row = cursor.fetchone()
    assert not any(dovecot.password in str(value) for value in row)
    assert secret_open(LabMailbox.objects.get().password_sealed) == dovecot.password

    with override_settings(SECRET_KEY="another-test-key"):
        report = mailbox_fetch(mailbox.pk)
    assert report.error == LabMailbox.Error.PASSWORD_UNREADABLE


def test_only_those_who_change_the_lab_link_a_mailbox(lab, other_staff, dovecot):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        link(lab, other_staff, dovecot)


def test_one_chain_of_scheduled_fetches_per_mailbox(lab, staff, dovecot, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    mailbox = link(lab, staff, dovecot, enabled=True)
    scheduled = DBTaskResult.objects.filter(task_path__endswith="fetch_mailbox")
    before = scheduled.count()
    with django_capture_on_commit_callbacks(execute=True):
        assert chain_continue(mailbox.pk) is True
        assert chain_continue(mailbox.pk) is False  # one is pending
    assert scheduled.count() == before + 1
    mailbox.refresh_from_db()
    assert scheduled.order_by("-enqueued_at").first().run_after == mailbox.next_fetch_at

    LabMailbox.objects.filter(pk=mailbox.pk).update(next_fetch_at=timezone.now())  # its turn
    with django_capture_on_commit_callbacks(execute=True):
        mailbox_fetch_turn(mailbox.pk)  # fetches, then schedules the next one
    mailbox.refresh_from_db()
    assert mailbox.next_fetch_at > timezone.now() and mailbox.last_fetch_at
    assert scheduled.count() == before + 2
