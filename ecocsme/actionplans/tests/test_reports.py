"""Phase 2 of an action plan: reports per action and reporting period (services.reports and
views/reports.py). Amounts as people write them, hostile input that changes nothing, evidence
files that are what their bytes say, two people reporting at once, the action's status that
follows its latest period, the step to monitoring, an endorsed text that never changes, and who
may read and write: the plan's partner's staff write; the other partners' staff and the
coordinator read; everyone else gets the 404 of a plan that does not exist."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image

from ecocsme.actionplans.factories import ActionFactory, ActionPlanFactory
from ecocsme.actionplans.models import Action, ActionPlan, ActionReport, PlanVersion
from ecocsme.actionplans.services.plans import (
    plan_endorse,
    plan_publish,
    plan_submit,
    plan_update,
    plan_validate,
)
from ecocsme.actionplans.services.reports import ReportStale, evidence_kind, funds_of, report_save
from ecocsme.core.models import AuditEntry
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory
from ecocsme.testing.access import kinds_of_user
from ecocsme.testing.queries import assert_num_queries

ENDORSED_ON = dt.date(2021, 6, 30)  # in S4 (Feb–Jul 2021) of a project from 1 Aug 2019


def endorse(plan: ActionPlan, staff, coordinator, *, on=ENDORSED_ON) -> ActionPlan:
    plan = plan_submit(actor=staff, plan=plan)
    plan = plan_validate(actor=coordinator, plan=plan, revision=plan.revision)
    return plan_endorse(actor=staff, plan=plan, endorsed_on=on, endorsed_by_role="Primar (exemplu)",
                        endorsing_organisation="Agenția pentru Dezvoltare Regională Vest (exemplu)")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def plan(partner, staff, coordinator) -> ActionPlan:
    plan = ActionPlanFactory(partner=partner, language="ro",
                             title={"ro": "Planul de acțiune al Timișoarei (exemplu)",
                                    "en": "Timișoara's action plan (example)"})
    ActionFactory(plan=plan, title={"ro": "Apel de proiecte pentru IMM-uri creative (exemplu)",
                                    "en": "A call for creative SMEs (example)"})
    ActionFactory(plan=plan, title={"ro": "Târg de matchmaking (exemplu)", "en": "Matchmaking fair (example)"})
    return endorse(plan, staff, coordinator)


@pytest.fixture
def period(plan):
    return plan.project.periods.get(number=5)


def values(**changes) -> dict:
    return {"status": "in_progress",
            "progress": {"ro": "Ghidul apelului este în consultare publică (exemplu).",
                         "en": "The call's guide is in public consultation (example)."},
            "instrument_improved": "not_yet", "improvement_type": "", "funds_influenced": "",
            "evidence_link": "", **changes}


def pdf(name="apel.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% example\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
                              content_type="application/pdf")


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def office(kind: str, *, macros: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if kind in ("odt", "ods"):
            kind_name = "text" if kind == "odt" else "spreadsheet"
            archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind_name}")
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            main = {"docx": "wordprocessingml.document.main", "xlsx": "spreadsheetml.sheet.main"}[kind]
            if macros:
                main = main.replace(".main", ".macroEnabled.main")
            archive.writestr("[Content_Types].xml", '<Types><Override ContentType="application/'
                             f'vnd.openxmlformats-officedocument.{main}+xml"/></Types>')
            archive.writestr("word/document.xml" if kind == "docx" else "xl/workbook.xml", "<document/>")
            if macros:
                archive.writestr("word/vbaProject.bin", b"\x00macro")
    return buffer.getvalue()


# --- amounts as people write them ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "amount"), [
    ("1 200,50", "1200.50"), ("1200.50", "1200.50"), ("1.200,50", "1200.50"), ("1,200.50", "1200.50"),
    ("25 000", "25000.00"), ("25\u00a0000 €", "25000.00"), ("EUR 1,5", "1.50"), ("0", "0.00"),
    ("1,200", "1200.00"), ("118.163", "118163.00"), (" 12 ", "12.00"), ("+7", "7.00")])
def test_amounts_as_people_write_them(text, amount):
    assert funds_of(text, name="Funds") == Decimal(amount)


@pytest.mark.parametrize("text", ["-5", "−5", "abc", "1.2.3", "1,234.567", "12 34", "1e5", "NaN", "Infinity",
                                  "١٢٣", "5 %", "1 200,50 50", ",50", "--5"])
def test_what_is_not_an_amount_is_refused(text):
    with pytest.raises(ValidationError):
        funds_of(text, name="Funds")


def test_an_amount_given_as_a_number():
    assert funds_of(Decimal("1200.5"), name="Funds") == Decimal("1200.50")
    assert funds_of("", name="Funds") is None and funds_of(None, name="Funds") is None
    for bad in (Decimal("-1"), Decimal("1.234"), Decimal("NaN"), 1.5, ["1"]):
        with pytest.raises(ValidationError):
            funds_of(bad, name="Funds")


# --- the write ---------------------------------------------------------------------------------
def test_the_first_report_starts_monitoring_and_the_action_takes_its_status(plan, period, staff):
    action = plan.actions.get(position=1)
    versions = plan.versions.count()
    report = report_save(actor=staff, plan=plan, action=action, period=period,
                         values=values(funds_influenced="1 200,50",
                                       progress={"ro": "Apelul a fost lansat\u200b în martie (exemplu).",
                                                 "en": "The call was launched in March (example)."}))
    assert report.revision == 1 and report.funds_influenced == Decimal("1200.50")
    assert report.progress["ro"] == "Apelul a fost lansat în martie (exemplu)."  # format characters out
    assert report.reported_by == staff
    plan.refresh_from_db()
    action.refresh_from_db()
    assert plan.status == ActionPlan.Status.MONITORING and action.status == Action.Status.IN_PROGRESS
    assert plan.versions.count() == versions + 1
    assert plan.versions.order_by("-number").first().change == PlanVersion.Change.MONITORING
    assert AuditEntry.objects.filter(action="actionplans.report.created", object_id=str(report.pk)).exists()
    # a second report does not step again
    report_save(actor=staff, plan=plan, action=plan.actions.get(position=2), period=period, values=values())
    assert plan.versions.count() == versions + 1


def test_the_action_follows_the_report_of_its_latest_period(plan, staff):
    action = plan.actions.get(position=1)
    s4, s5 = plan.project.periods.get(number=4), plan.project.periods.get(number=5)
    done = report_save(actor=staff, plan=plan, action=action, period=s5, values=values(status="done"))
    report_save(actor=staff, plan=plan, action=action, period=s4, values=values(status="in_progress"))
    action.refresh_from_db()
    assert action.status == "done"  # S4 is older than S5
    report_save(actor=staff, plan=plan, action=action, period=s5, revision=done.revision,
                values=values(status="dropped", progress={"en": "The managing authority moved the money (example)."}))
    action.refresh_from_db()
    assert action.status == "dropped"
    assert AuditEntry.objects.filter(action="actionplans.report.changed").count() == 1


def test_an_improved_instrument_needs_its_type_and_evidence(plan, period, staff):
    action = plan.actions.first()
    with pytest.raises(ValidationError) as refused:
        report_save(actor=staff, plan=plan, action=action, period=period,
                    values=values(instrument_improved="yes", evidence_link="https://example.org/apel.pdf"))
    assert "type of improvement" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        report_save(actor=staff, plan=plan, action=action, period=period,
                    values=values(instrument_improved="yes", improvement_type="new_projects"))
    assert "evidence" in str(refused.value)
    assert not ActionReport.objects.exists()
    report = report_save(actor=staff, plan=plan, action=action, period=period,
                         values=values(instrument_improved="yes", improvement_type="new_projects",
                                       funds_influenced="250.000,00"),
                         evidence_file=pdf())
    assert report.improvement_type == "new_projects" and report.funds_influenced == Decimal("250000.00")
    # the type goes with the improvement
    report = report_save(actor=staff, plan=plan, action=action, period=period, revision=report.revision,
                         values=values(instrument_improved="not_yet", improvement_type="structural"))
    assert report.improvement_type == ""


@pytest.mark.parametrize(("change", "message"), [
    ({"status": "finished"}, "status"),
    ({"status": "done", "progress": {}}, "Progress"),
    ({"progress": {"xx": "Klingon (example)"}}, "not a language"),
    ({"progress": "not a dict"}, "text per language"),
    ({"progress": {"en": "x" * 20001}}, "at most"),
    ({"instrument_improved": "maybe"}, "yes, no or not yet"),
    ({"funds_influenced": "-100"}, "cannot be negative"),
    ({"funds_influenced": "a lot"}, "not an amount"),
    ({"evidence_link": "javascript:alert(1)"}, "not a web address"),
    ({"evidence_link": "ftp://example.org/file"}, "not a web address"),
])
def test_bad_input_is_told_and_changes_nothing(plan, period, staff, change, message):
    with pytest.raises(ValidationError) as refused:
        report_save(actor=staff, plan=plan, action=plan.actions.first(), period=period, values=values(**change))
    assert message in " ".join(refused.value.messages)
    plan.refresh_from_db()
    assert not ActionReport.objects.exists() and plan.status == ActionPlan.Status.ENDORSED
    assert set(Action.objects.values_list("status", flat=True)) == {"planned"}


def test_the_period_must_be_one_of_the_project_open_for_reports(plan, staff, partner):
    action = plan.actions.first()
    elsewhere = ProjectFactory().periods.get(number=5)
    with pytest.raises(ValidationError, match="period of the plan's project"):
        report_save(actor=staff, plan=plan, action=action, period=elsewhere, values=values())
    with pytest.raises(ValidationError, match="ended before the plan was endorsed"):
        report_save(actor=staff, plan=plan, action=action, period=plan.project.periods.get(number=1), values=values())
    other_plan_action = ActionFactory(plan=ActionPlanFactory(partner=PartnerFactory(project=partner.project)))
    with pytest.raises(ValidationError, match="not in the plan"):
        report_save(actor=staff, plan=plan, action=other_plan_action, period=plan.project.periods.get(number=5),
                    values=values())
    assert not ActionReport.objects.exists()


def test_a_period_that_has_not_started_is_not_open(db):
    from ecocsme.accounts.factories import CoordinatorFactory, PartnerStaffFactory

    start = timezone.localdate().replace(day=1) - dt.timedelta(days=200)
    partner = PartnerFactory(project=ProjectFactory(start_date=start.replace(day=1)))
    staff = PartnerStaffFactory(partner=partner)
    plan = ActionPlanFactory(partner=partner)
    ActionFactory(plan=plan)
    plan = endorse(plan, staff, CoordinatorFactory(project=partner.project), on=timezone.localdate())
    with pytest.raises(ValidationError, match="has not started yet"):
        report_save(actor=staff, plan=plan, action=plan.actions.first(), period=partner.project.periods.last(),
                    values=values())


def test_a_plan_not_endorsed_is_not_reported_on(partner, staff):
    plan = ActionPlanFactory(partner=partner)
    ActionFactory(plan=plan)
    with pytest.raises(ValidationError, match="not endorsed yet"):
        report_save(actor=staff, plan=plan, action=plan.actions.first(), period=plan.project.periods.get(number=5),
                    values=values())
    assert not ActionReport.objects.exists()


def test_who_may_report(plan, period, other_staff, coordinator, staff):
    from django.contrib.auth.models import AnonymousUser

    from ecocsme.accounts.factories import AdministratorFactory

    action = plan.actions.first()
    for someone in (other_staff, coordinator, AnonymousUser(), None):
        with pytest.raises(PermissionDenied):
            report_save(actor=someone, plan=plan, action=action, period=period, values=values())
    staff.is_active = False
    with pytest.raises(PermissionDenied):
        report_save(actor=staff, plan=plan, action=action, period=period, values=values())
    assert not ActionReport.objects.exists()
    assert report_save(actor=AdministratorFactory(), plan=plan, action=action, period=period, values=values())


def test_two_people_reporting_at_once(plan, period, staff):
    from ecocsme.accounts.factories import PartnerStaffFactory

    colleague = PartnerStaffFactory(partner=plan.partner, first_name="Ioana", last_name="Exemplu")
    action = plan.actions.first()
    first = report_save(actor=colleague, plan=plan, action=action, period=period, values=values(), revision="")
    with pytest.raises(ReportStale) as stale:  # both forms showed no report yet
        report_save(actor=staff, plan=plan, action=action, period=period, values=values(status="done"), revision="")
    assert "Ioana Exemplu" in stale.value.messages[0] and stale.value.report == first
    second = report_save(actor=staff, plan=plan, action=action, period=period, values=values(status="done"),
                         revision=first.revision)
    for old in (first.revision, "abc", 99):
        with pytest.raises(ReportStale):
            report_save(actor=colleague, plan=plan, action=action, period=period, values=values(), revision=old)
    second.refresh_from_db()
    assert second.status == "done" and second.revision == 2


def test_reporting_never_changes_the_endorsed_text(plan, period, staff):
    endorsed = plan.endorsed_version
    snapshot, revision, title = endorsed.snapshot, plan.revision, plan.title
    for action in plan.actions.all():
        report_save(actor=staff, plan=plan, action=action, period=period,
                    values=values(status="done", instrument_improved="yes", improvement_type="management",
                                  evidence_link="https://example.org/ghid.pdf"))
    plan.refresh_from_db()
    endorsed.refresh_from_db()
    assert plan.endorsed_version_id == endorsed.pk and endorsed.snapshot == snapshot
    assert (plan.revision, plan.title) == (revision, title)
    with pytest.raises((ValidationError, PermissionDenied)):
        plan_update(actor=staff, plan=plan, revision=plan.revision, values={"title": {"en": "Changed"}})


# --- evidence files ------------------------------------------------------------------------------
@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7 example", "pdf"), (png(), "png"), (office("docx"), "docx"), (office("xlsx"), "xlsx"),
    (office("odt"), "odt"), (office("ods"), "ods")])
def test_evidence_is_what_its_bytes_say(data, kind):
    assert evidence_kind(data) == kind


@pytest.mark.parametrize("data", [b"MZ\x90\x00 an executable", b"<html><script>alert(1)</script></html>",
                                  office("docx", macros=True), b"PK\x03\x04 not a zip at all", b"GIF89a broken"])
def test_other_files_are_refused(data):
    with pytest.raises(ValidationError):
        evidence_kind(data)


def test_an_evidence_file_is_stored_replaced_and_removed(plan, period, staff, media,
                                                         django_capture_on_commit_callbacks):
    action = plan.actions.first()
    # a PDF named .docx is stored as the PDF it is
    report = report_save(actor=staff, plan=plan, action=action, period=period, values=values(),
                         evidence_file=pdf("Anunț apel (final).docx"))
    assert report.evidence_name == "Anunț_apel_final.pdf"
    first = media / report.evidence_file.name
    assert first.exists()
    with django_capture_on_commit_callbacks(execute=True):
        report = report_save(actor=staff, plan=plan, action=action, period=period, values=values(),
                             revision=report.revision,
                             evidence_file=SimpleUploadedFile("tabel.xlsx", office("xlsx")))
    assert report.evidence_name.endswith(".xlsx") and (media / report.evidence_file.name).exists()
    assert not first.exists()  # the replaced file is gone
    second = media / report.evidence_file.name
    with django_capture_on_commit_callbacks(execute=True):
        report = report_save(actor=staff, plan=plan, action=action, period=period,
                             values=values(remove_evidence=True), revision=report.revision)
    assert not report.evidence_file and report.evidence_name == "" and not second.exists()


def test_a_refused_file_stores_nothing(plan, period, staff, media, settings):
    action = plan.actions.first()
    with pytest.raises(ValidationError, match="can be attached"):
        report_save(actor=staff, plan=plan, action=action, period=period, values=values(),
                    evidence_file=SimpleUploadedFile("raport.pdf", b"MZ\x90 not a pdf"))
    settings.ECOCSME_ATTACHMENT_MAX_BYTES = 20
    with pytest.raises(ValidationError, match="at most"):
        report_save(actor=staff, plan=plan, action=action, period=period, values=values(), evidence_file=pdf())
    with pytest.raises(ValidationError, match="empty"):
        report_save(actor=staff, plan=plan, action=action, period=period, values=values(),
                    evidence_file=SimpleUploadedFile("gol.pdf", b""))
    assert not ActionReport.objects.exists() and not any(media.rglob("*.*"))


# --- the pages -----------------------------------------------------------------------------------
@pytest.fixture
def world(db):
    """Partner A's endorsed plan with a report that has a file, and the seven kinds of user."""
    kinds = kinds_of_user()
    users = kinds.users
    plan = ActionPlanFactory(partner=kinds.partner_a, title={"en": "Plan A (example)"})
    ActionFactory(plan=plan)
    ActionFactory(plan=plan)
    plan = endorse(plan, users["staff_a"], users["coordinator"])
    action = plan.actions.first()
    report = report_save(actor=users["staff_a"], plan=plan, action=action, period=plan.project.periods.get(number=5),
                         values=values(funds_influenced="12 500"), evidence_file=pdf())
    return kinds, plan, action, report


