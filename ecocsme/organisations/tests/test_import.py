import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from ecocsme.core.imports import ImportRejected
from ecocsme.organisations.imports import contacts_import
from ecocsme.organisations.models import Consent, Contact, Organisation

GOOD = (
    "organisation,kind,size_class,sectors,city,country,website,contact_name,email,language,"
    "consent_consultations,consent_newsletters\n"
    "Example Print SRL (example),sme,micro,18.12;58,Timișoara,RO,https://print.example.ro,"
    "Ana Example,ana@example.ro,ro,yes,no\n"
    "Example Print SRL (example),sme,,,Timișoara,RO,,Dan Example,dan@example.ro,ro,da,\n"
    "Example Arts NGO (example),ngo,,90,Timișoara,RO,,,,,,\n"
)


@pytest.fixture
def staff(project, make_user):
    return make_user("t-staff", role="partner_staff", project=project, partner_number=6)


def run(staff, project, text: str, *, dry_run: bool, name="contacts.csv", data=None):
    return contacts_import(actor=staff, partner=project.partners.get(number=6),
                           data=data if data is not None else text.encode("utf-8"),
                           filename=name, dry_run=dry_run)


@pytest.mark.django_db
def test_dry_run_reports_and_writes_nothing(staff, project):
    report = run(staff, project, GOOD, dry_run=True)
    assert (report.rows, report.organisations_created, report.contacts_created) == (3, 2, 2)
    assert not Organisation.objects.exists() and not Contact.objects.exists()


@pytest.mark.django_db
def test_import_creates_then_updates(staff, project):
    run(staff, project, GOOD, dry_run=False)
    printer = Organisation.objects.get(name="Example Print SRL (example)")
    assert sorted(printer.sectors.values_list("code", flat=True)) == ["18", "58"]
    assert printer.contacts.count() == 2
    ana = Contact.objects.get(email="ana@example.ro")
    assert {c.purpose: (c.granted, c.source) for c in ana.consents.all()} == {
        "consultations": (True, "import"), "newsletters": (False, "import")}
    assert Contact.objects.get(email="dan@example.ro").consents.get().granted is True
    report = run(staff, project, GOOD.replace("Ana Example", "Ana Renamed"), dry_run=False)
    assert (report.organisations_created, report.contacts_created, report.contacts_updated) == (0, 0, 2)
    assert Contact.objects.get(email="ana@example.ro").name == "Ana Renamed"
    assert Organisation.objects.count() == 2


@pytest.mark.django_db
def test_every_bad_row_is_reported_and_nothing_imported(staff, project):
    text = (
        "organisation,kind,sectors,country,website,contact_name,email,language,consent_consultations,colour\n"
        "Good Org (example),sme,90,RO,,Good,good@example.ro,ro,yes,\n"
        "Bad Kind (example),factory,,RO,,,,,,\n"
        "Bad Country (example),sme,,XX,,,,,,\n"
        "Bad Sector (example),sme,04,RO,notaurl,,,,,\n"
        ",,,,,Nobody,not-an-email,klingon,maybe,\n"
        "Dup (example),sme,,RO,,Again,good@example.ro,ro,,\n"
        ",,,,,,,,,\n"
        ",,,,,,,,yes,\n"
    )
    with pytest.raises(ImportRejected) as caught:
        run(staff, project, text, dry_run=True)
    problems = {(e.line, e.column) for e in caught.value.errors}
    assert problems == {
        (1, "colour"), (3, "kind"), (4, "country"), (5, "sectors"), (5, "website"),
        (6, "email"), (6, "language"), (6, "consent_consultations"), (7, "email"),
        (9, "organisation"), (9, "consent_consultations"),
    }
    with pytest.raises(ImportRejected):
        run(staff, project, text, dry_run=False)
    assert not Organisation.objects.exists() and not Contact.objects.exists()


@pytest.mark.django_db
def test_semicolons_and_excel_workbooks(staff, project):
    semicolons = ("organisation;kind;sectors;city;contact_name;email\n"
                  "Example Café (example);sme;56,30;Matera;Lia Example;lia@example.it\n")
    run(staff, project, semicolons, dry_run=False)
    lia = Contact.objects.get(email="lia@example.it")
    assert lia.organisation.city == "Matera"
    assert list(lia.organisation.sectors.values_list("code", flat=True)) == ["30", "56"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["organisation", "kind", "contact_name", "email", "language", "consent_consultations"])
    sheet.append(["Example Studio (example)", "startup", "Eva Example", "eva@example.hr", "hr", "yes"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    run(staff, project, "", dry_run=False, name="contacts.xlsx", data=buffer.getvalue())
    eva = Contact.objects.get(email="eva@example.hr")
    assert eva.organisation.kind == "startup" and eva.language == "hr"


@pytest.mark.django_db
def test_unreadable_files_get_a_clear_message(staff, project):
    with pytest.raises(ImportRejected, match="UTF-8"):
        run(staff, project, "", data="organisation\nŠkola\n".encode("cp1250"), dry_run=True)
    with pytest.raises(ImportRejected, match="Excel"):
        run(staff, project, "", name="broken.xlsx", data=b"PK\x03\x04 not really", dry_run=True)
    with pytest.raises(ImportRejected, match="empty"):
        run(staff, project, "", dry_run=True)


@pytest.mark.django_db
def test_import_only_for_ones_own_partner(staff, project):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        contacts_import(actor=staff, partner=project.partners.get(number=5),
                        data=GOOD.encode(), filename="c.csv", dry_run=True)


@pytest.mark.django_db
def test_import_pages_check_then_import(client, staff, project, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    client.force_login(staff)
    url = reverse("organisations:contact_import")
    partner = project.partners.get(number=6)
    upload = io.BytesIO(GOOD.encode())
    upload.name = "contacts.csv"
    response = client.post(url, {"partner": partner.pk, "file": upload})
    assert response.context["report"].contacts_created == 2
    assert not Contact.objects.exists()
    response = client.post(url, {"confirm": response.context["confirm"]})
    assert response.status_code == 302
    assert Contact.objects.count() == 2
    assert Consent.objects.filter(granted=True).count() == 2
    assert not list((tmp_path / "imports").iterdir())  # the kept upload is gone
    bad = io.BytesIO(b"organisation,kind\nX,factory\n")
    bad.name = "bad.csv"
    response = client.post(url, {"partner": partner.pk, "file": bad})
    assert [(e.line, e.column) for e in response.context["errors"]] == [(2, "kind")]
    assert "nothing was imported" in response.content.decode()


@pytest.mark.django_db
def test_a_forged_confirmation_imports_nothing(client, staff):
    client.force_login(staff)
    response = client.post(reverse("organisations:contact_import"), {"confirm": "forged"})
    assert response.status_code == 302
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_the_downloadable_template_imports_cleanly(client, staff, project):
    client.force_login(staff)
    response = client.get(reverse("organisations:contact_import") + "?template=1")
    data = b"".join(response.streaming_content)
    report = run(staff, project, "", data=data, dry_run=True)
    assert (report.organisations_created, report.contacts_created) == (1, 1)
