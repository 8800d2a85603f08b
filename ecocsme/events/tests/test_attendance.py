"""Attendance as evidence (EVT-4): check-in session by session, its counters and search, the
participation figures counting a person once, the data migration of earlier check-ins, the
attendance sheet with a signature column per session and the logos, and the export."""

import csv
import datetime as dt
import importlib
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ecocsme.events.factories import EventFactory, EventInvitationFactory
from ecocsme.events.models import Event, SessionAttendance
from ecocsme.events.selectors import event_participation, held_events, session_presence
from ecocsme.events.services.attendance import attendance_check_in, session_of_the_day
from ecocsme.organisations.factories import StakeholderFactory

pytestmark = pytest.mark.django_db

DAY = timezone.now().date() + dt.timedelta(days=10)
TWO_SESSIONS = [(DAY, dt.time(9, 30), dt.time(12)), (DAY + dt.timedelta(days=1), dt.time(14), dt.time(17))]
# The smallest PNG there is: one transparent pixel.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


@pytest.fixture
def workshop(partner):
    return EventFactory(partner=partner, sessions=TWO_SESSIONS)


@pytest.fixture
def seats(workshop):
    """Three confirmed participants of the two-session workshop and one who said no."""
    names = [("Example Ioana Popescu", "Asociația Culturală Timișoara (example)", "ngo"),
             ("Example Mark Brown", "Brown Design SRL (example)", "sme"),
             ("Example Ana Ionescu", "Startup Lumina (example)", "startup")]
    made = [EventInvitationFactory(event=workshop, answer="yes",
                                   contact__name=name, contact__organisation__name=organisation,
                                   contact__organisation__kind=kind)
            for name, organisation, kind in names]
    EventInvitationFactory(event=workshop, answer="no", contact__name="Example Declined")
    return made


def sessions_of(event: Event):
    return list(event.sessions.order_by("position"))


# --- the service --------------------------------------------------------------------------------
def test_check_in_per_session_undo_and_the_first_check_in(staff, workshop, seats):
    first, second = sessions_of(workshop)
    ioana = seats[0]
    attendance_check_in(actor=staff, invitation=ioana, session=second, present=True)
    ioana.refresh_from_db()
    at_second = ioana.checked_in_at
    assert at_second is not None and ioana.attended_session_ids == {second.pk}
    attendance_check_in(actor=staff, invitation=ioana, session=second, present=True)  # a double tap
    attendance_check_in(actor=staff, invitation=ioana, session=first, present=True)
    ioana.refresh_from_db()
    assert SessionAttendance.objects.filter(invitation=ioana).count() == 2
    assert ioana.checked_in_at == at_second  # the first check-in at any session
    assert SessionAttendance.objects.get(invitation=ioana, session=first).checked_in_by == staff

    attendance_check_in(actor=staff, invitation=ioana, session=second, present=False)
    ioana.refresh_from_db()
    assert ioana.attended_session_ids == {first.pk} and ioana.checked_in_at > at_second
    attendance_check_in(actor=staff, invitation=ioana, session=first, present=False)
    ioana.refresh_from_db()
    assert ioana.checked_in_at is None and not ioana.attended_session_ids


def test_a_session_with_check_ins_cannot_be_removed_and_nothing_changes(staff, workshop, seats):
    from django.core.exceptions import ValidationError

    from ecocsme.events.services.events import SessionInput, event_save

    first, second = sessions_of(workshop)
    attendance_check_in(actor=staff, invitation=seats[0], session=second, present=True)
    values = {"title": {"en": "Changed title (example)"}, "description": {}, "agenda": {},
              "kind": workshop.kind, "language": "en", "time_zone": workshop.time_zone, "venue": "",
              "address": "", "city": "Timișoara", "online_url": "", "capacity": None,
              "rsvp_deadline": None, "is_public": True, "contact_name": "", "contact_email": ""}
    with pytest.raises(ValidationError, match="checked in at a session you removed"):
        event_save(actor=staff, event=workshop, values=values,
                   sessions=[SessionInput(day=first.day, start=dt.time(9, 30), end=dt.time(12))])
    workshop.refresh_from_db()
    assert workshop.sessions.count() == 2 and "Changed" not in str(workshop.title)
    assert SessionAttendance.objects.filter(session=second).count() == 1


