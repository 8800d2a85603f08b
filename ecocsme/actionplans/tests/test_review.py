"""Peer review by the project's partners (AP-2): threads on the plan, a part or an action, replies,
resolving and reopening, who may comment, who reads a stakeholder's name, the mail to the plan's
partner about a new thread, and hostile input."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ecocsme.accounts.factories import AdministratorFactory, PartnerStaffFactory, UserFactory
from ecocsme.actionplans.factories import ActionFactory
from ecocsme.actionplans.models import ActionPlan, Comment
from ecocsme.actionplans.selectors import plan_comments, review_threads
from ecocsme.actionplans.services.review import comment_add, comment_step, thread_mail_key
from ecocsme.actionplans.templatetags.plan_review import _organisations_loaded
from ecocsme.core.audit import AuditEntry
from ecocsme.core.models import OutgoingMail
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.testing.queries import assert_num_queries, count_queries

from .reviewing import comments_part, plan_in_review, stakeholder


@pytest.fixture
def plan(partner):
    return plan_in_review(partner)


@pytest.fixture
def romanian_staff(staff):
    staff.language, staff.first_name, staff.last_name = "ro", "Mihai", "Ionescu (example)"
    staff.save()
    return staff


@pytest.mark.django_db
def test_another_partner_opens_a_thread_on_an_action_and_the_plans_partner_is_told_once(
        plan, romanian_staff, other_staff, other_partner):
    colleague = PartnerStaffFactory(partner=plan.partner, language="de", username="t-colleague")
    comment = comment_add(actor=other_staff, plan=plan, on="action:mestesuguri",
                          text="  Bună idee; cine plătește atelierele?\r\nȘi după 2023?  ")
    assert comment.section == Comment.Section.ACTION and comment.action.key == "mestesuguri"
    assert comment.action_key == "mestesuguri" and comment.action_title == "Meșteșuguri digitale în Fabric (example)"
    assert comment.text == "Bună idee; cine plătește atelierele?\nȘi după 2023?"
    assert comment.version == plan.versions.order_by("-number").first()
    assert comment.author == other_staff and comment.author_partner == other_partner and comment.is_open
    assert AuditEntry.objects.filter(action="actionplans.comment.added", object_id=str(plan.pk)).count() == 1
    mails = {mail.key: mail for mail in OutgoingMail.objects.all()}
    assert set(mails) == {thread_mail_key(comment, romanian_staff), thread_mail_key(comment, colleague)}
    romanian = mails[thread_mail_key(comment, romanian_staff)]
    assert romanian.language == "ro" and romanian.to == romanian_staff.email
    assert "Planul de acțiune al Timișoarei" in romanian.subject  # the plan's title in the reader's language
    assert "Bună idee; cine plătește atelierele?" in romanian.text and "Rijeka" in romanian.text
    assert f"/ro/manage/action-plans/{plan.pk}/#thread-{comment.pk}" in romanian.text
    assert mails[thread_mail_key(comment, colleague)].language == "de"
    assert "Digital crafts in Fabric" in mails[thread_mail_key(comment, colleague)].text or \
        "Meșteșuguri digitale" in mails[thread_mail_key(comment, colleague)].text
    comment_add(actor=romanian_staff, plan=plan, parent=comment, text="Bugetul local (example).")
    comment_add(actor=romanian_staff, plan=plan, on="part2", text="O notă pentru noi (example).")
    assert OutgoingMail.objects.count() == 2  # replies and the partner's own threads mail nobody


@pytest.mark.django_db
def test_threads_and_replies_on_each_part(plan, staff, other_staff, coordinator):
    general = comment_add(actor=coordinator, plan=plan, on="general", text="Overall clear (example).")
    part1 = comment_add(actor=other_staff, plan=plan, on="part1", text="Wer ist die Kontaktperson? (example)")
    part2 = comment_add(actor=other_staff, plan=plan, on="part2", text="Which priority axis? (example)")
    assert (general.section, part1.section, part2.section) == ("general", "part1", "part2")
    assert general.author_partner is None  # the coordinator works for no partner
    reply = comment_add(actor=staff, plan=plan, parent=part2, text="Axis 3 (example).")
    to_reply = comment_add(actor=other_staff, plan=plan, parent=reply, text="Merci ! (example)", on="part1")
    assert reply.parent == part2 and to_reply.parent == part2  # a reply to a reply answers the thread
    assert to_reply.section == "part2"  # a reply is about what its thread is about
    threads = list(plan_comments(plan))
    assert [t.pk for t in threads] == [general.pk, part1.pk, part2.pk]
    assert [r.pk for r in threads[2].replies.all()] == [reply.pk, to_reply.pk]
    body = comments_part(plan, staff)  # each thread links to its part of the plan's page
    assert 'href="#part1">Part I' in body and 'href="#part2">Part II' in body and "The plan as a whole" in body


@pytest.mark.django_db
def test_resolve_and_reopen(plan, staff, other_staff, coordinator):
    thread = comment_add(actor=other_staff, plan=plan, on="part1", text="A question (example).")
    reply = comment_add(actor=staff, plan=plan, parent=thread, text="An answer (example).")
    third = PartnerStaffFactory(partner=PartnerFactory(project=plan.project), username="third")
    with pytest.raises(PermissionDenied):  # neither the plan's partner, nor the coordinator, nor the author
        comment_step(actor=third, plan=plan, comment=thread, step="resolve")
    with pytest.raises(ValidationError):
        comment_step(actor=staff, plan=plan, comment=reply, step="resolve")
    with pytest.raises(ValidationError):
        comment_step(actor=staff, plan=plan, comment=thread, step="delete")
    resolved = comment_step(actor=staff, plan=plan, comment=thread, step="resolve")
    assert resolved.resolved_by == staff and resolved.resolved_at and not resolved.is_open
    when = resolved.resolved_at
    assert comment_step(actor=staff, plan=plan, comment=thread, step="resolve").resolved_at == when  # once
    reopened = comment_step(actor=other_staff, plan=plan, comment=thread, step="reopen")  # its author
    assert reopened.resolved_at is None and reopened.resolved_by is None
    comment_step(actor=coordinator, plan=plan, comment=thread, step="resolve")
    assert AuditEntry.objects.filter(action__in=["actionplans.comment.resolved",
                                                 "actionplans.comment.reopened"]).count() == 3
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.ENDORSED, endorsed_on=dt.date(2024, 5, 2))
    plan.refresh_from_db()
    for user in (staff, coordinator, other_staff, AdministratorFactory()):
        with pytest.raises(PermissionDenied):
            comment_step(actor=user, plan=plan, comment=thread, step="reopen")


@pytest.mark.django_db
def test_who_may_comment(plan, staff, other_staff, coordinator):
    admin = AdministratorFactory()
    for user in (staff, other_staff, coordinator, admin):
        comment_add(actor=user, plan=plan, on="general", text=f"From {user.username} (example).")
    elsewhere = PartnerStaffFactory(partner=PartnerFactory(), username="other-project")
    account = UserFactory(username="stakeholder-account")
    for user in (AnonymousUser(), account, elsewhere):
        with pytest.raises(PermissionDenied):
            comment_add(actor=user, plan=plan, on="general", text="Let me in (example).")
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.DRAFT)
    plan.refresh_from_db()
    comment_add(actor=other_staff, plan=plan, on="general", text="On the draft (example).")
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.ENDORSED, endorsed_on=dt.date(2024, 5, 2))
    plan.refresh_from_db()
    thread = plan.comments.first()
    for user in (staff, other_staff, coordinator, admin):  # nobody after the endorsement
        with pytest.raises(PermissionDenied):
            comment_add(actor=user, plan=plan, on="general", text="Too late (example).")
        with pytest.raises(PermissionDenied):
            comment_add(actor=user, plan=plan, parent=thread, text="Too late (example).")
    assert plan.comments.count() == 5


@pytest.mark.django_db
def test_the_pages_refuse_those_who_may_not_comment(client, plan, staff, other_staff):
    url = f"/en/manage/action-plans/{plan.pk}/comments/"
    assert client.post(url, {"on": "general", "text": "x"}).status_code == 302  # to the login
    assert "/login/" in client.post(url, {"on": "general", "text": "x"})["Location"]
    for user in (UserFactory(username="account"), PartnerStaffFactory(partner=PartnerFactory(), username="far")):
        client.force_login(user)
        assert client.post(url, {"on": "general", "text": "x"}).status_code == 404
    client.force_login(other_staff)
    assert client.get(url).status_code == 405
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.ENDORSED, endorsed_on=dt.date(2024, 5, 2))
    assert client.post(url, {"on": "general", "text": "x"}).status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_adding_through_htmx_returns_the_thread_list_and_a_plain_post_goes_back_to_the_anchor(
        client, plan, other_staff):
    client.force_login(other_staff)
    url = f"/en/manage/action-plans/{plan.pk}/comments/"
    page = client.post(url, {"on": "action:vouchere", "text": "Cât costă un voucher? (example)"},
                       HTTP_HX_REQUEST="true")
    body = page.content.decode()
    thread = Comment.objects.get()
    assert page.status_code == 200 and 'id="comments"' in body and f'id="thread-{thread.pk}"' in body
    assert "Cât costă un voucher?" in body and 'href="#action-vouchere"' in body
    assert "1 open thread" in body
    plain = client.post(url, {"parent": str(thread.pk), "text": "And the VAT? (example)"})
    assert plain.status_code == 302
    assert plain["Location"] == f"/en/manage/action-plans/{plan.pk}/#thread-{thread.pk}"
    step = client.post(f"/en/manage/action-plans/{plan.pk}/comments/{thread.pk}/resolve/",
                       {"comments": "open"}, HTTP_HX_REQUEST="true")
    assert step.status_code == 200 and "No open thread" in step.content.decode()
    assert client.post(f"/en/manage/action-plans/{plan.pk}/comments/{thread.pk}/delete/").status_code == 404


@pytest.mark.django_db
def test_hostile_input_changes_nothing(client, plan, partner, other_staff):
    other_plan = plan_in_review(PartnerFactory(project=plan.project))
    foreign_action = ActionFactory(plan=other_plan, key="rijeka-port")
    foreign_thread = comment_add(actor=other_staff, plan=other_plan, on="general", text="Elsewhere (example).")
    with pytest.raises(ValidationError):  # an action of another plan
        comment_add(actor=other_staff, plan=plan, on=f"action:{foreign_action.key}", text="Sneaky (example).")
    with pytest.raises(ValidationError):  # a parent of another plan
        comment_add(actor=other_staff, plan=plan, parent=foreign_thread, text="Sneaky (example).")
    for bad_target in ("", "part3", "action:", "action:" + "x" * 40, None, ["general"], "general "):
        with pytest.raises(ValidationError):
            comment_add(actor=other_staff, plan=plan, on=bad_target, text="Where? (example)")
    for blank in ("", "   ", "\u200b\u200b", "\u3164 \u2800", "\x00\x01\n\t", None):
        with pytest.raises(ValidationError):
            comment_add(actor=other_staff, plan=plan, on="general", text=blank)
    with pytest.raises(ValidationError):
        comment_add(actor=other_staff, plan=plan, on="general", text="é" * 4001)
    assert comment_add(actor=other_staff, plan=plan, on="general", text="é" * 4000).text == "é" * 4000
    assert plan.comments.count() == 1
    client.force_login(other_staff)
    url = f"/en/manage/action-plans/{plan.pk}/comments/"
    page = client.post(url, {"on": "general", "text": "x" * 1_000_000}, HTTP_HX_REQUEST="true")
    assert page.status_code == 200 and "1,000,000 characters long" in page.content.decode()
    for parent in (str(foreign_thread.pk), "abc", "-1", "99999999999999999999", "٣"):
        assert client.post(url, {"parent": parent, "text": "Sneaky (example)."}).status_code == 404
    client.post(url, {"on": "general", "text": '<script>alert("x")</script><img src=x onerror=alert(1)> ok'},
                HTTP_HX_REQUEST="true")
    body = comments_part(plan, other_staff)
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert plan.comments.count() == 2 and other_plan.comments.count() == 1


@pytest.mark.django_db
def test_who_reads_a_stakeholders_name(plan, partner, staff, other_staff, coordinator):
    from ecocsme.actionplans.factories import ReviewInvitationFactory

    person = stakeholder(partner)
    invitation = ReviewInvitationFactory(plan=plan, contact=person)
    thread = comment_add(invitation=invitation, plan=plan, on="part2", text="Prea puțin despre finanțare (example).")
    comment_add(actor=staff, plan=plan, parent=thread, text="Mulțumim, completăm (example).")
    for reader in (staff, coordinator, AdministratorFactory()):
        body = comments_part(plan, reader)
        assert "Ioana Popescu-Știrbu (example)" in body and "Atelierul Bega SRL" in body, reader
    body = comments_part(plan, other_staff)
    assert "Ioana" not in body and "Atelierul Bega" not in body
    assert "A stakeholder" in body and "SME" in body and "Prea puțin despre finanțare" in body
    assert "Mulțumim, completăm" in body and "Timișoara" in body  # the staff's reply names its partner


@pytest.mark.django_db
def test_the_filter_and_the_count_of_open_threads(plan, staff, other_staff):
    threads = [comment_add(actor=other_staff, plan=plan, on="general", text=f"Point {n} (example).")
               for n in range(1, 4)]
    comment_step(actor=staff, plan=plan, comment=threads[1], step="resolve")
    everything = comments_part(plan, staff)
    assert "2 open threads" in everything and "1 resolved" in everything
    assert all(f'id="thread-{t.pk}"' in everything for t in threads)
    opened = comments_part(plan, staff, query="?comments=open")
    assert f'id="thread-{threads[1].pk}"' not in opened and f'id="thread-{threads[0].pk}"' in opened
    resolved = comments_part(plan, staff, query="?comments=resolved")
    assert [f'id="thread-{t.pk}"' in resolved for t in threads] == [False, True, False]
    assert "Resolved by" in resolved and "Reopen" in resolved
    junk = comments_part(plan, staff, query="?comments=%3Cb%3E")
    assert all(f'id="thread-{t.pk}"' in junk for t in threads)
    other_view = comments_part(plan, other_staff)  # the author steps their own threads, nobody else's
    assert other_view.count(">Resolve<") == 2 and other_view.count(">Reopen<") == 1
    third = PartnerStaffFactory(partner=PartnerFactory(project=plan.project), username="third")
    third_view = comments_part(plan, third)
    assert ">Resolve<" not in third_view and "Send the reply" in third_view


@pytest.mark.django_db
def test_the_comment_part_costs_the_same_few_queries_however_many_threads(plan, partner, staff, other_staff,
                                                                          coordinator):
    from ecocsme.actionplans.factories import ReviewInvitationFactory

    def add_threads(count: int) -> None:
        for n in range(count):
            person = stakeholder(partner, name=f"Person {n} (example)", email=f"p{n}-{count}@example.org")
            invitation = ReviewInvitationFactory(plan=plan, contact=person)
            thread = comment_add(invitation=invitation, plan=plan, on="action:vouchere", text=f"Thread {n}")
            comment_add(actor=staff, plan=plan, parent=thread, text="A reply (example).")
            comment_add(actor=other_staff, plan=plan, on="part1", text=f"Another {n} (example).")

    def measure(user) -> tuple[int, str]:
        return count_queries(comments_part, plan, type(user).objects.get(pk=user.pk))  # nothing cached

    add_threads(2)
    small = {user.username: measure(user)[0] for user in (staff, other_staff, coordinator)}
    add_threads(8)  # 20 threads, half of them a stakeholder's, each with a reply
    for user in (staff, other_staff, coordinator):
        count, body = measure(user)
        assert body.count('class="card review-thread') == 20
        # the user's memberships, the threads, their replies, the actions of the form
        # (+ the project's partners for a coordinator's people scope)
        assert count == small[user.username] == (5 if user == coordinator else 4), user
    document = plan.versions.order_by("-number").first().snapshot  # the plan page has it: no query for the actions
    count, body = count_queries(comments_part, plan, type(staff).objects.get(pk=staff.pk), document=document)
    assert count == 3 and 'value="action:vouchere"' in body
    threads = list(plan_comments(plan))  # the lead's selector, as the plan page may pass it
    with assert_num_queries(1):  # the stakeholders' organisations, loaded at once
        _organisations_loaded(threads)
    assert len(list(review_threads(plan))) == 20


@pytest.mark.django_db
def test_a_removed_action_still_says_what_the_thread_was_about(plan, staff, other_staff):
    thread = comment_add(actor=other_staff, plan=plan, on="action:vouchere", text="Vouchers? (example)")
    plan.actions.filter(key="vouchere").delete()
    thread.refresh_from_db()
    assert thread.action is None and thread.action_key == "vouchere"
    body = comments_part(plan, staff)
    assert "since removed from the plan" in body and "Vouchere de creație" in body
    assert 'href="#action-vouchere"' not in body
    reply = comment_add(actor=staff, plan=plan, parent=thread, text="Dropped (example).")
    assert reply.action_key == "vouchere" and reply.section == "action"
    assert timezone.now() >= reply.created_at


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_thread_list_changes_in_place_on_the_plans_page(browser, live_server, partner, other_staff):
    from ecocsme.accounts.factories import PASSWORD
    from ecocsme.testing.browser import browser_login

    plan = plan_in_review(partner)
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    try:
        browser_login(page, other_staff.username, PASSWORD)
        page.goto(f"{live_server.url}/en/manage/action-plans/{plan.pk}/?on=part2#comment-form")
        page.evaluate("window.notReloaded = true")
        assert page.locator("#comment-on").input_value() == "part2"
        page.locator("#comment-text").fill("Which priority axis, and until when? (example)")
        page.get_by_role("button", name="Comment", exact=True).click()
        page.locator(".review-thread").first.wait_for()
        assert page.evaluate("window.notReloaded") is True  # htmx swapped the list, no new page
        assert "1 open thread" in page.locator("#comments").inner_text()
        page.locator("details.reply-form summary").first.click()
        page.locator("details.reply-form textarea").first.fill("Axis 2, until 2023 (example).")
        page.get_by_role("button", name="Send the reply").click()
        page.locator(".review-replies").first.wait_for()
        page.get_by_role("button", name="Resolve").click()
        page.locator(".review-thread.resolved").wait_for()
        assert "0 open threads" in page.locator("#comments").inner_text()
        assert page.evaluate("window.notReloaded") is True
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()
    thread = Comment.objects.get(parent__isnull=True)
    assert thread.section == "part2" and thread.resolved_by == other_staff and thread.replies.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_mail_about_a_new_thread_reaches_the_partner_in_its_language(partner, other_staff, smtp_server):
    from ecocsme.testing.mail import mails_to, plain_text
    from ecocsme.testing.worker import run_worker

    plan = plan_in_review(partner)
    PartnerStaffFactory(partner=partner, username="t-ro", language="ro", email="ro@example.org")
    PartnerStaffFactory(partner=partner, username="t-fi", language="fi", email="fi@example.org")
    PartnerStaffFactory(partner=partner, username="t-gone", is_active=False, email="gone@example.org")
    thread = comment_add(actor=other_staff, plan=plan, on="action:mestesuguri", text="Cine predă atelierele?")
    run_worker()
    assert {m["To"] for m in smtp_server.messages} == {"ro@example.org", "fi@example.org"}
    mail = mails_to(smtp_server, "ro@example.org")[0]
    from email.header import decode_header, make_header

    subject = str(make_header(decode_header(mail["Subject"])))
    assert mail["Content-Language"] == "ro" and "Planul de acțiune al Timișoarei" in subject
    text = plain_text(mail)
    assert "Cine predă atelierele?" in text and f"/ro/manage/action-plans/{plan.pk}/#thread-{thread.pk}" in text
    assert mails_to(smtp_server, "fi@example.org")[0]["Content-Language"] == "fi"
    comment_add(actor=other_staff, plan=plan, parent=thread, text="Și cine plătește?")
    run_worker()
    assert len(smtp_server.messages) == 2  # a reply mails nobody; the thread's mail went once
