"""Generated events for benchmarks (SPEC §4: 2,000 events at Europe scale). All are examples."""

import datetime as dt
import random

from django.db import transaction

from ecocsme.partnerships.models import Project

from .models import Event, Session
from .times import overall_bounds, session_span, zone_named

ZONES = {"RO": "Europe/Bucharest", "NL": "Europe/Amsterdam", "IT": "Europe/Rome", "HR": "Europe/Zagreb",
         "LT": "Europe/Vilnius", "FI": "Europe/Helsinki", "DE": "Europe/Berlin", "GR": "Europe/Athens",
         "PT": "Europe/Lisbon", "ES": "Europe/Madrid", "FR": "Europe/Paris", "IE": "Europe/Dublin",
         "GB": "Europe/London", "BE": "Europe/Brussels", "LU": "Europe/Luxembourg",
         "DK": "Europe/Copenhagen", "SE": "Europe/Stockholm", "AT": "Europe/Vienna",
         "HU": "Europe/Budapest", "CZ": "Europe/Prague", "SK": "Europe/Bratislava",
         "SI": "Europe/Ljubljana", "PL": "Europe/Warsaw", "LV": "Europe/Riga", "EE": "Europe/Tallinn",
         "BG": "Europe/Sofia", "CY": "Asia/Nicosia", "MT": "Europe/Malta", "RS": "Europe/Belgrade",
         "UA": "Europe/Kyiv", "NO": "Europe/Oslo", "IS": "Atlantic/Reykjavik"}
KINDS = [k for k, _label in Event.Kind.choices]
LANGUAGES = ["en", "ro", "it", "nl", "hr", "lt", "fi", "de"]


def example_events_generate(project: Project, target: int, rng: random.Random) -> int:
    """Events of one project up to `target`, spread over 2019–2030, one or two sessions each."""
    partners = list(project.partners.all())
    made = project.events.count()
    while made < target:
        size = min(500, target - made)
        with transaction.atomic():
            events, sessions = [], []
            for number in range(made, made + size):
                partner = partners[number % len(partners)]
                zone_name = ZONES.get(str(partner.country), "Europe/Brussels")
                zone = zone_named(zone_name)
                day = dt.date(2019, 1, 7) + dt.timedelta(days=rng.randrange(0, 12 * 365))
                start = dt.time(rng.choice([9, 10, 13, 14]))
                spans = [session_span(day, start, dt.time(start.hour + 2, 30), zone)]
                if number % 3 == 0:
                    spans.append(session_span(day + dt.timedelta(days=1), dt.time(9, 30), dt.time(13), zone))
                event = Event(project=project, partner=partner, kind=KINDS[number % len(KINDS)],
                              title={"en": f"Example event {number:05d} (example)"},
                              description={"en": "An invented event for benchmarks (example)."},
                              time_zone=zone_name, language=LANGUAGES[number % len(LANGUAGES)],
                              city=partner.city, venue=f"Example venue {number % 50} (example)",
                              capacity=rng.choice([None, 30, 60, 120]), status=Event.Status.PUBLISHED)
                event.starts_at, event.ends_at = overall_bounds(spans, zone)
                events.append((event, spans))
            Event.objects.bulk_create([e for e, _spans in events], batch_size=500)
            for event, spans in events:
                sessions.extend(Session(event=event, position=position, day=span.day,
                                        starts_at=span.starts_at, ends_at=span.ends_at)
                                for position, span in enumerate(spans, start=1))
            Session.objects.bulk_create(sessions, batch_size=1000)
        made += size
    return made
