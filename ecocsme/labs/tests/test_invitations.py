import datetime as dt

import pytest
from django.utils import timezone

from ecocsme.core.models import OutgoingMail
from ecocsme.labs.models import Invitation, Lab, Response
from ecocsme.labs.services.invitations import invitations_create, invitations_send, reminders_send
from ecocsme.organisations.factories import ContactFactory, OrganisationFactory
from ecocsme.testing.worker import run_worker


@pytest.fixture
def contacts(partner, other_partner):
    organisation = OrganisationFactory(name="Example Print SRL (example)", kind="sme", partner=partner)
    people = [ContactFactory(partner=partner, organisation=organisation, name=f"Example Person {i}",
                             email=f"p{i}@example.org", language=language, consents={"consultations": consent})
              for i, (language, consent) in enumerate([("ro", True), ("en", True), ("ro", False)])]
    other = ContactFactory(partner=other_partner, name="Example Rijeka", email="r@example.org", language="hr",
                           consents=["consultations"])
    return [*people, other]


@pytest.mark.django_db
def test_only_consenting_contacts_of_ones_partner_are_invited(lab, staff, contacts):
    report = invitations_create(actor=staff, lab=lab, contacts=contacts)
    assert [i.contact.email for i in report.created] == ["p0@example.org", "p1@example.org"]
    assert {c.email: reason for c, reason in report.skipped} == {
        "p2@example.org": "no consent to be consulted", "r@example.org": "kept by another partner"}
    again = invitations_create(actor=staff, lab=lab, contacts=contacts[:1])
    assert [reason for _c, reason in again.skipped] == ["already invited"]


@pytest.mark.django_db(transaction=True)
def test_invitations_go_out_in_the_invitees_language_with_a_personal_link(lab, staff, contacts,
                                                                           smtp_server):
    invitations_create(actor=staff, lab=lab, contacts=contacts)
    assert invitations_send(actor=staff, lab=lab) == 2
    assert invitations_send(actor=staff, lab=lab) == 0  # nothing is queued twice
    run_worker()
    by_address = {m["To"]: m for m in smtp_server.messages}
    assert set(by_address) == {"p0@example.org", "p1@example.org"}
    romanian = by_address["p0@example.org"]
    invitation = Invitation.objects.get(contact__email="p0@example.org")
    assert romanian["Message-ID"] == invitation.message_id
    assert romanian["Content-Language"] == "ro"
    assert "List-Unsubscribe=One-Click" in romanian["List-Unsubscribe-Post"]
    text = romanian.get_payload(0).get_payload(decode=True).decode()
    assert f"/ro/labs/answer/{invitation.token()}/" in text
    assert "Ce canale pot fi folosite în acest sens?" in text
    english = by_address["p1@example.org"].get_payload(0).get_payload(decode=True).decode()
    assert "What channels can be used for this?" in english
    assert OutgoingMail.objects.filter(status="sent").count() == 2


@pytest.mark.django_db(transaction=True)
def test_reminders_go_to_those_who_have_not_answered(lab, staff, contacts, smtp_server, client):
    report = invitations_create(actor=staff, lab=lab, contacts=contacts)
    invitations_send(actor=staff, lab=lab)
    answered = report.created[0]
    client.post(f"/ro/labs/answer/{answered.token()}/", {"q1": "Prin radio.", "submit": "1"})
    drafting = report.created[1]
    client.post(f"/en/labs/answer/{drafting.token()}/", {"q1": "A draft only."})
    assert reminders_send(actor=staff, lab=lab) == 1
    run_worker()
    reminders = [m for m in smtp_server.messages if m["In-Reply-To"]]
    assert [m["To"] for m in reminders] == ["p1@example.org"]


@pytest.mark.django_db
def test_answering_through_the_link(client, lab, staff, contacts):
    invitation = invitations_create(actor=staff, lab=lab, contacts=contacts).created[0]
    url = f"/ro/labs/answer/{invitation.token()}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Ce canale pot fi folosite în acest sens?" in page.content.decode()
    client.post(url, {"q1": "Prin camera de comerț.", "q2": "", "draft": "1"})
    response = Response.objects.get(invitation=invitation)
    assert response.status == "draft" and response.answers.count() == 1
    client.post(url, {"q1": "Prin camera de comerț.", "q2": "<script>alert(1)</script> Radio",
                      "submit": "1"})
    client.post(url, {"q1": "Prin camera de comerț.", "q2": "<script>alert(1)</script> Radio",
                      "submit": "1"})  # a double click changes nothing
    response.refresh_from_db()
    assert response.status == "submitted" and response.answers.count() == 2
    assert response.respondent_kind == "sme" and response.respondent_city == "Timișoara"
    html = client.get(url).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert Response.objects.count() == 1


@pytest.mark.django_db
def test_htmx_autosave_answers_with_a_status(client, lab, staff, contacts):
    invitation = invitations_create(actor=staff, lab=lab, contacts=contacts).created[0]
    reply = client.post(f"/en/labs/answer/{invitation.token()}/", {"q3": "Not really."},
                        HTTP_HX_REQUEST="true")
    assert reply.status_code == 200 and "Saved at" in reply.content.decode()
    assert Response.objects.get().answers.get().text == "Not really."


@pytest.mark.django_db
def test_a_huge_answer_is_refused_and_nothing_is_lost(client, lab, staff, contacts):
    invitation = invitations_create(actor=staff, lab=lab, contacts=contacts).created[0]
    url = f"/en/labs/answer/{invitation.token()}/"
    client.post(url, {"q1": "First version."})
    page = client.post(url, {"q1": "x" * 1_000_000})
    assert "under 20000 characters" in page.content.decode()
    assert Response.objects.get().answers.get().text == "First version."


@pytest.mark.django_db
def test_forged_expired_and_closed_links_explain_themselves(client, lab, staff, contacts):
    invitation = invitations_create(actor=staff, lab=lab, contacts=contacts).created[0]
    token = invitation.token()
    for forged in (token[:-3] + "abc", f"{invitation.pk + 1}.{token.split('.')[1]}", "nonsense"):
        page = client.get(f"/en/labs/answer/{forged}/")
        assert page.status_code == 404 and "This link does not work" in page.content.decode()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - dt.timedelta(days=1))
    page = client.post(f"/en/labs/answer/{token}/", {"q1": "Too late"})
    assert page.status_code == 410 and "expired" in page.content.decode()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() + dt.timedelta(days=1))
    Lab.objects.filter(pk=lab.pk).update(status=Lab.Status.CLOSED)
    page = client.get(f"/en/labs/answer/{token}/")
    assert page.status_code == 410 and "closed" in page.content.decode()
    assert not Response.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_answers_are_embedded_once_in_the_background(client, lab, staff, contacts):
    import numpy as np

    from ecocsme.labs.models import Answer
    from ecocsme.text.embeddings import from_bytes

    invitation = invitations_create(actor=staff, lab=lab, contacts=contacts).created[0]
    client.post(f"/en/labs/answer/{invitation.token()}/",
                {"q1": "Through the chamber of commerce.", "submit": "1"})
    answer = Answer.objects.get()
    assert answer.embedding is None  # not in the request
    run_worker()
    answer.refresh_from_db()
    vector = from_bytes(answer.embedding)
    assert vector.shape == (384,) and abs(float(np.linalg.norm(vector)) - 1) < 1e-3
