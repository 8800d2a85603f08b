"""The monitoring dashboard (AP-4): the figures it shows are those of the data, for the project
and for one partner (the chooser); each table downloads with the rows of the page; who may open
the page and its downloads; the same number of queries for 2 and 7 partners."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory, UserFactory
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.testing.queries import queries_text

from .figures import EXPECTED, monitored_project, more_partners

TABLES = ("indicators", "actions", "budget", "participation", "partners")


@pytest.fixture
def monitored(partner, other_partner, coordinator, staff, other_staff):
    return monitored_project(partner, other_partner, coordinator, staff, other_staff)


def dashboard_url(project, partner=None, language="en") -> str:
    url = f"/{language}/manage/monitoring/{project.code}/"
    return url + (f"?partner={partner.pk}" if partner is not None else "")


def export_url(project, table: str, fmt: str, partner=None) -> str:
    url = reverse("monitoring:table_export", args=[project.code, table, fmt])
    return url + (f"?partner={partner.pk}" if partner is not None else "")


def opened(client, user, url: str):
    client.force_login(user)
    return client.get(url)


def row_of(table, first: str) -> list:
    return next(row for row in table.rows if row[0] == first)


def as_in_a_workbook(value):
    """What openpyxl reads back of a value written: a date as a datetime, a Decimal as a float."""
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return float(value) if isinstance(value, Decimal) else value


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


# --- what the page shows --------------------------------------------------------------------------
def test_the_project_dashboard_shows_the_figures_of_the_data(client, monitored, coordinator):
    response = opened(client, coordinator, dashboard_url(monitored))
    assert response.status_code == 200
    context, html = response.context, response.content.decode()
    assert [section["kind"] for section in context["indicators"]] == ["output", "result"]
    output = context["indicators"][0]["table"]
    periods = [heading for heading in output.headings if heading.startswith("Semester")]
    assert periods == ["Semester 1", "Semester 2", "Semester 3", "Semester 4"]
    # Indicator, unit, baseline, target, S1…S4, total, progress (%)
    assert output.headings[:4] == ["Indicator", "Unit", "Baseline", "Target"]
    events = row_of(output, "Policy learning events organised")
    assert events[3:] == [EXPECTED["events_target"], 2, 2, None, None, 4, Decimal("66.7")]
    participants = row_of(output, "Participants in policy learning events")
    assert participants[4:6] == [EXPECTED["participants"][1], EXPECTED["participants"][2]]
    media = row_of(output, "Appearances in media")
    assert media[3] == EXPECTED["media_target"] and media[8] == EXPECTED["media"] and media[9] == 80
    assert row_of(output, "Stakeholders who answered the labs' questions")[4:6] == [0, 3]
    # the bars' words, in the chart and beside it
    assert "4 of 6 (67%)" in html and "8 of 10 (80%)" in html and "6 people; no target set" in html
    assert "€0 of €50,000 (0%)" in html  # a result indicator in euros
    # actions per partner, with the project's total
    actions = context["actions"]
    assert actions.headings == ["Partner", "Planned", "In progress", "Done", "Dropped", "Total"]
    assert actions.rows == [["Timișoara", 0, 1, 2, 0, 3], ["Rijeka", 1, 0, 0, 1, 2]]
    assert actions.totals == ["All partners", *EXPECTED["actions"].values(), 5]
    # the budget
    budget = context["budget"]
    assert (budget["budget"], budget["planned_total"], budget["spent_total"]) == (
        EXPECTED["budget"], EXPECTED["planned"], EXPECTED["spent"])
    assert "€210,000" in html and "€75,000" in html and "€53,500.50" in html
    rows = context["budget_table"].rows
    assert [row[3:] for row in rows[:3]] == [[35000, 28500.5, 35000, 28500.5], [20000, 25000, 55000, 53500.5],
                                             [20000, None, 75000, None]]
    # participation per semester
    participation = context["participation"]
    assert [row[3:] for row in participation.rows[:2]] == [[2, 3, 0, 0], [2, 3, 1, 3]]
    assert participation.totals[3:] == [4, 6, 1, 3]
    # the partners
    partners = context["partners_table"].rows
    assert [row[0] for row in partners] == ["Timișoara", "Rijeka"]
    assert partners[0][4:] == [120_000, 43500.5, Decimal("36.3")]
    assert partners[1][4:] == [90_000, 10_000, Decimal("11.1")]
    # every chart is a titled image with its table beside it
    svgs = re.findall(r'<svg class="chart[^"]*" role="img"[^>]*><title>([^<]+)</title>', html)
    assert svgs == ["Output indicators", "Result indicators", "Actions by status, per partner",
                    "Budget planned and spent, added up over the semesters",
                    "Events and labs held per semester",
                    "Participants in the events and answers to the labs per semester",
                    "Budget spent per partner"]
    assert html.count('<table class="figures">') == 6  # the two of participation share one
    assert html.count("Download the table") == 6


def test_the_figures_are_written_in_the_readers_language(client, monitored, coordinator):
    html = opened(client, coordinator, dashboard_url(monitored, language="de")).content.decode()
    assert "210.000\xa0€" in html and "53.500,50\xa0€" in html
    assert '<html lang="de">' in html


def test_the_partner_chooser_shows_one_partners_figures(client, monitored, staff, other_partner, partner):
    """The staff of Timișoara read Rijeka's figures too: the whole project's monitoring is open to
    its members."""
    response = opened(client, staff, dashboard_url(monitored, other_partner))
    assert response.status_code == 200
    context, html = response.context, response.content.decode()
    assert context["partner"] == other_partner
    assert f'<option value="{other_partner.pk}" selected>' in html
    assert f'<option value="{partner.pk}">' in html and '<option value="">The whole project</option>' in html
    events = row_of(context["indicators"][0]["table"], "Policy learning events organised")
    assert events[3:8] == [2, 0, 1, None, None]  # Rijeka's target; one event, in S2
    assert context["actions"].rows == [["Rijeka", 1, 0, 0, 1, 2]]
    assert context["budget"]["budget"] == 90_000 and context["budget"]["spent_total"] == 10_000
    assert [row[3:] for row in context["participation"].rows[:2]] == [[0, 0, 0, 0], [1, 1, 0, 0]]
    assert "partners_table" not in context and 'id="partners"' not in html


@pytest.mark.parametrize("value", ["abc", "-1", "0", "1.5", "99999999999999999999999", "١٢"])
def test_a_partner_that_is_no_id_is_not_found(client, monitored, coordinator, value):
    assert opened(client, coordinator, dashboard_url(monitored) + f"?partner={value}").status_code == 404
    url = export_url(monitored, "budget", "csv") + f"?partner={value}"
    assert opened(client, coordinator, url).status_code == 404


def test_a_partner_of_another_project_is_not_found(client, monitored, coordinator):
    stranger = PartnerFactory(city="Kaunas", country="LT")
    assert opened(client, coordinator, dashboard_url(monitored, stranger)).status_code == 404
    assert opened(client, coordinator, export_url(monitored, "indicators", "xlsx", stranger)).status_code == 404


def test_the_projects_own_indicator_has_its_own_chart_in_the_readers_language(client, monitored, coordinator,
                                                                                 partner, staff):
    from ecocsme.monitoring import services

    own = services.indicator_save(actor=coordinator, project=monitored, values={
        "name": {"en": "SMEs satisfied with the labs (example)", "ro": "IMM-uri mulțumite de laboratoare (exemplu)"},
        "unit": "percent", "source": "manual", "is_cumulative": False})
    services.target_save(actor=coordinator, indicator=own, partner=partner, baseline=40, target=75)
    services.value_save(actor=staff, indicator=own, partner=partner, period=monitored.periods.get(number=1),
                        value=Decimal("62.5"))
    response = opened(client, coordinator, dashboard_url(monitored, language="ro"))
    sections = response.context["indicators"]
    assert [section["kind"] for section in sections] == ["output", "result", "custom"]
    row = sections[2]["table"].rows[0]
    assert row[0] == "IMM-uri mulțumite de laboratoare (exemplu)"
    assert row[2:5] == [40, 75, Decimal("62.50")] and row[-2] == Decimal("62.50")  # the latest, not a sum
    html = response.content.decode()
    assert "IMM-uri mulțumite de laboratoare (exemplu)" in html and "63\xa0%" in html


def test_the_page_without_indicators_and_plans_says_so(client, partner, coordinator):
    html = opened(client, coordinator, dashboard_url(partner.project)).content.decode()
    assert "No indicators have been set for this project yet." in html
    assert "No action plan has actions yet." in html


# --- the downloads --------------------------------------------------------------------------------
@pytest.mark.parametrize("table", TABLES)
def test_each_download_has_the_rows_of_the_page(client, monitored, coordinator, table):
    page = opened(client, coordinator, dashboard_url(monitored)).context
    shown = {"actions": page["actions"], "budget": page["budget_table"], "participation": page["participation"],
             "partners": page["partners_table"]}
    response = client.get(export_url(monitored, table, "csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="monitoring-{monitored.code}-{table}.csv"'
    rows = csv_rows(response)
    workbook = load_workbook(io.BytesIO(client.get(export_url(monitored, table, "xlsx")).content))
    sheet = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    if table == "indicators":  # the page's two tables (output, result) in one, with their kind
        expected = [*page["indicators"][0]["table"].export_rows(), *page["indicators"][1]["table"].export_rows()]
        headings = page["indicators"][0]["table"].headings
        assert rows[0][1] == sheet[0][1] == "Kind"
        assert [row[1] for row in rows[1:]] == ["Output"] * 10 + ["Result"] * 5
        rows = [[row[0], *row[2:]] for row in rows]
        sheet = [[row[0], *row[2:]] for row in sheet]
    else:
        expected, headings = shown[table].export_rows(), shown[table].headings
    assert rows[0] == sheet[0] == headings
    assert rows[1:] == [["" if value is None else str(value) for value in row] for row in expected]
    assert sheet[1:] == [[as_in_a_workbook(value) for value in row] for row in expected]


def test_the_downloads_hold_numbers_a_spreadsheet_adds_up(client, monitored, coordinator):
    client.force_login(coordinator)
    sheet = load_workbook(io.BytesIO(client.get(export_url(monitored, "budget", "xlsx")).content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Semester", "From", "To", "Planned", "Spent")
    assert rows[1][3:5] == (35000, 28500.5) and rows[-1][0] == "Total" and rows[-1][4] == 53500.5
    indicators = csv_rows(client.get(export_url(monitored, "indicators", "csv")))
    media = next(row for row in indicators if row[0] == "Appearances in media")
    assert media == ["Appearances in media", "Output", "number", "0", "10", "4", "4", "", "", "8", "80"]


def test_a_partners_download_has_its_figures_only(client, monitored, coordinator, other_partner):
    client.force_login(coordinator)
    response = client.get(export_url(monitored, "actions", "csv", other_partner))
    assert response["Content-Disposition"].endswith(f'"monitoring-{monitored.code}-partner-2-actions.csv"')
    assert csv_rows(response)[1:] == [["Rijeka", "1", "0", "0", "1", "2"]]
    partners = csv_rows(client.get(export_url(monitored, "partners", "csv", other_partner)))
    assert [row[0] for row in partners[1:]] == ["Rijeka"]


def test_a_name_that_looks_like_a_formula_stays_text(client, monitored, coordinator, other_partner):
    other_partner.short_name = '=HYPERLINK("https://example.org","Rijeka")'
    other_partner.save(update_fields=["short_name"])
    client.force_login(coordinator)
    rows = csv_rows(client.get(export_url(monitored, "partners", "csv")))
    assert rows[2][0] == '\'=HYPERLINK("https://example.org","Rijeka")'


@pytest.mark.parametrize(("table", "fmt"), [("secrets", "csv"), ("indicators", "json"), ("budget", "pdf"),
                                            ("Indicators", "csv")])
def test_no_other_table_or_format(client, monitored, coordinator, table, fmt):
    assert opened(client, coordinator, export_url(monitored, table, fmt)).status_code == 404


# --- who may open them ----------------------------------------------------------------------------
def urls(project, partner) -> list[str]:
    return [dashboard_url(project), dashboard_url(project, partner), export_url(project, "indicators", "csv"),
            export_url(project, "partners", "xlsx", partner)]


def test_the_members_and_the_administrator_open_the_page_and_its_downloads(client, monitored, partner, staff,
                                                                           other_staff, coordinator):
    admin = UserFactory(username="admin-example", is_superuser=True, is_staff=True)
    for user in (staff, other_staff, coordinator, admin):
        for url in urls(monitored, partner):
            assert opened(client, user, url).status_code == 200, (user, url)


def test_everyone_else_gets_the_404_of_a_project_that_does_not_exist(client, monitored, partner):
    stranger_project = PartnerFactory(city="Leeuwarden", country="NL")
    others = [PartnerStaffFactory(username="l-staff", partner=stranger_project),
              CoordinatorFactory(username="l-coord", project=stranger_project.project),
              UserFactory(username="stakeholder")]  # an account without a role (a stakeholder's)
    for user in others:
        for url in urls(monitored, partner):
            assert opened(client, user, url).status_code == 404, (user, url)
    missing = dashboard_url(monitored).replace(monitored.code, "NOPE0001")
    assert opened(client, others[0], missing).status_code == 404


def test_a_visitor_is_asked_to_log_in_whether_the_project_exists_or_not(client, monitored, partner):
    for url in [*urls(monitored, partner), dashboard_url(monitored).replace(monitored.code, "NOPE0001")]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")


def test_the_page_only_reads(client, monitored, coordinator):
    client.force_login(coordinator)
    assert client.post(dashboard_url(monitored)).status_code == 405
    assert client.post(export_url(monitored, "budget", "csv")).status_code == 405


# --- the list of projects and the menu ------------------------------------------------------------
def test_a_member_of_one_project_goes_straight_to_its_dashboard(client, monitored, staff):
    response = opened(client, staff, "/en/manage/monitoring/")
    assert response.status_code == 302 and response["Location"] == dashboard_url(monitored)


def test_the_administrator_chooses_among_the_projects(client, monitored):
    second = PartnerFactory(city="Kaunas", country="LT").project
    admin = UserFactory(username="admin-example", is_superuser=True, is_staff=True)
    html = opened(client, admin, "/en/manage/monitoring/").content.decode()
    assert dashboard_url(monitored) in html and dashboard_url(second) in html


def test_an_account_without_a_role_has_no_monitoring(client, monitored):
    stakeholder = UserFactory(username="stakeholder")
    assert opened(client, stakeholder, "/en/manage/monitoring/").status_code == 403
    home = client.get("/en/").content.decode()
    assert "/en/manage/monitoring/" not in home


def test_the_menu_has_monitoring_for_members(client, monitored, staff):
    home = opened(client, staff, "/en/").content.decode()
    assert '<a href="/en/manage/monitoring/">Monitoring</a>' in home
    page = client.get(dashboard_url(monitored)).content.decode()
    assert '<a href="/en/manage/monitoring/" aria-current="page">Monitoring</a>' in page


# --- the same number of queries whatever the number of partners -----------------------------------
def count(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    return len(captured), queries_text(captured)


# The session and the user (2), the project and the memberships (2), the partners (1); then what the
# selectors read: indicators, targets, values, validations and one query per kind of record the
# computed indicators count (the answers two: the periods, then the answers per period), read once
# for the figures and the partners' overview.
PINNED = {"project": 27, "partner": 22, "export": 19}


def test_the_same_number_of_queries_for_two_and_seven_partners(client, monitored, coordinator, partner):
    client.force_login(coordinator)
    pages = {"project": dashboard_url(monitored), "partner": dashboard_url(monitored, partner),
             "export": export_url(monitored, "indicators", "xlsx")}
    two = {name: count(client, url) for name, url in pages.items()}
    more_partners(monitored, 5, coordinator)
    seven = {name: count(client, url) for name, url in pages.items()}
    for name in pages:
        assert two[name][0] == seven[name][0] == PINNED[name], f"{name}:\n{seven[name][1]}"
