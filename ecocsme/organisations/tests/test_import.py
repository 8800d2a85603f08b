import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from ecocsme.core.imports import ImportRejected
from ecocsme.organisations.imports import contacts_import
from ecocsme.organisations.models import Consent, Contact, Organisation
from ecocsme.testing.spreadsheets import GOOD as GOOD_WORKBOOK
from ecocsme.testing.spreadsheets import rewritten

GOOD = (
    "organisation,kind,size_class,sectors,city,country,website,contact_name,email,language,"
    "consent_consultations,consent_newsletters\n"
    "Example Print SRL (example),sme,micro,18.12;58,Timișoara,RO,https://print.example.ro,"
    "Ana Example,ana@example.ro,ro,yes,no\n"
    "Example Print SRL (example),sme,,,Timișoara,RO,,Dan Example,dan@example.ro,ro,da,\n"
    "Example Arts NGO (example),ngo,,90,Timișoara,RO,,,,,,\n"
)


pytestmark = pytest.mark.usefixtures("nace")


def run(staff, text: str, *, dry_run: bool, name="contacts.csv", data=None):
    return contacts_import(actor=staff, partner=staff.memberships.get().partner,
                           data=data if data is not None else text.encode("utf-8"),
                           filename=name, dry_run=dry_run)


@pytest.mark.django_db
def test_dry_run_reports_and_writes_nothing(staff):
    report = run(staff, GOOD, dry_run=True)
    assert (report.rows, report.organisations_created, report.contacts_created) == (3, 2, 2)
    assert not Organisation.objects.exists() and not Contact.objects.exists()


@pytest.mark.django_db
def test_import_creates_then_updates(staff):
    run(staff, GOOD, dry_run=False)
    printer = Organisation.objects.get(name="Example Print SRL (example)")
    assert sorted(printer.sectors.values_list("code", flat=True)) == ["18", "58"]
    assert printer.contacts.count() == 2
    ana = Contact.objects.get(email="ana@example.ro")
    assert {c.purpose: (c.granted, c.source) for c in ana.consents.all()} == {
        "consultations": (True, "import"), "newsletters": (False, "import")}
    assert Contact.objects.get(email="dan@example.ro").consents.get().granted is True
    report = run(staff, GOOD.replace("Ana Example", "Ana Renamed"), dry_run=False)
    assert (report.organisations_created, report.contacts_created, report.contacts_updated) == (0, 0, 2)
    assert Contact.objects.get(email="ana@example.ro").name == "Ana Renamed"
    assert Organisation.objects.count() == 2


@pytest.mark.django_db
def test_every_bad_row_is_reported_and_nothing_imported(staff):
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
        run(staff, text, dry_run=True)
    problems = {(e.line, e.column) for e in caught.value.errors}
    assert problems == {
        (1, "colour"), (3, "kind"), (4, "country"), (5, "sectors"), (5, "website"),
        (6, "email"), (6, "language"), (6, "consent_consultations"), (7, "email"),
        (9, "organisation"), (9, "consent_consultations"),
    }
    with pytest.raises(ImportRejected):
        run(staff, text, dry_run=False)
    assert not Organisation.objects.exists() and not Contact.objects.exists()


@pytest.mark.django_db
def test_semicolons_and_excel_workbooks(staff):
    semicolons = ("organisation;kind;sectors;city;contact_name;email\n"
                  "Example Café (example);sme;56,30;Matera;Lia Example;lia@example.it\n")
    run(staff, semicolons, dry_run=False)
    lia = Contact.objects.get(email="lia@example.it")
    assert lia.organisation.city == "Matera"
    assert list(lia.organisation.sectors.values_list("code", flat=True)) == ["30", "56"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["organisation", "kind", "contact_name", "email", "language", "consent_consultations"])
    sheet.append(["Example Studio (example)", "startup", "Eva Example", "eva@example.hr", "hr", "yes"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    run(staff, "", dry_run=False, name="contacts.xlsx", data=buffer.getvalue())
    eva = Contact.objects.get(email="eva@example.hr")
    assert eva.organisation.kind == "startup" and eva.language == "hr"


@pytest.mark.django_db
def test_unreadable_files_get_a_clear_message(staff):
    with pytest.raises(ImportRejected, match="UTF-8"):
        run(staff, "", data="organisation\nŠkola\n".encode("cp1250"), dry_run=True)
    with pytest.raises(ImportRejected, match="Excel"):
        run(staff, "", name="broken.xlsx", data=b"PK\x03\x04 not really", dry_run=True)
    with pytest.raises(ImportRejected, match="empty"):
        run(staff, "", dry_run=True)


@pytest.mark.django_db
def test_import_only_for_ones_own_partner(staff, other_partner):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        contacts_import(actor=staff, partner=other_partner,
                        data=GOOD.encode(), filename="c.csv", dry_run=True)


@pytest.mark.django_db
def test_import_pages_check_then_import(client, staff, partner, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    client.force_login(staff)
    url = reverse("organisations:contact_import")
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
def test_the_downloadable_template_imports_cleanly(client, staff):
    client.force_login(staff)
    response = client.get(reverse("organisations:contact_import") + "?template=1")
    data = b"".join(response.streaming_content)
    report = run(staff, "", data=data, dry_run=True)
    assert (report.organisations_created, report.contacts_created) == (1, 1)


@pytest.mark.django_db
def test_contact_import_refuses_hostile_files(staff, partner):
    """The import (ORG-4) refuses every hostile file of core.imports and imports nothing."""
    files = {
        "nul.csv": b"organisation,email\nExample Org,a\x00b@example.org\n",
        "huge.csv": f'organisation,email\n"{"o" * 200_000}",person@example.org\n'.encode(),
        "long.csv": f"organisation,email\n{'o' * 10_001},person@example.org\n".encode(),
        "grid.xlsx": rewritten(GOOD_WORKBOOK, lambda xml: xml.replace(b"A1:B3", b"A1:XFD1048576")),
        "bomb.xlsx": rewritten(GOOD_WORKBOOK, add=[("xl/media/padding.bin", bytes(60 * 2**20))]),
        "nul.xlsx": rewritten(GOOD_WORKBOOK, lambda xml: xml.replace(b"MARK", b"a&#0;b@example.org")),
    }
    for name, data in files.items():
        with pytest.raises(ImportRejected):
            contacts_import(actor=staff, partner=partner, data=data, filename=name, dry_run=False)
    assert not Organisation.objects.exists() and not Contact.objects.exists()
