"""Reference data is public (the documented rule, docs/import-contracts.md): there is no rule,
no `access.py` and no user in its selectors, and every kind of user — the anonymous visitor,
the staff of partner A and of partner B, the coordinator, a user without a role and the
administrator — reads the same titles from the API and the timeline."""

import csv
import io

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from ecocsme.reference import selectors
from ecocsme.reference.factories import EcocTitleFactory
from ecocsme.reference.models import EcocTitle

ROLES = ("anonymous", "staff_a", "staff_b", "coordinator", "no_role", "admin")


@pytest.fixture
def users(project, make_user) -> dict:
    """Users of the demo project (reference sits below accounts and partnerships: its tests take
    them from the shared fixtures rather than import those apps' factories)."""
    return {
        "anonymous": AnonymousUser(),
        "staff_a": make_user("staff-a", role="partner_staff", project=project, partner_number=6),
        "staff_b": make_user("staff-b", role="partner_staff", project=project, partner_number=5),
        "coordinator": make_user("coord", role="coordinator", project=project),
        "no_role": make_user("no-role"),
        "admin": make_user("admin-x", is_staff=True, is_superuser=True),
    }


@pytest.fixture
def titles(users) -> set[tuple[int, str, str]]:
    """The shipped titles (the demo loads them) and a few more."""
    EcocTitleFactory(year=2040, city="Example City A")
    EcocTitleFactory(year=2041, city="Example City B", country="RO")
    return {(t.year, t.country.code or "", t.city) for t in EcocTitle.objects.all()}


def test_reference_has_no_rule_and_its_reads_take_no_user():
    assert not [name for name in rules.permissions.permissions if name.startswith("reference.")]
    for name in ("ecoc_titles", "ecoc_title_countries", "ecoc_phase_counts"):
        assert "user" not in getattr(selectors, name).__code__.co_varnames


@pytest.mark.parametrize("role", ROLES)
def test_every_kind_of_user_reads_every_title(client, users, titles, role):
    if role != "anonymous":
        client.force_login(users[role])
    assert len(titles) == EcocTitle.objects.count() > 90
    api = client.get("/api/v1/ecoc-titles", {"page_size": 1000}).json()
    assert {(t["year"], t["country"], t["city"]) for t in api["items"]} == titles
    export = client.get(reverse("web:ecoc_timeline"), {"format": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {(int(row["Year"]), row["Country code"], row["City"]) for row in rows} == titles
