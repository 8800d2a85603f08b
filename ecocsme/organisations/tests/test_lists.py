import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecocsme.organisations.models import Consent, Contact, Organisation

URLS = ["organisations:organisation_list", "organisations:contact_list"]


def add(project, count: int, start: int = 0):
    partner = project.partners.get(number=6)
    organisations = Organisation.objects.bulk_create([
        Organisation(name=f"Example org {i:04d} (example)", kind="sme" if i % 2 else "ngo",
                     city="Timișoara", country="RO", partner=partner, is_example=True)
        for i in range(start, start + count)])
    contacts = Contact.objects.bulk_create([
        Contact(partner=partner, organisation=o, name=f"Example person {o.pk}",
                email=f"person{o.pk}@example.org", language="ro") for o in organisations])
    Consent.objects.bulk_create([Consent(contact=c, purpose="consultations", granted=True,
                                         source="import") for c in contacts])


def counts(client):
    result = {}
    for name in URLS:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name)).status_code == 200
        result[name] = len(queries)
    return result


@pytest.mark.django_db
def test_list_pages_keep_their_query_count(client, project, make_user):
    client.force_login(make_user("t", role="partner_staff", project=project, partner_number=6))
    add(project, 3)
    small = counts(client)
    add(project, 120, start=3)
    assert counts(client) == small


@pytest.mark.django_db
def test_organisation_list_filters_pages_and_exports(client, project, make_user):
    client.force_login(make_user("t", role="partner_staff", project=project, partner_number=6))
    add(project, 120)
    url = reverse("organisations:organisation_list")
    page = client.get(url + "?kind=ngo").context["page"]
    assert page.paginator.count == 60 and len(page.object_list) == 50
    assert client.get(url + "?kind=ngo&page=2").context["page"].number == 2
    assert client.get(url + "?q=org 0007").context["page"].paginator.count == 1
    rows = b"".join(client.get(url + "?kind=sme&format=csv").streaming_content).decode("utf-8-sig")
    assert len(rows.strip().splitlines()) == 61
