import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ecocsme.core.models import AuditEntry
from ecocsme.organisations import personal_data
from ecocsme.organisations.factories import OrganisationFactory
from ecocsme.organisations.models import Contact
from ecocsme.organisations.selectors import contacts_list, with_consent
from ecocsme.organisations.services import contact_erase, contact_save
from ecocsme.organisations.tokens import unsubscribe_token


@pytest.fixture
def contact(partner, people):
    organisation = OrganisationFactory(name="Example Print SRL (example)", kind="sme", partner=partner)
    return contact_save(actor=people["timisoara"], contact=None, partner=organisation.partner,
                        values={"name": "Ana Example", "email": "Ana@Example.org",
                                "language": "ro", "organisation": organisation},
                        consents={"consultations": True, "event_invitations": False})


@pytest.mark.django_db
def test_a_contact_is_kept_by_a_partner_with_its_consent(contact, people):
    assert contact.email == "ana@example.org"
    assert contact.partner.city == "Timișoara"
    assert {c.purpose: c.granted for c in contact.consents.all()} == {
        "consultations": True, "event_invitations": False}
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {
        "organisations.contact.added", "organisations.consent.granted",
        "organisations.consent.withdrawn"}
    assert list(Contact.objects.filter(with_consent("consultations"))) == [contact]
    assert not Contact.objects.filter(with_consent("newsletters")).exists()


@pytest.mark.django_db
def test_staff_of_another_partner_can_neither_see_nor_change_it(client, contact, people):
    assert not people["rijeka"].has_perm("organisations.view_contact", contact)
    assert people["coordinator"].has_perm("organisations.change_contact", contact)
    with pytest.raises(PermissionDenied):
        contact_save(actor=people["rijeka"], contact=contact, values={"name": "Changed"})
    client.force_login(people["rijeka"])
    assert client.get(reverse("organisations:contact_edit", args=[contact.pk])).status_code == 404
    response = client.post(reverse("organisations:contact_edit", args=[contact.pk]),
                           {"name": "Changed", "email": "x@example.org", "language": "ro"})
    assert response.status_code == 404
    assert client.get(reverse("organisations:contact_personal_data", args=[contact.pk])).status_code == 404
    assert client.post(reverse("organisations:contact_erase", args=[contact.pk])).status_code == 404
    assert list(contacts_list(people["rijeka"])) == []
    contact.refresh_from_db()
    assert contact.name == "Ana Example" and contact.erased_at is None


@pytest.mark.django_db
def test_a_stakeholder_account_sees_no_contacts(client, contact, people):
    client.force_login(people["outsider"])
    assert client.get(reverse("organisations:contact_list")).status_code == 403
    assert client.get(reverse("organisations:organisation_list")).status_code == 403


@pytest.mark.django_db
def test_contact_form_saves_consent(client, contact, people):
    client.force_login(people["timisoara"])
    url = reverse("organisations:contact_edit", args=[contact.pk])
    response = client.post(url, {"name": "Ana Example", "email": "ana@example.org",
                                 "language": "ro", "organisation": contact.organisation_id,
                                 "consent_newsletters": "on"})
    assert response.status_code == 302
    assert {c.purpose: c.granted for c in contact.consents.all()} == {
        "consultations": False, "event_invitations": False, "newsletters": True}


@pytest.mark.django_db
def test_contact_form_refuses_bad_input(client, contact, people):
    client.force_login(people["timisoara"])
    response = client.post(reverse("organisations:contact_add"),
                           {"name": "", "email": "not-an-address", "language": "xx"})
    assert response.status_code == 200
    assert {"name", "email", "language", "partner"} <= set(response.context["form"].errors) | {"partner"}
    assert Contact.objects.count() == 1


