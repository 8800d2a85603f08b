"""Pages and API lists keep a fixed number of SQL queries whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ecocsme.reference.models import EcocTitle
from ecocsme.reference.services import ecoc_titles_import
from ecocsme.web.scale import _example_projects

URLS = ["/en/", "/en/ecoc/", "/en/projects/", "/en/projects/PGI06047/",
        "/en/projects/PGI06047/partners/", "/api/v1/ecoc-titles?year=2023",
        "/api/v1/ecoc-titles", "/api/v1/projects/PGI06047/partners", "/api/v1/projects"]


MEMBER_URLS = [*URLS, "/en/manage/"]


def query_counts(client, urls=URLS) -> dict[str, int]:
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    assert all(counts.values()), counts  # the pages do read the database
    return counts


def grow(project):
    """Many more titles, projects and partners, also in the year and project the pages show."""
    rows = "".join(f"{year},Example City {i},FR,France,,(example)\n"
                   for year in range(2034, 2060) for i in range(4))
    rows += "".join(f"2023,Example Town {i},FR,France,,(example)\n" for i in range(20))
    ecoc_titles_import("year,city,country_iso2,country,original_year,notes\n" + rows)
    import random

    titles = list(EcocTitle.objects.exclude(city=""))
    _example_projects(6, titles, random.Random(1))
    from ecocsme.partnerships.models import Partner

    start = project.partners.count() + 1
    Partner.objects.bulk_create([
        Partner(project=project, number=n, name=f"Example partner {n} (example)", city="Lille",
                country="FR", ecoc_title=titles[n]) for n in range(start, start + 15)])


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_data(client, project):
    small = query_counts(client)
    grow(project)
    assert EcocTitle.objects.count() > 200
    assert query_counts(client) == small


@pytest.mark.django_db
def test_query_counts_for_a_member_do_not_grow_with_data(client, project):
    from ecocsme.accounts.models import User

    client.force_login(User.objects.get(username="coordinator"))
    small = query_counts(client, MEMBER_URLS)
    grow(project)
    assert query_counts(client, MEMBER_URLS) == small
