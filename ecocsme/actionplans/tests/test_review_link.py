"""The page a stakeholder's personal link opens (AP-2): the plan in review as its current version,
their own threads and the replies to them, comments per part or action; a link that expired, was
revoked, or whose plan left the review explains itself; hostile input changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from django.utils.html import escape

from ecocsme.actionplans.factories import ActionFactory, ReviewInvitationFactory
from ecocsme.actionplans.models import ActionPlan, Comment, ReviewInvitation
from ecocsme.actionplans.services.review import comment_add, thread_mail_key
from ecocsme.core.models import OutgoingMail
from ecocsme.invitations.states import AnswerRefused, LinkState
from ecocsme.organisations.models import Contact
from ecocsme.partnerships.factories import PartnerFactory

from .reviewing import plan_in_review, stakeholder


@pytest.fixture
def plan(partner):
    return plan_in_review(partner)


@pytest.fixture
def invitation(plan, partner):
    return ReviewInvitationFactory(plan=plan, contact=stakeholder(partner), status=ReviewInvitation.Status.SENT)


def _url(invitation, language="ro"):
    return f"/{language}/review/{invitation.token()}/"


@pytest.mark.django_db
def test_the_stakeholder_reads_the_plan_and_comments_on_an_action(client, plan, invitation, staff):
    page = client.get(_url(invitation))
    body = page.content.decode()
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex"
    assert "Planul de acțiune al Timișoarei" in body  # the current version, in the reader's language
    assert 'id="action-mestesuguri"' in body and 'value="action:vouchere"' in body
    assert "You have not commented yet." in body or "comentat" in body
    answer = client.post(_url(invitation), {"on": "action:mestesuguri",
                                            "text": "Atelierele ar trebui să fie și în weekend (example)."})
    thread = Comment.objects.get()
    assert answer.status_code == 302 and answer["Location"].endswith(f"#thread-{thread.pk}")
    assert thread.reviewer == invitation and thread.author is None and thread.author_partner is None
    assert thread.action_key == "mestesuguri" and thread.version == plan.versions.order_by("-number").first()
    invitation.refresh_from_db()
    assert invitation.status == ReviewInvitation.Status.ANSWERED
    # the plan's partner is told, in their language, with the person's name (they keep the contact)
    mail = OutgoingMail.objects.get(key=thread_mail_key(thread, staff))
    assert "Ioana Popescu-Știrbu (example)" in mail.text and "a stakeholder you invited" in mail.text
    reply = comment_add(actor=staff, plan=plan, parent=thread, text="Mulțumim! Vom adăuga sâmbăta (example).")
    client.post(_url(invitation), {"parent": str(reply.pk), "text": "Perfect (example)."})  # joins the thread
    assert Comment.objects.filter(parent=thread).count() == 2
    body = client.get(_url(invitation)).content.decode()
    assert "Atelierele ar trebui" in body and "Vom adăuga sâmbăta" in body and "Perfect (example)." in body
    assert "Timișoara" in body  # the reply names the partner that wrote it


@pytest.mark.django_db
def test_the_stakeholder_sees_only_their_own_threads(client, plan, partner, invitation, other_staff):
    other = ReviewInvitationFactory(plan=plan, contact=stakeholder(partner, name="Jan de Vries (example)",
                                                                   email="jan@example.org", language="nl"))
    theirs = comment_add(invitation=other, plan=plan, on="part1", text="Jan own thought (example).")
    partners = comment_add(actor=other_staff, plan=plan, on="part2", text="Rijeka question (example).")
    mine = comment_add(invitation=invitation, plan=plan, on="general", text="Ioana thought (example).")
    comment_add(invitation=invitation, plan=plan, on="part1", text="Contactul? (example)")
    body = client.get(_url(invitation)).content.decode()
    assert 'href="#part-1"' in body and 'id="part-1"' in body  # the thread links to its part of the document
    assert "Ioana thought" in body and "Jan own thought" not in body and "Rijeka question" not in body
    assert "Jan de Vries" not in body
    for parent in (theirs, partners):  # replying elsewhere is refused and changes nothing
        with pytest.raises(ValidationError):
            comment_add(invitation=invitation, plan=plan, parent=parent, text="Me too (example).")
        answer = client.post(_url(invitation), {"parent": str(parent.pk), "text": "Me too (example)."})
        with translation.override(invitation.language):  # the page speaks the reviewer's language
            refusal = escape(translation.gettext("You can reply only to the threads you started."))
        assert answer.status_code == 400 and refusal in answer.content.decode()
    assert not Comment.objects.filter(parent__isnull=False).exists()
    assert mine.reviewer == invitation


@pytest.mark.django_db
def test_dead_links_explain_themselves(client, plan, invitation, staff):
    token = invitation.token()
    for forged in (token[:-3] + "abc", f"{invitation.pk + 1}.{token.split('.')[1]}", "nonsense", "1." + "a" * 120):
        page = client.get(f"/en/review/{forged}/")
        assert page.status_code == 404 and "This link does not work" in page.content.decode()
    ReviewInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    page = client.post(_url(invitation, "en"), {"on": "general", "text": "Too late (example)."})
    assert page.status_code == 410 and "This personal link has expired" in page.content.decode()
    ReviewInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() + dt.timedelta(days=3))
    for status in (ActionPlan.Status.DRAFT, ActionPlan.Status.ENDORSED, ActionPlan.Status.MONITORING):
        ActionPlan.objects.filter(pk=plan.pk).update(status=status, endorsed_on=dt.date(2024, 5, 2))
        page = client.post(_url(invitation, "en"), {"on": "general", "text": "Closed (example)."})
        body = page.content.decode()
        assert page.status_code == 410 and "This plan is not in peer review" in body, status
        assert "Timișoara&#x27;s action plan for cultural SMEs" in body
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.REVIEW, endorsed_on=None)
    assert client.get(_url(invitation, "en")).status_code == 200  # back in review: the link works again
    plan.refresh_from_db()
    with pytest.raises(AnswerRefused) as refused:
        ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.DRAFT)
        comment_add(invitation=invitation, plan=plan, on="general", text="Closed (example).")
    assert refused.value.state is LinkState.CLOSED
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.REVIEW)
    Contact.objects.filter(pk=invitation.contact_id).update(erased_at=timezone.now())
    assert client.get(_url(invitation, "en")).status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_hostile_input_through_the_link(client, plan, partner, invitation):
    other_plan = plan_in_review(PartnerFactory(project=plan.project))
    foreign = ActionFactory(plan=other_plan, key="rijeka-port")
    elsewhere = comment_add(invitation=ReviewInvitationFactory(plan=other_plan), plan=other_plan, on="general",
                            text="On another plan (example).")
    url = _url(invitation, "en")
    page = client.post(url, {"on": f"action:{foreign.key}", "text": "Sneaky (example)."})
    assert page.status_code == 400 and "This plan has no such action" in page.content.decode()
    assert "Sneaky (example)." in page.content.decode()  # the text stays in the form
    assert client.post(url, {"parent": str(elsewhere.pk), "text": "Sneaky (example)."}).status_code == 404
    page = client.post(url, {"on": "general", "text": "ü" * 4001})
    assert page.status_code == 400 and "4,001 characters long" in page.content.decode()
    page = client.post(url, {"on": "general", "text": "\u200b \u3164\n\t"})
    assert page.status_code == 400 and "write a few words" in page.content.decode()
    with pytest.raises(PermissionDenied):  # a link of one plan never writes on another
        comment_add(invitation=invitation, plan=other_plan, on="general", text="Cross (example).")
    client.post(url, {"on": "part2", "text": "<script>alert(document.cookie)</script> <b>bold</b>"})
    body = client.get(url).content.decode()
    assert "<script>alert(document.cookie)" not in body and "<b>bold</b>" not in body
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in body
    assert plan.comments.count() == 1 and other_plan.comments.count() == 1
