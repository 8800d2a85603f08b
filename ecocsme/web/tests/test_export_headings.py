"""The public lists' downloads (ECoC titles, a project's partners): CSV headed and labelled in the
reader's language, JSON keyed by the machine names with codes."""

import pytest

from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.testing.exports import downloads

pytestmark = pytest.mark.django_db


@pytest.fixture
def ecoc_titles(db):
    from ecocsme.reference.services import DATA_DIR, ecoc_titles_import

    return ecoc_titles_import((DATA_DIR / "ecoc_titles.csv").read_text(encoding="utf-8"))


def test_the_ecoc_titles_read_in_romanian_in_csv_and_by_name_in_json(client, ecoc_titles):
    table, items = downloads(client, "web:ecoc_timeline", country="RO")
    heading = table[0]
    assert "Oraș" in heading and "Țară" in heading and "Fază" in heading and "city" not in heading
    assert list(items[0])[:4] == ["year", "city", "country_code", "country"]
    phases = {row[heading.index("Fază")] for row in table[1:]}
    codes = {item["phase"] for item in items}
    assert codes <= {"before", "preparation", "event_year", "legacy", "after"} and not phases & codes


def test_the_partners_read_in_romanian_in_csv_and_by_name_in_json(client):
    partner = PartnerFactory(city="Timișoara", role="lead")
    table, items = downloads(client, "web:partner_list", partner.project.code)
    heading, row = table[0], table[1]
    assert row[heading.index("Oraș")] == "Timișoara" and "Partener lider" in row
    assert items[0]["role"] == "lead" and list(items[0])[:3] == ["number", "role", "name"]
