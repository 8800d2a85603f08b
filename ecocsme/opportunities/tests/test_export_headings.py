"""The opportunity exports: CSV headed and labelled in the reader's language (kind, phase,
status), JSON keyed by the machine names with codes."""

import pytest

from ecocsme.opportunities.exports import BACK_OFFICE_COLUMNS, OPPORTUNITY_COLUMNS
from ecocsme.opportunities.factories import OpportunityFactory
from ecocsme.testing.exports import downloads

pytestmark = pytest.mark.django_db


@pytest.fixture
def tender(partner, title, sectors):
    return OpportunityFactory(partner=partner, ecoc_title=title, title="Stage lighting (example)", kind="tender",
                              phase="preparation", sectors=["59"])


def test_the_public_list_reads_in_romanian_in_csv_and_by_name_in_json(client, tender):
    table, items = downloads(client, "opportunities:list")
    heading, row = table[0], table[1]
    assert heading[:3] == ["ID", heading[1], "Titlu"] and "kind" not in heading
    assert row[heading.index("Tip")] == "Licitație" and "Pregătire" in row
    assert list(items[0]) == [column[0] for column in OPPORTUNITY_COLUMNS]
    assert items[0]["kind"] == "tender" and items[0]["phase"] == "preparation" and items[0]["cross_border"] in (
        True, False)


def test_the_back_office_list_labels_the_status_for_people(client, tender, staff):
    client.force_login(staff)
    table, items = downloads(client, "opportunities:manage_list")
    heading, row = table[0], table[1]
    assert row[heading.index("Stare")] == "Publicat"
    assert list(items[0]) == [column[0] for column in BACK_OFFICE_COLUMNS] and items[0]["status"] == "published"
