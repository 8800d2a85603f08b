"""A project under monitoring for the dashboard's and the API's tests, made with the real
services and the other apps' factories: Timișoara (`partner`) and Rijeka (`other_partner`) of
the fixtures (conftest.py: period 1 is over, period 2 under way, 3 and 4 to come), the
programme's indicators installed, targets, manual values, budget lines, events held with their
participants, a lab with its answers and two action plans. The figures each test expects are
written beside what makes them (EXPECTED)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from ecocsme.accounts.factories import UserFactory
from ecocsme.actionplans.factories import ActionFactory, ActionPlanFactory
from ecocsme.events.factories import EventFactory, EventInvitationFactory
from ecocsme.labs.factories import LabFactory, ResponseFactory
from ecocsme.monitoring import services
from ecocsme.partnerships.factories import PartnerFactory

EXPECTED = {
    "events": {1: 2, 2: 2},  # the project: Timișoara 2 in S1, 1 in S2; Rijeka 1 in S2
    "participants": {1: 3, 2: 3},  # 3 checked in; then 2 confirmed + 1 checked in
    "labs": {2: 1},
    "answers": {2: 3},
    "events_target": Decimal(6),  # 4 + 2
    "media": Decimal(8),  # Timișoara 3 + 4, Rijeka 1
    "media_target": Decimal(10),  # Timișoara's; Rijeka has none
    "budget": Decimal(210_000),
    "planned": Decimal(75_000),
    "spent": Decimal("53500.50"),
    "actions": {"planned": 1, "in_progress": 1, "done": 2, "dropped": 1},
}


def _at(day: dt.date, hour: int = 11) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _held(partner, day: dt.date, checked_in: int = 0, confirmed: int = 0, title: str = "Atelier (exemplu)"):
    event = EventFactory(partner=partner, sessions=[(day, dt.time(10), dt.time(12, 30))],
                         title={"ro": title, "en": f"{title} — in English"})
    for _ in range(checked_in):
        EventInvitationFactory(event=event, answer="yes", checked_in_at=_at(day))
    for _ in range(confirmed):
        EventInvitationFactory(event=event, answer="yes")
    return event


def days(project) -> tuple[dt.date, dt.date]:
    """A day in period 1 and a day of period 2 before today."""
    first, second = project.periods.order_by("number")[:2]
    assert first.end_date < timezone.localdate() - dt.timedelta(days=14) <= second.end_date, "see conftest.py"
    return first.start_date + dt.timedelta(days=30), second.start_date + dt.timedelta(days=3)


def monitored_project(partner, other_partner, coordinator, staff, other_staff):
    """The data set of the module docstring; returns the project."""
    project = partner.project
    s1_day, s2_day = days(project)
    partner.budget, other_partner.budget = Decimal(120_000), Decimal(90_000)
    partner.save(update_fields=["budget"])
    other_partner.save(update_fields=["budget"])
    services.indicators_install(actor=coordinator, project=project)
    indicators = {i.key: i for i in project.indicators.all()}
    periods = {p.number: p for p in project.periods.all()}
    for who, key, target in ((partner, "policy_learning_events", 4), (other_partner, "policy_learning_events", 2),
                             (partner, "media_appearances", 10),
                             (partner, "structural_funds_influenced", Decimal("50000"))):
        services.target_save(actor=coordinator, indicator=indicators[key], partner=who, baseline=0, target=target)
    for who, actor, number, value in ((partner, staff, 1, 3), (partner, staff, 2, 4),
                                      (other_partner, other_staff, 1, 1)):
        services.value_save(actor=actor, indicator=indicators["media_appearances"], partner=who,
                            period=periods[number], value=Decimal(value), note="Presa locală (exemplu)",
                            evidence_link="https://example.org/press")
    for who, actor, number, planned, spent in ((partner, staff, 1, "20000", "18500.50"),
                                               (partner, staff, 2, "20000", "25000"),
                                               (partner, staff, 3, "20000", None),
                                               (other_partner, other_staff, 1, "15000", "10000")):
        services.budget_save(actor=actor, partner=who, period=periods[number], planned=Decimal(planned),
                             spent=None if spent is None else Decimal(spent))
    _held(partner, s1_day, checked_in=3, title="Atelierul întreprinderilor creative (exemplu)")
    _held(partner, s1_day + dt.timedelta(days=20), title="Întâlnire cu IMM-urile din Banat (exemplu)")
    _held(partner, s2_day, confirmed=2)
    _held(other_partner, s2_day, checked_in=1, title="Radionica za kreativne tvrtke (primjer)")
    lab = LabFactory(partner=partner, questions=2, opens_at=_at(s2_day), closes_at=_at(s2_day + dt.timedelta(days=8)),
                     status="closed")
    for day in (1, 2, 3):
        ResponseFactory(lab=lab, submitted_at=_at(s2_day + dt.timedelta(days=day)),
                        answers={1: "Mai multă vizibilitate pentru IMM-uri."})
    plan = ActionPlanFactory(partner=partner)
    for status in ("done", "done", "in_progress"):
        ActionFactory(plan=plan, status=status)
    other_plan = ActionPlanFactory(partner=other_partner)
    for status in ("planned", "dropped"):
        ActionFactory(plan=other_plan, status=status)
    return project


def more_partners(project, count: int, coordinator) -> list:
    """`count` partners more, each with a target, a value, a budget line, an event held and an
    action plan with an action: what the dashboard reads grows with every partner."""
    indicators = {i.key: i for i in project.indicators.all()}
    period = project.periods.get(number=1)
    s1_day, _s2_day = days(project)
    added = []
    for n in range(count):
        extra = PartnerFactory(project=project, city=f"Città d'esempio {n}", country="IT",
                               budget=Decimal(50_000 + n))
        staff = UserFactory(username=f"extra-staff-{n}")
        staff.memberships.create(project=project, partner=extra, role="partner_staff")
        services.target_save(actor=coordinator, indicator=indicators["policy_learning_events"], partner=extra,
                             baseline=0, target=3)
        services.value_save(actor=staff, indicator=indicators["media_appearances"], partner=extra, period=period,
                            value=Decimal(2))
        services.budget_save(actor=staff, partner=extra, period=period, planned=Decimal(1000), spent=Decimal(900))
        _held(extra, s1_day, checked_in=1)
        ActionFactory(plan=ActionPlanFactory(partner=extra), status="done")
        added.append(extra)
    return added