def client_of(user) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


# (role, the grid, edit page GET, edit page POST): 302 is the login page, "read" the page without a form
WHO = [
    ("anonymous", 302, 302, 302),
    ("no_role", 404, 404, 404),
    ("staff_elsewhere", 404, 404, 404),
    ("staff_b", 200, "read", 403),
    ("coordinator", 200, "read", 403),
    ("staff_a", 200, "form", 302),
    ("admin", 200, "form", 302),
]


@pytest.mark.parametrize(("role", "grid", "page", "post"), WHO)
def test_who_may_open_the_reports(world, role, grid, page, post):
    kinds, plan, action, report = world
    client = client_of(kinds.users[role])
    url = reverse("actionplans:report_edit", args=[plan.pk, action.pk, 5])
    assert client.get(reverse("actionplans:reports", args=[plan.pk])).status_code == grid
    assert client.get(reverse("actionplans:reports_export", args=[plan.pk, "csv"])).status_code == grid
    answer = client.get(url)
    if isinstance(page, int):
        assert answer.status_code == page
    else:
        assert answer.status_code == 200
        assert (b'enctype="multipart/form-data"' in answer.content) == (page == "form")
        assert "Ghidul apelului" in answer.content.decode() or "call" in answer.content.decode()
    answer = client.post(url, {"revision": str(report.revision), "status": "done", "progress_en": "Finished (example).",
                               "instrument_improved": "no", "funds_influenced": "", "evidence_link": ""})
    assert answer.status_code == post
    report.refresh_from_db()
    assert (report.status == "done") == (page == "form")
    evidence = client.get(reverse("actionplans:report_evidence", args=[plan.pk, report.pk]))
    assert evidence.status_code == (200 if grid == 200 else grid)
    if evidence.status_code == 200:
        assert evidence["Content-Type"] == "application/pdf"
        assert evidence["X-Content-Type-Options"] == "nosniff" and "sandbox" in evidence["Content-Security-Policy"]
        assert "no-store" in evidence["Cache-Control"]


