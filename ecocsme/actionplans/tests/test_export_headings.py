"""The action plan exports: CSV headed (and the plan list labelled) in the reader's language;
the reports' JSON keeps the English names it has always had."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from ecocsme.actionplans.factories import ActionPlanFactory
from ecocsme.actionplans.views.reports import export_columns
from ecocsme.testing.access import kinds_of_user
from ecocsme.testing.exports import csv_table

pytestmark = pytest.mark.django_db


def test_the_plan_list_reads_in_romanian():
    kinds = kinds_of_user()
    ActionPlanFactory(partner=kinds.partner_a, title={"en": "Plan A (example)"}, language="en")
    client = Client()
    client.force_login(kinds.users["coordinator"])
    with translation.override("ro"):
        address = reverse("actionplans:list_export", args=["csv"])
    heading, row = csv_table(client.get(address))[:2]
    assert heading[:5] == ["ID", "Proiect", heading[2], "Partener", "Titlu"]
    assert row[heading.index("Stare")] == "Ciornă" and row[heading.index("Limbă")] not in ("", "en")


def test_the_reports_keep_english_names_for_programs_and_read_in_romanian_for_people():
    with translation.override("ro"):
        names = [name for name, _heading in export_columns()]
        headings = [str(heading) for _name, heading in export_columns()]
    assert names[:2] == ["Action", "Title of the action"]
    assert headings[1] == "Titlul acțiunii"
