"""Names, cities and texts as people type them (accounts.plain_text): control characters never
reach the database (a line break or a bell in a name, an escape in a description; tabs and line
breaks stay in the texts), and a name with a direction override (U+202E…) is refused with a clear
message and changes nothing — on the sign-up, the profile, the staff's organisation and contact
forms."""

import pytest
from django.core.cache import cache

from ecocsme.accounts.models import User
from ecocsme.accounts.plain_text import DIRECTION_REFUSED
from ecocsme.organisations.factories import ProfileFactory, RepresentativeFactory
from ecocsme.organisations.models import Contact, Organisation

PROFILE = {"name": "Example Print Lab (example)", "kind": "sme", "size_class": "micro", "sectors": ["18"],
           "city": "Timișoara", "country": "RO", "languages": ["ro"],
           "description": "We print posters (example).", "capabilities": "Posters", "website": "",
           "findable": "on"}
SIGNUP = {"name": "Ieva Example", "email": "ieva@example.org", "password": "kaunas-2022-festival-bread",
          "password_again": "kaunas-2022-festival-bread", "language": "lt", "accept_privacy": "on"}
OVERRIDES = ["Evil SRL\u202egpj.exe", "Isolated \u2066name\u2069", "Embedded \u202aname\u202c"]


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("name", OVERRIDES)
def test_a_name_with_a_direction_override_is_refused(client, nace, partner, staff, name):
    response = client.post("/en/accounts/signup/", {**SIGNUP, "name": name})
    assert response.status_code == 200 and str(DIRECTION_REFUSED) in response.context["form"].errors["name"]
    assert not User.objects.filter(email="ieva@example.org").exists()
    client.force_login(User.objects.create_user(username="stakeholder", password="x"))
    response = client.post("/en/my/organisation/new/", {**PROFILE, "name": name})
    assert response.status_code == 200 and str(DIRECTION_REFUSED) in response.context["form"].errors["name"]
    client.force_login(staff)
    response = client.post("/en/manage/organisations/new/", {**PROFILE, "name": name})
    assert response.status_code == 200 and response.context["form"].errors["name"]
    response = client.post("/en/manage/contacts/new/", {"partner": partner.pk, "name": name,
                                                        "email": "p@example.org", "language": "en"})
    assert response.status_code == 200 and response.context["form"].errors["name"]
    assert not Organisation.objects.exists() and not Contact.objects.exists()


@pytest.mark.django_db
def test_control_characters_never_reach_the_database(client, nace, partner, staff):
    response = client.post("/en/accounts/signup/", {**SIGNUP, "name": "Ieva\x07 Ex\x01ample\r\nBcc: x"})
    assert response.status_code == 200
    user = User.objects.get(email="ieva@example.org")
    assert (user.first_name, user.last_name) == ("Ieva", "Ex ample Bcc: x")

    client.force_login(User.objects.create_user(username="stakeholder", password="x"))
    response = client.post("/en/my/organisation/new/", {
        **PROFILE, "name": "Example\x1b[31m Lab\r\n(example)", "city": "Timi\u202eșoara\x1f",
        "description": "We print\tposters.\r\nAnd\x0c programmes\x08 (example).",
        "capabilities": "Posters\x07\nProgrammes"})
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.name == "Example [31m Lab (example)"
    assert organisation.city == "Timișoara"
    assert organisation.description == "We print\tposters.\nAnd programmes (example)."
    assert organisation.capability_list == ["Posters", "Programmes"]

    client.force_login(staff)
    response = client.post(f"/en/manage/organisations/{organisation.pk}/", {
        **PROFILE, "name": "Example Lab\x1e\x1f (example)", "description": "Line one\x01\nLine two"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Example Lab (example)" and organisation.description == "Line one\nLine two"
    response = client.post("/en/manage/contacts/new/", {
        "partner": partner.pk, "name": "Ana\x07 Example", "role": "Manager\r\nBcc: x", "email": "a@example.org",
        "language": "ro", "notes": "Prefers calls\x1b (example)\nin the morning"})
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.name, contact.role, contact.notes) == (
        "Ana Example", "Manager Bcc: x", "Prefers calls (example)\nin the morning")


@pytest.mark.django_db
def test_a_name_of_control_characters_only_is_refused(client, nace, partner):
    link = RepresentativeFactory(organisation=ProfileFactory(partner=partner, name="Kept (example)"))
    client.force_login(link.user)
    response = client.post(f"/en/my/organisation/{link.organisation.pk}/edit/", {**PROFILE, "name": "\x01\x02"})
    assert response.status_code == 200 and response.context["form"].errors["name"]
    link.organisation.refresh_from_db()
    assert link.organisation.name == "Kept (example)"


@pytest.mark.django_db
def test_an_imported_file_is_cleaned_alike(nace, partner, staff):
    from ecocsme.organisations.imports import contacts_import

    csv = ('organisation,city,description,contact_name,position,email\n'
           '"Example\x07 Print\u202e SRL (example)",Timi\x1bșoara,"Posters\x0b\r\nand programmes",'
           '"Ana\x01 Example","Manager\tof sales",ana@example.org\n')
    report = contacts_import(actor=staff, partner=partner, data=csv.encode(), filename="contacts.csv",
                             dry_run=False)
    assert report.organisations_created == 1 and report.contacts_created == 1
    organisation, contact = Organisation.objects.get(), Contact.objects.get()
    assert (organisation.name, organisation.city) == ("Example Print SRL (example)", "Timi șoara")
    assert organisation.description == "Posters\nand programmes"
    assert (contact.name, contact.role) == ("Ana Example", "Manager of sales")
