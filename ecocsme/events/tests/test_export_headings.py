"""The events list's download: CSV headed and labelled in the reader's language (kind, status,
language), JSON keyed by the machine names with codes."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from ecocsme.core.exports import readable_rows
from ecocsme.events.factories import EventFactory
from ecocsme.events.reports import EVENT_COLUMNS, PARTICIPATION_COLUMNS, participation_rows
from ecocsme.testing.exports import csv_table, json_items

pytestmark = pytest.mark.django_db


def test_the_events_read_in_romanian_in_csv_and_by_name_in_json(client: Client, partner):
    EventFactory(partner=partner, title={"en": "Example workshop", "ro": "Atelier de exemplu"})
    with translation.override("ro"):
        base = reverse("events:event_list_export", args=[partner.project.code, "csv"])[:-len("csv")]
    heading, row = csv_table(client.get(base + "csv"))[:2]
    items = json_items(client.get(base + "json"))
    assert heading[1:3] == ["Titlu", "Tip"] and row[1] == "Atelier de exemplu"
    assert row[2] == "Atelier de lucru al partenerilor" and row[heading.index("Stare")] == "Publicat"
    assert list(items[0]) == [column[0] for column in EVENT_COLUMNS]
    assert items[0]["kind"] == "partner_workshop" and items[0]["status"] == "published"


def test_participation_groups_read_as_words_for_people():
    figures = {"by_kind": {"sme": 2}, "present_by_kind": {"sme": 1},
               "by_partner": {"Timișoara": 2}, "present_by_partner": {"Timișoara": 1}}
    with translation.override("ro"):
        rows = [[str(value) for value in row] for row in readable_rows(
            PARTICIPATION_COLUMNS, participation_rows(figures))]
    assert rows[0][1] == "IMM" and rows[1][1] == "Timișoara" and rows[1][0] == "Partener"
