"""`ecocsme watch-mailboxes`: an IDLE connection to the lab's mailbox (a real Dovecot) asks the
worker for a fetch when mail arrives."""

import threading

import pytest

from ecocsme.labs.models import LabMailbox
from ecocsme.labs.services import mailbox as mailbox_service


@pytest.mark.django_db(transaction=True)
def test_new_mail_wakes_the_watcher(lab, staff, dovecot, monkeypatch):
    mailbox = mailbox_service.mailbox_save(actor=staff, lab=lab, password=dovecot.password, values={
        "host": dovecot.host, "port": dovecot.port, "security": "none", "username": dovecot.user,
        "folder": "INBOX", "processed_folder": "Processed", "enabled": True})
    asked = threading.Event()
    monkeypatch.setattr(mailbox_service, "mailbox_fetch_request",
                        lambda seen: asked.set() if seen.pk == mailbox.pk else None)
    stop, ready = threading.Event(), threading.Event()
    watcher = threading.Thread(target=mailbox_service.mailbox_watch, args=(mailbox.pk,),
                               kwargs={"stop": stop, "ready": ready, "idle_seconds": 60}, daemon=True)
    watcher.start()
    try:
        assert ready.wait(30), "the watcher did not reach IDLE"
        assert not asked.is_set()
        dovecot.append(b"From: respondent@example.org\r\nSubject: Re: lab (example)\r\n\r\n1. Yes.\r\n")
        assert asked.wait(30), "new mail did not wake the watcher"
    finally:
        stop.set()
        watcher.join(30)
    assert not watcher.is_alive()
    assert LabMailbox.objects.filter(pk=mailbox.pk).exists()
