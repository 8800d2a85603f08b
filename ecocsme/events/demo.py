"""Partner workshop 4 in its two parts, as seed document 004 states it."""

import json
from datetime import date, datetime, time
from pathlib import Path

from django.db import transaction

from ecocsme.partnerships.models import Project

from .models import Event, Session
from .times import overall_bounds, session_span, zone_named

DATA = Path(__file__).resolve().parent / "data" / "partner_workshop_4.json"


def partner_workshop_4_load(project: Project) -> Event:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    partner = project.partners.get(number=data["partner_number"])
    zone = zone_named(data["time_zone"])
    spans = []
    for item in data["sessions"]:
        start = time.fromisoformat(item["start"]) if item["start"] else None
        end = time.fromisoformat(item["end"]) if item["end"] else None
        spans.append((session_span(date.fromisoformat(item["day"]), start, end, zone), item["title"]))
    starts_at, ends_at = overall_bounds([span for span, _title in spans], zone)
    deadline = datetime.combine(date.fromisoformat(data["rsvp_deadline_day"]), time(23, 59, 59), tzinfo=zone)
    with transaction.atomic():
        event = Event.objects.filter(project=project, partner=partner, kind=data["kind"],
                                     title__en=data["title"]["en"]).first() or Event(
            project=project, partner=partner, kind=data["kind"])
        values = {"title": data["title"], "description": data["description"],
                  "time_zone": data["time_zone"], "language": data["language"],
                  "online_url": data["online_url"], "rsvp_deadline": deadline,
                  "capacity": data.get("capacity"),
                  "contact_name": data["contact_name"], "contact_email": data["contact_email"],
                  "status": Event.Status.PUBLISHED, "starts_at": starts_at, "ends_at": ends_at}
        for name, value in values.items():
            setattr(event, name, value)
        event.save()
        for position, (span, title) in enumerate(spans, start=1):
            Session.objects.update_or_create(event=event, position=position, defaults={
                "day": span.day, "starts_at": span.starts_at, "ends_at": span.ends_at, "title": title})
    return event


# (address of the example contact, answer, note, access or dietary needs), in the order they answered
EXAMPLE_ANSWERS = (
    ("radu@example.org", "yes", "", ""),
    ("ana@example.org", "yes", "I will present our print studio's ECoC project (example).",
     "Step-free access and live captions, please (example)."),
    ("dan@example.org", "no", "Another meeting that day; please send the slides (example).", ""),
    ("eva@example.org", "yes", "", ""),
)


def example_invitations_load(event: Event, actor) -> int:
    """Invite the organiser's example contacts and record their answers as they came before the
    deadline: two places (an example limit) taken, one declined, one on the waiting list."""
    from datetime import timedelta

    from ecocsme.events.services.answers import answer_save
    from ecocsme.events.services.invitations import invitations_create
    from ecocsme.invitations.states import AnswerRefused
    from ecocsme.organisations.models import Contact

    people = {c.email: c for c in Contact.objects.filter(
        partner=event.partner, email__in=[row[0] for row in EXAMPLE_ANSWERS])}
    invitations_create(actor=actor, event=event, contacts=list(people.values()))
    answered_at = event.rsvp_deadline - timedelta(days=7)
    for position, (email, answer, note, needs) in enumerate(EXAMPLE_ANSWERS):
        invitation = event.invitations.get(contact=people[email])
        if invitation.answer:
            continue
        try:
            answer_save(invitation=invitation, answer=answer, note=note, needs=needs,
                        now=answered_at + timedelta(hours=position))
        except AnswerRefused:
            continue
    example_check_ins_load(event, actor)
    return len(EXAMPLE_ANSWERS)


def example_check_ins_load(event: Event, actor) -> None:
    """The confirmed participants present as the example sheets were signed: everyone at the
    last session, the first of them at every session."""
    from datetime import timedelta

    from ecocsme.events.services.attendance import attendance_check_in

    sessions = list(event.sessions.order_by("position"))
    confirmed = list(event.invitations.filter(place="confirmed").order_by("contact__name"))
    for number, invitation in enumerate(confirmed):
        for session in sessions if number == 0 else sessions[-1:]:
            start = session.starts_at or datetime.combine(session.day, time(9), tzinfo=event.zone)
            attendance_check_in(actor=actor, invitation=invitation, session=session, present=True,
                                at=start - timedelta(minutes=10 - number))
