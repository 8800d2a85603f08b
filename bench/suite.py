"""The benchmarks. Later capabilities add theirs here, each printing into the same table."""

import time

from django.core.management import call_command
from django.test import Client
from tqdm import tqdm

from ecocsme.organisations.models import Organisation
from ecocsme.web.demo import demo_load
from ecocsme.web.scale import SCALES, scale_generate

from .harness import Table, keep_connection_open, measure_get, peak_memory_mb

PAGES = [
    ("GET / (home)", "/en/"),
    ("GET /ecoc/", "/en/ecoc/"),
    ("GET /api/v1/ecoc-titles?year=2023", "/api/v1/ecoc-titles?year=2023"),
    ("GET /api/v1/projects/PGI06047/partners", "/api/v1/projects/PGI06047/partners"),
]


def pages(table: Table, size: str) -> None:
    client = Client()
    for name, url in PAGES:
        ms, queries = measure_get(client, url)
        table.add(f"{name} server time", size, ms, "ms")
        table.add(f"{name} SQL queries", size, queries, "queries")


def run(only: list[str]) -> int:
    table = Table()
    keep_connection_open()
    print("Preparing a fresh database…", flush=True)
    call_command("migrate", verbosity=0)
    demo_load()
    if only == ["mail"]:  # python -m bench mail
        return _mail_only(table)
    if only == ["practices"]:  # python -m bench practices
        from . import practices

        practices.run(table)
        print()
        print(table.render())
        return 0
    if only == ["matching-pages"]:  # python -m bench matching-pages
        return _matching_pages_only(table)
    if only == ["action-plan-export"]:  # python -m bench action-plan-export
        from . import action_plans

        print("Action plans as documents…", flush=True)
        action_plans.run(table)
        print()
        print(table.render())
        return 0
    if only == ["labs"]:  # python -m bench labs
        from . import labs

        print("A lab's synthesis and answers at 1,000 and 10,000 answers…", flush=True)
        labs.lab_synthesis(table)
        print()
        print(table.render())
        return 0
    if only == ["monitoring"]:  # python -m bench monitoring
        from . import monitoring

        monitoring.run(table)
        print()
        print(table.render())
        return 0
    pages(table, "demo")
    from . import events

    events.feed_and_pages(table, "demo")

    target = SCALES["europe"].organisations
    started = time.monotonic()
    with tqdm(total=target, desc="generate-scale-data --scale europe", unit="org") as bar:
        scale_generate("europe", progress=bar.update)
    elapsed = time.monotonic() - started
    table.add("generate-scale-data --scale europe", f"{Organisation.objects.count():,} orgs",
              elapsed, "s")
    table.add("peak memory of the benchmark process", "europe", peak_memory_mb(), "MB")
    pages(table, "europe")
    events.feed_and_pages(table, "europe")
    print("Events…", flush=True)
    events.invitations(table)

    from . import labs, replies, text

    print("Local learning labs…", flush=True)
    labs.sending(table)
    labs.lab_synthesis(table)
    print("Text engines…", flush=True)
    text.embedding_and_themes(table)
    labs.analyse_fresh_file(table)
    text.reply_parsing(table)
    replies.run(table)

    from . import practices

    print("Good practices…", flush=True)
    practices.run(table)

    from . import matching

    print("Matchmaking…", flush=True)
    matching.run(table)
    matching.pages(table)

    from . import mail

    print("Mail under load…", flush=True)
    mail.run(table)

    from . import monitoring

    print("Monitoring…", flush=True)
    monitoring.run(table)

    from . import action_plans

    print("Action plans as documents…", flush=True)
    action_plans.run(table)

    print()
    print(table.render())
    return 0


def _mail_only(table: Table) -> int:
    from . import mail

    mail.run(table)
    print()
    print(table.render())
    return 0


def _matching_pages_only(table: Table) -> int:
    from . import matching

    target = SCALES["europe"].organisations
    with tqdm(total=target, desc="generate-scale-data --scale europe", unit="org") as bar:
        scale_generate("europe", progress=bar.update)
    matching.pages(table)
    print()
    print(table.render())
    return 0
