"""Calendar feeds (EVT-3), public and partner pages, check-in, the attendance sheet and the
participation figures (EVT-4)."""

import subprocess
from datetime import UTC, date, datetime, time

import pytest
from django.conf import settings
from icalendar import Calendar

from ecocsme.events.factories import EventFactory, sessions_in
from ecocsme.events.models import Event
from ecocsme.events.services.answers import answer_save
from ecocsme.events.services.events import SessionInput, event_publish, event_save
from ecocsme.events.services.invitations import invitations_create
from ecocsme.events.services.mail import personal_calendar_url
from ecocsme.testing.queries import assert_num_queries


def parse(response) -> Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def past_workshop(partner) -> Event:
    """A workshop in two parts, as partner workshop 4 was: a whole day, then an afternoon."""
    return EventFactory(partner=partner, title={"en": "Example past workshop"}, rsvp_deadline=None,
                        sessions=[(date(2020, 10, 19), None, None, {"en": "Part 1"}),
                                  (date(2020, 11, 10), time(13, 15), time(15, 30), {"en": "Part 2"})])


@pytest.mark.django_db
def test_the_project_feed_holds_whole_days_and_times_in_the_events_zone(client, partner):
    past_workshop(partner)
    project = partner.project
    calendar = parse(client.get(f"/calendar/{project.code}.ics"))
    assert project.acronym in str(calendar["X-WR-CALNAME"])
    events = calendar.walk("VEVENT")
    part2 = next(e for e in events if "Part 2" in str(e["SUMMARY"]))
    assert part2["DTSTART"].dt.astimezone(UTC) == datetime(2020, 11, 10, 11, 15, tzinfo=UTC)
    assert str(part2["DTSTART"].params["TZID"]) == "Europe/Bucharest"
    part1 = next(e for e in events if "Part 1" in str(e["SUMMARY"]))
    assert part1["DTSTART"].dt == date(2020, 10, 19)  # a whole day
    assert "meeting.example.org" not in client.get(f"/calendar/{project.code}.ics").content.decode()
    assert client.get("/calendar/NOPE.ics").status_code == 404


@pytest.mark.django_db
def test_times_stay_right_across_a_daylight_saving_change(client, staff, partner):
    """Sessions on both sides of 28 March 2027 (Romania: UTC+2, then UTC+3), at 10:00 local."""
    event = event_save(actor=staff, event=None, partner=partner, values={
        "title": {"en": "Example study visit"}, "description": {}, "agenda": {}, "kind": "study_visit",
        "language": "en", "time_zone": "Europe/Bucharest", "venue": "Example hub", "address": "",
        "city": "Timișoara", "online_url": "", "capacity": None, "rsvp_deadline": None,
        "is_public": True, "contact_name": "", "contact_email": ""},
        sessions=[SessionInput(day=date(2027, 3, 27), start=time(10), end=time(12)),
                  SessionInput(day=date(2027, 3, 29), start=time(10), end=time(12))])
    event_publish(actor=staff, event=event)
    vevents = [e for e in parse(client.get(f"/calendar/{partner.project.code}.ics")).walk("VEVENT")
               if "study visit" in str(e["SUMMARY"])]
    starts = sorted(e["DTSTART"].dt.astimezone(UTC) for e in vevents)
    assert starts == [datetime(2027, 3, 27, 8, 0, tzinfo=UTC), datetime(2027, 3, 29, 7, 0, tzinfo=UTC)]
    assert all(e["DTSTART"].dt.strftime("%H:%M") == "10:00" for e in vevents)


@pytest.mark.django_db
def test_a_persons_feed_has_their_confirmed_events_with_the_link(client, staff, partner, people):
    event = EventFactory(partner=partner)
    invitations_create(actor=staff, event=event, contacts=people[:2])
    answer_save(invitation=event.invitations.get(contact=people[0]), answer="yes")
    answer_save(invitation=event.invitations.get(contact=people[1]), answer="no")
    mine_url = personal_calendar_url(people[0].pk).removeprefix(settings.ECOCSME_BASE_URL)
    mine = parse(client.get(mine_url))
    assert len(mine.walk("VEVENT")) == 1 and "meeting.example.org/x" in str(mine.walk("VEVENT")[0]["DESCRIPTION"])
    theirs = parse(client.get(personal_calendar_url(people[1].pk).removeprefix(settings.ECOCSME_BASE_URL)))
    assert theirs.walk("VEVENT") == []
    assert client.get(f"/calendar/person/{people[0].pk}.ics").status_code == 404


@pytest.mark.django_db
def test_a_calendar_address_can_be_replaced_and_the_old_one_stops(client, staff, partner, people):
    event = EventFactory(partner=partner)
    invitations_create(actor=staff, event=event, contacts=people[:1])
    invitation = event.invitations.get()
    old = personal_calendar_url(people[0].pk).removeprefix(settings.ECOCSME_BASE_URL)
    assert personal_calendar_url(people[0].pk).endswith(old)  # stable until replaced
    assert client.get(old).status_code == 200
    client.force_login(staff)
    page = client.post(f"/en/manage/events/{event.pk}/calendar/", {"invitation": invitation.pk}, follow=True)
    assert page.status_code == 200
    new = personal_calendar_url(people[0].pk).removeprefix(settings.ECOCSME_BASE_URL)
    assert new != old
    assert client.get(old).status_code == 404 and client.get(new).status_code == 200


