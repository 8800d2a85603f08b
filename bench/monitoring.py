"""Monitoring at Europe scale (AP-4): 10 projects of 7 partners (70 partners), 8 semesters each,
the programme's indicators installed with targets, manual values and budget lines for every
partner and semester, action plans with actions and their reports, and everything the computed
indicators count: 2,240 events held with about 200,000 participants, 280 labs with about 300,000
answers. Then the dashboard of a project and of one partner through the test client (median
server time, SQL queries) and the indicators API.

    python -m bench monitoring     # this step alone (after the demo), also part of `make bench`

Everything made here is an example ("(example)" in every name); the projects are MO00001…MO00010,
apart from the other steps' EX projects, so the figures are the same alone or in the full run."""

import datetime as dt
import random
import time
from collections import Counter
from decimal import ROUND_DOWN, Decimal

from django.db import transaction
from django.test import Client
from django.utils import timezone

from .harness import Table, measure_get

PROJECTS = 10
PARTNERS = 7  # per project: 70 in all
MONTHS = 48  # 8 semesters
EVENTS_PER_SEMESTER = 4  # per partner: 2,240 events
PARTICIPANTS = (40, 140)  # per event, checked in: about 200,000
LABS_PER_PARTNER = 4  # one every other semester: 280 labs
RESPONSES_PER_LAB = (900, 1_250)  # one answer each: about 300,000
CONTACTS_PER_PARTNER = 300  # the people a partner invites to its events
ACTIONS_PER_PLAN = 6
LANGUAGES = ["en", "ro", "it", "nl", "hr", "lt", "fi", "de"]
KINDS = ["sme", "startup", "ngo", "public", "cultural"]
BATCH = 5_000
CATEGORIES = ("growth_and_jobs", "territorial_cooperation", "other")  # what the plans aim to improve
# Each partner's target per indicator, about what the data below reaches over the eight semesters
# (some above, some below); those the data set does not feed (practices, interests) stay at 0.
TARGETS = {
    "policy_learning_events": (25, 40), "event_participants": (2_400, 3_600), "labs_held": (3, 5),
    "lab_answers": (3_500, 5_500), "good_practices_identified": (3, 6), "organisations_engaged": (20, 50),
    "smes_engaged": (10, 30), "people_increased_capacity": (120, 220), "media_appearances": (100, 200),
    "action_plans_developed": (1, 1), "actions_implemented": (3, 6),
    "growth_jobs_instruments_improved": (1, 1), "other_instruments_improved": (1, 1),
    "structural_funds_influenced": (100_000, 400_000), "other_funds_influenced": (100_000, 400_000),
}
PASSWORD = "bench-monitoring-password"  # an example account on a throwaway database


def code_of(number: int) -> str:
    return f"MO{number:05d}"


def generate(seed: int = 2026) -> dict[str, int]:
    """Make the data set (once: a second call finds it and returns its counts)."""
    from ecocsme.partnerships.models import Project

    rng = random.Random(seed)
    made: Counter[str] = Counter()
    for number in range(1, PROJECTS + 1):
        if Project.objects.filter(code=code_of(number)).exists():
            continue
        project = _project(number, rng)
        partners = list(project.partners.order_by("number"))
        periods = list(project.periods.order_by("number"))
        _accounts(project, partners)
        contacts = _contacts(partners)
        made.update(projects=1, partners=len(partners))
        made.update(_events(project, partners, periods, contacts, rng))
        made.update(_labs(project, partners, periods, rng))
        made.update(_plans(project, partners, periods, rng))
        made.update(_monitoring(project, partners, periods, rng))
    return dict(made)


