import io

import pytest

from ecocsme.labs.factories import EmailReplyFactory, InvitationFactory
from ecocsme.labs.models import EmailReply, Response


@pytest.fixture
def setup(lab, staff):
    invitation = InvitationFactory(lab=lab, contact__name="Example Person", contact__email="p@example.org",
                                   contact__language="ro", message_id="<inv-p@example.org>")
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
def test_ignore_and_permissions(client, setup, other_staff):
    lab, _invitation, staff = setup
    reply = EmailReplyFactory(lab=lab, raw=b"From: a@b.c\n\nx")
    client.force_login(other_staff)
    assert client.get(f"/en/manage/labs/{lab.pk}/replies/").status_code == 403
    assert client.post(f"/en/manage/labs/{lab.pk}/replies/{reply.pk}/", {"ignore": "1"}).status_code == 403
    client.force_login(staff)
    client.post(f"/en/manage/labs/{lab.pk}/replies/{reply.pk}/", {"ignore": "1"})
    reply.refresh_from_db()
    assert reply.status == "ignored"
