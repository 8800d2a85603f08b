"""Stakeholders invited to review a plan (AP-2): the list with its status, the invitation from the
partner's consenting contacts, the mail on a real SMTP server in each one's language, the one
reminder, a failed mail sent again, a revoked link, the exports, and who may do what."""

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from openpyxl import load_workbook

from ecocsme.accounts.factories import AdministratorFactory, PartnerStaffFactory, UserFactory
from ecocsme.actionplans.models import ActionPlan, ReviewInvitation
from ecocsme.actionplans.services.review import (
    comment_add,
    reviewer_revoke,
    reviewers_invite,
    reviewers_remind,
    reviewers_send,
)
from ecocsme.core.audit import AuditEntry
from ecocsme.core.models import OutgoingMail
from ecocsme.organisations.factories import ContactFactory
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.testing.mail import link_in, mails_to, plain_text
from ecocsme.testing.worker import run_worker

from .reviewing import plan_in_review, stakeholder


@pytest.fixture
def plan(partner):
    return plan_in_review(partner)


@pytest.fixture
def people(partner, other_partner):
    """Ioana (Romanian) and Jan (Dutch) agreed to be consulted; Marta did not; Rijeka keeps Ana."""
    return [stakeholder(partner),
            stakeholder(partner, name="Jan de Vries (example)", email="jan@example.org", language="nl"),
            stakeholder(partner, name="Marta Kovač (example)", email="marta@example.org", consent=False),
            stakeholder(other_partner, name="Ana Horvat (example)", email="ana@example.org", language="hr")]


def _text(response) -> str:
    return b"".join(response.streaming_content).decode().lstrip("\ufeff")


def _url(plan, fmt=None):
    return f"/en/manage/action-plans/{plan.pk}/reviewers" + (f".{fmt}" if fmt else "/")


