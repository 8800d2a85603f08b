import pytest
from django.core.management import call_command
from django.utils import translation

from ecocsme.core.mail import render_mail
from ecocsme.core.models import OutgoingMail
from ecocsme.core.outbox import MailNotSent, send_templated_mail
from ecocsme.core.tasks import send_mail


def test_mail_is_rendered_in_the_recipients_language():
    mail = render_mail("core/mail/test_message", {}, "de")
    assert mail.subject and mail.text and '<html lang="de">' in mail.html
    with translation.override("de"):
        site = translation.gettext("ECoC-SME Platform")
    assert site != "ECoC-SME Platform" and site in mail.html  # the header in the recipient's language


@pytest.mark.django_db(transaction=True)
def test_a_task_sends_a_real_mail_over_smtp(smtp_server):
    result = send_mail.enqueue(to=["someone@example.org"], template="core/mail/test_message",
                               context={"note": "Example note"}, language="ro")
    assert smtp_server.messages == []  # queued, not sent in the request
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    assert message["To"] == "someone@example.org"
    assert message["Content-Language"] == "ro"
    assert message.is_multipart()
    text = message.get_payload(0).get_payload(decode=True).decode()
    assert "Example note" in text
    result.refresh()
    assert result.status == "SUCCESSFUL"
    # Stored like the outbox's mail, so the mail viewer lists it whatever the backend.
    stored = OutgoingMail.objects.get(to="someone@example.org")
    assert stored.status == "sent" and stored.message_id == message["Message-ID"]
    assert stored.key.startswith("core/mail/test_message:")


@pytest.mark.django_db(transaction=True)
def test_a_refused_direct_mail_fails_its_task_with_the_reason(smtp_server):
    smtp_server.refuse = {"nobody@example.org"}
    with pytest.raises(MailNotSent, match="550"):
        send_templated_mail(to=["nobody@example.org"], template="core/mail/test_message",
                            context={}, language="en")
    assert OutgoingMail.objects.get(to="nobody@example.org").status == "failed"


@pytest.mark.django_db
def test_send_test_mail_command_queues_a_task(capsys):
    from django_tasks_db.models import DBTaskResult

    call_command("send-test-mail", "someone@example.org")
    assert DBTaskResult.objects.count() == 1
    with pytest.raises(Exception, match="Not an e-mail address"):
        call_command("send-test-mail", "not an address")