def _project(number: int, rng: random.Random):
    from ecocsme.partnerships.models import Partner
    from ecocsme.partnerships.services import project_upsert
    from ecocsme.reference.models import EcocTitle

    titles = list(EcocTitle.objects.exclude(city="").order_by("year", "city"))
    start = dt.date(2021, 1 + (number - 1) % 12, 1) if number <= 6 else dt.date(2020, number, 1)
    with transaction.atomic():
        project = project_upsert(code=code_of(number), acronym=f"Monitoring example {number}",
                                 title=f"Example partnership under monitoring {number} (example)",
                                 programme="Interreg Europe (example)", start_date=start,
                                 duration_months=MONTHS,
                                 total_budget=Decimal(rng.randrange(1_200_000, 2_500_000)))
        chosen = rng.sample(titles, PARTNERS)
        Partner.objects.bulk_create([
            Partner(project=project, number=i, role="lead" if i == 1 else "partner",
                    name=f"Example partner {i} of {project.code} (example)",
                    short_name=f"{title.city} (example)",
                    city=title.city, country=title.country.code, ecoc_title=title,
                    budget=Decimal(rng.randrange(120_000, 300_000)))
            for i, title in enumerate(chosen, start=1)])
    return project


def _accounts(project, partners) -> None:
    """The project's coordinator and the staff of each partner: mo00001-coord, mo00001-p1…"""
    from ecocsme.accounts.models import Membership, User

    prefix = project.code.lower()
    coordinator = User.objects.create_user(username=f"{prefix}-coord", password=PASSWORD)
    Membership.objects.create(user=coordinator, project=project, role=Membership.Role.COORDINATOR)
    for partner in partners:
        staff = User.objects.create_user(username=f"{prefix}-p{partner.number}", password=PASSWORD)
        Membership.objects.create(user=staff, project=project, partner=partner,
                                  role=Membership.Role.PARTNER_STAFF)


def _contacts(partners) -> dict[int, list]:
    from ecocsme.organisations.models import Contact

    rows = [Contact(partner=partner, name=f"Example participant {i} of {partner.pk} (example)",
                    email=f"participant{i}.p{partner.pk}@example.org", language=LANGUAGES[i % len(LANGUAGES)])
            for partner in partners for i in range(CONTACTS_PER_PARTNER)]
    Contact.objects.bulk_create(rows, batch_size=2_000)
    by_partner: dict[int, list] = {}
    for contact in rows:
        by_partner.setdefault(contact.partner_id, []).append(contact)
    return by_partner


def _moment(period, rng: random.Random) -> dt.datetime:
    """A time inside the period, before now."""
    days = (min(period.end_date, timezone.localdate() - dt.timedelta(days=2)) - period.start_date).days
    day = period.start_date + dt.timedelta(days=rng.randrange(0, max(days, 1)))
    return dt.datetime.combine(day, dt.time(rng.choice([9, 10, 13, 14])), tzinfo=dt.UTC)


def _events(project, partners, periods, contacts, rng: random.Random) -> tuple[int, int]:
    """Published events that are over, the same way events/scale.py makes them, and their
    participants: invited, answered yes, with a place, checked in."""
    from ecocsme.core.links import new_nonce
    from ecocsme.events.models import Event, EventInvitation, Session
    from ecocsme.events.scale import KINDS as EVENT_KINDS
    from ecocsme.events.scale import ZONES

    events = []
    for partner in partners:
        zone = ZONES.get(str(partner.country), "Europe/Brussels")
        for period in periods:
            for n in range(EVENTS_PER_SEMESTER):
                starts = _moment(period, rng)
                title = {"en": f"Example event {period.number}.{n} of {partner.city} (example)"}
                events.append(Event(project=project, partner=partner, kind=EVENT_KINDS[n % len(EVENT_KINDS)],
                                    title=title,
                                    description={"en": "An invented event for benchmarks (example)."},
                                    time_zone=zone, language=LANGUAGES[n % len(LANGUAGES)], city=partner.city,
                                    status=Event.Status.PUBLISHED, starts_at=starts,
                                    ends_at=starts + dt.timedelta(hours=3)))
    with transaction.atomic():
        Event.objects.bulk_create(events, batch_size=1_000)
        Session.objects.bulk_create([Session(event=e, position=1, day=e.starts_at.date(),
                                             starts_at=e.starts_at, ends_at=e.ends_at) for e in events],
                                    batch_size=2_000)
    participants = 0
    invitations = []
    nonce = new_nonce()
    for event in events:
        people = rng.sample(contacts[event.partner_id], rng.randrange(*PARTICIPANTS))
        participants += len(people)
        invitations.extend(EventInvitation(
            event=event, contact=person, language=person.language, nonce=nonce,
            message_id=f"<bench-monitoring-{event.pk}-{person.pk}@example.org>", sent_at=event.starts_at,
            answer="yes", answered_at=event.starts_at, place="confirmed", checked_in_at=event.starts_at)
            for person in people)
        if len(invitations) >= BATCH:
            EventInvitation.objects.bulk_create(invitations, batch_size=BATCH)
            invitations = []
    EventInvitation.objects.bulk_create(invitations, batch_size=BATCH)
    return {"events": len(events), "participants": participants}


