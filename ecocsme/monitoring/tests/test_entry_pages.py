"""The monitoring's entry pages as people use them: who may open and change each one, entering a
value with its evidence file, the file served only to the project's members, two people saving
at once, a planned budget above the partner's budget, a validated period locked and marked,
indicators and targets all or nothing, the downloads, the command, each page's query count at
two sizes, and the pages in a browser at a phone's and a desktop's width."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from ecocsme.accounts.factories import PASSWORD
from ecocsme.events.factories import EventFactory, EventInvitationFactory
from ecocsme.monitoring.models import BudgetLine, Indicator, PeriodValidation, Target, Value
from ecocsme.monitoring.services import (
    budget_save,
    indicators_install,
    period_validate,
    target_save,
    value_save,
)
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.testing.access import fresh, kinds_of_user
from ecocsme.testing.queries import count_queries

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def url(name: str, *args) -> str:
    return reverse(f"monitoring:{name}", args=args)


# --- who may open what ----------------------------------------------------------------------------
@pytest.fixture
def kinds(media):
    kinds = kinds_of_user()
    project = kinds.partner_a.project
    indicators_install(actor=None, project=project)
    period = project.periods.get(number=1)
    media_indicator = project.indicators.get(key="media_appearances")
    value = value_save(actor=kinds.users["staff_a"], indicator=media_indicator, partner=kinds.partner_a,
                       period=period, value="2", evidence_file=SimpleUploadedFile("article.pdf", PDF))
    return kinds, project, media_indicator, value


READ = {"anonymous": 302, "no_role": 404, "staff_elsewhere": 404, "staff_a": 200, "staff_b": 200,
        "coordinator": 200, "admin": 200}
COORDINATE = {**READ, "staff_a": 403, "staff_b": 403}


def test_who_may_open_each_page(client, kinds):
    kinds, project, indicator, value = kinds
    a = kinds.partner_a.pk
    pages = [
        (url("indicators", project.code), READ),
        (url("indicator_add", project.code), COORDINATE),
        (url("indicator_edit", project.code, indicator.pk), COORDINATE),
        (url("values", project.code, a), READ),
        (url("values", project.code, a) + f"?show={indicator.pk}&period=1", READ),
        (url("budget", project.code, a), READ),
        (url("period_validate", project.code, a, 1), COORDINATE),
        (url("value_evidence", project.code, value.pk), READ),
    ]
    for role, user in kinds.users.items():
        client.logout()
        if role != "anonymous":
            client.force_login(fresh(user))
        for address, expected in pages:
            response = client.get(address)
            assert response.status_code == expected[role], (role, address, response.status_code)


def test_ids_of_another_project_are_not_found(client, kinds):
    kinds, project, _indicator, value = kinds
    client.force_login(kinds.users["coordinator"])
    elsewhere = kinds.elsewhere
    other_indicator_project = elsewhere.project
    indicators_install(actor=None, project=other_indicator_project)
    foreign = other_indicator_project.indicators.first()
    for address in (url("values", project.code, elsewhere.pk), url("budget", project.code, elsewhere.pk),
                    url("period_validate", project.code, elsewhere.pk, 1),
                    url("indicator_edit", project.code, foreign.pk),
                    url("period_validate", project.code, kinds.partner_a.pk, 99),
                    url("value_evidence", elsewhere.project.code, value.pk),
                    url("values", project.code, kinds.partner_a.pk) + "?show=99999999999999999999&period=1",
                    url("values", project.code, kinds.partner_a.pk) + f"?show={foreign.pk}&period=1",
                    url("values", "NO-SUCH-CODE", kinds.partner_a.pk)):
        assert client.get(address).status_code == 404, address


def test_who_may_change_what(client, kinds):
    kinds, project, indicator, _value = kinds
    a, period_data = kinds.partner_a.pk, {"indicator": indicator.pk, "period": 1, "value": "5", "revision": 1,
                                          "action": "save"}
    for role in ("staff_b", "coordinator"):
        client.force_login(fresh(kinds.users[role]))
        assert client.post(url("values", project.code, a), period_data).status_code == 403
        assert client.post(url("budget", project.code, a), {"budget-planned_1": "1"}).status_code == 403
    client.force_login(fresh(kinds.users["staff_a"]))
    assert client.post(url("indicators", project.code), {"action": "install"}).status_code == 403
    assert client.post(url("period_validate", project.code, a, 1), {"action": "validate"}).status_code == 403
    assert Value.objects.get().value == 2 and not BudgetLine.objects.exists()
    assert not PeriodValidation.objects.exists()
    client.force_login(fresh(kinds.users["admin"]))
    assert client.post(url("values", project.code, a), period_data).status_code == 302
    assert Value.objects.get().value == 5


# --- entering values ------------------------------------------------------------------------------
def test_staff_enter_a_value_with_a_file_and_members_only_fetch_it(client, project, partner, other_partner, staff,
                                                                  other_staff, installed, media):
    indicator = installed["media_appearances"]
    client.force_login(staff)
    page = client.get(url("values", project.code, partner.pk) + f"?edit={indicator.pk}&period=1")
    assert page.status_code == 200 and b'name="revision"' in page.content
    response = client.post(url("values", project.code, partner.pk), {
        "action": "save", "indicator": indicator.pk, "period": 1, "value": "4", "revision": "0",
        "note": "Interviews in Opinia Timișoarei and on Radio Timișoara (example).",
        "evidence_link": "https://www.example.org/ro/stiri/ecoc-sme",
        "evidence_file": SimpleUploadedFile("revista presei.pdf", PDF, "application/pdf")})
    assert response.status_code == 302
    value = Value.objects.get()
    assert value.value == 4 and value.evidence_name == "revista_presei.pdf" and value.entered_by == staff

    client.force_login(other_staff)  # another partner of the project reads it
    served = client.get(url("value_evidence", project.code, value.pk))
    assert served.status_code == 200 and b"".join(served.streaming_content) == PDF
    assert served["Content-Type"] == "application/pdf" and served["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in served["Cache-Control"] and "sandbox" in served["Content-Security-Policy"]
    client.logout()
    assert client.get(url("value_evidence", project.code, value.pk)).status_code == 302  # to the login


def test_bad_input_through_the_page_changes_nothing(client, project, partner, staff, installed, media):
    indicator = installed["media_appearances"]
    client.force_login(staff)
    for typed in ("-3", "drei", "1 200,50", "NaN", "Infinity", ""):
        response = client.post(url("values", project.code, partner.pk), {
            "action": "save", "indicator": indicator.pk, "period": 1, "value": typed, "revision": "0"})
        assert response.status_code == 400, typed
    response = client.post(url("values", project.code, partner.pk), {
        "action": "save", "indicator": installed["policy_learning_events"].pk, "period": 1, "value": "2",
        "revision": "0"})
    assert response.status_code == 400
    response = client.post(url("values", project.code, partner.pk), {
        "action": "save", "indicator": indicator.pk, "period": 1, "value": "2", "revision": "0",
        "evidence_file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00 an executable", "application/pdf")})
    assert response.status_code == 400 and "whatever its name says" in response.content.decode()
    assert not Value.objects.exists()


def test_two_people_on_the_same_value_the_second_is_told(client, project, partner, staff, installed):
    from ecocsme.accounts.factories import PartnerStaffFactory

    colleague = PartnerStaffFactory(username="t-staff-2", partner=partner, first_name="Ana",
                                    last_name="Ionescu (example)")
    indicator = installed["people_increased_capacity"]
    form = {"action": "save", "indicator": indicator.pk, "period": 1, "revision": "0"}
    client.force_login(colleague)
    assert client.post(url("values", project.code, partner.pk), {**form, "value": "12"}).status_code == 302
    client.force_login(staff)
    response = client.post(url("values", project.code, partner.pk), {**form, "value": "15"})
    assert response.status_code == 400 and "Ana Ionescu (example) changed this" in response.content.decode()
    assert Value.objects.get().value == 12


def test_a_validated_period_is_locked_and_marked(client, project, partner, staff, coordinator, installed):
    indicator = installed["media_appearances"]
    value_save(actor=staff, indicator=indicator, partner=partner, period=project.periods.get(number=1), value="3")
    period_validate(actor=coordinator, partner=partner, period=project.periods.get(number=1))
    client.force_login(staff)
    page = client.get(url("values", project.code, partner.pk)).content.decode()
    assert "Validated " in page
    assert f"?edit={indicator.pk}&amp;period=1" not in page and f"?edit={indicator.pk}&amp;period=2" in page
    assert f"?edit={indicator.pk}&amp;period=3" not in page  # not started yet
    response = client.post(url("values", project.code, partner.pk), {
        "action": "save", "indicator": indicator.pk, "period": 1, "value": "9", "revision": "1"})
    assert response.status_code == 400 and "is validated" in response.content.decode()
    assert Value.objects.get().value == 3


# --- the budget -----------------------------------------------------------------------------------
def test_the_budget_page_refuses_plans_above_the_partners_budget(client, project, partner, staff):
    client.force_login(staff)
    data = {"budget-planned_1": "60000", "budget-spent_1": "61000,50", "budget-revision_1": "0",
            "budget-planned_2": "70000", "budget-spent_2": "", "budget-revision_2": "0",
            "budget-planned_3": "", "budget-revision_3": "0", "budget-planned_4": "", "budget-revision_4": "0"}
    response = client.post(url("budget", project.code, partner.pk), data)
    assert response.status_code == 400  # "61000,50" is not how English writes it
    response = client.post(url("budget", project.code, partner.pk), {**data, "budget-spent_1": "61,000.50"})
    assert response.status_code == 400 and "€11,837 more than" in response.content.decode()
    assert not BudgetLine.objects.exists()
    response = client.post(url("budget", project.code, partner.pk), {**data, "budget-spent_1": "61,000.50",
                                                                      "budget-planned_2": "58163"})
    assert response.status_code == 302
    page = client.get(url("budget", project.code, partner.pk)).content.decode()
    assert "€118,163" in page and "€61,000.50" in page


def test_the_budget_of_a_validated_period_is_shown_not_changed(client, project, partner, staff, coordinator):
    budget_save(actor=staff, partner=partner, period=project.periods.get(number=1), planned="1000", spent="800")
    period_validate(actor=coordinator, partner=partner, period=project.periods.get(number=1))
    client.force_login(staff)
    page = client.get(url("budget", project.code, partner.pk)).content.decode()
    assert 'name="budget-planned_1"' in page and "disabled" in page
    client.post(url("budget", project.code, partner.pk), {"budget-planned_1": "5", "budget-spent_1": "5",
                                                         "budget-planned_2": "100", "budget-revision_2": "0"})
    line = BudgetLine.objects.get(period__number=1)
    assert (line.planned, line.spent) == (1000, 800)


# --- indicators, targets, validation --------------------------------------------------------------
def test_the_coordinator_adds_an_indicator_with_targets_all_or_nothing(client, project, partner, other_partner,
                                                                      coordinator, installed):
    client.force_login(coordinator)
    form = {"name_en": "Study visits to ECoC cities", "name_ro": "Vizite de studiu în orașele CEC",
            "unit": "number", "source": "manual", "is_cumulative": "on",
            f"targets-baseline_{partner.pk}": "0", f"targets-target_{partner.pk}": "4",
            f"targets-revision_{partner.pk}": "0",
            f"targets-baseline_{other_partner.pk}": "", f"targets-target_{other_partner.pk}": "-2",
            f"targets-revision_{other_partner.pk}": "0"}
    response = client.post(url("indicator_add", project.code), form)
    assert response.status_code == 200 and "Rijeka: Target cannot be negative." in response.content.decode()
    assert not Indicator.objects.filter(kind="custom").exists() and not Target.objects.exists()
    response = client.post(url("indicator_add", project.code), {**form, f"targets-target_{other_partner.pk}": "3"})
    indicator = Indicator.objects.get(kind="custom")
    assert response.status_code == 302 and response["Location"] == url("indicator_edit", project.code, indicator.pk)
    assert dict(Target.objects.values_list("partner_id", "target")) == {partner.pk: 4, other_partner.pk: 3}
    page = client.get(url("indicators", project.code)).content.decode()
    assert "Study visits to ECoC cities" in page
    with translation.override("ro"):
        assert "Vizite de studiu" in client.get(reverse("monitoring:indicators", args=[project.code])).content.decode()


def test_the_coordinator_validates_and_reopens_a_period(client, project, partner, coordinator, installed):
    first = project.periods.get(number=1)
    EventFactory(partner=partner, sessions=[(first.start_date + dt.timedelta(days=20), None, None)])
    client.force_login(coordinator)
    page = client.get(url("period_validate", project.code, partner.pk, 1))
    assert "Validate the period" in page.content.decode()
    response = client.post(url("period_validate", project.code, partner.pk, 1),
                           {"action": "validate", "note": "Checked against the attendance sheets (example)."})
    assert response.status_code == 302
    validation = PeriodValidation.objects.get()
    assert validation.figures["indicators"]["policy_learning_events"] == "1.00"
    assert "Reopen the period" in client.get(url("period_validate", project.code, partner.pk, 1)).content.decode()
    response = client.post(url("period_validate", project.code, partner.pk, 2), {"action": "validate"})
    assert response.status_code == 400 and "has not ended" in response.content.decode()
    client.post(url("period_validate", project.code, partner.pk, 1), {"action": "reopen", "note": "Late list."})
    assert not PeriodValidation.objects.exists()


def test_downloads_and_the_command(client, project, partner, staff, installed):
    client.force_login(staff)
    for address in (url("indicators", project.code), url("values", project.code, partner.pk)):
        for fmt in ("csv", "xlsx", "json"):
            response = client.get(address + f"?format={fmt}")
            assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
        assert client.get(address + "?format=exe").status_code == 404
    out = io.StringIO()
    call_command("install-indicators", project=project.code.lower(), stdout=out)
    assert out.getvalue().strip() == f"{project.code}: 0 indicators added, {len(installed)} in all"
    with pytest.raises(CommandError):
        call_command("install-indicators", project="NOPE")


# --- query counts ---------------------------------------------------------------------------------
def _filled(project, partners: int, staff, coordinator):
    made = [PartnerFactory(project=project, budget=50000) for _n in range(partners)]
    everyone = list(project.partners.all())
    first = project.periods.get(number=1)
    for partner in everyone:
        event = EventFactory(partner=partner, sessions=[(first.start_date + dt.timedelta(days=10), None, None)])
        EventInvitationFactory(event=event, answer="yes")
    for indicator in project.indicators.all()[:5]:
        for partner in everyone:
            target_save(actor=coordinator, indicator=indicator, partner=partner, baseline=0, target=10)
    return made


def _page_queries(client, project, partner, indicator) -> dict[str, int]:
    pages = {
        "indicators": url("indicators", project.code),
        "indicator_edit": url("indicator_edit", project.code, indicator.pk),
        "values": url("values", project.code, partner.pk),
        "values_show": url("values", project.code, partner.pk) + f"?show={project.indicators.get(key='policy_learning_events').pk}&period=1",
        "values_edit": url("values", project.code, partner.pk) + f"?edit={indicator.pk}&period=1",
        "budget": url("budget", project.code, partner.pk),
        "period_validate": url("period_validate", project.code, partner.pk, 1),
    }
    counts = {}
    for name, address in pages.items():
        number, response = count_queries(client.get, address)
        assert response.status_code == 200, name
        counts[name] = number
    return counts


def test_each_page_makes_the_same_number_of_queries_for_2_and_6_partners(client, project, partner, other_partner,
                                                                        staff, coordinator, installed):
    from ecocsme.accounts.factories import AdministratorFactory

    admin = AdministratorFactory()
    indicator = installed["media_appearances"]
    value_save(actor=staff, indicator=indicator, partner=partner, period=project.periods.get(number=1), value="1")
    client.force_login(admin)
    small = _page_queries(client, project, partner, indicator)
    _filled(project, 4, staff, coordinator)
    large = _page_queries(client, project, partner, indicator)
    assert small == large
    assert large == PINNED


# As the administrator: the session and the user, the project, then what each page reads (the
# values page: the partner, periods, indicators, targets, validations, values, seven kinds of
# records and the partners for the links); a member's pages read their memberships once more.
PINNED = {"indicators": 8, "indicator_edit": 7, "values": 19, "values_show": 23, "values_edit": 22,
          "budget": 9, "period_validate": 23}


# --- in a browser -----------------------------------------------------------------------------------
@pytest.mark.browser
def test_the_pages_in_a_browser_at_both_widths_and_entering_a_value_by_clicking(page, project, partner,
                                                                                other_partner, staff,
                                                                                coordinator, installed):
    from ecocsme.testing.a11y import assert_pages_accessible
    from ecocsme.testing.browser import browser_login

    first = project.periods.get(number=1)
    EventFactory(partner=partner, sessions=[(first.start_date + dt.timedelta(days=30), None, None)],
                 title={"en": "Partner workshop in Timișoara", "ro": "Atelier de parteneri la Timișoara"})
    budget_save(actor=staff, partner=partner, period=first, planned="30000", spent="28500.50")
    target_save(actor=coordinator, indicator=installed["media_appearances"], partner=partner, baseline=0, target=10)
    base = f"/en/manage/monitoring/{project.code}"
    indicator = installed["people_increased_capacity"]

    browser_login(page, "t-staff", PASSWORD)
    page.goto(page.base + f"{base}/partners/{partner.pk}/values/")
    page.get_by_role("link", name="enter · People with increased professional capacity · Period 1").click()
    page.get_by_label("Value", exact=True).fill("12")
    page.get_by_label("Note", exact=True).fill("Staff of the culture office trained in the labs (example).")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**{base}/partners/{partner.pk}/values/#indicator-{indicator.pk}")
    assert page.get_by_role("status").inner_text().strip() == "Saved."
    assert Value.objects.get(indicator=indicator).value == 12
    assert_pages_accessible(page, [f"{base}/partners/{partner.pk}/values/",
                                   f"{base}/partners/{partner.pk}/values/?edit={indicator.pk}&period=1",
                                   f"{base}/partners/{partner.pk}/budget/", f"{base}/indicators/"])

    page.context.clear_cookies()
    browser_login(page, "coord", PASSWORD)
    events = installed["policy_learning_events"]
    assert_pages_accessible(page, [f"{base}/partners/{partner.pk}/values/?show={events.pk}&period=1",
                                   f"{base}/partners/{partner.pk}/periods/1/validate/",
                                   f"{base}/indicators/{installed['media_appearances'].pk}/",
                                   f"{base}/indicators/new/"])
    page.goto(page.base + f"{base}/partners/{partner.pk}/values/?show={events.pk}&period=1")
    assert page.get_by_role("link", name="Partner workshop in Timișoara").count() == 1
