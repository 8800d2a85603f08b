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
                  "contact_name": data["contact_name"], "contact_email": data["contact_email"],
                  "status": Event.Status.PUBLISHED, "starts_at": starts_at, "ends_at": ends_at}
        for name, value in values.items():
            setattr(event, name, value)
        event.save()
        for position, (span, title) in enumerate(spans, start=1):
            Session.objects.update_or_create(event=event, position=position, defaults={
                "day": span.day, "starts_at": span.starts_at, "ends_at": span.ends_at, "title": title})
    return event