def test_only_the_organisers_check_in_confirmed_participants_at_their_event(
        staff, other_staff, partner, workshop, seats):
    first = sessions_of(workshop)[0]
    with pytest.raises(PermissionDenied):
        attendance_check_in(actor=other_staff, invitation=seats[0], session=first, present=True)
    declined = workshop.invitations.get(answer="no")
    with pytest.raises(ValidationError):
        attendance_check_in(actor=staff, invitation=declined, session=first, present=True)
    elsewhere = sessions_of(EventFactory(partner=partner))[0]
    with pytest.raises(ValidationError):
        attendance_check_in(actor=staff, invitation=seats[0], session=elsewhere, present=True)
    assert not SessionAttendance.objects.exists()


def test_figures_count_a_person_once_however_many_sessions(staff, workshop, seats):
    first, second = sessions_of(workshop)
    for seat in seats[:2]:
        attendance_check_in(actor=staff, invitation=seat, session=first, present=True)
    attendance_check_in(actor=staff, invitation=seats[0], session=second, present=True)
    assert session_presence(workshop) == {first.pk: 2, second.pk: 1}
    figures = event_participation(workshop)
    assert sum(figures["by_kind"].values()) == 3 and sum(figures["present_by_kind"].values()) == 2
    assert figures["present_by_kind"]["ngo"] == 1 and figures["present_by_partner"]["Timișoara"] == 2
    Event.objects.filter(pk=workshop.pk).update(ends_at=timezone.now() - dt.timedelta(hours=1))
    [held] = held_events(project=workshop.project, partner_ids=[workshop.partner_id])
    assert held["participants"] == 2


def test_the_session_of_the_day(partner):
    event = EventFactory(partner=partner, sessions=TWO_SESSIONS)
    first, second = sessions_of(event)
    zone = event.zone
    assert session_of_the_day([], timezone.now(), zone) is None
    before = timezone.now()
    assert session_of_the_day([first, second], before, zone) == first  # the next one
    assert session_of_the_day([first, second], first.starts_at + dt.timedelta(minutes=5), zone) == first
    # Later on the first day: the day's last session stays chosen, then the second day's.
    assert session_of_the_day([first, second], first.ends_at + dt.timedelta(hours=2), zone) == first
    assert session_of_the_day([first, second], second.starts_at - dt.timedelta(hours=1), zone) == second
    assert session_of_the_day([first, second], second.ends_at + dt.timedelta(days=3), zone) == second


def test_earlier_check_ins_move_to_the_first_session(workshop, seats):
    """The data migration: a check-in made before sessions had their own is a presence at the
    event's first session."""
    first = sessions_of(workshop)[0]
    at = timezone.now() - dt.timedelta(minutes=5)
    type(seats[0]).objects.filter(pk=seats[0].pk).update(checked_in_at=at)
    no_sessions = EventFactory(partner=workshop.partner, sessions=[(DAY, None, None)])
    no_sessions.sessions.all().delete()
    EventInvitationFactory(event=no_sessions, answer="yes", checked_in_at=at)
    migration = importlib.import_module("ecocsme.events.migrations.0005_session_attendance")
    migration.checked_in_to_first_session(apps, None)
    [moved] = SessionAttendance.objects.all()
    assert (moved.invitation_id, moved.session_id, moved.checked_in_at) == (seats[0].pk, first.pk, at)


# --- the check-in page ----------------------------------------------------------------------------
def page_of(client, event, **params):
    return client.get(f"/en/manage/events/{event.pk}/check-in/", params)


