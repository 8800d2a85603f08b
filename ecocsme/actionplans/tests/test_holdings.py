"""What action plans keep on a stakeholder who reviewed a plan (ORG-3): the copy of their data
holds their invitation, their comments and the mail about them; the erasure stops the link,
blanks what they wrote and the mail that quoted them, and keeps the threads' structure."""

import pytest
from django.utils import timezone

from ecocsme.actionplans.factories import ReviewInvitationFactory
from ecocsme.actionplans.models import Comment, ReviewInvitation
from ecocsme.actionplans.services.review import comment_add, comment_step, reviewers_send, thread_mail_key
from ecocsme.core.models import OutgoingMail
from ecocsme.organisations import personal_data
from ecocsme.organisations.services import contact_erase, contact_personal_data

from .reviewing import comments_part, plan_in_review, stakeholder

SAID = "Finanțarea pentru ateliere nu ajunge; întrebați Camera de Comerț (example)."


@pytest.fixture
def reviewed(partner, staff, other_staff):
    plan = plan_in_review(partner)
    person = stakeholder(partner)
    invitation = ReviewInvitationFactory(plan=plan, contact=person)
    reviewers_send(actor=staff, plan=plan)
    thread = comment_add(invitation=invitation, plan=plan, on="action:vouchere", text=SAID)
    reply = comment_add(actor=staff, plan=plan, parent=thread, text="Mulțumim, o întrebăm (example).")
    own_reply = comment_add(invitation=invitation, plan=plan, parent=reply, text="Vă mulțumesc (example).")
    comment_step(actor=staff, plan=plan, comment=thread, step="resolve")
    other = comment_add(actor=other_staff, plan=plan, on="part1", text="Rijeka: a separate point (example).")
    return plan, person, invitation, thread, reply, own_reply, other


@pytest.mark.django_db
def test_the_holding_is_registered_for_both_models():
    assert {"actionplans.ReviewInvitation", "actionplans.Comment"} <= personal_data.covered_models()


@pytest.mark.django_db
def test_the_copy_of_a_persons_data_holds_their_review(reviewed, staff):
    _plan, person, invitation, thread, _reply, own_reply, other = reviewed
    data = contact_personal_data(actor=staff, contact=person)
    section = data["actionplans"]
    by_model = {}
    for item in section:
        by_model.setdefault(item["model"], []).append(item)
    assert [i["id"] for i in by_model["actionplans.ReviewInvitation"]] == [invitation.pk]
    comments = by_model["actionplans.Comment"]
    assert [c["id"] for c in comments] == [thread.pk, own_reply.pk]  # theirs only, not the staff's reply
    assert comments[0]["text"] == SAID and comments[0]["action"] == "Vouchere de creație pentru IMM-uri (example)"
    assert comments[1]["reply_to"] == thread.pk
    assert any(SAID in m["text"] for m in by_model["core.OutgoingMail"])  # the mail that told the partner's staff of their thread
    assert all(other.text not in str(item) for item in section)


@pytest.mark.django_db
def test_erasure_blanks_what_they_wrote_and_keeps_the_threads(reviewed, staff, other_staff):
    plan, person, invitation, thread, reply, own_reply, other = reviewed
    token = invitation.token()
    notice = OutgoingMail.objects.get(key=thread_mail_key(thread, staff))
    contact_erase(actor=staff, contact=person)
    thread.refresh_from_db()
    own_reply.refresh_from_db()
    reply.refresh_from_db()
    other.refresh_from_db()
    assert thread.text == "" and own_reply.text == ""
    assert thread.section == "action" and thread.action_key == "vouchere" and thread.resolved_at is not None
    assert own_reply.parent_id == thread.pk and reply.parent_id == thread.pk
    assert reply.text == "Mulțumim, o întrebăm (example)." and other.text.startswith("Rijeka")
    notice.refresh_from_db()
    assert notice.text == "" and notice.to == "" and notice.status  # the mail is kept as sent, its text is gone
    invitation.refresh_from_db()
    assert invitation.token() != token
    assert ReviewInvitation.objects.filter(pk=invitation.pk).exists()
    assert Comment.objects.filter(plan=plan).count() == 4
    for reader in (staff, other_staff):
        body = comments_part(plan, reader)
        assert SAID not in body and "Ioana" not in body and "Vă mulțumesc" not in body
        assert body.count("The text was removed at the person's request.") == 2
        assert "Mulțumim, o întrebăm" in body
    data = contact_personal_data(actor=staff, contact=person)
    assert all(item.get("text", "") == "" for item in data["actionplans"]
               if item["model"] == "actionplans.Comment")
    assert person.erased_at is not None and person.erased_at <= timezone.now()
