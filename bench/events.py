"""Benchmarks of events: 10,000 invitations with calendar files to a local SMTP server, the
calendar feed of a project with 2,000 events, and the event pages (EVT-2, EVT-3)."""

import time
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from .harness import Table, measure_get, smtp_sink


def invitations(table: Table, n: int = 10_000) -> None:
    from ecocsme.core.links import new_nonce
    from ecocsme.core.models import OutgoingMail
    from ecocsme.core.outbox import mail_deliver
    from ecocsme.events.models import EventInvitation
    from ecocsme.events.services.invitations import invitations_send
    from ecocsme.organisations.models import Consent, Contact

    event, staff = _event()
    partner = event.partner
    contacts = Contact.objects.bulk_create([
        Contact(partner=partner, name=f"Example invitee {i} (example)", email=f"invitee{i}@example.org",
                language=("ro", "en", "it", "nl", "hr", "lt", "fi", "de")[i % 8]) for i in range(n)],
        batch_size=2000)
    Consent.objects.bulk_create([Consent(contact=c, purpose="event_invitations", granted=True,
                                         source="staff") for c in contacts], batch_size=2000)
    EventInvitation.objects.bulk_create([
        EventInvitation(event=event, contact=c, language=c.language, nonce=new_nonce(),
                        message_id=f"<bench-event-{c.pk}@example.org>") for c in contacts], batch_size=2000)
    started = time.perf_counter()
    invitations_send(actor=staff, event=event)  # renders each mail and its calendar file
    queued = time.perf_counter() - started
    ids = list(OutgoingMail.objects.filter(key__startswith="events.invitation:").filter(
        status="queued").values_list("pk", flat=True))
    with smtp_sink():
        started = time.perf_counter()
        counts = mail_deliver(ids)
        sent = time.perf_counter() - started
    assert counts["sent"] == n, counts
    table.add("event invitations with .ics: rendering and queuing", f"{n:,} mails", n / queued, "mails/s")
    table.add("event invitations with .ics: sending to a local SMTP server", f"{n:,} mails", n / sent,
              "mails/s")


def _event():
    from datetime import time as clock

    from ecocsme.accounts.models import User
    from ecocsme.events.services.events import SessionInput, event_publish, event_save
    from ecocsme.partnerships.models import Project

    staff = User.objects.get(username="timisoara")
    project = Project.objects.get(code="PGI06047")
    event = event_save(actor=staff, event=None, partner=project.partners.get(number=6), values={
        "title": {"en": "Example benchmark workshop (example)"}, "description": {}, "agenda": {},
        "kind": "partner_workshop", "language": "en", "time_zone": "Europe/Bucharest", "venue": "",
        "address": "", "city": "Timișoara", "online_url": "https://meeting.example.org/bench",
        "capacity": None, "rsvp_deadline": timezone.now() + timedelta(days=20), "is_public": True,
        "contact_name": "", "contact_email": "team@example.org"},
        sessions=[SessionInput(day=timezone.now().date() + timedelta(days=30), start=clock(13, 15),
                               end=clock(15, 30))])
    event_publish(actor=staff, event=event)
    return event, staff


def feed_and_pages(table: Table, size: str) -> None:
    from ecocsme.events.models import Event

    client = Client()
    code = "EX00001" if size == "europe" else "PGI06047"
    count = Event.objects.filter(project__code=code).count()
    label = f"{size}, {count:,} events"
    from django.core.cache import cache

    from .harness import median_seconds

    def cold():
        cache.clear()
        client.get(f"/calendar/{code}.ics")

    table.add(f"GET /calendar/{code}.ics, file made anew", label,
              median_seconds(cold, repeat=3, warmup=1) * 1000, "ms")
    ms, queries = measure_get(client, f"/calendar/{code}.ics", repeat=5)
    table.add(f"GET /calendar/{code}.ics, unchanged events (cached)", label, ms, "ms")
    table.add(f"GET /calendar/{code}.ics SQL queries", label, queries, "queries")
    event = Event.objects.filter(project__code=code).order_by("-starts_at").first()
    for name, url in (("GET event page", f"/en/events/{event.pk}/"),
                      ("GET project events page", f"/en/projects/{code}/events/?when=past")):
        ms, queries = measure_get(client, url)
        table.add(f"{name} server time", label, ms, "ms")
        table.add(f"{name} SQL queries", label, queries, "queries")