def test_the_page_checks_in_at_the_chosen_session_and_updates_the_counters(client, staff, workshop, seats):
    _first, second = sessions_of(workshop)
    client.force_login(staff)
    page = page_of(client, workshop).content.decode()
    assert "0 of 3 present at session 1" in page and "0 of 3 present at session 2" in page
    assert "Example Declined" not in page
    row = client.post(f"/en/manage/events/{workshop.pk}/check-in/",
                      {"invitation": seats[1].pk, "session": second.pk, "present": "1"}, HTTP_HX_REQUEST="true")
    html = row.content.decode()
    assert html.startswith(f'<li id="participant-{seats[1].pk}" class="card check-in-row present"')
    assert 'hx-swap-oob="true"' in html and "1 of 3 present at session 2" in html
    assert "0 of 3 present at session 1" in html
    assert seats[1].attendances.get().session == second

    plain = client.post(f"/en/manage/events/{workshop.pk}/check-in/",
                        {"invitation": seats[1].pk, "session": second.pk, "present": "0", "q": "mark"})
    assert plain.status_code == 302
    assert plain["Location"].endswith(f"?session={second.pk}&q=mark#participant-{seats[1].pk}")
    assert not seats[1].attendances.exists()


def test_a_one_session_event_checks_in_as_before(client, staff, partner):
    event = EventFactory(partner=partner)
    seat = EventInvitationFactory(event=event, answer="yes")
    client.force_login(staff)
    assert "0 of 1 present" in page_of(client, event).content.decode()
    client.post(f"/en/manage/events/{event.pk}/check-in/", {"invitation": seat.pk, "present": "1"})
    seat.refresh_from_db()
    assert seat.checked_in_at is not None and seat.attended_session_ids == {event.sessions.get().pk}
    page = page_of(client, event).content.decode()
    assert "1 of 1 present" in page and "present at session" not in page


def test_search_by_name_or_organisation_ignores_case_and_accents(client, staff, workshop, seats):
    client.force_login(staff)
    found = page_of(client, workshop, q="timisoara").content.decode()
    assert "Example Ioana Popescu" in found and "Example Mark Brown" not in found
    assert "1 of 3 participants match." in found
    partial = client.get(f"/en/manage/events/{workshop.pk}/check-in/", {"q": "ANA ion"},
                         HTTP_HX_REQUEST="true", HTTP_HX_TARGET="check-in-list").content.decode()
    assert partial.startswith('<div id="check-in-list">') and "<html" not in partial
    assert "Example Ana Ionescu" in partial and "Example Ioana" not in partial
    nobody = page_of(client, workshop, q="nobody-like-this").content.decode()
    assert "Nobody on the list matches" in nobody


def test_people_of_other_partners_are_counted_not_named(client, staff, other_partner, workshop, seats):
    EventInvitationFactory(event=workshop, answer="yes", contact=StakeholderFactory(
        partner=other_partner, name="Example Rijeka Guest", consents={"event_invitations": True}))
    client.force_login(staff)
    page = page_of(client, workshop).content.decode()
    assert "Example Rijeka Guest" not in page and "0 of 4 present at session 1" in page
    assert "Rijeka: 1" in page
    guest = workshop.invitations.get(contact__name="Example Rijeka Guest")
    response = client.post(f"/en/manage/events/{workshop.pk}/check-in/", {"invitation": guest.pk, "present": "1"})
    assert response.status_code == 404 and not guest.attendances.exists()


def test_another_partners_staff_cannot_check_in(client, other_staff, workshop, seats):
    client.force_login(other_staff)
    assert page_of(client, workshop).status_code in (403, 404)
    response = client.post(f"/en/manage/events/{workshop.pk}/check-in/",
                           {"invitation": seats[0].pk, "present": "1"})
    assert response.status_code in (403, 404) and not SessionAttendance.objects.exists()


