"""The action plan as a document (AP-3): the DOCX and the PDF of a plan with 10 full actions —
long texts in Romanian with English beside them, milestones, cost items, funding sources and
practices cited — made from its endorsed version as the public site serves it: the median time
of several renderings, and the peak memory of a process that renders it once (its own process,
`action_plan_child.py`, beside the same process idle), and the plan's public page.

`python -m bench action-plan-export` runs it alone.
"""

import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from django.test import Client

from .harness import Table, measure_get, median_seconds

ACTIONS = 10
CENT = Decimal("0.01")
REPEAT = 7
ROOT = Path(__file__).resolve().parent.parent

PARAGRAPH_RO = ("Întreprinderile mici din industriile culturale și creative ale Timișoarei își împart "
                "atelierele, își țin evidența proiectelor și învață unele de la altele; moștenirea capitalei "
                "europene a culturii le dă public, parteneri și spații (exemplu). ")
PARAGRAPH_EN = ("Small firms of the cultural and creative industries share workshops, keep track of their "
                "projects and learn from each other; the capital of culture's legacy gives them audiences, "
                "partners and places (example). ")


def _text(sentences: int, *, english: bool = True) -> dict:
    ro = "\n\n".join(PARAGRAPH_RO * 3 for _ in range(max(1, sentences // 3)))
    return {"ro": ro, "en": "\n\n".join(PARAGRAPH_EN * 3 for _ in range(max(1, sentences // 3)))} if english \
        else {"ro": ro}


def bench_plan():
    """A project of its own with one partner whose plan has ACTIONS full actions, endorsed and
    published, made through the services as partners make it."""
    from ecocsme.accounts.models import User
    from ecocsme.actionplans.services.plans import (
        ActionRows,
        action_save,
        plan_create,
        plan_endorse,
        plan_publish,
        plan_submit,
        plan_validate,
    )
    from ecocsme.partnerships.models import Partner
    from ecocsme.partnerships.services import project_upsert
    from ecocsme.practices.access import published_practices

    actor, _created = User.objects.get_or_create(username="bench-action-plans",
                                                 defaults={"is_superuser": True, "is_staff": True})
    project = project_upsert(code="BENCH-AP", acronym="BENCH-AP", title="Action plan benchmark (example)",
                             programme="Interreg Europe 2014-2020", start_date=dt.date(2019, 8, 1),
                             duration_months=36)
    project.action_plans.all().delete()
    partner, _created = Partner.objects.get_or_create(project=project, number=1, defaults={
        "name": "Municipality of Timișoara (example)", "city": "Timișoara", "country": "RO",
        "short_name": "Timișoara"})
    practices = list(published_practices().order_by("pk").values_list("pk", "title")[:3])
    plan = plan_create(actor=actor, partner=partner, values={
        "language": "ro", "title": {"ro": "Planul de acțiune al Timișoarei (exemplu)",
                                    "en": "Timișoara's action plan (example)"},
        "summary": _text(3), "other_organisations": {"ro": "ADR Vest; Camera de Comerț Timiș (exemplu)"},
        "contact_role": "Manager de proiect (exemplu)", "contact_email": "ecocsme@example.org",
        "contact_phone": "+40 256 000 000", "instrument_category": "growth_and_jobs",
        "policy_context": _text(6), "improvement_aim": _text(3)})
    for number in range(1, ACTIONS + 1):
        plan.refresh_from_db()
        start = dt.date(2021, 1 + number % 12, 1)
        rows = ActionRows(
            milestones=[{"date": start + dt.timedelta(days=60 * k), "title": {"ro": f"Etapa {k} (exemplu)"}}
                        for k in range(4)],
            costs=[{"item": {"ro": f"Cost {k}: personal, evenimente, comunicare (exemplu)"},
                    "amount": f"{1000 * (k + 1) + number}.50"} for k in range(5)],
            funding=[], inspirations=[
                {"kind": "practice", "id": pk, "label": str(title.get("en") or next(iter(title.values()))),
                 "note": {"ro": "ce preia acțiunea de aici (exemplu)"}} for pk, title in practices] + [
                {"kind": "theme", "id": None, "label": f"Lab {k}: youth, education and entrepreneurship",
                 "note": {"ro": "lecția învățată în laboratorul local (exemplu)"}} for k in (1, 2)])
        total = sum(Decimal(row["amount"]) for row in rows.costs)
        erdf, national = (total * Decimal("0.85")).quantize(CENT), (total * Decimal("0.13")).quantize(CENT)
        rows.funding = [{"source": {"ro": "FEDR (exemplu)"}, "amount": erdf},
                        {"source": {"ro": "Buget național (exemplu)"}, "amount": national},
                        {"source": {"ro": "Contribuție proprie (exemplu)"},
                         "amount": total - erdf - national}]
        action_save(actor=actor, plan=plan, action=None, revision=plan.revision, rows=rows, values={
            "title": {"ro": f"Acțiunea {number}: apel pentru IMM-uri culturale și creative (exemplu)"},
            "background": _text(6), "description": _text(12), "players": _text(3, english=False),
            "start_date": start, "end_date": start + dt.timedelta(days=300)})
    plan = plan_submit(actor=actor, plan=plan)
    plan = plan_validate(actor=actor, plan=plan, revision=plan.revision)
    plan = plan_endorse(actor=actor, plan=plan, endorsed_on=dt.date(2021, 6, 15),
                        endorsed_by_role="Director general (exemplu)",
                        endorsing_organisation="Agenția pentru Dezvoltare Regională Vest (exemplu)")
    return plan_publish(actor=actor, plan=plan, published=True)


def _child(document_path: Path, fmt: str) -> dict:
    output = subprocess.run([sys.executable, "-m", "bench.action_plan_child", str(document_path), fmt],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(output.stdout.strip().splitlines()[-1])


def _pages(pdf: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _cpu_median(action, *, repeat: int) -> float:
    """The median CPU time of the process in seconds: what the rendering costs, whatever else
    the machine runs at the time (the wall time beside it)."""
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        action()
        samples.append(time.process_time() - started)
    return statistics.median(samples)


def run(table: Table) -> None:
    from ecocsme.actionplans.documents import plan_docx, plan_pdf
    from ecocsme.actionplans.selectors import inspiration_links

    print(f"  an endorsed plan with {ACTIONS} actions…", flush=True)
    plan = bench_plan()
    version = plan.endorsed_version
    document = version.snapshot
    links = inspiration_links(document, language="ro")
    meta = {"number": version.number, "date": version.created_at}
    size = f"{ACTIONS} actions"
    for fmt, render in (("DOCX", plan_docx), ("PDF", plan_pdf)):
        def once(render=render):
            return render(document, links=links, version=meta)

        data = once()
        shown = f"{size}, {_pages(data)} pages" if fmt == "PDF" else size
        table.add(f"action plan {fmt}", shown, median_seconds(once, repeat=REPEAT, warmup=1) * 1000, "ms")
        table.add(f"action plan {fmt}, CPU time", shown, _cpu_median(once, repeat=REPEAT) * 1000, "ms")
        table.add(f"action plan {fmt}, file size", shown, len(data) / 1024, "KiB")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.json"
        path.write_text(json.dumps({"document": document, "links": links}), encoding="utf-8")
        for fmt in ("docx", "pdf"):
            figures = _child(path, fmt)
            table.add(f"peak memory of a process rendering the {fmt.upper()}", size,
                      figures["rendering_mb"], "MB")
            table.add("  of which the rendering (above the idle process)", size,
                      figures["rendering_mb"] - figures["idle_mb"], "MB")
    from django.core.cache import cache

    client = Client()
    page, pdf_url = f"/ro/action-plans/{plan.pk}/", f"/ro/action-plans/{plan.pk}/plan.pdf"
    ms, queries = measure_get(client, page, repeat=15)
    table.add("GET public page of the plan server time", size, ms, "ms")
    table.add("GET public page of the plan SQL queries", size, queries, "queries")

    def made_anew():
        cache.clear()
        client.get(pdf_url)

    table.add("GET public PDF of the plan, made anew", size,
              median_seconds(made_anew, repeat=3, warmup=0) * 1000, "ms")
    ms, queries = measure_get(client, pdf_url, repeat=15)  # kept in the cache since the first
    table.add("GET public PDF of the plan, kept", size, ms, "ms")
    table.add("GET public PDF of the plan SQL queries", size, queries, "queries")
