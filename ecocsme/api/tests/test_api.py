import pytest

from ecocsme.reference.selectors import today


@pytest.mark.django_db
def test_ecoc_titles_of_2023_with_the_phase_of_today(client, project):
    data = client.get("/api/v1/ecoc-titles?year=2023").json()
    assert data["count"] == 3
    cities = {item["city"]: item for item in data["items"]}
    assert set(cities) == {"Elefsina", "Timișoara", "Veszprém"}
    timisoara = cities["Timișoara"]
    assert (timisoara["country"], timisoara["original_year"]) == ("RO", 2021)
    from ecocsme.reference.models import EcocTitle

    expected = EcocTitle.objects.get(city="Timișoara").phase_on(today())
    assert timisoara["phase"] == expected


@pytest.mark.django_db
def test_ecoc_titles_filters_and_phase_on_a_date(client, project):
    data = client.get("/api/v1/ecoc-titles?country=ro&on=2021-06-01").json()
    assert [(i["city"], i["phase"]) for i in data["items"]] == [
        ("Sibiu", "after"), ("Timișoara", "preparation")]
    data = client.get("/api/v1/ecoc-titles?phase=event_year&on=2023-03-01").json()
    assert sorted(i["city"] for i in data["items"]) == ["Elefsina", "Timișoara", "Veszprém"]


@pytest.mark.django_db
def test_ecoc_titles_are_paginated(client, project):
    first = client.get("/api/v1/ecoc-titles").json()
    assert first["count"] == 92 and len(first["items"]) == 50
    second = client.get("/api/v1/ecoc-titles?page=2").json()
    assert len(second["items"]) == 42
    assert first["items"][0]["city"] == "Athens"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["year=abc", "phase=someday", "on=2023-02-30", "year=1900",
                                   "country=Romania"])
def test_bad_parameters_get_a_clear_422(client, project, query):
    response = client.get(f"/api/v1/ecoc-titles?{query}")
    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.django_db
def test_project_partners(client, project):
    data = client.get("/api/v1/projects/PGI06047/partners").json()
    assert data["count"] == 7
    timisoara = next(p for p in data["items"] if p["city"] == "Timișoara")
    assert timisoara["budget"] == "118163.00"
    assert timisoara["ecoc_year"] == 2023 and timisoara["nuts_region"] == "RO42"
    lead = next(p for p in data["items"] if p["role"] == "lead")
    assert lead["ecoc_title"] is None


@pytest.mark.django_db
def test_same_permissions_as_the_pages(client, project, make_user):
    project.is_published = False
    project.save()
    assert client.get("/api/v1/projects/PGI06047/partners").status_code == 404
    assert client.get("/api/v1/projects").json()["count"] == 0
    client.force_login(make_user("outsider"))
    assert client.get("/api/v1/projects/PGI06047/partners").status_code == 404
    client.force_login(make_user("member", role="partner_staff", project=project,
                                 partner_number=6))
    assert client.get("/api/v1/projects/PGI06047/partners").json()["count"] == 7
    assert client.get("/api/v1/projects/PGI06047").json()["code"] == "PGI06047"


@pytest.mark.django_db
def test_unknown_project(client, project):
    response = client.get("/api/v1/projects/NOPE/partners")
    assert response.status_code == 404 and response.json()["detail"]


def test_openapi_description(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["info"]["version"] == "1"
    assert {"/api/v1/ecoc-titles", "/api/v1/projects/{code}/partners"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/v1/ecoc-titles"]["get"]["parameters"]}
    assert {"year", "country", "phase", "on", "page"} <= names