def test_a_published_plan_does_not_show_its_reports_to_visitors(world):
    kinds, plan, _action, report = world
    plan_publish(actor=kinds.users["staff_a"], plan=plan, published=True)
    for role in ("no_role", "staff_elsewhere"):
        client = client_of(kinds.users[role])
        assert client.get(reverse("actionplans:reports", args=[plan.pk])).status_code == 404
        assert client.get(reverse("actionplans:report_evidence", args=[plan.pk, report.pk])).status_code == 404


def test_the_grid_shows_each_report_and_opens_the_periods(world):
    kinds, plan, action, _report = world
    content = client_of(kinds.users["staff_a"]).get(reverse("actionplans:reports", args=[plan.pk])).content.decode()
    assert "Plan A (example)" in content and "In progress" in content
    edit = reverse("actionplans:report_edit", args=[plan.pk, action.pk, 5])
    new = reverse("actionplans:report_edit", args=[plan.pk, plan.actions.get(position=2).pk, 6])
    closed = reverse("actionplans:report_edit", args=[plan.pk, action.pk, 1])
    assert edit in content and new in content and closed not in content
    content = client_of(kinds.users["coordinator"]).get(reverse("actionplans:reports", args=[plan.pk])).content.decode()
    assert edit in content and new not in content  # the coordinator reads the report, writes none


