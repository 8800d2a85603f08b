"""The mailbox part of a lab's pages: linking (the password write-only, never shown), testing
the connection, fetching now and its status, unlinking; only for those who change the lab."""

import pytest
from django.urls import reverse

from ecocsme.labs.models import LabMailbox
from ecocsme.labs.services.mailbox import mailbox_fetch

pytestmark = pytest.mark.django_db


def form(server, **changes) -> dict:
    return {"host": server.host, "port": server.port, "security": "none", "username": server.user,
            "password": server.password, "folder": "INBOX", "processed_folder": "Processed",
            "enabled": "on", **changes}


def test_staff_link_a_mailbox_and_never_see_its_password_again(client, lab, staff, dovecot):
    client.force_login(staff)
    url = reverse("labs:lab_mailbox", args=[lab.pk])
    assert b"Link a mailbox" in client.get(url).content

    tested = client.post(url, {**form(dovecot), "test": "1"})
    assert b"The connection works" in tested.content and not LabMailbox.objects.exists()
    assert dovecot.password.encode() not in tested.content

    assert client.post(url, form(dovecot)).status_code == 302
    page = client.get(url)
    assert dovecot.password.encode() not in page.content
    assert b"Leave it blank to keep the stored password" in page.content

    client.post(url, form(dovecot, password="", folder="INBOX"))  # blank: the stored one stays
    mailbox = LabMailbox.objects.get(lab=lab)
    assert mailbox_fetch(mailbox.pk).error == ""


def test_a_failed_test_and_a_failed_fetch_say_why_in_plain_words(client, lab, staff, dovecot):
    client.force_login(staff)
    url = reverse("labs:lab_mailbox", args=[lab.pk])
    tested = client.post(url, {**form(dovecot, password="wrong-example"), "test": "1"})
    assert b"refused the user name or the password" in tested.content

    client.post(url, form(dovecot, password="wrong-example", enabled=""))
    mailbox_fetch(LabMailbox.objects.get().pk)
    status = client.get(reverse("labs:lab_mailbox_status", args=[lab.pk]))
    assert b"refused the user name or the password" in status.content
    assert b"hx-trigger" not in status.content  # nothing runs: no polling

    insecure = client.post(url, form(dovecot, host="imap.example.org"))
    assert b"only allowed to a server on this machine" in insecure.content


def test_fetch_now_shows_the_fetch_running_then_its_result(client, lab, staff, dovecot):
    client.force_login(staff)
    client.post(reverse("labs:lab_mailbox", args=[lab.pk]), form(dovecot, enabled=""))
    mailbox = LabMailbox.objects.get()
    mailbox_fetch(mailbox.pk)
    dovecot.append(b"From: respondent@example.org\r\nSubject: Re: lab (example)\r\n\r\n1. Yes.\r\n")

    running = client.post(reverse("labs:lab_mailbox_action", args=[lab.pk, "fetch"]), HTTP_HX_REQUEST="true")
    assert b"Fetching the new replies" in running.content and b"every 2s" in running.content

    mailbox_fetch(mailbox.pk)
    done = client.get(reverse("labs:lab_mailbox_status", args=[lab.pk]))
    assert b"messages read 1" in done.content and b"every 2s" not in done.content


def test_the_lab_page_loads_the_mailbox_part_only_for_those_who_change_the_lab(client, lab, staff,
                                                                               other_staff):
    status_url = reverse("labs:lab_mailbox_status", args=[lab.pk])
    client.force_login(staff)
    assert status_url.encode() in client.get(reverse("labs:lab_detail", args=[lab.pk])).content
    client.force_login(other_staff)
    page = client.get(reverse("labs:lab_detail", args=[lab.pk]))
    if page.status_code == 200:
        assert status_url.encode() not in page.content
    assert client.get(status_url).status_code in (403, 404)
    assert client.post(reverse("labs:lab_mailbox_action", args=[lab.pk, "fetch"])).status_code in (403, 404)


def test_unlinking_keeps_the_replies(client, lab, staff, dovecot):
    client.force_login(staff)
    client.post(reverse("labs:lab_mailbox", args=[lab.pk]), form(dovecot, enabled=""))
    response = client.post(reverse("labs:lab_mailbox_action", args=[lab.pk, "unlink"]))
    assert response.status_code == 302 and not LabMailbox.objects.exists()


def test_the_stored_password_goes_only_to_the_server_it_was_given_for(client, lab, staff, dovecot):
    """Changing the server, port, security or user asks for the password again, so that no one
    who may edit the lab can send the stored one to a server of their choice."""
    client.force_login(staff)
    url = reverse("labs:lab_mailbox", args=[lab.pk])
    client.post(url, form(dovecot))
    for change in ({"port": dovecot.port + 1}, {"username": "someone-else"}, {"host": "localhost"}):
        for action in ({}, {"test": "1"}):
            page = client.post(url, {**form(dovecot, password="", **change), **action})
            assert b"it is needed again when the server" in page.content
    mailbox = LabMailbox.objects.get()
    assert (mailbox.port, mailbox.username, mailbox.host) == (dovecot.port, dovecot.user, dovecot.host)


def test_folders_that_cannot_work_are_refused(client, lab, staff, dovecot):
    from ecocsme.labs.factories import LabFactory

    client.force_login(staff)
    same = client.post(reverse("labs:lab_mailbox", args=[lab.pk]), form(dovecot, processed_folder="INBOX"))
    assert b"must be another folder" in same.content and not LabMailbox.objects.exists()
    client.post(reverse("labs:lab_mailbox", args=[lab.pk]), form(dovecot))
    other = LabFactory(partner=lab.partner, project=lab.project, number=lab.number + 1)
    taken = client.post(reverse("labs:lab_mailbox", args=[other.pk]), form(dovecot))
    assert b"Another lab already reads this folder" in taken.content
    assert LabMailbox.objects.count() == 1


def test_a_password_with_letters_beyond_ascii_is_tried_not_crashed_on(client, lab, staff, dovecot):
    client.force_login(staff)
    page = client.post(reverse("labs:lab_mailbox", args=[lab.pk]),
                       {**form(dovecot, password="Pässwort-example"), "test": "1"})
    assert page.status_code == 200 and b"refused the user name or the password" in page.content
    assert "Pässwort".encode() not in page.content


@pytest.mark.parametrize(("security", "port", "was", "expected"), [
    ("ssl", "", None, 993),
    ("starttls", "", None, 143),
    ("starttls", "993", ("ssl", 993), 143),  # the usual port follows the encryption
    ("ssl", "143", ("starttls", 143), 993),
    ("starttls", "10993", ("ssl", 10993), 10993),  # a port of one's own stays
    ("starttls", "993", ("starttls", 993), 993),
])
def test_the_port_follows_the_encryption_unless_one_was_chosen(security, port, was, expected):
    from ecocsme.labs.views.mailbox import MailboxForm

    mailbox = None
    if was:
        mailbox = LabMailbox(host="imap.example.org", security=was[0], port=was[1], username="lab",
                             folder="INBOX", processed_folder="Processed")
    data = {"host": "imap.example.org", "security": security, "port": port, "username": "lab",
            "folder": "INBOX", "processed_folder": "Processed"}
    bound = MailboxForm(data, mailbox=mailbox)
    assert bound.is_valid(), bound.errors
    assert bound.values()["port"] == expected
    assert bound["port"].value() == str(expected)  # the form shown again says so
