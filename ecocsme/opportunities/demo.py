"""The demo's opportunities: the 55 example posts of ECoC organisers of the matching benchmark's
development set (`bench/data/matching/opportunities.jsonl`, fictional, in the eight languages),
published and marked as examples, each moderated by the partner the rule gives
(`services.moderating_partner`: a partner whose city holds the post's ECoC title, else none)."""

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from ecocsme.reference.models import EcocTitle, NaceDivision
from ecocsme.reference.phases import Phase

from .models import Opportunity
from .services import moderating_partner

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "matching" / "opportunities.jsonl"
CONTACT = "Programme office (example)"
CONTACT_EMAIL = "programme.office@example.org"


def records(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def title_of_city(city: str, titles: list[EcocTitle], today: dt.date) -> EcocTitle | None:
    """The city's ECoC title: of several, the latest not in the future, else the earliest."""
    held = sorted((t for t in titles if t.city == city), key=lambda t: t.year)
    past = [t for t in held if t.year <= today.year]
    return past[-1] if past else (held[0] if held else None)


def future_deadline(deadline: dt.date, today: dt.date) -> dt.date:
    """The file's deadlines were written for the year it was made in. So that the demo keeps
    working whenever it is loaded, a deadline already past moves on by whole years (same day and
    month; 28 February for a 29th) until it is in the future."""
    years = 0
    moved = deadline
    while moved <= today:
        years += 1
        try:
            moved = deadline.replace(year=deadline.year + years)
        except ValueError:
            moved = deadline.replace(year=deadline.year + years, day=28)
    return moved


def opportunities_demo_load(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Create or update the example opportunities, published; returns how many. Safe to run again
    (each is found by its title among the examples)."""
    from django.contrib.auth.models import AnonymousUser

    if not DATA.exists():  # an installation without the benchmarks' data
        return 0
    items = records()
    nobody = AnonymousUser()  # posted by no one: the rule goes by the ECoC title
    today = timezone.localdate()
    now = timezone.now()
    titles = list(EcocTitle.objects.exclude(city=""))
    sectors = {division.code: division for division in NaceDivision.objects.all()}
    loaded = 0
    with transaction.atomic():
        for number, record in enumerate(items, start=1):
            title = title_of_city(record["ecoc_city"], titles, today)
            if title is None:
                continue
            phase = record.get("phase")
            if phase not in Phase.values:
                phase = title.phase_on(today).value
            budget = record.get("budget_eur")
            values = {
                "description": record["description"], "kind": record["kind"], "ecoc_title": title,
                "phase": phase, "language": record["language"], "city": record["ecoc_city"],
                "country": record["country"],
                "deadline": future_deadline(dt.date.fromisoformat(record["deadline"]), today),
                "budget_eur": Decimal(str(budget)) if budget is not None else None,
                "cross_border": bool(record.get("cross_border", True)),
                "contact_name": CONTACT, "contact_email": CONTACT_EMAIL, "contact_phone": "",
                "partner": moderating_partner(nobody, ecoc_title=title),
                "status": Opportunity.Status.PUBLISHED,
                "published_at": now - dt.timedelta(hours=len(items) - number), "closed_at": None,
            }
            opportunity, _created = Opportunity.objects.update_or_create(
                is_example=True, title=record["title"], defaults=values)
            opportunity.sectors.set([sectors[code] for code in record.get("sectors", []) if code in sectors])
            loaded += 1
            if progress:
                progress(number, len(items))
    return loaded