@pytest.mark.django_db
def test_the_invite_form_offers_only_the_partners_consenting_contacts(client, plan, staff, people):
    client.force_login(staff)
    page = client.get(_url(plan)).content.decode()
    assert "Ioana Popescu-Știrbu (example)" in page and "Jan de Vries (example)" in page
    assert "Marta Kovač" not in page and "Ana Horvat" not in page
    answer = client.post(_url(plan), {"do": "invite", "contacts": [people[0].pk, people[1].pk],
                                      "expires_on": (timezone.localdate() + dt.timedelta(days=10)).isoformat()},
                         follow=True)
    assert "2 invitations are being sent." in answer.content.decode()  # inviting sends the mail
    invitations = {i.contact.email: i for i in ReviewInvitation.objects.select_related("contact")}
    assert {i.mail_id is not None for i in invitations.values()} == {True}
    assert set(invitations) == {"ioana@example.org", "jan@example.org"}
    assert invitations["jan@example.org"].language == "nl"
    assert timezone.localdate(invitations["jan@example.org"].expires_at) == timezone.localdate() + dt.timedelta(days=10)
    # those not offered are refused by the service too, each with its reason
    report = reviewers_invite(actor=staff, plan=plan, contacts=people)
    assert not report.created
    assert sorted(reason for _c, reason in report.skipped) == [
        "already invited", "already invited", "kept by another partner", "no consent to be consulted"]
    for day in ("2001-01-01", (timezone.localdate() + dt.timedelta(days=400)).isoformat(), "31/12/2030", "-5"):
        answer = client.post(_url(plan), {"do": "invite", "contacts": [people[2].pk], "expires_on": day},
                             follow=True)
        assert "being sent" not in answer.content.decode()
    answer = client.post(_url(plan), {"do": "invite", "contacts": [people[3].pk]}, follow=True)
    assert "Select a valid choice" in answer.content.decode()
    assert ReviewInvitation.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_invitations_and_one_reminder_go_out_in_each_language(client, plan, staff, people, smtp_server):
    report = reviewers_invite(actor=staff, plan=plan, contacts=people[:2])
    ioana, jan = report.created
    assert reviewers_send(actor=staff, plan=plan) == 2
    assert reviewers_send(actor=staff, plan=plan) == 0  # nothing is queued twice
    run_worker()
    romanian = mails_to(smtp_server, "ioana@example.org")[0]
    assert romanian["Content-Language"] == "ro" and romanian["Message-ID"] == ioana.message_id
    assert "List-Unsubscribe=One-Click" in romanian["List-Unsubscribe-Post"]
    assert "Planul de acțiune al Timișoarei" in plain_text(romanian)  # the plan's title in Romanian
    link = link_in(romanian, "/ro/review/")
    assert link.endswith(f"/ro/review/{ioana.token()}/")
    dutch = mails_to(smtp_server, "jan@example.org")[0]
    assert dutch["Content-Language"] == "nl" and f"/nl/review/{jan.token()}/" in plain_text(dutch)
    assert "Timișoara's action plan for cultural SMEs" in plain_text(dutch)  # no Dutch title: the English one
    html = next(p for p in dutch.walk() if p.get_content_type() == "text/html").get_payload(decode=True).decode()
    assert 'lang="nl"' in html and "Afmelden" in html  # the platform's layout in Dutch, with its unsubscribe link
    assert dutch["List-Unsubscribe"].strip().strip("<>") in html.replace("&amp;", "&")
    assert ReviewInvitation.objects.filter(status="sent").count() == 2
    comment_add(invitation=ioana, plan=plan, on="general", text="Am citit planul (example).")
    assert reviewers_remind(actor=staff, plan=plan) == 1  # Jan only: Ioana commented
    assert reviewers_remind(actor=staff, plan=plan) == 0  # once
    run_worker()
    reminders = [m for m in smtp_server.messages if m["In-Reply-To"]]
    assert [m["To"] for m in reminders] == ["jan@example.org"] and reminders[0]["In-Reply-To"] == jan.message_id
    assert OutgoingMail.objects.filter(key=jan.mail_key("reminder", 1)).exists()
    assert AuditEntry.objects.filter(action="actionplans.reminders.sent").count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_failed_mail_shows_on_the_list_and_is_sent_again(client, plan, staff, people, smtp_server):
    reviewers_invite(actor=staff, plan=plan, contacts=people[:2])
    smtp_server.refuse.add("jan@example.org")
    reviewers_send(actor=staff, plan=plan)
    run_worker()
    client.force_login(staff)
    page = client.get(_url(plan)).content.decode()
    assert "1 mail failed" in page and "Send again" in page
    assert "Could not be sent" in client.get(_url(plan) + "?status=failed").content.decode()
    jan = ReviewInvitation.objects.get(contact__email="jan@example.org")
    smtp_server.refuse.clear()
    answer = client.post(_url(plan), {"do": "retry", "invitation": str(jan.pk)}, follow=True)
    assert "is being sent again" in answer.content.decode()
    run_worker()
    assert len(mails_to(smtp_server, "jan@example.org")) == 1
    assert "mail failed" not in client.get(_url(plan)).content.decode()


@pytest.mark.django_db
def test_a_revoked_link_stops_at_once(client, plan, staff, other_staff, people):
    invitation = reviewers_invite(actor=staff, plan=plan, contacts=people[:1]).created[0]
    token = invitation.token()
    assert client.get(f"/ro/review/{token}/").status_code == 200
    client.force_login(other_staff)
    assert client.post(_url(plan), {"do": "revoke", "invitation": str(invitation.pk)}).status_code == 403
    with pytest.raises(PermissionDenied):
        reviewer_revoke(actor=other_staff, invitation=invitation)
    client.force_login(staff)
    client.post(_url(plan), {"do": "revoke", "invitation": str(invitation.pk)})
    client.logout()
    assert client.get(f"/ro/review/{token}/").status_code == 404
    invitation.refresh_from_db()
    assert invitation.expires_at <= timezone.now()
    assert client.get(f"/ro/review/{invitation.token()}/").status_code == 410  # the new nonce's link: expired
    client.force_login(staff)
    page = client.get(_url(plan)).content.decode()
    assert "Link expired or revoked" in page and "Revoke the link" not in page
    assert AuditEntry.objects.filter(action="actionplans.invitation.revoked").count() == 1