def test_the_form_saves_a_report_with_its_file(world):
    kinds, plan, _action, _report = world
    client = client_of(kinds.users["staff_a"])
    other = plan.actions.get(position=2)
    url = reverse("actionplans:report_edit", args=[plan.pk, other.pk, 6])
    page = client.get(url)
    assert page.status_code == 200 and b'name="progress_en"' in page.content
    answer = client.post(url, {
        "revision": "", "status": "done", "progress_ro": "Târgul a avut loc cu 42 de firme (exemplu).",
        "progress_en": "The fair took place with 42 firms (example).", "instrument_improved": "yes",
        "improvement_type": "new_projects", "funds_influenced": "1 200,50", "evidence_link": "",
        "evidence_file": SimpleUploadedFile("lista.png", png())})
    assert answer.status_code == 302 and answer["Location"].endswith(f"#action-{other.key}")
    saved = ActionReport.objects.get(action=other)
    assert saved.funds_influenced == Decimal("1200.50") and saved.evidence_name.endswith(".png")
    assert saved.progress == {"ro": "Târgul a avut loc cu 42 de firme (exemplu).",
                              "en": "The fair took place with 42 firms (example)."}


def test_the_form_tells_what_is_wrong_and_keeps_the_text(world):
    kinds, plan, _action, _report = world
    client = client_of(kinds.users["staff_a"])
    url = reverse("actionplans:report_edit", args=[plan.pk, plan.actions.get(position=2).pk, 6])
    answer = client.post(url, {"revision": "", "status": "done", "progress_en": "Half done, text kept (example).",
                               "instrument_improved": "yes", "improvement_type": "",
                               "funds_influenced": "-5", "evidence_link": ""})
    content = answer.content.decode()
    assert answer.status_code == 200 and "Half done, text kept (example)." in content
    assert "The report is not saved" in content
    assert "choose the type of improvement" in content and "cannot be negative" in content  # both at once
    answer = client.post(url, {"revision": "", "status": "done", "progress_en": "Done (example).",
                               "instrument_improved": "no", "funds_influenced": "-5", "evidence_link": ""})
    assert "cannot be negative" in answer.content.decode()
    answer = client.post(url, {"revision": "", "status": "done", "progress_en": "Done (example).",
                               "instrument_improved": "no", "funds_influenced": "",
                               "evidence_file": SimpleUploadedFile("virus.pdf", b"MZ\x90 nope")})
    assert "can be attached as evidence" in answer.content.decode()
    assert ActionReport.objects.count() == 1


