"""Each computed indicator against records made with the other apps' factories: counted for the
right partner, in the right period, never for another project's partner, never what is not
held yet (drafts, cancelled or future events, open labs, practices in review, plans in review,
withdrawn interests); and the figures for the whole project in a fixed number of queries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from ecocsme.accounts.factories import CoordinatorFactory
from ecocsme.actionplans.factories import ActionFactory, ActionPlanFactory
from ecocsme.actionplans.models import ActionPlan, ActionReport
from ecocsme.events.factories import EventFactory, EventInvitationFactory
from ecocsme.events.models import Event
from ecocsme.labs.factories import LabFactory, ResponseFactory
from ecocsme.labs.models import Lab, Response
from ecocsme.monitoring.indicators import PROGRAMME_INDICATORS, SOURCES, PeriodFinder, shown
from ecocsme.monitoring.selectors import (
    action_status_figures,
    budget_figures,
    computed_records,
    indicator_figures,
    participation_figures,
    partners_overview,
)
from ecocsme.monitoring.services import indicators_install, period_validate, target_save, value_save
from ecocsme.opportunities.factories import InterestFactory, OpportunityFactory, verified_organisation
from ecocsme.opportunities.models import Interest
from ecocsme.organisations.models import Organisation
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory
from ecocsme.practices.factories import PracticeFactory
from ecocsme.practices.models import Practice
from ecocsme.reference.factories import PolicyInstrumentFactory
from ecocsme.testing.queries import count_queries

pytestmark = pytest.mark.django_db


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def mid(period) -> dt.date:
    return period.start_date + (period.end_date - period.start_date) / 2


def compute(source: str, project, partners, periods) -> dict:
    return SOURCES[source](project, [p.pk for p in partners], periods)


@pytest.fixture
def stranger(db):
    """A partner of another project whose records cover the same days."""
    elsewhere = ProjectFactory(code="ELSE1", start_date=dt.date(2019, 1, 1), duration_months=120)
    return PartnerFactory(project=elsewhere, city="Kaunas", country="LT")


def test_the_catalogue_has_the_programmes_indicators_each_with_a_known_source():
    keys = [item.key for item in PROGRAMME_INDICATORS]
    assert len(keys) == len(set(keys))
    for key in ("policy_learning_events", "event_participants", "labs_held", "lab_answers",
                "good_practices_identified", "organisations_engaged", "action_plans_developed",
                "actions_implemented", "growth_jobs_instruments_improved", "other_instruments_improved",
                "structural_funds_influenced", "other_funds_influenced", "people_increased_capacity",
                "media_appearances"):
        assert key in keys
    for item in PROGRAMME_INDICATORS:
        assert item.source == "manual" or item.source in SOURCES


def test_install_is_idempotent_and_keeps_the_programmes_order(project):
    assert indicators_install(actor=None, project=project) == len(PROGRAMME_INDICATORS)
    assert indicators_install(actor=None, project=project) == 0
    assert [i.key for i in project.indicators.order_by("position")] == [i.key for i in PROGRAMME_INDICATORS]


def test_a_day_falls_in_the_period_that_holds_it_and_outside_in_none(periods):
    finder = PeriodFinder(periods)
    first, second = periods[0], periods[1]
    assert finder.number(first.start_date) == 1
    assert finder.number(first.end_date) == 1
    assert finder.number(second.start_date) == 2
    assert finder.number(first.start_date - dt.timedelta(days=1)) is None
    assert finder.number(periods[-1].end_date + dt.timedelta(days=1)) is None


def test_events_held_count_where_their_end_falls_and_only_when_held(project, partner, other_partner, stranger,
                                                                     periods):
    first = periods[0]
    held = EventFactory(partner=partner, sessions=[(mid(first), dt.time(10), dt.time(12))])
    # ends on the last day of period 1, a whole day in Bucharest: counted in period 1, not 2
    EventFactory(partner=partner, sessions=[(first.end_date, None, None)])
    # starts in period 1, ends in period 2: counted where it ends
    EventFactory(partner=partner, sessions=[(first.end_date, dt.time(9), dt.time(10)),
                                            (periods[1].start_date, dt.time(9), dt.time(10))])
    EventFactory(partner=partner, status=Event.Status.CANCELLED, sessions=[(mid(first), None, None)])
    EventFactory(partner=partner, status=Event.Status.DRAFT, sessions=[(mid(first), None, None)])
    EventFactory(partner=partner, sessions=[(timezone.localdate() + dt.timedelta(days=3), None, None)])
    EventFactory(partner=other_partner, sessions=[(mid(first), None, None)])
    EventFactory(partner=stranger, sessions=[(mid(first), None, None)])

    cells = compute("events_held", project, [partner, other_partner], periods)
    assert cells == {(partner.pk, 1): 2, (partner.pk, 2): 1, (other_partner.pk, 1): 1}
    assert compute("events_held", project, [stranger], periods) == {}
    records = SOURCES["events_held"].records_of(project, partner.pk, 1, periods)
    assert f"/en/manage/events/{held.pk}/" in [record.url for record in records]


def test_participants_are_those_checked_in_else_those_who_said_yes(project, partner, other_partner, periods):
    first = periods[0]
    with_check_in = EventFactory(partner=partner, sessions=[(mid(first), dt.time(10), dt.time(12))])
    for number in range(3):
        EventInvitationFactory(event=with_check_in, answer="yes",
                               checked_in_at=at(mid(first)) if number < 2 else None)
    EventInvitationFactory(event=with_check_in, answer="no")
    without = EventFactory(partner=partner, sessions=[(mid(first), dt.time(14), dt.time(16))])
    EventInvitationFactory(event=without, answer="yes")
    EventInvitationFactory(event=without, answer="yes")
    EventInvitationFactory(event=without, answer="yes", place="waiting")
    EventInvitationFactory(event=without, answer="maybe")
    upcoming = EventFactory(partner=partner)
    EventInvitationFactory(event=upcoming, answer="yes")

    assert compute("event_participants", project, [partner, other_partner], periods) == {(partner.pk, 1): 4}


def test_labs_held_and_their_answers(project, partner, other_partner, stranger, periods):
    first, second = periods[0], periods[1]
    closed = LabFactory(partner=partner, status=Lab.Status.CLOSED, opens_at=at(first.start_date),
                        closes_at=at(mid(first)))
    LabFactory(partner=partner, status=Lab.Status.OPEN, opens_at=at(first.start_date),
               closes_at=at(timezone.localdate() + dt.timedelta(days=10)))
    LabFactory(partner=partner, status=Lab.Status.DRAFT, closes_at=at(mid(first)))
    LabFactory(partner=stranger, status=Lab.Status.CLOSED, opens_at=at(mid(first)), closes_at=at(mid(first)))
    for day in (first.start_date, mid(first), mid(second)):
        ResponseFactory(lab=closed, submitted_at=at(day))
    ResponseFactory(lab=closed, status=Response.Status.DRAFT, submitted_at=None)
    ResponseFactory(lab=closed, status=Response.Status.TO_REVIEW, submitted_at=at(mid(first)))
    ResponseFactory(lab=LabFactory(partner=stranger), submitted_at=at(mid(first)))

    ids = [partner, other_partner]
    assert compute("labs_held", project, ids, periods) == {(partner.pk, 1): 1}
    assert compute("lab_answers", project, ids, periods) == {(partner.pk, 1): 2, (partner.pk, 2): 1}
    records = SOURCES["lab_answers"].records_of(project, partner.pk, 1, periods)
    assert [(r.count, r.url.endswith(f"/{closed.pk}/")) for r in records] == [(2, True)]


def test_good_practices_count_when_published(project, partner, other_partner, stranger, periods):
    first = periods[0]
    PracticeFactory(partner=partner, published_at=at(mid(first)),
                    title={"ro": "Școala de design deschis", "en": "Open Design School"})
    PracticeFactory(partner=partner, status=Practice.Status.IN_REVIEW, published_at=None)
    PracticeFactory(partner=other_partner, published_at=at(periods[1].start_date))
    PracticeFactory(partner=stranger, published_at=at(mid(first)))

    assert compute("practices_identified", project, [partner, other_partner, stranger], periods) == {
        (partner.pk, 1): 1, (other_partner.pk, 2): 1}


def test_organisations_engaged_once_each_in_the_period_of_their_first_interest(project, partner, other_partner,
                                                                               stranger, periods):
    first, second = periods[0], periods[1]
    mine, theirs = OpportunityFactory(partner=partner), OpportunityFactory(partner=partner)
    sme = verified_organisation(kind=Organisation.Kind.SME)
    ngo = verified_organisation(kind=Organisation.Kind.NGO)
    startup = verified_organisation(kind=Organisation.Kind.STARTUP)

    def interest(opportunity, organisation, day, **fields):
        made = InterestFactory(opportunity=opportunity, organisation=organisation, **fields)
        Interest.objects.filter(pk=made.pk).update(created_at=at(day))

    interest(mine, sme, mid(first))
    interest(theirs, sme, mid(second))  # the same organisation again: still one
    interest(mine, ngo, mid(second))
    interest(theirs, startup, mid(second), withdrawn_at=timezone.now())  # withdrawn: not engaged
    interest(OpportunityFactory(partner=other_partner), startup, mid(first))
    interest(OpportunityFactory(partner=stranger), ngo, mid(first))

    ids = [partner, other_partner]
    assert compute("organisations_engaged", project, ids, periods) == {
        (partner.pk, 1): 1, (partner.pk, 2): 1, (other_partner.pk, 1): 1}
    assert compute("smes_engaged", project, ids, periods) == {(partner.pk, 1): 1, (other_partner.pk, 1): 1}


def test_plans_endorsed_actions_done_instruments_improved_and_funds(project, partner, other_partner, stranger,
                                                                   periods):
    first, second = periods[0], periods[1]
    structural = PolicyInstrumentFactory(category="growth_and_jobs")
    local = PolicyInstrumentFactory(category="other", key="kaunas-strategy")
    plan = ActionPlanFactory(partner=partner, status=ActionPlan.Status.MONITORING, endorsed_on=mid(first),
                             policy_instrument=structural)
    other_plan = ActionPlanFactory(partner=other_partner, status=ActionPlan.Status.ENDORSED,
                                   endorsed_on=mid(second), instrument_category="other",
                                   policy_instrument=structural)  # the plan's own aim decides
    ActionPlanFactory(partner=PartnerFactory(project=project), status=ActionPlan.Status.REVIEW)
    stranger_plan = ActionPlanFactory(partner=stranger, status=ActionPlan.Status.ENDORSED, endorsed_on=mid(first),
                                      policy_instrument=local)
    one, two = ActionFactory(plan=plan), ActionFactory(plan=plan)
    theirs = ActionFactory(plan=other_plan)

    def report(action, period, status, improved="not_yet", funds=None):
        ActionReport.objects.create(action=action, period=period, status=status, instrument_improved=improved,
                                    improvement_type="new_projects" if improved == "yes" else "",
                                    funds_influenced=funds)

    report(one, first, "done", improved="yes", funds=Decimal("250000.00"))
    report(one, second, "done", improved="yes", funds=Decimal("50000.50"))  # done once; improved once
    report(two, first, "in_progress")
    report(two, second, "done")
    report(theirs, second, "done", improved="yes", funds=Decimal("12000"))
    report(ActionFactory(plan=stranger_plan), stranger.project.periods.get(number=2), "done", improved="yes",
           funds=Decimal("999"))

    ids = [partner, other_partner]
    assert compute("plans_endorsed", project, ids, periods) == {(partner.pk, 1): 1, (other_partner.pk, 2): 1}
    assert compute("actions_done", project, ids, periods) == {
        (partner.pk, 1): 1, (partner.pk, 2): 1, (other_partner.pk, 2): 1}
    assert compute("growth_jobs_instruments_improved", project, ids, periods) == {(partner.pk, 1): 1}
    assert compute("other_instruments_improved", project, ids, periods) == {(other_partner.pk, 2): 1}
    assert compute("structural_funds_influenced", project, ids, periods) == {
        (partner.pk, 1): Decimal("250000.00"), (partner.pk, 2): Decimal("50000.50")}
    assert compute("other_funds_influenced", project, ids, periods) == {(other_partner.pk, 2): Decimal("12000")}
    assert action_status_figures(project) == {"planned": 3, "in_progress": 0, "done": 0, "dropped": 0}


def test_indicator_figures_per_partner_and_for_the_project(project, partner, other_partner, staff, periods,
                                                          installed):
    first = periods[0]
    EventFactory(partner=partner, sessions=[(mid(first), None, None)])
    EventFactory(partner=other_partner, sessions=[(mid(first), None, None)])
    EventFactory(partner=other_partner, sessions=[(mid(first), dt.time(8), dt.time(9))])
    value_save(actor=staff, indicator=installed["media_appearances"], partner=partner, period=first, value="3",
               evidence_link="https://www.example.org/press/ecoc-sme")
    coordinator = CoordinatorFactory(project=project)
    target_save(actor=coordinator, indicator=installed["policy_learning_events"], partner=partner, baseline=0,
                target=4)
    target_save(actor=coordinator, indicator=installed["policy_learning_events"], partner=other_partner,
                baseline=0, target=6)

    mine = {row["key"]: row for row in indicator_figures(project, partner)}
    events = mine["policy_learning_events"]
    assert [p["value"] for p in events["periods"]] == [1, 0, None, None]  # periods 3 and 4 have not started
    assert events["computed"] and events["total"] == 1 and events["target"] == 4 and events["progress"] == 0.25
    media = mine["media_appearances"]
    assert [p["value"] for p in media["periods"]] == [3, None, None, None]
    assert media["periods"][0]["evidence"] and not media["computed"]
    assert str(mine["policy_learning_events"]["name"]) == "Policy learning events organised"

    whole = {row["key"]: row for row in indicator_figures(project)}
    assert whole["policy_learning_events"]["total"] == 3
    assert whole["policy_learning_events"]["target"] == 10
    assert whole["media_appearances"]["total"] == 3
    assert [p["events"] for p in participation_figures(project)] == [3, 0, 0, 0]


def test_a_validated_period_shows_the_figures_kept_that_day(project, partner, staff, coordinator, periods,
                                                            installed):
    first = periods[0]
    EventFactory(partner=partner, sessions=[(mid(first), None, None)])
    period_validate(actor=coordinator, partner=partner, period=first)
    EventFactory(partner=partner, sessions=[(mid(first), dt.time(8), dt.time(9))])  # reported late

    events = {row["key"]: row for row in indicator_figures(project, partner)}["policy_learning_events"]
    assert events["periods"][0]["value"] == 1 and events["periods"][0]["validated"]
    assert not events["periods"][1]["validated"]


def test_budget_figures_add_the_periods_up(project, partner, other_partner, staff, other_staff, periods):
    from ecocsme.monitoring.services import budget_save

    budget_save(actor=staff, partner=partner, period=periods[0], planned="30000", spent="28500.50")
    budget_save(actor=staff, partner=partner, period=periods[1], planned="40000", spent="")
    budget_save(actor=staff, partner=partner, period=periods[2], planned="48163", spent=None)
    figures = budget_figures(project, partner)
    assert figures["budget"] == Decimal("118163")
    assert [p["planned"] for p in figures["periods"]] == [30000, 40000, 48163, 0]
    assert [p["spent"] for p in figures["periods"]] == [Decimal("28500.50"), None, None, None]
    assert [p["cumulative_planned"] for p in figures["periods"]] == [30000, 70000, 118163, 118163]
    assert figures["planned_total"] == 118163 and figures["spent_total"] == Decimal("28500.50")
    assert figures["remaining"] == 0
    whole = budget_figures(project)
    assert whole["budget"] is None  # Rijeka has no budget set: one partner's is not the project's
    assert whole["planned_total"] == 118163
    project.total_budget = Decimal("1163171")
    project.save(update_fields=["total_budget"])
    whole = budget_figures(project)
    assert whole["budget"] == Decimal("1163171") and whole["unspent"] == Decimal("1163171") - Decimal("28500.50")
    overview = {row["partner"].pk: row for row in partners_overview(project)}
    assert overview[partner.pk]["burn"] == pytest.approx(28500.50 / 118163)
    assert overview[other_partner.pk]["burn"] is None


def test_records_behind_a_computed_value_link_to_their_pages(project, partner, periods, installed):
    first = periods[0]
    practice = PracticeFactory(partner=partner, published_at=at(mid(first)))
    records = computed_records(project, partner, installed["good_practices_identified"], 1)
    assert [r.url for r in records] == [f"/en/practices/{practice.slug}/"]
    assert computed_records(project, partner, installed["good_practices_identified"], 2) == []


def test_values_are_shown_in_their_unit_in_the_readers_language():
    from django.utils import translation

    with translation.override("de"):
        assert shown(Decimal("118163.00"), "eur") == "118.163\xa0€"
        assert shown(Decimal("1200"), "people") == "1.200"
    with translation.override("en"):
        assert shown(Decimal("84"), "percent") == "84%"


def _project_with(partners: int):
    project = ProjectFactory(start_date=dt.date(2019, 8, 1), duration_months=48)
    indicators_install(actor=None, project=project)
    periods = list(project.periods.order_by("number"))
    made = [PartnerFactory(project=project, budget=100000) for _n in range(partners)]
    for number, partner in enumerate(made):
        period = periods[number % len(periods)]
        event = EventFactory(partner=partner, sessions=[(mid(period), None, None)])
        EventInvitationFactory(event=event, answer="yes")
        lab = LabFactory(partner=partner, status=Lab.Status.CLOSED, closes_at=at(mid(period)))
        ResponseFactory(lab=lab, submitted_at=at(mid(period)))
        PracticeFactory(partner=partner, published_at=at(mid(period)))
        InterestFactory(opportunity=OpportunityFactory(partner=partner))
        plan = ActionPlanFactory(partner=partner, status=ActionPlan.Status.MONITORING, endorsed_on=mid(period))
        ActionReport.objects.create(action=ActionFactory(plan=plan), period=period, status="done",
                                    instrument_improved="yes", improvement_type="management",
                                    funds_influenced=Decimal("1000"))
    return project


def test_the_project_figures_take_the_same_number_of_queries_for_2_and_7_partners(db):
    small, large = _project_with(2), _project_with(7)
    counts = {}
    for name, function in (("indicators", indicator_figures), ("budget", budget_figures),
                           ("participation", participation_figures), ("overview", partners_overview),
                           ("actions", action_status_figures)):
        counted_small, _figures = count_queries(function, small)
        counted_large, figures = count_queries(function, large)
        assert counted_small == counted_large, name
        counts[name] = counted_large
    # periods, partners, indicators, targets, values, validations + 7 kinds of records (the answers 2)
    assert counts["indicators"] == 14
    figures = {row["key"]: row for row in indicator_figures(large)}
    assert figures["policy_learning_events"]["total"] == 7
    assert figures["other_funds_influenced"]["total"] == 7000  # the plans name no instrument
    one = large.partners.first()
    assert count_queries(indicator_figures, large, one)[0] == 13  # the partners are not read
