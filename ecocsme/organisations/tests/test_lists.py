import pytest
from django.urls import reverse

from ecocsme.organisations.models import Consent, Contact, Organisation
from ecocsme.testing.queries import assert_num_queries

# The session, the user, their memberships, the count and the page; the contact list also the
# consents of the contacts shown, in one query.
QUERIES = {"organisations:organisation_list": 5, "organisations:contact_list": 6}


def add(partner, count: int, start: int = 0):
    organisations = Organisation.objects.bulk_create([
        Organisation(name=f"Example org {i:04d} (example)", kind="sme" if i % 2 else "ngo",
                     city="Timișoara", country="RO", partner=partner, is_example=True)
        for i in range(start, start + count)])
    contacts = Contact.objects.bulk_create([
        Contact(partner=partner, organisation=o, name=f"Example person {o.pk}",
                email=f"person{o.pk}@example.org", language="ro") for o in organisations])
    Consent.objects.bulk_create([Consent(contact=c, purpose="consultations", granted=True,
                                         source="import") for c in contacts])


def assert_counts(client):
    for name, expected in QUERIES.items():
        with assert_num_queries(expected, label=name):
            assert client.get(reverse(name)).status_code == 200


@pytest.mark.django_db
def test_list_pages_keep_their_query_count(client, partner, staff):
    client.force_login(staff)
    add(partner, 3)
    assert_counts(client)
    add(partner, 120, start=3)
    assert_counts(client)


@pytest.mark.django_db
def test_organisation_list_filters_pages_and_exports(client, partner, staff):
    client.force_login(staff)
    add(partner, 120)
    url = reverse("organisations:organisation_list")
    page = client.get(url + "?kind=ngo").context["page"]
    assert page.paginator.count == 60 and len(page.object_list) == 50
    assert client.get(url + "?kind=ngo&page=2").context["page"].number == 2
    assert client.get(url + "?q=org 0007").context["page"].paginator.count == 1
    rows = b"".join(client.get(url + "?kind=sme&format=csv").streaming_content).decode("utf-8-sig")
    assert len(rows.strip().splitlines()) == 61
