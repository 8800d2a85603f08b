"""Monitoring in the API: GET /api/v1/projects/{code}/indicators and /budget give the figures of
the dashboard, for the project or one partner, to the same readers; everyone else gets 404."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory, UserFactory
from ecocsme.partnerships.factories import PartnerFactory

from .figures import EXPECTED, monitored_project, more_partners


@pytest.fixture
def monitored(partner, other_partner, coordinator, staff, other_staff):
    return monitored_project(partner, other_partner, coordinator, staff, other_staff)


def api(client, user, path: str, **headers):
    if user is not None:
        client.force_login(user)
    return client.get(f"/api/v1/projects/{path}", **headers)


def by_key(answer: dict) -> dict[str, dict]:
    return {row["key"]: row for row in answer["indicators"]}


def test_the_indicators_of_the_project(client, monitored, coordinator):
    response = api(client, coordinator, f"{monitored.code}/indicators")
    assert response.status_code == 200
    answer = response.json()
    assert answer["project"] == monitored.code and answer["partner"] is None
    rows = by_key(answer)
    assert len(rows) == 15
    events = rows["policy_learning_events"]
    assert events["name"] == "Policy learning events organised"
    assert (events["kind"], events["unit"], events["computed"], events["cumulative"]) == (
        "output", "number", True, True)
    assert Decimal(events["target"]) == EXPECTED["events_target"] and Decimal(events["total"]) == 4
    assert events["progress"] == pytest.approx(4 / 6)
    assert [(p["number"], p["value"] and Decimal(p["value"])) for p in events["periods"]] == [
        (1, 2), (2, 2), (3, None), (4, None)]
    media = rows["media_appearances"]
    assert media["computed"] is False and Decimal(media["total"]) == EXPECTED["media"]
    assert [p["evidence"] for p in media["periods"]] == [True, True, False, False]
    assert rows["event_participants"]["target"] is None and rows["event_participants"]["progress"] is None
    assert {"start", "end", "validated"} <= set(events["periods"][0])


def test_one_partners_indicators(client, monitored, staff, other_partner):
    answer = api(client, staff, f"{monitored.code}/indicators?partner={other_partner.pk}").json()
    assert answer["partner"] == other_partner.pk
    rows = by_key(answer)
    assert Decimal(rows["policy_learning_events"]["target"]) == 2
    assert [p["value"] and Decimal(p["value"]) for p in rows["policy_learning_events"]["periods"]] == [
        0, 1, None, None]
    assert Decimal(rows["media_appearances"]["total"]) == 1


def test_the_names_in_the_language_asked_for(client, monitored, coordinator):
    with translation.override("de"):
        expected = translation.gettext("Policy learning events organised")
    answer = api(client, coordinator, f"{monitored.code}/indicators", HTTP_ACCEPT_LANGUAGE="de").json()
    assert by_key(answer)["policy_learning_events"]["name"] == expected


def test_the_budget_of_the_project_and_of_a_partner(client, monitored, coordinator, partner):
    answer = api(client, coordinator, f"{monitored.code}/budget").json()
    assert Decimal(answer["budget"]) == EXPECTED["budget"]
    assert Decimal(answer["planned_total"]) == EXPECTED["planned"]
    assert Decimal(answer["spent_total"]) == EXPECTED["spent"]
    first, second, third, fourth = answer["periods"]
    assert (Decimal(first["planned"]), Decimal(first["spent"])) == (35_000, Decimal("28500.50"))
    assert Decimal(second["cumulative_spent"]) == EXPECTED["spent"]
    assert third["spent"] is None and Decimal(third["cumulative_planned"]) == EXPECTED["planned"]
    assert Decimal(fourth["planned"]) == 0 and set(first) == {
        "number", "start", "end", "planned", "spent", "cumulative_planned", "cumulative_spent", "validated"}
    own = api(client, coordinator, f"{monitored.code}/budget?partner={partner.pk}").json()
    assert (own["partner"], Decimal(own["budget"]), Decimal(own["spent_total"])) == (
        partner.pk, 120_000, Decimal("43500.50"))


def test_the_members_and_the_administrator_read_them(client, monitored, staff, other_staff, coordinator,
                                                     other_partner):
    admin = UserFactory(username="admin-example", is_superuser=True, is_staff=True)
    for user in (staff, other_staff, coordinator, admin):
        for path in ("indicators", "budget", f"indicators?partner={other_partner.pk}"):
            assert api(client, user, f"{monitored.code}/{path}").status_code == 200, (user, path)


def test_everyone_else_gets_404(client, monitored, partner):
    elsewhere = PartnerFactory(city="Leeuwarden", country="NL")
    strangers = [None, UserFactory(username="stakeholder"), PartnerStaffFactory(username="l-staff", partner=elsewhere),
                 CoordinatorFactory(username="l-coord", project=elsewhere.project)]
    for user in strangers:
        client.logout()
        for path in ("indicators", "budget", f"indicators?partner={partner.pk}"):
            response = api(client, user, f"{monitored.code}/{path}")
            assert response.status_code == 404, (user, path)
            assert response.json() == {"detail": "There is no such project."}


def test_a_partner_of_another_project_or_no_id_is_refused(client, monitored, coordinator):
    elsewhere = PartnerFactory(city="Kaunas", country="LT")
    assert api(client, coordinator, f"{monitored.code}/budget?partner={elsewhere.pk}").status_code == 404
    for value in ("abc", "0", "-3", "1e3", "99999999999999999999999"):
        assert api(client, coordinator, f"{monitored.code}/indicators?partner={value}").status_code in (404, 422)
    assert api(client, coordinator, "NOPE0001/indicators").status_code == 404


def test_the_same_number_of_queries_for_two_and_seven_partners(client, monitored, coordinator):
    client.force_login(coordinator)

    def count(path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/v1/projects/{monitored.code}/{path}").status_code == 200
        return len(captured)

    two = (count("indicators"), count("budget"))
    more_partners(monitored, 5, coordinator)
    assert (count("indicators"), count("budget")) == two == (18, 8)
