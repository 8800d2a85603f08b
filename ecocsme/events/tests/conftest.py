from datetime import date, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from ecocsme.events.models import Event
from ecocsme.events.services.events import SessionInput, event_publish, event_save
from ecocsme.organisations.models import Contact, Organisation
from ecocsme.organisations.services import consent_set


@pytest.fixture
def staff(project, make_user):
    return make_user("t-staff", role="partner_staff", project=project, partner_number=6)


def future_event(staff, project, *, capacity=None, days=30, deadline_days=20, **values) -> Event:
    """A published online workshop in Timișoara's zone, a month ahead (example)."""
    day = timezone.now().date() + timedelta(days=days)
    deadline = timezone.now() + timedelta(days=deadline_days)
    event = event_save(actor=staff, event=None, partner=project.partners.get(number=6), values={
        "title": {"en": "Example workshop", "ro": "Atelier de exemplu"}, "description": {},
        "agenda": {}, "kind": "partner_workshop", "language": "en", "time_zone": "Europe/Bucharest",
        "venue": "", "address": "", "city": "Timișoara", "online_url": "https://meeting.example.org/x",
        "capacity": capacity, "rsvp_deadline": deadline, "is_public": True,
        "contact_name": "Project team (example)", "contact_email": "team@example.org", **values},
        sessions=[SessionInput(day=day, start=time(13, 15), end=time(15, 30))])
    event_publish(actor=staff, event=event)
    return event


@pytest.fixture
def people(project):
    """Three example stakeholders of Timișoara who agreed to event invitations, and one who did not."""
    partner = project.partners.get(number=6)
    made = []
    for name, language, kind, consent in [("Example Ioana", "ro", "sme", True),
                                          ("Example Mark", "en", "ngo", True),
                                          ("Example Ana", "ro", "startup", True),
                                          ("Example No-consent", "en", "sme", False)]:
        organisation = Organisation.objects.create(name=f"{name} organisation (example)", kind=kind,
                                                   city="Timișoara", country="RO", partner=partner)
        contact = Contact.objects.create(partner=partner, organisation=organisation, name=name,
                                         email=f"{name.split()[1].lower()}@example.org", language=language)
        consent_set(contact=contact, purpose="event_invitations", granted=consent, source="staff")
        made.append(contact)
    return made


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def mails_to(smtp_server, address: str):
    return [m for m in smtp_server.messages if m["To"] == address]


def calendar_of(message) -> tuple[str, Calendar] | None:
    """(METHOD parameter of the MIME part, parsed calendar) of a mail's .ics attachment."""
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            return part.get_param("method"), Calendar.from_ical(part.get_payload(decode=True))
    return None


@pytest.fixture
def day_after_tomorrow():
    return date.today() + timedelta(days=2)


def plain_text(message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
