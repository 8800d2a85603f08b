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

from ecocsme.accounts.factories import (
    AdministratorFactory,
    CoordinatorFactory,
    PartnerStaffFactory,
    UserFactory,
)
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.reference import selectors
from ecocsme.reference.factories import EcocTitleFactory
from ecocsme.reference.models import EcocTitle

ROLES = ("anonymous", "staff_a", "staff_b", "coordinator", "no_role", "admin")


@pytest.fixture
def users(db) -> dict:
    partner_a = PartnerFactory(city="Timișoara")
    partner_b = PartnerFactory(project=partner_a.project, city="Rijeka")
    return {
        "anonymous": AnonymousUser(),
        "staff_a": PartnerStaffFactory(username="staff-a", partner=partner_a),
        "staff_b": PartnerStaffFactory(username="staff-b", partner=partner_b),
        "coordinator": CoordinatorFactory(username="coord", project=partner_a.project),
        "no_role": UserFactory(username="no-role"),
        "admin": AdministratorFactory(username="admin-x"),
    }


@pytest.fixture
def titles(db) -> set[tuple[int, str]]:
    made = [EcocTitleFactory(year=2031, city="Example City A"), EcocTitleFactory(year=2032, city="Example City B"),
            EcocTitleFactory(year=2033, city="Example City C", country="RO")]
    return {(t.year, t.city) for t in made}


def test_reference_has_no_rule_and_its_reads_take_no_user():
    assert not [name for name in rules.permissions.permissions if name.startswith("reference.")]
    for name in ("ecoc_titles", "ecoc_title_countries", "ecoc_phase_counts"):
        assert "user" not in getattr(selectors, name).__code__.co_varnames


@pytest.mark.parametrize("role", ROLES)
def test_every_kind_of_user_reads_every_title(client, users, titles, role):
    if role != "anonymous":
        client.force_login(users[role])
    assert EcocTitle.objects.count() == len(titles)
    api = client.get("/api/v1/ecoc-titles", {"page_size": 100}).json()
    assert {(t["year"], t["city"]) for t in api["items"]} == titles
    export = client.get(reverse("web:ecoc_timeline"), {"format": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {(int(row["year"]), row["city"]) for row in rows} == titles