@pytest.mark.django_db
def test_public_pages_list_filter_export_and_show_an_event(client, partner):
    event = EventFactory(partner=partner, title={"en": "Example workshop", "ro": "Atelier de exemplu"})
    past_workshop(partner)
    base = f"/en/projects/{partner.project.code}/events"
    listing = client.get(f"{base}/").content.decode()
    assert "Example workshop" in listing and "Example past workshop" not in listing
    past = client.get(f"{base}/?when=past").content.decode()
    assert "Example past workshop" in past
    assert "Example workshop" not in client.get(f"{base}/?kind=conference").content.decode()
    export = b"".join(client.get(f"{base}.csv?when=past").streaming_content).decode()
    assert "Example past workshop" in export and "Example workshop" not in export
    page = client.get(f"/ro/events/{event.pk}/").content.decode()
    assert "Atelier de exemplu" in page and "Europe/Bucharest" in page
    assert "meeting.example.org" not in page  # only confirmed participants get the link
    assert parse(client.get(f"/en/events/{event.pk}.ics")).walk("VEVENT")
    Event.objects.filter(pk=event.pk).update(status="draft")
    assert client.get(f"/en/events/{event.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_past_event_says_it_is_over_and_offers_no_calendar_or_answer(client, partner):
    event = past_workshop(partner)
    page = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "This event is over." in page
    assert "Add to calendar" not in page and "the link is sent to confirmed participants" not in page
    coming = client.get(f"/en/events/{EventFactory(partner=partner).pk}/").content.decode()
    assert "Add to calendar" in coming and "This event is over." not in coming


@pytest.mark.django_db
def test_event_pages_keep_a_fixed_query_count(client, staff, partner, people):
    event = EventFactory(partner=partner)
    client.force_login(staff)
    code = partner.project.code
    # the public pages read the staff member's memberships once, for "Manage" in the menu
    pinned = {f"/en/events/{event.pk}/": 5, f"/en/projects/{code}/events/": 9,
              f"/en/manage/events/{event.pk}/": 9, "/en/manage/events/": 7,
              f"/api/v1/events?project={code}": 3}

    def check():
        for url, expected in pinned.items():
            with assert_num_queries(expected, label=url):
                assert client.get(url).status_code == 200

    check()
    invitations_create(actor=staff, event=event, contacts=people[:2])  # Ana stays invitable
    for person in people[:2]:
        answer_save(invitation=event.invitations.get(contact=person), answer="yes")
    for number in range(3):
        EventFactory(partner=partner, sessions=sessions_in(40 + number))
    check()


@pytest.mark.django_db
def test_check_in_attendance_sheet_and_participation(client, staff, partner, people):
    event = EventFactory(partner=partner)
    invitations_create(actor=staff, event=event, contacts=people[:3])
    for person in people[:2]:
        answer_save(invitation=event.invitations.get(contact=person), answer="yes")
    client.force_login(staff)
    ioana = event.invitations.get(contact=people[0])
    row = client.post(f"/en/manage/events/{event.pk}/check-in/", {"invitation": ioana.pk, "present": "1"},
                      HTTP_HX_REQUEST="true")
    assert row.status_code == 200 and "present" in row.content.decode()
    ioana.refresh_from_db()
    assert ioana.checked_in_at is not None
    waiting = event.invitations.get(contact=people[2])
    assert client.post(f"/en/manage/events/{event.pk}/check-in/", {"invitation": waiting.pk,
                                                                   "present": "1"}).status_code == 404

    pdf = client.get(f"/en/manage/events/{event.pk}/attendance.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True,
                          check=True).stdout.decode()
    assert "Attendance sheet" in text and "Example Ioana" in text and "Example Mark" in text
    assert "Example Ana" not in text and "Signature" in text

    figures = b"".join(client.get("/en/manage/events/participation.csv").streaming_content).decode()
    assert "Kind of organisation,SME,1,1" in figures.replace("\r", "") and "Partner,Timișoara,2,1" in figures
    participants = b"".join(client.get(f"/en/manage/events/{event.pk}/participants.csv")
                            .streaming_content).decode()
    assert "Example Ioana" in participants and "@example.org" not in participants


@pytest.mark.django_db
def test_the_feed_answers_304_until_an_event_changes(client, staff, partner):
    feed = f"/calendar/{partner.project.code}.ics"
    past_workshop(partner)
    first = client.get(feed)
    etag = first["ETag"]
    assert client.get(feed, HTTP_IF_NONE_MATCH=etag).status_code == 304
    event = EventFactory(partner=partner, title={"en": "Example workshop"})
    changed = client.get(feed, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and "Example workshop" in changed.content.decode()
    session = event.sessions.get()
    event_save(actor=staff, event=event, values={"title": {"en": "Example workshop, renamed"}},
               sessions=[SessionInput(day=session.day, start=time(13, 15), end=time(15, 30))])
    assert "renamed" in client.get(feed, HTTP_IF_NONE_MATCH=changed["ETag"]).content.decode()


@pytest.mark.django_db
def test_the_api_lists_public_events_with_utc_sessions(client, partner):
    event = EventFactory(partner=partner)
    past_workshop(partner)
    code = partner.project.code
    upcoming = client.get(f"/api/v1/events?project={code}").json()
    assert [item["id"] for item in upcoming["items"]] == [event.pk]
    past = client.get(f"/api/v1/events?project={code}&when=past").json()["items"]
    workshop = next(item for item in past if item["title"]["en"] == "Example past workshop")
    part2 = workshop["sessions"][1]
    assert part2["starts_at"].startswith("2020-11-10T11:15:00") and workshop["time_zone"] == "Europe/Bucharest"
    assert workshop["online"] is True and "meeting.example.org" not in str(workshop)
    assert client.get(f"/api/v1/events/{event.pk}").json()["confirmed"] == 0
    Event.objects.filter(pk=event.pk).update(status="draft")
    assert client.get(f"/api/v1/events/{event.pk}").status_code == 404
    assert client.get("/api/v1/events?when=sometime").status_code == 422
