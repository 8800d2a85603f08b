"""The demo's action plans: Timișoara's skeleton in peer review with the partners' threads,
Rijeka's endorsed plan in monitoring with its reports; costs and funding that add up, every
text marked as an example, and a second load that adds nothing."""

import pytest

from ecocsme.actionplans.demo import actionplans_demo_load, plan_totals
from ecocsme.actionplans.models import Action, ActionPlan, ActionReport, Comment, Inspiration, PlanVersion
from ecocsme.practices.factories import PracticeFactory

SLUGS = ("launch-game", "open-design-school", "timisoara-targ-matchmaking", "blokhuispoort",
         "timisoara-hala-industriala-incubator", "timisoara-achizitii-pe-loturi", "rinovatori",
         "rijeka-nasljedje-fond-mreza", "rijeka-poslovni-susreti-kultura")
MARKS = ("(example)", "(exemplu)", "(primjer)")


@pytest.fixture
def demo(project):
    partner = project.partners.get(number=6)
    for slug in SLUGS:
        PracticeFactory(project=project, partner=partner, slug=slug, title={"en": f"Example {slug} (example)"})
    return project


def _texts(value) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return [value] if isinstance(value, str) else []


def test_timisoaras_skeleton_in_peer_review(demo):
    report = actionplans_demo_load(demo)
    assert report.skipped == []
    plan = ActionPlan.objects.get(project=demo, partner__number=6)
    assert plan.status == ActionPlan.Status.REVIEW and plan.is_example and plan.language == "ro"
    assert set(plan.title) == {"ro", "en"} and set(plan.summary) == {"ro", "en"}
    assert plan.policy_instrument.key == "ro-por-2014-2020-west"
    assert "Priority Axis 2" in plan.policy_instrument.priority_axis
    assert "OT3" in plan.policy_instrument.thematic_objective
    assert plan.instrument_category == "growth_and_jobs"
    assert plan.contact_email.endswith("@example.org") and "(example)" in plan.contact_role
    assert plan.partner.nuts_region_id == "RO42" and str(plan.partner.country) == "RO"
    actions = list(plan.actions.order_by("position"))
    assert len(actions) == 4 and all(a.is_example for a in actions)
    assert all("(exemplu)" in a.title["ro"] and "(example)" in a.title["en"] for a in actions)
    assert all(a.start_date and a.end_date and a.milestones.exists() for a in actions)
    assert all(Inspiration.objects.filter(action=a).exists() for a in actions)
    kinds = set(Inspiration.objects.filter(action__plan=plan).values_list("kind", flat=True))
    assert kinds == {"practice", "theme", "event"}
    assert not Inspiration.objects.filter(action__plan=plan, kind="practice", practice__isnull=True).exists()
    # the history: created, four actions, sent to review, the fair revised after Kaunas's comment
    changes = list(plan.versions.order_by("number").values_list("change", flat=True))
    assert changes == ["created", "edited", "edited", "edited", "edited", "submitted", "edited"]
    fair = actions[1]
    assert plan_totals(plan)[1] == (28000, 28000) and fair.cost_items.count() == 3
    threads = list(Comment.objects.filter(plan=plan, parent__isnull=True).order_by("id"))
    assert [t.author.username for t in threads] == ["kaunas", "rijeka"]
    assert threads[0].section == "action" and threads[0].action_id == fair.pk and threads[0].resolved_at
    assert threads[0].replies.get().author.username == "timisoara"
    assert threads[1].section == "part2" and threads[1].resolved_at is None


def test_rijekas_plan_is_endorsed_and_reported_on(demo):
    actionplans_demo_load(demo)
    plan = ActionPlan.objects.get(project=demo, partner__number=5)
    assert plan.status == ActionPlan.Status.MONITORING and plan.is_published and plan.is_example
    assert plan.endorsed_on.isoformat() == "2021-06-30" and plan.endorsed_version is not None
    # the endorsed text has the actions as they were planned; the reports moved them on since
    assert {a["status"] for a in plan.endorsed_version.snapshot["actions"]} == {"planned"}
    statuses = dict(plan.actions.values_list("position", "status"))
    assert statuses == {1: "done", 2: "in_progress", 3: "dropped"}
    reports = ActionReport.objects.filter(action__plan=plan)
    assert reports.count() == 6
    assert set(reports.values_list("period__number", flat=True)) == {5, 6}
    assert all(r.evidence_link for r in reports if r.instrument_improved == "yes")
    assert sum(r.funds_influenced or 0 for r in reports) == 146000
    versions = list(plan.versions.order_by("number"))
    assert versions[-1].change == PlanVersion.Change.MONITORING
    assert [v.created_at for v in versions] == sorted(v.created_at for v in versions)
    assert versions[0].created_at.date().isoformat() == "2021-01-18"


def test_the_plans_costs_add_up(demo):
    actionplans_demo_load(demo)
    for plan in ActionPlan.objects.filter(project=demo):
        totals = plan_totals(plan)
        assert totals and all(costs == funding > 0 for costs, funding in totals), plan
    timisoara = ActionPlan.objects.get(project=demo, partner__number=6)
    assert sum(costs for costs, _funding in plan_totals(timisoara)) == 15500 + 28000 + 1000000 + 10000


def test_everything_is_marked_as_an_example(demo):
    actionplans_demo_load(demo)
    for plan in ActionPlan.objects.filter(project=demo):
        assert plan.is_example
        for field in ("title", "summary", "other_organisations", "policy_context", "improvement_aim"):
            assert all(any(mark in text for mark in MARKS) for text in _texts(getattr(plan, field))), field
        assert plan.contact_email.endswith("@example.org")
    for action in Action.objects.filter(plan__project=demo):
        assert action.is_example
        texts = _texts([action.title, action.background, action.description, action.players,
                        [m.title for m in action.milestones.all()], [c.item for c in action.cost_items.all()],
                        [f.source for f in action.funding_sources.all()],
                        [i.note for i in action.inspirations.all()]])
        assert texts and all(any(mark in text for mark in MARKS) for text in texts)
    assert all(any(mark in text for mark in MARKS)
               for text in _texts([r.progress for r in ActionReport.objects.all()]))
    assert all("(example)" in text for text in Comment.objects.values_list("text", flat=True))


def test_the_demo_loads_again_without_duplicates(demo):
    first = actionplans_demo_load(demo)
    counts = (ActionPlan.objects.count(), Action.objects.count(), PlanVersion.objects.count(),
              Comment.objects.count(), ActionReport.objects.count())
    assert first.plans == 2 and counts[3] == first.comments == 3 and counts[4] == first.reports == 6
    second = actionplans_demo_load(demo)
    assert (second.plans, second.kept) == (0, 2)
    assert counts == (ActionPlan.objects.count(), Action.objects.count(), PlanVersion.objects.count(),
                      Comment.objects.count(), ActionReport.objects.count())


def test_what_the_demo_cannot_find_is_counted(project):
    report = actionplans_demo_load(project)  # no practices loaded
    assert report.plans == 2
    assert sum(item.startswith("practice ") for item in report.skipped) == 10
    assert ActionReport.objects.filter(instrument_improved="yes").exclude(evidence_link="").count() == 3