def test_an_unknown_session_falls_back_to_the_session_of_the_day(client, staff, workshop, seats):
    client.force_login(staff)
    other = sessions_of(EventFactory(partner=workshop.partner))[0]
    client.post(f"/en/manage/events/{workshop.pk}/check-in/",
                {"invitation": seats[0].pk, "session": other.pk, "present": "1"})
    assert seats[0].attendances.get().session == sessions_of(workshop)[0]


# --- the attendance sheet ---------------------------------------------------------------------------
SHOTS = Path("/tmp/ecocsme-shots")  # looked at by people (pdftoppm -png), not by the test


def keep(name: str, content: bytes) -> bytes:
    SHOTS.mkdir(exist_ok=True)
    (SHOTS / f"attendance-{name}.pdf").write_bytes(content)
    return content


def pdf_text(content: bytes) -> str:
    """The text in reading order, each run of white space (a name wrapped in its cell) one space."""
    text = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout.decode()
    return "\f".join(" ".join(page.split()) for page in text.split("\f"))


def pdf_images(content: bytes) -> int:
    listing = subprocess.run(["pdfimages", "-list", "-", ], input=content, capture_output=True,
                             check=False).stdout.decode()
    return sum(1 for line in listing.splitlines()[2:] if line.split()[2] == "image")  # not their masks


def pdf_pages(content: bytes) -> list[str]:
    info = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True).stdout.decode()
    return [line for line in info.splitlines() if line.startswith(("Pages:", "Page size:"))]


@pytest.fixture
def logos(settings, tmp_path, partner):
    """The partner's uploaded PNG logo and a PNG programme logo from settings."""
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    programme = tmp_path / "programme.png"
    programme.write_bytes(PNG)
    settings.ECOCSME_PROGRAMME_LOGO = str(programme)
    settings.ECOCSME_PROGRAMME_NAME = "Example Programme"
    partner.logo.save("logo.png", ContentFile(PNG))


def test_the_sheet_has_a_signature_column_per_session_and_both_logos(client, staff, workshop, seats, logos):
    client.force_login(staff)
    pdf = keep("two-sessions", client.get(f"/en/manage/events/{workshop.pk}/attendance.pdf").content)
    text = pdf_text(pdf)
    assert f"{DAY:%d/%m/%Y} 09:30–12:00" in text  # each column headed with its session's day and time
    assert text.count("Signature") == 2 and "Session 1" in text and "Session 2" in text
    assert "Kind of organisation" in text and "Startup" in text and "NGO" in text
    assert "Example Ioana Popescu" in text and "Example Declined" not in text
    assert "Example Programme" in text and "Logo" not in text and re.search(r"1 ?/ ?1", text)
    assert pdf_images(pdf) == 2


def test_without_logos_the_sheet_leaves_their_places_out(client, staff, settings, workshop, seats):
    settings.ECOCSME_PROGRAMME_LOGO = ""
    client.force_login(staff)
    pdf = client.get(f"/en/manage/events/{workshop.pk}/attendance.pdf").content
    assert pdf_images(pdf) == 0 and "Logo" not in pdf_text(pdf)


def test_the_bundled_example_programme_logo_is_drawn(client, staff, workshop, seats):
    client.force_login(staff)
    text = pdf_text(client.get(f"/en/manage/events/{workshop.pk}/attendance.pdf").content)
    assert "Interreg Europe" in text and "Logo" not in text


def test_three_sessions_turn_the_sheet_to_landscape_and_long_lists_repeat_the_headings(client, staff, partner):
    event = EventFactory(partner=partner, sessions=[(DAY + dt.timedelta(days=n), dt.time(10), dt.time(12))
                                                    for n in range(3)])
    for number in range(40):
        EventInvitationFactory(event=event, answer="yes", contact__name=f"Example Person {number:02}")
    client.force_login(staff)
    pdf = keep("three-sessions", client.get(f"/en/manage/events/{event.pk}/attendance.pdf").content)
    pages, size = pdf_pages(pdf)
    assert "841.89 x 595.276" in size  # A4 turned
    count = int(pages.split()[-1])
    assert count >= 3
    per_page = pdf_text(pdf).split("\f")[:count]
    assert all(page.count("Signature") == 3 and "Session 3" in page and "Attendance sheet" in page
               for page in per_page)
    assert re.search(rf"{count} ?/ ?{count}", per_page[-1])


