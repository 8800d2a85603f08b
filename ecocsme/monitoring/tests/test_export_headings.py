"""The indicators' and values' downloads: CSV headed and labelled in the reader's language, JSON
keyed by the machine names (and naming the source a computed indicator counts)."""

import pytest

from ecocsme.monitoring.indicators import MANUAL
from ecocsme.testing.exports import downloads

pytestmark = pytest.mark.django_db


def test_the_targets_read_in_romanian_in_csv_and_by_name_in_json(client, project, partner, staff, installed):
    client.force_login(staff)
    table, items = downloads(client, "monitoring:indicators", project.code)
    heading = table[0]
    assert heading[:4] == ["Indicator", "Nume", "Tip", "Unitate de măsură"]
    assert heading[-2:] == ["Valoare de referință", "Țintă"]
    assert list(items[0]) == ["indicator", "name", "kind", "unit", "values", "partner_number", "partner",
                              "baseline", "target"]
    sources = {item["values"] for item in items}
    assert MANUAL in sources and len(sources) > 1
    assert {row[4] for row in table[1:]} == {"calculat", "introdus"}


def test_the_values_read_in_romanian_in_csv_and_by_name_in_json(client, project, partner, staff, installed):
    client.force_login(staff)
    table, items = downloads(client, "monitoring:values", project.code, partner.pk)
    assert table[0][:3] == ["Indicator", "Nume", "Unitate de măsură"]
    assert list(items[0])[:4] == ["indicator", "name", "unit", "values"] and "validated" in items[0]
    assert {row[8] for row in table[1:]} <= {"da", "nu", "yes", "no"} and items[0]["validated"] in (True, False)