def _labs(project, partners, periods, rng: random.Random) -> tuple[int, int]:
    """Labs opened and closed in every other semester, each with three questions and about a
    thousand submitted responses of one answer each."""
    from ecocsme.labs.models import Answer, Lab, Question, Response

    labs, yesterday = [], timezone.now() - dt.timedelta(days=1)
    for partner in partners:
        for number in range(1, LABS_PER_PARTNER + 1):
            period = periods[min(2 * number - 1, len(periods) - 1)]
            opens = _moment(period, rng)
            labs.append(Lab(project=project, partner=partner, number=number,
                            theme={"en": f"Example lab theme {number} of {partner.city} (example)"},
                            phases=["legacy"], format=Lab.Format.EMAIL, status=Lab.Status.CLOSED,
                            languages=["en"], opens_at=opens,
                            closes_at=min(opens + dt.timedelta(days=20), yesterday)))
    Lab.objects.bulk_create(labs)
    questions = Question.objects.bulk_create([
        Question(lab=lab, position=p, text={"en": f"Example question {p}? (example)"})
        for lab in labs for p in (1, 2, 3)])
    first = {q.lab_id: q for q in questions if q.position == 1}
    answers = 0
    for lab in labs:
        span = max(int((lab.closes_at - lab.opens_at).total_seconds()), 1)
        count = rng.randrange(*RESPONSES_PER_LAB)
        with transaction.atomic():
            responses = Response.objects.bulk_create([
                Response(lab=lab, channel="email", status="submitted",
                         submitted_at=lab.opens_at + dt.timedelta(seconds=rng.randrange(span)),
                         language=LANGUAGES[i % len(LANGUAGES)], respondent_kind=KINDS[i % len(KINDS)],
                         respondent_city=lab.partner.city)
                for i in range(count)], batch_size=BATCH)
            Answer.objects.bulk_create([
                Answer(response=response, question=first[lab.pk], language=response.language,
                       text=f"An invented answer about local SMEs and the ECoC year, number {i} (example).")
                for i, response in enumerate(responses)], batch_size=BATCH)
        answers += count
    return {"labs": len(labs), "answers": answers}


def _plans(project, partners, periods, rng: random.Random) -> tuple[int, int]:
    """An action plan per partner in implementation monitoring, with its actions and a report per
    action and semester of the second phase (the last four)."""
    from ecocsme.actionplans.models import Action, ActionPlan, ActionReport

    plans = ActionPlan.objects.bulk_create([
        ActionPlan(project=project, partner=partner, status=ActionPlan.Status.MONITORING, language="en",
                   title={"en": f"Example action plan of {partner.city} (example)"},
                   instrument_category=CATEGORIES[partner.number % len(CATEGORIES)],
                   endorsed_on=periods[3].end_date, is_example=True)
        for partner in partners])
    actions = Action.objects.bulk_create([
        Action(plan=plan, key=f"{plan.pk}x{n}", position=n, title={"en": f"Example action {n} (example)"},
               status=rng.choice(["planned", "in_progress", "in_progress", "done", "done", "dropped"]),
               is_example=True)
        for plan in plans for n in range(1, ACTIONS_PER_PLAN + 1)])
    reports = []
    for action in actions:
        for period in periods[4:]:
            last = period.number == periods[-1].number
            status = action.status if last else ("in_progress" if action.status != "planned" else "planned")
            improved = "yes" if last and status == "done" else "not_yet"
            reports.append(ActionReport(
                action=action, period=period, status=status, progress={"en": "Work went on (example)."},
                instrument_improved=improved, improvement_type="new_projects" if improved == "yes" else "",
                funds_influenced=Decimal(rng.randrange(10_000, 200_000)) if improved == "yes" else None))
    ActionReport.objects.bulk_create(reports, batch_size=BATCH)
    return {"actions": len(actions), "reports": len(reports)}


