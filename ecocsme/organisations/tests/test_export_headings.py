"""The organisation and contact exports: CSV headed and labelled in the reader's language, JSON
keyed by the machine names with codes."""

import pytest

from ecocsme.organisations.factories import OrganisationFactory
from ecocsme.organisations.services import contact_save
from ecocsme.testing.exports import downloads


@pytest.fixture
def contact(partner, staff):
    organisation = OrganisationFactory(name="Example Print SRL (example)", kind="sme", size_class="micro",
                                       city="Timișoara", partner=partner)
    return contact_save(actor=staff, contact=None, partner=partner,
                        values={"name": "Ana Example", "email": "ana@example.org", "language": "ro",
                                "organisation": organisation},
                        consents={"consultations": True})


@pytest.mark.django_db
def test_organisations_read_in_romanian_in_csv_and_by_name_in_json(client, staff, contact):
    client.force_login(staff)
    table, items = downloads(client, "organisations:organisation_list")
    heading, row = table[0], table[1]
    assert heading[1:5] == ["Nume", "Tip", heading[3], "Oraș"]
    assert row[heading.index("Tip")] == "IMM"
    assert list(items[0]) == ["id", "name", "kind", "size_class", "city", "country", "website", "contacts"]
    assert items[0]["kind"] == "sme" and items[0]["size_class"] == "micro"


@pytest.mark.django_db
def test_contacts_read_in_romanian_in_csv_and_by_name_in_json(client, staff, contact):
    client.force_login(staff)
    table, items = downloads(client, "organisations:contact_list")
    heading, row = table[0], table[1]
    assert "Nume" in heading and "Organizație" in heading and "email" not in heading
    assert row[heading.index("Limbă")] not in ("", "ro")
    assert items[0]["language"] == "ro" and items[0]["consent_consultations"] == "yes"
    assert {"id", "name", "email", "consent_consultations", "consent_newsletters"} <= set(items[0])