@pytest.mark.django_db
def test_one_click_unsubscribe(client, contact):
    url = reverse("organisations:unsubscribe", args=[unsubscribe_token(contact.pk, "consultations")])
    page = client.get(url)
    assert page.status_code == 200 and "mail of this kind: consultations." in page.content.decode()
    assert Contact.objects.filter(with_consent("consultations")).exists()  # GET changes nothing
    response = client.post(url, {"List-Unsubscribe": "One-Click"})  # as a mail client does
    assert response.status_code == 200
    assert not Contact.objects.filter(with_consent("consultations")).exists()
    assert AuditEntry.objects.filter(action="organisations.consent.withdrawn",
                                     data__source="unsubscribe").exists()


@pytest.mark.django_db
def test_a_forged_unsubscribe_link_changes_nothing(client, contact):
    token = unsubscribe_token(contact.pk, "consultations")
    for bad in (token[:-2] + "xx", "nonsense", unsubscribe_token(contact.pk + 99, "consultations")):
        response = client.post(reverse("organisations:unsubscribe", args=[bad]))
        assert response.status_code == 404
    assert Contact.objects.filter(with_consent("consultations")).exists()


@pytest.mark.django_db
def test_personal_data_export(client, contact, people):
    personal_data.register("example_section", models=(), exporter=lambda c: [{"seen": c.pk}],
                           eraser=lambda c: None)
    try:
        client.force_login(people["timisoara"])
        response = client.get(reverse("organisations:contact_personal_data", args=[contact.pk]))
        data = json.loads(response.content)
    finally:
        personal_data._holdings.pop("example_section")
    assert data["contact"]["email"] == "ana@example.org"
    assert data["organisation"]["name"] == "Example Print SRL (example)"
    assert {c["purpose"] for c in data["consents"]} == {"consultations", "event_invitations"}
    assert data["example_section"] == [{"seen": contact.pk}]


@pytest.mark.django_db
def test_erasure_anonymises_and_keeps_the_row(contact, people):
    erased_by_apps = []
    personal_data.register("example_section", models=(), exporter=lambda c: [],
                           eraser=erased_by_apps.append)
    try:
        contact_erase(actor=people["coordinator"], contact=contact)
    finally:
        personal_data._holdings.pop("example_section")
    contact.refresh_from_db()
    assert contact.is_erased and contact.email == "" and "Ana" not in contact.name
    assert erased_by_apps == [contact]
    assert not contact.consents.filter(granted=True).exists()
    for entry in AuditEntry.objects.filter(object_id=str(contact.pk)):
        assert "Ana" not in entry.object_repr and "ana@" not in json.dumps(entry.data)
    # the same address may be added again as a new person
    again = contact_save(actor=people["timisoara"], contact=None, partner=contact.partner,
                         values={"name": "Ana Example", "email": "ana@example.org",
                                 "language": "ro"})
    assert again.pk != contact.pk


@pytest.mark.django_db
def test_erase_page_asks_first(client, contact, people):
    client.force_login(people["timisoara"])
    url = reverse("organisations:contact_erase", args=[contact.pk])
    assert client.get(url).status_code == 200
    contact.refresh_from_db()
    assert not contact.is_erased
    assert client.post(url).status_code == 302
    contact.refresh_from_db()
    assert contact.is_erased


@pytest.mark.django_db
def test_contact_list_filters_and_exports(client, contact, people):
    client.force_login(people["timisoara"])
    response = client.get(reverse("organisations:contact_list") + "?consent=consultations")
    assert [c.pk for c in response.context["page"].object_list] == [contact.pk]
    response = client.get(reverse("organisations:contact_list") + "?consent=newsletters")
    assert list(response.context["page"].object_list) == []
    csv_text = b"".join(client.get(reverse("organisations:contact_list") + "?format=csv")
                        .streaming_content).decode("utf-8-sig")
    assert "ana@example.org" in csv_text and "Consent: Consultations" in csv_text
    xlsx = client.get(reverse("organisations:contact_list") + "?format=xlsx")
    assert xlsx.content[:2] == b"PK"
