"""The demo's good practices: the five the ECoC-SME partners published, summarised in our own
words, and example practices in the eight languages (`data/example_practices.jsonl`, which the
search benchmark also reads). All are marked as examples."""

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ecocsme.partnerships.models import Partner, Project
from ecocsme.reference.models import EcocTitle, NaceDivision

from .models import TEXT_FIELDS, Practice
from .search.indexing import index_practice

DATA = Path(__file__).resolve().parent / "data" / "example_practices.jsonl"
# Which partner identified the project's own practices, by city, and the examples, by language.
PARTNER_BY_PRACTICE = {"blokhuispoort": "Municipality of Leeuwarden",
                       "launch-game": "Incubator Foundation Leeuwarden"}
PARTNER_CITY_BY_LANGUAGE = {"ro": "Timișoara", "it": "Matera", "nl": "Leeuwarden", "hr": "Rijeka",
                            "lt": "Kaunas", "fi": "Joensuu"}


def records(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _partner(project: Project, record: dict) -> Partner:
    partners = list(project.partners.order_by("number"))
    if record["id"] in PARTNER_BY_PRACTICE:
        return next(p for p in partners if p.name == PARTNER_BY_PRACTICE[record["id"]])
    city = record.get("city") if record["id"] in ("open-design-school", "rinovatori", "traces-cultour") \
        else PARTNER_CITY_BY_LANGUAGE.get(record["language"])
    return next((p for p in partners if p.city == city), partners[0])


def _month(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(f"{value}-01") if value else None


def _texts(record: dict) -> dict[str, dict[str, str]]:
    language = record["language"]
    texts = {name: {language: record[name]} for name in TEXT_FIELDS if record.get(name)}
    for other, fields in (record.get("translations") or {}).items():
        for name, text in fields.items():
            if name in TEXT_FIELDS and text:
                texts.setdefault(name, {})[other] = text
    return texts


def practices_demo_load(project: Project, *, progress: Callable[[int, int], None] | None = None) -> int:
    """Create or update the demo practices, published and indexed; returns how many."""
    items = records()
    titles = {(t.year, slugify(t.city)): t for t in EcocTitle.objects.exclude(city="")}
    sectors = {division.code: division for division in NaceDivision.objects.all()}
    now = timezone.now()
    loaded = []
    with transaction.atomic():
        for number, record in enumerate(items):
            partner = _partner(project, record)
            values = {
                **{name: {} for name in TEXT_FIELDS}, **_texts(record),
                "project": project, "partner": partner, "status": Practice.Status.PUBLISHED,
                "is_example": True, "keywords": record.get("keywords", []), "country": record["country"],
                "city": record.get("city", ""),
                "ecoc_title": titles.get((record.get("ecoc_year"), slugify(record.get("ecoc_city", "")))),
                "phases": record.get("phases", []), "themes": record.get("themes", []),
                "starts_on": _month(record.get("start")), "ends_on": _month(record.get("end")),
                "main_institution": record.get("main_institution", "")[:300],
                "contact_organisation": record.get("contact_organisation", "")[:300],
                "website": record.get("website", ""),
                "published_at": now - dt.timedelta(hours=len(items) - number),
            }
            practice, _created = Practice.objects.update_or_create(slug=record["id"], defaults=values)
            practice.sectors.set([sectors[code] for code in record.get("sectors", []) if code in sectors])
            loaded.append(practice.pk)
    for done, practice_id in enumerate(loaded, start=1):
        index_practice(practice_id)
        if progress:
            progress(done, len(loaded))
    return len(loaded)
