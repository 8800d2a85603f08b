"""Mail that staff can see and trust: a failed mail shows its reason where the invitee is listed,
with "send again" and the personal link; the dashboard says mail is failing; a draft lab sends
nothing; another partner sees counts, not people."""

import pytest
from django.core.exceptions import ValidationError

from ecocsme.core.models import OutgoingMail
from ecocsme.core.outbox import mail_deliver
from ecocsme.labs.models import Lab
from ecocsme.labs.services.invitations import invitations_create, invitations_send, reminders_send
from ecocsme.organisations.factories import ContactFactory


@pytest.fixture
def other(other_staff):
    return other_staff


@pytest.fixture
def people(partner):
    return [ContactFactory(partner=partner, name=name, email=email, language="ro", consents=["consultations"])
            for name, email in (("Example Reachable", "reachable@example.org"), ("Example Gone", "gone@example.org"))]


@pytest.mark.django_db
def test_a_failed_mail_shows_why_with_send_again_and_the_personal_link(client, lab, staff, other, people,
                                                                      smtp_server):
    smtp_server.refuse.add("gone@example.org")
    invitations_create(actor=staff, lab=lab, contacts=people)
    invitations_send(actor=staff, lab=lab)
    mail_deliver(list(OutgoingMail.objects.values_list("pk", flat=True)))
    failed = OutgoingMail.objects.get(to="gone@example.org")
    assert failed.status == "failed" and "550" in failed.last_error

    client.force_login(staff)
    page = client.get(f"/en/manage/labs/{lab.pk}/").content.decode()
    assert "this address does not exist" in page and "No such user here" in page and "Send again" in page and "/ro/labs/answer/" in page
    assert "1 mail failed" in page
    dashboard = client.get("/en/manage/").content.decode()
    assert "Mail is failing" in dashboard and f"/en/manage/labs/{lab.pk}/" in dashboard

    smtp_server.refuse.clear()
    invitation = lab.invitations.get(contact__email="gone@example.org")
    response = client.post(f"/en/manage/labs/{lab.pk}/retry/", {"invitation": invitation.pk}, follow=True)
    assert "is being sent again" in response.content.decode()
    failed.refresh_from_db()
    assert failed.status == "queued"
    mail_deliver([failed.pk])
    failed.refresh_from_db()
    assert failed.status == "sent"
    assert "Mail is failing" not in client.get("/en/manage/").content.decode()

    # Another partner sees the figures, not the people, and cannot send again.
    client.force_login(other)
    page = client.get(f"/en/manage/labs/{lab.pk}/").content.decode()
    assert "2 invited" in page and "Example Gone" not in page and "gone@example.org" not in page
    assert "/labs/answer/" not in page
    assert client.post(f"/en/manage/labs/{lab.pk}/retry/", {"invitation": invitation.pk}).status_code == 403
    assert "Mail is failing" not in client.get("/en/manage/").content.decode()


@pytest.mark.django_db
def test_send_again_refuses_odd_or_foreign_invitations(client, lab, staff, people):
    client.force_login(staff)
    for value in ("abc", "²", "9" * 30, ""):
        assert client.post(f"/en/manage/labs/{lab.pk}/retry/", {"invitation": value}).status_code == 404


@pytest.mark.django_db
def test_a_draft_lab_sends_no_invitations_and_says_what_to_do_first(client, lab, staff, people):
    lab.status = Lab.Status.DRAFT
    lab.save(update_fields=["status"])
    invitations_create(actor=staff, lab=lab, contacts=people)
    with pytest.raises(ValidationError, match="Open the lab"):
        invitations_send(actor=staff, lab=lab)
    with pytest.raises(ValidationError, match="Open the lab"):
        reminders_send(actor=staff, lab=lab)
    assert not OutgoingMail.objects.exists()
    client.force_login(staff)
    page = client.get(f"/en/manage/labs/{lab.pk}/").content.decode()
    assert "Open the lab before sending invitations" in page
    assert "Send the invitations not sent yet" not in page
    response = client.post(f"/en/manage/labs/{lab.pk}/send/", follow=True)
    assert "Open the lab before sending invitations" in response.content.decode()
    assert not OutgoingMail.objects.exists()


@pytest.mark.django_db
def test_the_coordinator_cannot_invite_another_partners_people_to_a_lab(lab, coordinator, other_partner):
    foreign = ContactFactory(partner=other_partner, name="Example Rijeka", email="rijeka@example.org",
                             language="hr", consents=["consultations"])
    report = invitations_create(actor=coordinator, lab=lab, contacts=[foreign])
    assert not report.created and report.skipped[0][1] == "kept by another partner"