def test_the_form_tells_of_a_report_saved_in_the_meantime(world):
    kinds, plan, action, report = world
    client = client_of(kinds.users["staff_a"])
    url = reverse("actionplans:report_edit", args=[plan.pk, action.pk, 5])
    data = {"revision": str(report.revision), "status": "done", "progress_en": "Mine (example).",
            "instrument_improved": "no", "funds_influenced": "", "evidence_link": ""}
    report_save(actor=kinds.users["admin"], plan=plan, action=action, period=report.period, revision=report.revision,
                values=values(status="dropped", progress={"en": "Theirs (example)."}))
    answer = client.post(url, data)
    content = answer.content.decode()
    assert answer.status_code == 200 and "in the meantime" in content
    assert "Mine (example)." in content and "Theirs (example)." in content
    assert answer.context["form"]["revision"].value() == "2"  # the next save goes through
    assert client.post(url, {**data, "revision": "2"}).status_code == 302


def test_a_plan_not_endorsed_says_so(db):
    kinds = kinds_of_user()
    plan = ActionPlanFactory(partner=kinds.partner_a)
    action = ActionFactory(plan=plan)
    client = client_of(kinds.users["staff_a"])
    content = client.get(reverse("actionplans:reports", args=[plan.pk])).content.decode()
    assert "not endorsed yet" in content
    url = reverse("actionplans:report_edit", args=[plan.pk, action.pk, 5])
    answer = client.get(url)
    assert answer.status_code == 200 and "not endorsed yet" in answer.content.decode()
    assert b"<form method=\"post\" enctype" not in answer.content
    answer = client.post(url, {"status": "done", "progress_en": "x", "instrument_improved": "no"})
    assert answer.status_code == 409 and not ActionReport.objects.exists()


