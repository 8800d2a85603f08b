import io

import pytest

from ecocsme.core.links import new_nonce
from ecocsme.labs.models import EmailReply, Invitation, Lab, Response
from ecocsme.organisations.models import Contact


@pytest.fixture
def setup(project, make_user):
    lab = Lab.objects.get(partner__number=6, number=2)
    contact = Contact.objects.create(partner=lab.partner, name="Example Person", email="p@example.org",
                                     language="ro")
    invitation = Invitation.objects.create(lab=lab, contact=contact, language="ro", nonce=new_nonce(),
                                           expires_at=lab.created_at.replace(year=2100),
                                           message_id="<inv-p@example.org>")
    staff = make_user("t", role="partner_staff", project=project, partner_number=6)
    return lab, invitation, staff


def upload(name, data):
    file = io.BytesIO(data)
    file.name = name
    return file


@pytest.mark.django_db
def test_upload_review_and_count_an_unmapped_reply(client, setup):
    lab, invitation, staff = setup
    client.force_login(staff)
    raw = (b"From: p@example.org\nMessage-ID: <r@example.org>\nIn-Reply-To: <inv-p@example.org>\n"
           b"Subject: Re\n\nI think the chamber of commerce and local radio would work best overall.\n")
    page = client.post(f"/en/manage/labs/{lab.pk}/replies/", {"files": [upload("r.eml", raw)]})
    assert page.status_code == 302
    reply = EmailReply.objects.get()
    assert reply.status == "to_review" and "unmapped" in reply.flags
    listing = client.get(f"/en/manage/labs/{lab.pk}/replies/").content.decode()
    assert "Answers could not be told apart" in listing
    review = client.get(f"/en/manage/labs/{lab.pk}/replies/{reply.pk}/")
    assert "chamber of commerce" in review.content.decode()
    client.post(f"/en/manage/labs/{lab.pk}/replies/{reply.pk}/",
                {"invitation": invitation.pk, "a2": "Chamber of commerce, local radio."})
    reply.refresh_from_db()
    assert reply.status == "counted"
    response = Response.objects.get(invitation=invitation)
    assert response.channel == "email" and response.answers.get().question.position == 2


@pytest.mark.django_db
def test_ignore_and_permissions(client, setup, project, make_user):
    lab, _invitation, staff = setup
    reply = EmailReply.objects.create(lab=lab, match="none", raw=b"From: a@b.c\n\nx", flags=["not_matched"])
    client.force_login(make_user("r", role="partner_staff", project=project, partner_number=5))
    assert client.get(f"/en/manage/labs/{lab.pk}/replies/").status_code == 403
    assert client.post(f"/en/manage/labs/{lab.pk}/replies/{reply.pk}/", {"ignore": "1"}).status_code == 403
    client.force_login(staff)
    client.post(f"/en/manage/labs/{lab.pk}/replies/{reply.pk}/", {"ignore": "1"})
    reply.refresh_from_db()
    assert reply.status == "ignored"
