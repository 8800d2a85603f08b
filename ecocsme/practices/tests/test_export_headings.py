"""The practices' open-data export: CSV headed and labelled in the reader's language (themes,
phases), JSON keyed by the machine names with codes."""

import pytest

from ecocsme.practices.exports import PRACTICE_COLUMNS
from ecocsme.practices.factories import PracticeFactory, indexed
from ecocsme.testing.exports import downloads

pytestmark = pytest.mark.django_db


def test_library_export_reads_in_romanian_in_csv_and_by_name_in_json(client, partner):
    indexed(PracticeFactory(partner=partner, slug="open", title={"en": "Open practice (example)"},
                            country="RO", themes=["tourism"], phases=["event_year"]))
    table, items = downloads(client, "practices:library")
    heading, row = table[0], table[1]
    assert heading[heading.index("Titlu")] and "title" not in heading
    assert row[heading.index("Oraș")] == items[0]["city"]
    assert "Turism cultural" in row and "Anul titlului" in row
    assert list(items[0]) == [column[0] for column in PRACTICE_COLUMNS]
    assert items[0]["themes"] == "tourism" and items[0]["phases"] == "event_year"
