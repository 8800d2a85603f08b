"""The back office's pages of an action plan (AP-1, AP-2), driven as a browser would: the list
with its filters and downloads, starting a plan, its page in the programme's order with what
happens next, writing Parts I and II and the actions with their rows (amounts as people write
them, "add a row" without a script), the workflow's buttons, the history, two versions side by
side and one version as it was. Who may do what is tested through the pages: another partner's
staff read and comment but never write (403), a stakeholder's account and the staff of another
project get the 404 of a plan that does not exist, a visitor is sent to log in."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from ecocsme.accounts.factories import AdministratorFactory, PartnerStaffFactory, UserFactory
from ecocsme.actionplans.models import Action, ActionPlan, Inspiration, PlanVersion
from ecocsme.actionplans.services.plans import (
    ActionRows,
    action_save,
    plan_create,
    plan_endorse,
    plan_publish,
    plan_submit,
    plan_update,
    plan_validate,
)
from ecocsme.events.factories import EventFactory
from ecocsme.labs.factories import LabFactory, ThemeFactory
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory
from ecocsme.practices.factories import PracticeFactory
from ecocsme.practices.models import Practice
from ecocsme.testing.forms import form_values
from ecocsme.testing.queries import assert_num_queries

ROWS = ActionRows(milestones=[], costs=[], funding=[], inspirations=[])


def client_of(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def url(name: str, *args) -> str:
    return reverse(f"actionplans:{name}", args=list(args))


def make_plan(staff, partner, *, actions: int = 0, title: str = "Creative SMEs in the legacy years (example)"):
    plan = plan_create(actor=staff, partner=partner, values={"language": "en", "title": {"en": title}})
    for n in range(1, actions + 1):
        plan.refresh_from_db()
        add_action(staff, plan, n)
    plan.refresh_from_db()
    return plan


def add_action(staff, plan, n: int, **values) -> Action:
    plan.refresh_from_db()
    rows = ActionRows(
        milestones=[{"date": dt.date(2021, 10, 1), "title": {"en": f"Call {n} published (example)"}}],
        costs=[{"item": {"en": "Staff (example)"}, "amount": Decimal("1200.50")},
               {"item": {"en": "Mentoring (example)"}, "amount": Decimal("800")}],
        funding=[{"source": {"en": "ERDF (example)"}, "amount": Decimal("2000.50")}],
        inspirations=[{"kind": "practice", "id": None, "label": "Launch Game (example)", "note": {}}])
    return action_save(actor=staff, plan=plan, action=None, revision=plan.revision, rows=rows, values={
        "title": {"en": f"Action {n}: vouchers for creative SMEs (example)", "ro": f"Acțiunea {n} (exemplu)"},
        "description": {"en": "A call for projects (example)."}, "background": {"en": "Learnt in lab 2."},
        "start_date": dt.date(2021, 9, 1), "end_date": dt.date(2022, 6, 30), **values})


@pytest.fixture
def admin(db):
    return AdministratorFactory(username="admin-p")


@pytest.fixture
def stakeholder(db):
    return UserFactory(username="stakeholder-p")


@pytest.fixture
def staff_elsewhere(db):
    return PartnerStaffFactory(username="kaunas-p", partner=PartnerFactory(project=ProjectFactory(), city="Kaunas"))


@pytest.fixture
def plan(staff, partner):
    return make_plan(staff, partner, actions=2)


def _in_review(plan, staff):
    return plan_submit(actor=staff, plan=plan)


def _endorsed(plan, staff, coordinator, *, publish=False):
    plan = plan_submit(actor=staff, plan=plan)
    plan = plan_validate(actor=coordinator, plan=plan, revision=plan.revision)
    plan = plan_endorse(actor=staff, plan=plan, endorsed_on=dt.date(2021, 7, 1), endorsed_by_role="Mayor (example)",
                        endorsing_organisation="Timiș County Council (example)")
    return plan_publish(actor=staff, plan=plan, published=True) if publish else plan


# --- the list ----------------------------------------------------------------------------------------
def test_the_list_shows_the_plans_of_ones_projects_with_their_figures(plan, staff, other_staff, other_partner):
    content = client_of(other_staff).get(url("list")).content.decode()
    assert "Creative SMEs in the legacy years (example)" in content
    assert ">2<" in content  # actions
    assert "Version 3" in content  # created, two actions added
    assert staff.get_full_name() in content
    # Rijeka has no plan yet: its staff may start one; Timișoara's may not start Rijeka's
    assert url("create", other_partner.pk) in content
    assert url("create", other_partner.pk) not in client_of(staff).get(url("list")).content.decode()


def test_the_list_filters_and_downloads_what_it_shows(plan, staff, other_staff, other_partner, coordinator):
    other = make_plan(other_staff, other_partner, title="Rijeka's plan (example)")
    _in_review(plan, staff)
    client = client_of(coordinator)
    content = client.get(url("list"), {"status": "review"}).content.decode()
    assert "Creative SMEs" in content and "Rijeka&#x27;s plan" not in content
    content = client.get(url("list"), {"partner": str(other_partner.pk)}).content.decode()
    assert "Rijeka&#x27;s plan" in content and "Creative SMEs" not in content
    csv = client.get(url("list_export", "csv"), {"status": "draft"})
    text = b"".join(csv.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("ID,Project,Partner number,Partner,Title")
    assert "Rijeka's plan (example)" in text and "Creative SMEs" not in text
    xlsx = client.get(url("list_export", "xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "ID" and {row[0] for row in rows[1:]} == {plan.pk, other.pk}
    assert client.get(url("list_export", "pdf")).status_code == 404
    # bad filters are ignored, not an error
    assert client.get(url("list"), {"project": "x'; drop", "partner": "²", "status": "nope"}).status_code == 200


def test_the_list_is_for_members(plan, stakeholder, staff_elsewhere, admin):
    assert client_of(None).get(url("list")).status_code == 302
    assert client_of(stakeholder).get(url("list")).status_code == 403
    assert "Creative SMEs" not in client_of(staff_elsewhere).get(url("list")).content.decode()
    assert "Creative SMEs" in client_of(admin).get(url("list")).content.decode()


# --- starting a plan ------------------------------------------------------------------------------------
def test_the_partners_staff_start_its_plan(other_partner, other_staff):
    client = client_of(other_staff)
    page = client.get(url("create", other_partner.pk))
    assert page.status_code == 200 and "Start the action plan" in page.content.decode()
    answer = client.post(url("create", other_partner.pk), {"language": "hr", "title": "Kreativni Rijeka (primjer)"})
    plan = ActionPlan.objects.get(partner=other_partner)
    assert answer.status_code == 302 and answer["Location"] == url("detail", plan.pk)
    assert plan.language == "hr" and plan.title == {"hr": "Kreativni Rijeka (primjer)"}
    assert plan.versions.count() == 1
    again = client.post(url("create", other_partner.pk), {"language": "hr", "title": "Again"})
    assert again.status_code == 400 and "already has an action plan" in again.content.decode()


def test_only_the_partners_staff_start_its_plan(other_partner, staff, coordinator, stakeholder, staff_elsewhere):
    assert client_of(staff).post(url("create", other_partner.pk), {"language": "en", "title": "X"}).status_code == 403
    assert client_of(coordinator).get(url("create", other_partner.pk)).status_code == 403
    assert client_of(stakeholder).get(url("create", other_partner.pk)).status_code == 404
    assert client_of(staff_elsewhere).post(url("create", other_partner.pk), {"language": "en", "title": "X"}) \
        .status_code == 404
    assert client_of(staff).get(url("create", 99999999)).status_code == 404
    assert not ActionPlan.objects.filter(partner=other_partner).exists()


# --- the plan's page ------------------------------------------------------------------------------------
def test_the_plan_reads_in_the_programmes_order(plan, staff, other_staff):
    plan_update(actor=staff, plan=plan, revision=plan.revision, values={
        "other_organisations": {"en": "Timiș County Council (example)"}, "contact_role": "Project manager (example)",
        "contact_email": "ecocsme@example.org", "policy_context": {"en": "The ROP funds SMEs (example)."}})
    content = client_of(other_staff).get(url("detail", plan.pk)).content.decode()
    order = [content.index(text) for text in (
        'id="workflow"', 'id="part1"', "Timiș County Council (example)", "ecocsme@example.org", 'id="part2"',
        "The ROP funds SMEs (example).", 'id="part3"', "Learnt in lab 2.",
        "Launch Game (example)", "Call 1 published (example)", 'id="endorsement"', 'id="comments"')]
    assert order == sorted(order)
    action = plan.actions.get(position=1)
    assert f'id="action-{action.key}"' in content
    assert "€2,000.50" in content  # the costs' total in the reader's format


def test_another_partners_staff_read_and_comment_but_do_not_write(plan, other_staff):
    client = client_of(other_staff)
    content = client.get(url("detail", plan.pk)).content.decode()
    assert url("edit", plan.pk) not in content and url("action_create", plan.pk) not in content
    assert "Only the staff of Timișoara change this plan" in content
    assert "?on=part1#comment-form" in content  # may comment
    action = plan.actions.get(position=1)
    for name, args in (("edit", [plan.pk]), ("action_create", [plan.pk]), ("action_edit", [plan.pk, action.pk]),
                       ("action_delete", [plan.pk, action.pk])):
        assert client.get(url(name, *args)).status_code == 403
        assert client.post(url(name, *args), {"revision": "1"}).status_code == 403
    assert client.post(url("action_move", plan.pk, action.pk), {"direction": "down", "revision": "9"}) \
        .status_code == 403
    assert client.post(url("workflow", plan.pk, "submit")).status_code == 403
    plan.refresh_from_db()
    assert plan.status == "draft" and plan.versions.count() == 3


@pytest.mark.parametrize("who", ["stakeholder", "staff_elsewhere"])
def test_outside_the_project_every_page_is_missing(request, plan, staff, coordinator, who):
    _endorsed(plan, staff, coordinator, publish=True)  # even a published plan: its back office is the members'
    user = request.getfixturevalue(who)
    client = client_of(user)
    action = plan.actions.first()
    for name, args in (("detail", [plan.pk]), ("edit", [plan.pk]), ("history", [plan.pk]), ("compare", [plan.pk]),
                       ("version", [plan.pk, 1]), ("action_edit", [plan.pk, action.pk]),
                       ("action_create", [plan.pk])):
        assert client.get(url(name, *args)).status_code == 404, name
    for step in ("submit", "withdraw", "validate", "endorse", "monitor", "publish", "unpublish"):
        assert client.post(url("workflow", plan.pk, step)).status_code == 404
    assert client_of(None).get(url("detail", plan.pk)).status_code == 302  # a visitor logs in first


def test_a_missing_plan_or_action_is_404(plan, staff, other_partner, other_staff):
    other = make_plan(other_staff, other_partner, actions=1)
    client = client_of(staff)
    assert client.get(url("detail", 2**63)).status_code == 404
    assert client.get(url("action_edit", plan.pk, other.actions.get().pk)).status_code == 404  # of another plan
    assert client.get(url("version", plan.pk, 99)).status_code == 404
    assert client.post(url("workflow", plan.pk, "explode")).status_code == 404


# --- writing Parts I and II -------------------------------------------------------------------------
def test_the_partners_staff_write_parts_one_and_two(plan, staff):
    client = client_of(staff)
    values = form_values(client.get(url("edit", plan.pk)).content.decode())
    values.update({"summary_en": "Vouchers and mentoring for creative SMEs (example).",
                   "summary_ro": "Vouchere și mentorat (exemplu).", "contact_role": "Project manager (example)",
                   "contact_email": "ecocsme@example.org", "policy_context_en": "Ο ROP… — the ROP (example)."})
    answer = client.post(url("edit", plan.pk), values)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    plan.refresh_from_db()
    assert plan.summary == {"en": "Vouchers and mentoring for creative SMEs (example).",
                            "ro": "Vouchere și mentorat (exemplu)."}
    assert plan.contact_email == "ecocsme@example.org"
    assert plan.versions.order_by("-number").first().change == PlanVersion.Change.EDITED


def test_a_bad_email_is_told_beside_its_field_and_nothing_is_saved(plan, staff):
    client = client_of(staff)
    values = form_values(client.get(url("edit", plan.pk)).content.decode())
    values.update({"contact_email": "not an address", "summary_en": "Kept (example)."})
    answer = client.post(url("edit", plan.pk), values)
    assert answer.status_code == 400
    assert "Kept (example)." in answer.content.decode()
    plan.refresh_from_db()
    assert plan.summary == {} and plan.versions.count() == 3


def test_two_people_edit_at_once_the_second_is_told_and_keeps_their_text(plan, staff, partner):
    colleague = PartnerStaffFactory(username="t-colleague", first_name="Ioana", last_name="Popescu (example)",
                                    partner=partner)
    mine, theirs = client_of(staff), client_of(colleague)
    my_form = form_values(mine.get(url("edit", plan.pk)).content.decode())
    their_form = form_values(theirs.get(url("edit", plan.pk)).content.decode())
    their_form["policy_context_en"] = "Their context (example)."
    assert theirs.post(url("edit", plan.pk), their_form).status_code == 302
    my_form["policy_context_en"] = "My context, written for an hour (example)."
    answer = mine.post(url("edit", plan.pk), my_form)
    content = answer.content.decode()
    assert answer.status_code == 409
    assert "Ioana Popescu (example) changed this in the meantime" in content
    assert "My context, written for an hour (example)." in content  # nothing lost
    assert "Their context (example)." in content  # what they saved
    plan.refresh_from_db()
    assert plan.policy_context == {"en": "Their context (example)."}
    # the form now carries the current revision: saving again, knowingly, goes through
    again = form_values(content)
    assert mine.post(url("edit", plan.pk), again).status_code == 302
    plan.refresh_from_db()
    assert plan.policy_context == {"en": "My context, written for an hour (example)."}


def test_an_endorsed_plan_cannot_be_edited_even_by_the_administrator(plan, staff, coordinator, admin):
    _endorsed(plan, staff, coordinator)
    for user in (staff, admin):
        client = client_of(user)
        assert client.get(url("edit", plan.pk)).status_code == 403
        assert client.post(url("action_create", plan.pk), {"title_en": "X"}).status_code == 403
        content = client.get(url("detail", plan.pk)).content.decode()
        assert url("edit", plan.pk) not in content


# --- writing an action --------------------------------------------------------------------------------
def _action_form(client, plan, action=None) -> dict:
    address = url("action_edit", plan.pk, action.pk) if action else url("action_create", plan.pk)
    page = client.get(address)
    assert page.status_code == 200
    return form_values(page.content.decode())


def test_an_action_with_its_rows_as_people_write_them(plan, staff, partner):
    practice = PracticeFactory(partner=partner, title={"en": "Open Design School (example)"})
    theme = ThemeFactory(lab=LabFactory(partner=partner), label="Young makers need space (example)")
    event = EventFactory(partner=partner, title={"en": "Partner workshop 4 (example)"})
    client = client_of(staff)
    values = _action_form(client, plan)
    assert values["rows_language"] == "en"
    values.update({
        "title_en": "Mentoring for creative start-ups (example)", "title_ro": "Mentorat pentru start-up-uri (exemplu)",
        "description_en": "Twelve mentors, three cohorts (example).", "start_date": "2021-09-01",
        "end_date": "2023-06-30",
        "milestones-0-date": "2022-01-15", "milestones-0-title": "First cohort (example)",
        "milestone_titles_ro": "Prima cohortă (exemplu)",
        "costs-0-item": "Mentors' fees (example)", "costs-0-amount": "1 200,50",
        "costs-1-item": "Venue (example)", "costs-1-amount": "€ 2,000",
        "funding-0-source": "ERDF (example)", "funding-0-amount": "3200.50",
        "inspirations-0-cited": f"practice:{practice.pk}", "inspirations-0-note": "The co-design method",
        "inspirations-1-cited": f"theme:{theme.pk}",
    })
    values["inspirations-TOTAL_FORMS"] = "3"
    values.update({"inspirations-2-cited": f"event:{event.pk}", "inspirations-2-label": "",
                   "inspirations-2-note": ""})
    answer = client.post(url("action_create", plan.pk), values)
    assert answer.status_code == 302, answer.content.decode()[:3000]
    action = plan.actions.get(position=3)
    assert answer["Location"].endswith(f"#action-{action.key}")
    assert action.title == {"en": "Mentoring for creative start-ups (example)",
                            "ro": "Mentorat pentru start-up-uri (exemplu)"}
    assert [(c.amount, c.item) for c in action.cost_items.order_by("position")] == [
        (Decimal("1200.50"), {"en": "Mentors' fees (example)"}), (Decimal("2000"), {"en": "Venue (example)"})]
    assert action.milestones.get().title == {"en": "First cohort (example)", "ro": "Prima cohortă (exemplu)"}
    cited = list(action.inspirations.order_by("position"))
    assert [(i.kind, i.practice_id, i.theme_id, i.event_id) for i in cited] == [
        ("practice", practice.pk, None, None), ("theme", None, theme.pk, None), ("event", None, None, event.pk)]
    assert cited[0].label == "Open Design School (example)" and cited[0].note == {"en": "The co-design method"}
    # the plan's page links what inspired it
    content = client.get(url("detail", plan.pk)).content.decode()
    assert reverse("practices:detail", args=[practice.slug]) in content
    assert reverse("labs:theme_detail", args=[theme.lab_id, theme.pk]) in content
    assert reverse("events:manage_detail", args=[event.pk]) in content


def test_editing_keeps_the_rows_other_languages(plan, staff):
    action = plan.actions.get(position=1)
    client = client_of(staff)
    values = _action_form(client, plan, action)
    assert values["costs-0-amount"] == "1200.50" and values["title_ro"] == "Acțiunea 1 (exemplu)"
    values["milestone_titles_de"] = "Aufruf veröffentlicht (Beispiel)"
    values["costs-1-DELETE"] = "on"
    values["costs-0-amount"] = "2000.50"
    answer = client.post(url("action_edit", plan.pk, action.pk), values)
    assert answer.status_code == 302, answer.content.decode()[:3000]
    action.refresh_from_db()
    assert action.milestones.get().title == {"en": "Call 1 published (example)", "de": "Aufruf veröffentlicht (Beispiel)"}
    assert [c.amount for c in action.cost_items.all()] == [Decimal("2000.50")]
    assert action.revision == 2


@pytest.mark.parametrize("amount, message", [
    ("-50", "cannot be negative"), ("abc", "is not an amount"), ("12.345", "at most two decimals"),
    ("1,2,3", "is not an amount")])
def test_bad_amounts_are_refused_with_a_message_and_nothing_is_saved(plan, staff, amount, message):
    client = client_of(staff)
    values = _action_form(client, plan)
    values.update({"title_en": "Kept title (example)", "costs-0-item": "Staff (example)", "costs-0-amount": amount})
    answer = client.post(url("action_create", plan.pk), values)
    content = answer.content.decode()
    assert answer.status_code == 400 and message in content
    assert "Kept title (example)" in content
    assert plan.actions.count() == 2 and plan.versions.count() == 3


def test_a_timeframe_that_ends_before_it_starts_is_told_beside_the_end(plan, staff):
    client = client_of(staff)
    values = _action_form(client, plan)
    values.update({"title_en": "Backwards (example)", "start_date": "2022-05-01", "end_date": "2022-04-01"})
    answer = client.post(url("action_create", plan.pk), values)
    content = answer.content.decode()
    assert answer.status_code == 400
    assert "The timeframe ends (2022-04-01) before it starts (2022-05-01)." in content
    assert content.index("before it starts") > content.index('name="end_date"')  # beside the field
    assert plan.actions.count() == 2


def test_costs_and_funding_that_do_not_add_up_are_told_and_nothing_is_saved(plan, staff):
    action = plan.actions.get(position=1)
    client = client_of(staff)
    values = _action_form(client, plan, action)
    values["funding-0-amount"] = "1000"
    answer = client.post(url("action_edit", plan.pk, action.pk), values)
    assert answer.status_code == 400
    assert "The funding sources add up to 1,000.00 euros and the costs to 2,000.50 euros" in answer.content.decode()
    assert action.funding_sources.get().amount == Decimal("2000.50")


def test_a_malformed_date_is_told(plan, staff):
    client = client_of(staff)
    values = _action_form(client, plan)
    values.update({"title_en": "Dates (example)", "milestones-0-date": "31.02.2022", "milestones-0-title": "X"})
    answer = client.post(url("action_create", plan.pk), values)
    assert answer.status_code == 400 and "Enter a valid date." in answer.content.decode()


def test_add_a_row_shows_one_more_and_saves_nothing(plan, staff):
    client = client_of(staff)
    values = _action_form(client, plan)
    assert values["costs-TOTAL_FORMS"] == "2"
    values.update({"title_en": "Growing (example)", "costs-0-item": "Staff (example)", "costs-0-amount": "10",
                   "add_row": "costs"})
    answer = client.post(url("action_create", plan.pk), values)
    again = form_values(answer.content.decode())
    assert answer.status_code == 200 and again["costs-TOTAL_FORMS"] == "3"
    assert again["costs-0-item"] == "Staff (example)" and again["title_en"] == "Growing (example)"
    assert "costs-2-item" in again
    assert plan.actions.count() == 2


def test_a_source_the_user_may_not_see_cannot_be_cited(plan, staff):
    hidden = PracticeFactory(partner=PartnerFactory(project=ProjectFactory()), status=Practice.Status.DRAFT)
    client = client_of(staff)
    values = _action_form(client, plan)
    values.update({"title_en": "Sneaky (example)", "inspirations-0-cited": f"practice:{hidden.pk}"})
    answer = client.post(url("action_create", plan.pk), values)
    assert answer.status_code == 400 and "Select a valid choice" in answer.content.decode()
    assert not Inspiration.objects.filter(practice=hidden).exists()


def test_two_people_edit_one_action_the_second_keeps_their_text(plan, staff, partner):
    colleague = PartnerStaffFactory(username="t-colleague2", partner=partner, first_name="Mihai",
                                    last_name="Ionescu (example)")
    action = plan.actions.get(position=1)
    mine, theirs = client_of(staff), client_of(colleague)
    my_form, their_form = _action_form(mine, plan, action), _action_form(theirs, plan, action)
    their_form["players_en"] = "The chamber of commerce (example)."
    assert theirs.post(url("action_edit", plan.pk, action.pk), their_form).status_code == 302
    my_form["players_en"] = "Universities and incubators (example)."
    answer = mine.post(url("action_edit", plan.pk, action.pk), my_form)
    content = answer.content.decode()
    assert answer.status_code == 409
    assert "Mihai Ionescu (example) changed this in the meantime" in content
    assert "Universities and incubators (example)." in content and "The chamber of commerce (example)." in content
    action.refresh_from_db()
    assert action.players == {"en": "The chamber of commerce (example)."}


def test_delete_asks_first_and_move_reorders(plan, staff):
    client = client_of(staff)
    first, second = plan.actions.order_by("position")
    plan.refresh_from_db()
    answer = client.post(url("action_move", plan.pk, second.pk), {"direction": "up", "revision": plan.revision})
    assert answer.status_code == 302 and answer["Location"].endswith(f"#action-{second.key}")
    assert list(plan.actions.order_by("position").values_list("pk", flat=True)) == [second.pk, first.pk]
    stale = client.post(url("action_move", plan.pk, second.pk), {"direction": "down", "revision": plan.revision})
    assert stale.status_code == 302  # told, not moved
    assert list(plan.actions.order_by("position").values_list("pk", flat=True)) == [second.pk, first.pk]
    page = client.get(url("action_delete", plan.pk, first.pk))
    assert page.status_code == 200 and "Delete the action" in page.content.decode()
    assert plan.actions.count() == 2
    first.refresh_from_db()
    assert client.post(url("action_delete", plan.pk, first.pk), {"revision": first.revision}).status_code == 302
    assert list(plan.actions.values_list("pk", flat=True)) == [second.pk]
    assert client.post(url("action_move", plan.pk, second.pk), {"direction": "sideways"}).status_code == 404


# --- the workflow --------------------------------------------------------------------------------------
def test_the_way_from_draft_to_monitoring_through_the_buttons(plan, staff, other_staff, coordinator):
    client, coord = client_of(staff), client_of(coordinator)
    assert "Send to peer review" in client.get(url("detail", plan.pk)).content.decode()
    assert client.post(url("workflow", plan.pk, "submit")).status_code == 302
    plan.refresh_from_db()
    assert plan.status == "review"
    content = coord.get(url("detail", plan.pk)).content.decode()
    assert "Validate the plan as it is" in content
    assert client_of(other_staff).post(url("workflow", plan.pk, "validate"), {"revision": plan.revision}) \
        .status_code == 403
    assert coord.post(url("workflow", plan.pk, "validate"), {"revision": plan.revision}).status_code == 302
    plan.refresh_from_db()
    assert plan.validated_by == coordinator
    # a date in the future: told in the form, nothing recorded
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    answer = client.post(url("workflow", plan.pk, "endorse"), {
        "endorse-endorsed_on": future, "endorse-endorsed_by_role": "Mayor (example)",
        "endorse-endorsing_organisation": "Timiș County Council (example)"})
    assert answer.status_code == 400 and "cannot be dated in the future" in answer.content.decode()
    plan.refresh_from_db()
    assert plan.status == "review"
    answer = client.post(url("workflow", plan.pk, "endorse"), {
        "endorse-endorsed_on": "2021-07-01", "endorse-endorsed_by_role": "Mayor (example)",
        "endorse-endorsing_organisation": "Timiș County Council (example)"})
    assert answer.status_code == 302
    plan.refresh_from_db()
    assert plan.status == "endorsed" and plan.endorsed_version.change == "endorsed"
    assert client_of(other_staff).post(url("workflow", plan.pk, "publish")).status_code == 403
    assert client.post(url("workflow", plan.pk, "publish")).status_code == 302
    assert client.post(url("workflow", plan.pk, "monitor")).status_code == 302
    plan.refresh_from_db()
    assert plan.is_published and plan.status == "monitoring"
    content = client.get(url("detail", plan.pk)).content.decode()
    assert "Report on the actions" in content and "Take it off the public site" in content


def test_a_plan_without_actions_is_not_sent_to_review(staff, partner):
    plan = make_plan(staff, partner)
    answer = client_of(staff).post(url("workflow", plan.pk, "submit"), follow=True)
    assert "Add at least one action before the plan goes to peer review." in answer.content.decode()
    plan.refresh_from_db()
    assert plan.status == "draft"


def test_the_coordinator_validates_only_what_they_read(plan, staff, coordinator):
    _in_review(plan, staff)
    plan.refresh_from_db()
    read = plan.revision
    plan_update(actor=staff, plan=plan, revision=read, values={"summary": {"en": "Late change (example)."}})
    answer = client_of(coordinator).post(url("workflow", plan.pk, "validate"), {"revision": read}, follow=True)
    assert "changed this in the meantime" in answer.content.decode()
    plan.refresh_from_db()
    assert plan.validated_at is None


# --- history, comparison, one version -------------------------------------------------------------
def test_the_history_lists_every_version_with_who_and_when(plan, staff, other_staff):
    content = client_of(other_staff).get(url("history", plan.pk)).content.decode()
    for number in (1, 2, 3):
        assert url("version", plan.pk, number) in content
    assert "Action 2 added" in content and staff.get_full_name() in content
    assert f"{url('compare', plan.pk)}?a=2&amp;b=3" in content


def test_two_versions_side_by_side(plan, staff):
    action = plan.actions.get(position=1)
    action_save(actor=staff, plan=plan, action=action, revision=action.revision, rows=ROWS, values={
        "title": {"en": "Action 1: grants for creative SMEs (example)", "ro": "Acțiunea 1, schimbată"},
        "start_date": dt.date(2021, 9, 1), "end_date": dt.date(2022, 6, 30)})
    client = client_of(staff)
    content = client.get(url("compare", plan.pk)).content.decode()  # the latest and the one before
    assert "Version 3 and version 4 side by side" in content
    assert "<del><span class=\"visually-hidden\">[removed: </span>vouchers</span>" not in content
    assert "[removed: </span>vouchers<" in content and "[added: </span>grants<" in content
    assert "1 action changed" in content
    assert "Also changed in" not in content
    assert "They also changed in:" in content and "lang=ro" in content
    romanian = client.get(url("compare", plan.pk), {"a": "3", "b": "4", "lang": "ro"}).content.decode()
    assert "[added: </span>schimbată<" in romanian
    whole = client.get(url("compare", plan.pk), {"a": "1", "b": "4"}).content.decode()
    assert "2 actions added" in whole
    backwards = client.get(url("compare", plan.pk), {"a": "4", "b": "1"}).content.decode()
    assert "Version 1 and version 4 side by side" in backwards
    assert client.get(url("compare", plan.pk), {"a": "1", "b": "99"}).status_code == 404


def test_one_version_with_its_banner_and_the_endorsed_one_marked(plan, staff, coordinator):
    _endorsed(plan, staff, coordinator)
    plan.refresh_from_db()
    endorsed = plan.endorsed_version.number
    client = client_of(staff)
    old = client.get(url("version", plan.pk, 1)).content.decode()
    assert "Version 1 of" in old and f"The current version is {endorsed}." in old
    marked = client.get(url("version", plan.pk, endorsed)).content.decode()
    assert "This is the endorsed version." in marked and "This is the current version." in marked
    assert "the endorsed version" in client.get(url("history", plan.pk)).content.decode()


def test_the_pages_speak_the_readers_language(plan, staff):
    client = client_of(staff)
    content = client.get(reverse("actionplans:detail", args=[plan.pk]).replace("/en/", "/de/")).content.decode()
    assert "Teil I" in content or "Part I" in content  # the strings are translatable; catalogues come later
    values = form_values(client.get(url("action_create", plan.pk).replace("/en/", "/de/")).content.decode())
    values.update({"title_en": "Auf Deutsch (example)", "costs-0-item": "Personal", "costs-0-amount": "1.200,50"})
    answer = client.post(url("action_create", plan.pk).replace("/en/", "/de/"), values)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert plan.actions.get(position=3).cost_items.get().amount == Decimal("1200.50")


# --- query counts ---------------------------------------------------------------------------------------
def _realistic(plan, staff, other_staff, partner, *, actions: int):
    """`actions` actions citing a practice, a lab theme and an event, and comment threads with
    replies on the plan and on each action."""
    from ecocsme.actionplans.services.review import comment_add

    practice = PracticeFactory(partner=partner)
    theme = ThemeFactory(lab=LabFactory(partner=partner))
    event = EventFactory(partner=partner)
    for n in range(1, actions + 1):
        plan.refresh_from_db()
        action_save(actor=staff, plan=plan, action=None, revision=plan.revision, values={
            "title": {"en": f"Action {n} (example)"}, "description": {"en": "A call (example)."}},
            rows=ActionRows(milestones=[], costs=[{"item": {"en": "Staff"}, "amount": Decimal(n * 100)}], funding=[],
                            inspirations=[{"kind": "practice", "id": practice.pk, "label": "P", "note": {}},
                                          {"kind": "theme", "id": theme.pk, "label": "T", "note": {}},
                                          {"kind": "event", "id": event.pk, "label": "E", "note": {}}]))
    plan.refresh_from_db()
    thread = comment_add(plan=plan, actor=other_staff, text="Is the budget realistic? (example)", on="part2")
    comment_add(plan=plan, actor=staff, text="Yes, the county co-funds it (example).", parent=thread)
    for action in plan.actions.all():
        comment_add(plan=plan, actor=other_staff, text="Which SMEs? (example)", on=f"action:{action.key}")
    plan.refresh_from_db()
    return plan


PAGES = {"detail": lambda p: [p.pk], "history": lambda p: [p.pk], "compare": lambda p: [p.pk],
         "version": lambda p: [p.pk, 2]}
QUERIES = {"detail": 16, "history": 5, "compare": 7, "version": 9}


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_runs_a_fixed_number_of_queries_for_a_small_and_a_large_plan(
        staff, other_staff, partner, other_partner, name):
    small = _realistic(make_plan(staff, partner), staff, other_staff, partner, actions=2)
    large = _realistic(make_plan(other_staff, other_partner), other_staff, staff, other_partner, actions=10)
    client = client_of(staff)
    for plan in (small, large):
        client.get(url(name, *PAGES[name](plan)))  # the session
        with assert_num_queries(QUERIES[name], label=f"{name} of {plan.actions.count()} actions"):
            assert client.get(url(name, *PAGES[name](plan))).status_code == 200


def test_the_list_runs_the_same_queries_for_few_and_many_plans(staff, partner, admin):
    make_plan(staff, partner, actions=3)
    client = client_of(admin)
    client.get(url("list"))
    with assert_num_queries(6, label="list"):
        client.get(url("list"))
    for _ in range(4):
        other = PartnerFactory(project=partner.project)
        make_plan(admin, other, actions=2)
    with assert_num_queries(6, label="list"):
        client.get(url("list"))


def test_the_rows_can_be_written_in_another_language(plan, staff):
    action = plan.actions.get(position=1)
    client = client_of(staff)
    assert _action_form(client, plan, action)["rows_language"] == "en"  # the language its rows have
    page = client.get(url("action_edit", plan.pk, action.pk), {"rows": "ro"})
    values = form_values(page.content.decode())
    assert values["rows_language"] == "ro" and values["milestones-0-title"] == ""
    assert values["milestone_titles_en"] == "Call 1 published (example)"
    values["milestones-0-title"] = "Apel publicat (exemplu)"
    assert "cost_items_ro" not in values and values["cost_items_en"] == "Staff (example)\nMentoring (example)"
    values.update({"costs-0-item": "Personal (exemplu)", "costs-1-item": "Mentorat (exemplu)"})
    assert client.post(url("action_edit", plan.pk, action.pk), values).status_code == 302
    action.refresh_from_db()
    assert action.milestones.get().title == {"en": "Call 1 published (example)", "ro": "Apel publicat (exemplu)"}
    assert [c.item for c in action.cost_items.order_by("position")] == [
        {"en": "Staff (example)", "ro": "Personal (exemplu)"}, {"en": "Mentoring (example)", "ro": "Mentorat (exemplu)"}]
    assert client.get(url("action_edit", plan.pk, action.pk), {"rows": "xx"}).status_code == 200


def test_members_find_the_plans_in_the_menu_and_on_the_dashboard(staff, stakeholder):
    menu = client_of(staff).get(reverse("web:manage")).content.decode()
    assert menu.count(f'href="{url("list")}"') == 2
    assert url("list") not in client_of(stakeholder).get(reverse("web:home")).content.decode()