def _monitoring(project, partners, periods, rng: random.Random) -> tuple[int, int]:
    """Through monitoring's own services: the programme's indicators, a target per indicator and
    partner, a value per manual indicator, partner and semester, a budget line per partner and
    semester (the last semester not reported yet), and the first four semesters validated."""
    from ecocsme.accounts.models import User
    from ecocsme.monitoring import services

    admin = User.objects.filter(username="bench-monitoring-admin").first() or User.objects.create_superuser(
        username="bench-monitoring-admin", password=PASSWORD)
    services.indicators_install(actor=None, project=project)
    indicators = list(project.indicators.order_by("position"))
    values = 0
    for partner in partners:
        for indicator in indicators:
            low, high = TARGETS.get(indicator.key, (1, 10))
            services.target_save(actor=admin, indicator=indicator, partner=partner, baseline=Decimal(0),
                                 target=Decimal(rng.randrange(low, high + 1)))
        share = partner.budget / len(periods)
        for period in periods:
            spent = None if period.number == len(periods) else (
                share * Decimal(rng.uniform(0.6, 1.2))).quantize(Decimal("0.01"))
            services.budget_save(actor=admin, partner=partner, period=period,
                                 planned=share.quantize(Decimal("1"), rounding=ROUND_DOWN), spent=spent)
            for indicator in indicators:
                if indicator.is_computed:
                    continue
                services.value_save(actor=admin, indicator=indicator, partner=partner, period=period,
                                    value=Decimal(rng.randrange(0, 40)),
                                    note="Counted from the records (example).",
                                    evidence_link="https://example.org/evidence")
                values += 1
        for period in periods[:4]:
            services.period_validate(actor=admin, partner=partner, period=period, note="Checked (example).")
    return {"values": values, "budget lines": len(partners) * len(periods)}


def run(table: Table) -> None:
    from ecocsme.accounts.models import User
    from ecocsme.partnerships.models import Project

    started = time.monotonic()
    made = generate()
    if made.get("projects"):
        table.add("generate the monitoring data set",
                  f"{made['partners']} partners, {made['events']:,} events, "
                  f"{made['participants']:,} participants, {made['answers']:,} answers",
                  time.monotonic() - started, "s")
    project = Project.objects.get(code=code_of(1))
    partner = project.partners.order_by("number").last()
    size = f"{project.partners.count()} partners × {project.periods.count()} semesters"
    client = Client()
    client.force_login(User.objects.get(username=f"{project.code.lower()}-coord"))
    page = f"/en/manage/monitoring/{project.code}/"
    for name, url in (
        ("GET monitoring dashboard, the project", page),
        ("GET monitoring dashboard, one partner", f"{page}?partner={partner.pk}"),
        ("GET /api/v1/projects/{code}/indicators", f"/api/v1/projects/{project.code}/indicators"),
        ("GET /api/v1/projects/{code}/budget", f"/api/v1/projects/{project.code}/budget"),
        ("GET monitoring table export, indicators (XLSX)",
         f"/en/manage/monitoring/{project.code}/tables/indicators.xlsx"),
    ):
        ms, queries = measure_get(client, url, repeat=9)
        table.add(f"{name} server time", size, ms, "ms")
        table.add(f"{name} SQL queries", size, queries, "queries")
