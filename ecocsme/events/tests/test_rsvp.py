"""Invitations, answers, the waiting list, updates and cancellation, over a real SMTP server
(EVT-2). Every mail is read back and its calendar file parsed."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ecocsme.accounts.factories import PartnerStaffFactory
from ecocsme.core.models import OutgoingMail
from ecocsme.events.factories import EventFactory, sessions_in
from ecocsme.events.models import Event
from ecocsme.events.services import answers
from ecocsme.events.services.answers import _answer_prepared, answer_save
from ecocsme.events.services.events import SessionInput, event_cancel, event_save
from ecocsme.events.services.invitations import invitations_create, invitations_send
from ecocsme.events.services.reminders import reminders_send
from ecocsme.invitations.states import AnswerRefused
from ecocsme.testing.mail import calendar_of, mails_to, plain_text
from ecocsme.testing.queries import assert_num_queries
from ecocsme.testing.worker import run_worker


def invite_all(staff, event, people):
    report = invitations_create(actor=staff, event=event, contacts=people)
    invitations_send(actor=staff, event=event)
    return report


@pytest.mark.django_db(transaction=True)
def test_invitations_only_with_consent_and_in_the_invitees_language(staff, partner, people, smtp_server):
    event = EventFactory(partner=partner)
    report = invite_all(staff, event, people)
    assert [c.name for c, _reason in report.skipped] == ["Example No-consent"]
    run_worker()
    ioana = mails_to(smtp_server, "ioana@example.org")[0]
    from email.header import decode_header, make_header

    assert str(make_header(decode_header(ioana["Subject"]))).startswith("Invitație")
    assert ioana["Content-Language"] == "ro"
    assert "List-Unsubscribe" in ioana
    method, calendar = calendar_of(ioana)  # to note the date: no link, no reply expected
    assert method == "PUBLISH" and "ATTENDEE" not in calendar.walk("VEVENT")[0]
    assert "meeting.example.org" not in calendar.to_ical().decode()
    body = plain_text(ioana)
    assert "/ro/events/answer/" in body and "https://meeting.example.org/x" not in body  # link only once confirmed


@pytest.mark.django_db(transaction=True)
def test_yes_gives_a_confirmation_with_a_calendar_request(staff, partner, people, smtp_server):
    event = EventFactory(partner=partner)
    invite_all(staff, event, people)
    ioana = event.invitations.get(contact__name="Example Ioana")
    answer_save(invitation=ioana, answer="yes", needs="Vegetarian (example)")
    answer_save(invitation=ioana, answer="yes", needs="Vegetarian (example)")  # a double click
    run_worker()
    mails = mails_to(smtp_server, "ioana@example.org")
    assert len(mails) == 2  # the invitation and one confirmation
    method, calendar = calendar_of(mails[1])
    assert method == "REQUEST" and calendar["METHOD"] == "REQUEST"
    vevent = calendar.walk("VEVENT")[0]
    session = event.sessions.get()
    assert vevent["DTSTART"].dt.astimezone(UTC) == session.starts_at
    assert str(vevent["DTSTART"].params["TZID"]) == "Europe/Bucharest"
    assert vevent["DTSTART"].dt.strftime("%H:%M") == "13:15"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Bucharest"
    assert int(vevent["SEQUENCE"]) == 0 and str(vevent["UID"]).startswith(f"event-{event.pk}-session-")
    assert "https://meeting.example.org/x" in str(vevent["DESCRIPTION"])
    assert "ATTENDEE" in vevent and "mailto:ioana@example.org" in str(vevent["ATTENDEE"])


@pytest.mark.django_db(transaction=True)
def test_the_waiting_list_is_promoted_in_order(staff, partner, people, smtp_server):
    event = EventFactory(partner=partner, capacity=1)
    invite_all(staff, event, people)
    ioana, mark, ana = (event.invitations.get(contact=c) for c in people[:3])
    assert answer_save(invitation=ioana, answer="yes").place == "confirmed"
    assert answer_save(invitation=mark, answer="yes").place == "waiting"
    assert answer_save(invitation=ana, answer="yes").place == "waiting"
    answer_save(invitation=ioana, answer="no", note="Example: another meeting")
    mark.refresh_from_db()
    ana.refresh_from_db()
    assert (mark.place, ana.place) == ("confirmed", "waiting")  # first come, first served
    run_worker()
    method, calendar = calendar_of(mails_to(smtp_server, "ioana@example.org")[-1])
    assert method == "CANCEL" and calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    subjects = [m["Subject"] for m in mails_to(smtp_server, "mark@example.org")]
    assert len(subjects) == 3  # invitation, waiting list, place confirmed
    method, _calendar = calendar_of(mails_to(smtp_server, "mark@example.org")[-1])
    assert method == "REQUEST"


@pytest.mark.django_db(transaction=True)
def test_a_change_sends_an_update_with_the_same_uid_and_a_higher_sequence(staff, partner, people, smtp_server):
    event = EventFactory(partner=partner)
    invite_all(staff, event, people)
    answer_save(invitation=event.invitations.get(contact=people[0]), answer="yes")
    run_worker()
    first = calendar_of(mails_to(smtp_server, "ioana@example.org")[-1])[1].walk("VEVENT")[0]
    session = event.sessions.get()
    event_save(actor=staff, event=event, values={"online_url": "https://meeting.example.org/y"},
               sessions=[SessionInput(day=session.day, start=time(14, 0), end=time(16, 0))])
    run_worker()
    updated = mails_to(smtp_server, "ioana@example.org")[-1]
    method, calendar = calendar_of(updated)
    second = calendar.walk("VEVENT")[0]
    assert method == "REQUEST" and second["UID"] == first["UID"]
    assert int(second["SEQUENCE"]) == int(first["SEQUENCE"]) + 1
    assert second["DTSTART"].dt.strftime("%H:%M") == "14:00"
    assert "https://meeting.example.org/y" in str(second["DESCRIPTION"])
    assert len(mails_to(smtp_server, "mark@example.org")) == 1  # no answer: no update


@pytest.mark.django_db(transaction=True)
def test_cancelling_tells_everyone_who_said_yes(staff, partner, people, smtp_server):
    event = EventFactory(partner=partner, capacity=1)
    invite_all(staff, event, people)
    answer_save(invitation=event.invitations.get(contact=people[0]), answer="yes")
    answer_save(invitation=event.invitations.get(contact=people[1]), answer="yes")  # waiting
    assert event_cancel(actor=staff, event=event, message="Example reason.") == 2
    assert event_cancel(actor=staff, event=event) == 0  # twice: nothing more
    run_worker()
    method, calendar = calendar_of(mails_to(smtp_server, "ioana@example.org")[-1])
    assert method == "CANCEL" and calendar["METHOD"] == "CANCEL"
    assert calendar_of(mails_to(smtp_server, "mark@example.org")[-1]) is None  # was only waiting
    with pytest.raises(AnswerRefused, match="cancelled"):
        answer_save(invitation=event.invitations.get(contact=people[2]), answer="yes")


@pytest.mark.django_db
def test_after_the_deadline_the_link_explains_and_changes_nothing(client, staff, partner, people):
    event = EventFactory(partner=partner)
    invitations_create(actor=staff, event=event, contacts=people[:1])
    invitation = event.invitations.get()
    Event.objects.filter(pk=event.pk).update(rsvp_deadline=timezone.now() - timedelta(hours=1))
    page = client.post(f"/en/events/answer/{invitation.token()}/", {"answer": "yes"})
    assert page.status_code == 410
    text = page.content.decode()
    assert "deadline to answer has passed" in text and "team@example.org" in text
    invitation.refresh_from_db()
    assert invitation.answer == "" and not OutgoingMail.objects.filter(key__contains=":confirmed:").exists()


@pytest.mark.django_db
def test_forged_and_other_kinds_of_links_do_not_open(client, staff, partner, people):
    from ecocsme.core.links import link_token
    LAB_PURPOSE = "ecocsme.labs.invitation"  # a lab's personal link, made for this event's id

    event = EventFactory(partner=partner)
    invitations_create(actor=staff, event=event, contacts=people[:1])
    invitation = event.invitations.get()
    token = invitation.token()
    assert client.get(f"/en/events/answer/{token}/").status_code == 200
    assert client.get(f"/en/events/answer/{token[:-2]}xx/").status_code == 404
    assert client.get(f"/en/events/answer/{invitation.pk + 1}.{token.split('.')[1]}/").status_code == 404
    lab_style = link_token(LAB_PURPOSE, invitation.pk, invitation.nonce)
    assert client.get(f"/en/events/answer/{lab_style}/").status_code == 404


@pytest.mark.django_db
def test_answering_through_the_page_in_romanian(client, staff, partner, people):
    event = EventFactory(partner=partner)
    invitations_create(actor=staff, event=event, contacts=people[:1])
    invitation = event.invitations.get()
    url = f"/ro/events/answer/{invitation.token()}/"
    page = client.get(url).content.decode()
    assert "Atelier de exemplu" in page and "Europe/Bucharest" in page
    page = client.post(url, {"answer": "maybe", "note": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in page
    invitation.refresh_from_db()
    assert invitation.answer == "maybe" and invitation.place == ""
    assert client.post(url, {"answer": "nonsense"}).status_code == 200
    invitation.refresh_from_db()
    assert invitation.answer == "maybe"


@pytest.mark.django_db
def test_a_time_in_the_spring_forward_gap_is_refused_with_a_message(client, staff, partner):
    client.force_login(staff)
    form = {"partner": partner.pk, "kind": "conference", "language": "en",
            "time_zone": "Europe/Bucharest", "title_en": "Example conference", "is_public": "on",
            "sessions-TOTAL_FORMS": "2", "sessions-INITIAL_FORMS": "0",
            "sessions-0-day": "2027-03-28", "sessions-0-start": "03:30", "sessions-0-end": "05:00",
            "sessions-1-day": "2027-03-29", "sessions-1-start": "11:00", "sessions-1-end": "10:00"}
    page = client.post("/en/manage/events/new/", form).content.decode()
    assert "does not exist in Europe/Bucharest" in page
    assert "the end must come after the start" in page
    assert not Event.objects.filter(title__en="Example conference").exists()


@pytest.mark.django_db
def test_another_partners_staff_cannot_change_the_event(client, staff, partner, other_partner, people):
    event = EventFactory(partner=partner)
    other = PartnerStaffFactory(username="rijeka-staff", partner=other_partner)
    with pytest.raises(PermissionDenied):
        invitations_create(actor=other, event=event, contacts=people)
    client.force_login(other)
    assert client.get(f"/en/manage/events/{event.pk}/").status_code == 200
    assert client.get(f"/en/manage/events/{event.pk}/edit/").status_code == 403
    assert client.post(f"/en/manage/events/{event.pk}/cancel/").status_code == 403
    assert client.get(f"/en/manage/events/{event.pk}/attendance.pdf").status_code == 403
    event.refresh_from_db()
    assert event.status == "published"


@pytest.mark.django_db(transaction=True)
def test_reminders_before_the_deadline_and_before_the_event_go_once(staff, partner, people, smtp_server):
    event = EventFactory(partner=partner, sessions=sessions_in(1), rsvp_deadline=timezone.now() + timedelta(days=1))
    invite_all(staff, event, people)
    answer_save(invitation=event.invitations.get(contact=people[0]), answer="yes")
    first = reminders_send()
    again = reminders_send()
    assert first == {"deadline": 2, "event": 1} and again == {"deadline": 0, "event": 0}
    run_worker()
    assert len(mails_to(smtp_server, "mark@example.org")) == 2
    assert len(mails_to(smtp_server, "ioana@example.org")) == 3  # invitation, confirmation, reminder


@pytest.mark.django_db
def test_the_demo_holds_partner_workshop_4_as_the_seed_states(project):
    event = Event.objects.get(title__en__startswith="Partner workshop 4")
    part1, part2 = event.sessions.order_by("position")
    assert event.time_zone == "Europe/Bucharest" and event.language == "en" and event.partner.city == "Timișoara"
    assert part1.day.isoformat() == "2020-10-19" and part1.all_day
    assert part2.starts_at == datetime(2020, 11, 10, 11, 15, tzinfo=UTC)
    assert part2.ends_at == datetime(2020, 11, 10, 13, 30, tzinfo=UTC)
    assert event.rsvp_deadline.astimezone(event.zone).date().isoformat() == "2020-11-04"
    assert "example.org" in event.online_url and "example.org" in event.contact_email


@pytest.mark.django_db
def test_an_answer_takes_the_same_queries_however_much_mail_waits(
        client, staff, partner, people, django_capture_on_commit_callbacks):
    """The answer POST: the personal link, the sessions (once), the event locked, the answer and
    its confirmation with a calendar file, the page; after the commit, the drain task."""
    from django.contrib.contenttypes.models import ContentType

    from ecocsme.core.outbox import mail_queue
    from ecocsme.events.models import EventInvitation

    event = EventFactory(partner=partner)
    invitations_create(actor=staff, event=event, contacts=people[:3])
    urls = [f"/en/events/answer/{event.invitations.get(contact=c).token()}/" for c in people[:2]]
    for url in urls:
        client.get(url)  # the personal calendar address is drawn on the first visit
    ContentType.objects.get_for_model(EventInvitation)  # cached, as in a running server
    with assert_num_queries(14), django_capture_on_commit_callbacks(execute=True):
        assert client.post(urls[0], {"answer": "yes"}).status_code == 200
    for number in range(50):
        mail_queue(key=f"example:{number}", to=f"person{number}@example.org",
                   template="core/mail/test_message", context={}, language="en")
    # 50 mails wait, and a drain task for them: nothing more to enqueue.
    with assert_num_queries(13), django_capture_on_commit_callbacks(execute=True):
        assert client.post(urls[1], {"answer": "yes"}).status_code == 200
    assert OutgoingMail.objects.filter(key__contains=":confirmed:").count() == 2


@pytest.mark.django_db
def test_links_in_mail_use_the_address_the_site_is_served_at(settings, staff, partner, people):
    settings.ECOCSME_BASE_URL = "http://127.0.0.1:8080"  # scripts/run.sh: PORT=8080 make run
    event = EventFactory(partner=partner)
    invite_all(staff, event, people[:1])
    answer_save(invitation=event.invitations.get(), answer="yes")
    for mail in OutgoingMail.objects.filter(to="ioana@example.org"):
        assert "http://127.0.0.1:8080/ro/events/answer/" in mail.text
        assert 'href="http://127.0.0.1:8080/ro/events/answer/' in mail.html
        assert b"127.0.0.1:8000" not in bytes(mail.raw)


@pytest.mark.django_db
def test_a_mail_rendered_before_the_lock_is_not_sent_when_the_last_place_went_meanwhile(
        staff, partner, people, monkeypatch):
    event = EventFactory(partner=partner, capacity=1)
    invitations_create(actor=staff, event=event, contacts=people[:2])
    ioana, mark = (event.invitations.get(contact=c) for c in people[:2])
    prepare = _answer_prepared

    def ioana_takes_the_place_meanwhile(*args):
        prepared = prepare(*args)
        assert prepared.mail.key.split(":")[2] == "confirmed"  # there was room when it was rendered
        monkeypatch.setattr(answers, "_answer_prepared", prepare)
        answer_save(invitation=ioana, answer="yes")
        return prepared

    monkeypatch.setattr(answers, "_answer_prepared", ioana_takes_the_place_meanwhile)
    assert answer_save(invitation=mark, answer="yes").place == "waiting"
    mails = OutgoingMail.objects.filter(to="mark@example.org")
    assert [m.key.split(":")[2] for m in mails] == ["waiting"]
