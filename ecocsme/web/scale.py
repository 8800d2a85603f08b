"""Generated data at a given scale for benchmarks (SPEC §4). Everything made here is an example."""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from ecocsme.organisations.models import Organisation
from ecocsme.partnerships.models import Partner
from ecocsme.partnerships.services import project_upsert
from ecocsme.reference.models import EcocTitle, NaceDivision
from ecocsme.reference.sme import SizeClass

from .demo import demo_load


@dataclass(frozen=True)
class Scale:
    projects: int
    organisations: int
    events: int  # all in the first example project: the feed of one busy project


SCALES = {
    "demo": Scale(projects=1, organisations=500, events=0),
    "small": Scale(projects=3, organisations=5_000, events=200),
    "europe": Scale(projects=10, organisations=200_000, events=2_000),
}
BATCH = 5_000
KINDS = [k for k, _label in Organisation.Kind.choices]
KIND_WEIGHTS = [50, 15, 10, 8, 3, 5, 3, 6]
SIZES = [SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM, SizeClass.LARGE]
SIZE_WEIGHTS = [70, 20, 8, 2]
LANGUAGES = ["en", "ro", "it", "nl", "hr", "lt", "fi", "de"]
WORDS = ["design", "crafts", "heritage", "food", "tourism", "music", "film", "digital", "games",
         "printing", "textiles", "architecture", "events", "publishing", "media", "software"]

Progress = Callable[[int], None]


def scale_generate(name: str, *, seed: int = 2026, progress: Progress | None = None) -> dict[str, int]:
    """Add example projects and organisations up to the scale's counts. Idempotent by count."""
    scale = SCALES[name]
    demo_load()
    rng = random.Random(seed)
    titles = list(EcocTitle.objects.exclude(city="").order_by("year", "city"))
    projects = _example_projects(scale.projects - 1, titles, rng)
    organisations = _example_organisations(scale.organisations, titles, rng, progress)
    events = 0
    if scale.events:
        from ecocsme.events.scale import example_events_generate
        from ecocsme.partnerships.models import Project

        events = example_events_generate(Project.objects.get(code="EX00001"), scale.events, rng)
    return {"projects": projects + 1, "organisations": organisations, "events": events}


def _example_projects(count: int, titles: list[EcocTitle], rng: random.Random) -> int:
    for number in range(1, count + 1):
        start = dt.date(2016 + number % 8, 1 + number % 12, 1)
        with transaction.atomic():
            project = project_upsert(
                code=f"EX{number:05d}", acronym=f"Example {number}",
                title=f"Example partnership {number} (example)",
                programme="Interreg Europe (example)", start_date=start, duration_months=36,
                total_budget=Decimal(rng.randrange(800_000, 2_500_000)),
            )
            if project.partners.exists():
                continue
            chosen = rng.sample(titles, rng.randrange(5, 10))
            Partner.objects.bulk_create([
                Partner(project=project, number=i, role="lead" if i == 1 else "partner",
                        name=f"Example partner {i} of {project.code} (example)",
                        city=title.city, country=title.country.code, ecoc_title=title,
                        budget=Decimal(rng.randrange(80_000, 300_000)))
                for i, title in enumerate(chosen, start=1)
            ])
    return count


def _example_organisations(target: int, titles: list[EcocTitle], rng: random.Random,
                           progress: Progress | None) -> int:
    existing = Organisation.objects.filter(is_example=True).count()
    divisions = list(NaceDivision.objects.values_list("code", flat=True))
    through = Organisation.sectors.through
    made = existing
    while made < target:
        size = min(BATCH, target - made)
        with transaction.atomic():
            batch = [_organisation(made + i, titles, rng) for i in range(size)]
            created = Organisation.objects.bulk_create(batch, batch_size=1000)
            links = [through(organisation_id=org.pk, nacedivision_id=code)
                     for org in created for code in rng.sample(divisions, rng.randrange(1, 4))]
            through.objects.bulk_create(links, batch_size=2000)
        made += size
        if progress:
            progress(size)
    return made


def _organisation(number: int, titles: list[EcocTitle], rng: random.Random) -> Organisation:
    title = rng.choice(titles)
    word = rng.choice(WORDS)
    return Organisation(
        name=f"Example {word} organisation {number:06d} (example)",
        kind=rng.choices(KINDS, KIND_WEIGHTS)[0],
        size_class=rng.choices(SIZES, SIZE_WEIGHTS)[0],
        city=title.city, country=title.country.code,
        languages=rng.sample(LANGUAGES, rng.randrange(1, 3)),
        description=f"An invented organisation working in {word} around {title.city} (example).",
        capabilities=", ".join(rng.sample(WORDS, 3)),
        is_example=True,
    )