# --- the export -------------------------------------------------------------------------------------
def test_the_participants_export_has_a_presence_column_per_session(client, staff, workshop, seats):
    _first, second = sessions_of(workshop)
    attendance_check_in(actor=staff, invitation=seats[0], session=second, present=True)
    client.force_login(staff)
    url = f"/en/manage/events/{workshop.pk}/participants"
    rows = list(csv.reader(io.StringIO(b"".join(client.get(url + ".csv").streaming_content)
                                       .decode().lstrip("\ufeff"))))
    heading = rows[0]
    assert heading[:3] == ["Name", "Organisation", "Kind of organisation"]
    assert heading[-2].startswith("Session 1 (") and heading[-1].endswith("): checked in")
    ioana = next(row for row in rows if row[0] == "Example Ioana Popescu")
    assert ioana[-2] == "" and ioana[-1] != "" and ioana[4] == "Yes, I will take part"
    items = json.loads(client.get(url + ".json").content)
    ioana = next(item for item in items if item["name"] == "Example Ioana Popescu")
    assert ioana["present_session_1"] is None and ioana["present_session_2"] and ioana["answer"] == "yes"
    assert ioana["organisation_kind"] == "ngo"


# --- personal data ----------------------------------------------------------------------------------
def test_a_persons_data_names_the_sessions_they_came_to_and_erasure_keeps_the_figures(staff, workshop, seats):
    from ecocsme.events.holdings import events_erase, events_export

    first, second = sessions_of(workshop)
    for session in (second, first):
        attendance_check_in(actor=staff, invitation=seats[0], session=session, present=True)
    [item] = [r for r in events_export(seats[0].contact) if "present_at_sessions" in r]
    assert [p["session"] for p in item["present_at_sessions"]] == [1, 2]
    assert item["present_at_sessions"][0]["day"] == first.day.isoformat()
    events_erase(seats[0].contact)
    assert session_presence(workshop) == {first.pk: 1, second.pk: 1}


@pytest.mark.parametrize("people", [3, 30])
def test_a_check_in_takes_the_same_queries_however_many_people(client, staff, workshop, people,
                                                              django_assert_num_queries):
    """Pinned like the pages in web/tests/test_query_counts.py: the check-in and the row and
    counters it answers with take a fixed number of queries, whatever the size of the list."""
    seats = [EventInvitationFactory(event=workshop, answer="yes") for _ in range(people)]
    attendance_check_in(actor=staff, invitation=seats[1], session=sessions_of(workshop)[0], present=True)
    client.force_login(staff)
    with django_assert_num_queries(CHECK_IN_QUERIES):
        row = client.post(f"/en/manage/events/{workshop.pk}/check-in/",
                          {"invitation": seats[0].pk, "present": "1"}, HTTP_HX_REQUEST="true")
    assert "1 of" not in row.content.decode() and f"2 of {people} present at session 1" in row.content.decode()


CHECK_IN_QUERIES = 19


def test_the_demo_sheet_shows_the_example_logos_of_the_partner_and_the_programme(client, project):
    """The demo's partners have drawn example logos, the programme the bundled example one."""
    from ecocsme.accounts.models import User

    event = project.events.get(partner__number=6, kind="partner_workshop")
    assert event.partner.logo.name == "partners/example-logos/PGI06047-6.svg"
    client.force_login(User.objects.get(username="timisoara"))
    text = pdf_text(keep("demo", client.get(f"/en/manage/events/{event.pk}/attendance.pdf").content))
    assert text.count("logo (example)") == 2 and "Logo" not in text
    assert text.count("Signature") == 2 and "Session 1 · Part 1" in text and "Session 2 · Part 2" in text