@pytest.mark.django_db
def test_who_may_open_the_list_and_who_may_invite(client, plan, partner, staff, other_staff, coordinator, people):
    reviewers_invite(actor=staff, plan=plan, contacts=people[:2])
    for user, sees_names, may_invite in ((staff, True, True), (coordinator, True, False),
                                         (AdministratorFactory(), True, True), (other_staff, False, False)):
        client.force_login(user)
        page = client.get(_url(plan))
        body = page.content.decode()
        assert page.status_code == 200, user
        assert ("Ioana Popescu-Știrbu" in body) is sees_names, user
        assert ("Invite contacts" in body) is may_invite, user
        if not sees_names:
            assert "2 people are kept by other partners" in body
    client.force_login(other_staff)
    for action in ("invite", "send", "remind"):
        assert client.post(_url(plan), {"do": action, "contacts": [people[0].pk]}).status_code == 403
    assert client.post(_url(plan), {"do": "revoke", "invitation": "1"}).status_code == 403
    for user in (UserFactory(username="account"), PartnerStaffFactory(partner=PartnerFactory(), username="far")):
        client.force_login(user)
        assert client.get(_url(plan)).status_code == 404
        assert client.get(_url(plan, "csv")).status_code == 404
    client.logout()
    assert client.get(_url(plan)).status_code == 302
    with pytest.raises(PermissionDenied):
        reviewers_invite(actor=other_staff, plan=plan, contacts=people[:1])
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.DRAFT)
    plan.refresh_from_db()
    with pytest.raises(PermissionDenied):  # stakeholders are invited while the plan is in peer review
        reviewers_invite(actor=staff, plan=plan, contacts=people[2:3])
    with pytest.raises(ValidationError):
        ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.REVIEW)
        plan.refresh_from_db()
        reviewers_invite(actor=staff, plan=plan, contacts=people[2:3], expires_at=timezone.now())
    client.force_login(staff)
    assert client.post(_url(plan), {"do": "explode"}).status_code == 404
    assert client.post(_url(plan), {"do": "retry", "invitation": "x"}).status_code == 404


@pytest.mark.django_db
def test_the_list_downloads_with_the_people_one_may_see(client, plan, partner, staff, other_staff, people):
    tricky = ContactFactory(partner=partner, name="=HYPERLINK(\"http://x\") (example)", email="t@example.org",
                            consents=["consultations"])
    reviewers_invite(actor=staff, plan=plan, contacts=[*people[:2], tricky])
    comment_add(invitation=ReviewInvitation.objects.get(contact=people[0]), plan=plan, on="part1",
                text="Un comentariu (example).")
    client.force_login(staff)
    answer = client.get(_url(plan, "csv"))
    rows = list(csv.reader(io.StringIO(_text(answer))))
    assert rows[0] == ["Contact", "Organisation", "Language", "Status", "Mail", "Sent", "Link expires",
                       "Reminders", "Comments"]
    by_name = {row[0]: row for row in rows[1:]}
    ioana = by_name["Ioana Popescu-Știrbu (example)"]
    assert ioana[3] == "Commented" and ioana[8] == "1" and ioana[1] == "Atelierul Bega SRL (example)"
    assert "'=HYPERLINK(\"http://x\") (example)" in by_name
    filtered = _text(client.get(_url(plan, "csv") + "?status=answered"))
    assert "Ioana" in filtered and "Jan de Vries" not in filtered
    workbook = load_workbook(io.BytesIO(client.get(_url(plan, "xlsx")).content))
    values = [row[0] for row in workbook.active.iter_rows(values_only=True)]
    assert "Jan de Vries (example)" in values
    assert client.get(_url(plan, "pdf")).status_code == 404
    client.force_login(other_staff)
    answer = _text(client.get(_url(plan, "csv")))
    assert "Ioana" not in answer and "Jan" not in answer and answer.count("\n") == 1