def test_ids_of_other_plans_and_periods_are_not_found(world):
    kinds, plan, action, report = world
    client = client_of(kinds.users["staff_a"])
    other_plan = ActionPlanFactory(partner=kinds.partner_b)
    foreign = ActionFactory(plan=other_plan)
    for url in (reverse("actionplans:report_edit", args=[plan.pk, foreign.pk, 5]),
                reverse("actionplans:report_edit", args=[plan.pk, action.pk, 99]),
                reverse("actionplans:report_edit", args=[plan.pk, action.pk, 0]),
                reverse("actionplans:report_edit", args=[plan.pk, 2**63, 5]),
                reverse("actionplans:report_evidence", args=[other_plan.pk, report.pk]),
                reverse("actionplans:report_evidence", args=[plan.pk, 2**64]),
                reverse("actionplans:reports_export", args=[plan.pk, "exe"])):
        assert client.get(url).status_code == 404, url


def test_the_reports_download(world):
    kinds, plan, _action, report = world
    client = client_of(kinds.users["coordinator"])
    answer = client.get(reverse("actionplans:reports_export", args=[plan.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(answer.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Action", "Title of the action", "Reporting period"]
    assert rows[1][2] == "5" and rows[1][5] == "In progress" and rows[1][9] == "12500.00"
    assert rows[1][11].endswith(reverse("actionplans:report_evidence", args=[plan.pk, report.pk]))
    answer = client.get(reverse("actionplans:reports_export", args=[plan.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(answer.content)).active
    values_ = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values_[1][9] == 12500 and values_[1][2] == 5


def test_the_grid_runs_a_fixed_number_of_queries(world):
    kinds, plan, _action, _report = world
    client = client_of(kinds.users["staff_a"])
    url = reverse("actionplans:reports", args=[plan.pk])
    client.get(url)
    with assert_num_queries(7, label="2 actions"):
        client.get(url)
    for _ in range(6):
        extra = ActionFactory.build(plan=plan)
        Action.objects.create(plan=plan, key=extra.key, position=plan.actions.count() + 1, title=extra.title)
    staff = kinds.users["staff_a"]
    for number in (5, 6):
        for item in plan.actions.all():
            period = plan.project.periods.get(number=number)
            existing = ActionReport.objects.filter(action=item, period=period).first()
            report_save(actor=staff, plan=plan, action=item, period=period, values=values(),
                        revision=existing.revision if existing else None)
    with assert_num_queries(7, label="8 actions, 16 reports"):
        client.get(url)


def test_the_report_pages_run_a_fixed_number_of_queries(world):
    kinds, plan, action, report = world
    client = client_of(kinds.users["staff_a"])
    form = reverse("actionplans:report_edit", args=[plan.pk, action.pk, 5])
    evidence = reverse("actionplans:report_evidence", args=[plan.pk, report.pk])
    export = reverse("actionplans:reports_export", args=[plan.pk, "xlsx"])
    client.get(form)
    with assert_num_queries(7, label="the report's form"):
        client.get(form)
    with assert_num_queries(5, label="the evidence file"):
        client.get(evidence)
    with assert_num_queries(5, label="the download"):
        client.get(export)
    reader = client_of(kinds.users["coordinator"])
    reader.get(form)
    with assert_num_queries(7, label="the report read"):
        reader.get(form)
