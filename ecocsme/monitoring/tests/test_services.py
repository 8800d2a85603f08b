"""The monitoring's writes with bad input (negative, non-numeric, numbers written in another
language's way, NaN and infinities, a value for a computed indicator, a validated or future
period, a planned budget above the partner's budget, evidence files that are not what they
claim), two people saving at once, and who may do what: the partner's staff, another partner's
staff, a visitor, the coordinator, the administrator."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from ecocsme.accounts.factories import AdministratorFactory, CoordinatorFactory, UserFactory
from ecocsme.core.models import AuditEntry
from ecocsme.monitoring.models import BudgetLine, Indicator, PeriodValidation, Target, Value
from ecocsme.monitoring.services import (
    BudgetRow,
    StaleEdit,
    budget_plan_save,
    budget_save,
    indicator_save,
    indicators_install,
    period_reopen,
    period_validate,
    target_save,
    value_delete,
    value_save,
)
from ecocsme.partnerships.factories import PartnerFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def media_indicator(installed):
    return installed["media_appearances"]


def save(actor, indicator, partner, period, value, **fields):
    return value_save(actor=actor, indicator=indicator, partner=partner, period=period, value=value, **fields)


@pytest.mark.parametrize("typed", ["-5", "−5", "abc", "12abc", "1,2,3", "NaN", "nan", "Infinity", "-Infinity",
                                   "1e3", "0x10", "", "   ", "٣", "²", "1 200,50"])
def test_what_is_not_a_number_is_refused_and_nothing_is_stored(typed, partner, staff, periods, media_indicator):
    with pytest.raises(ValidationError):
        save(staff, media_indicator, partner, periods[0], typed)
    assert not Value.objects.exists()


@pytest.mark.parametrize("given", [float("nan"), float("inf"), Decimal("NaN"), Decimal("-Infinity"), Decimal("-1"),
                                   -3, True, None, [1], Decimal("2.5"), Decimal("1e40")])
def test_what_code_passes_is_checked_too(given, partner, staff, periods, media_indicator):
    with pytest.raises(ValidationError):
        save(staff, media_indicator, partner, periods[0], given)
    assert not Value.objects.exists()


@pytest.mark.parametrize(("language", "typed", "read"), [
    ("en", "1,200", Decimal("1200")), ("en", "1200", Decimal("1200")), ("en", "1,200.50", Decimal("1200.50")),
    ("de", "1.200,50", Decimal("1200.50")), ("de", "1200.50", Decimal("1200.50")),
    ("fi", "1 200,50", Decimal("1200.50")), ("fi", "1\u00a0200,50", Decimal("1200.50")),
    ("ro", "1.200,5", Decimal("1200.50")), ("nl", "0,75", Decimal("0.75")),
])
def test_amounts_are_read_as_the_readers_language_writes_them(language, typed, read, partner, staff, periods):
    with translation.override(language):
        line = budget_save(actor=staff, partner=partner, period=periods[0], planned=typed, spent=None)
    assert line.planned == read


def test_an_ambiguous_amount_is_refused_with_an_example_in_the_readers_language(partner, staff, periods):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        budget_save(actor=staff, partner=partner, period=periods[0], planned="1 200,50", spent=None)
    assert "1,200.50" in refused.value.messages[0]
    with translation.override("en"), pytest.raises(ValidationError):
        budget_save(actor=staff, partner=partner, period=periods[0], planned="1,5", spent=None)
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        budget_save(actor=staff, partner=partner, period=periods[0], planned="1,2,3", spent=None)
    assert "1.200,50" in refused.value.messages[0]
    assert not BudgetLine.objects.exists()


def test_counts_are_whole_numbers(partner, staff, periods, installed):
    with pytest.raises(ValidationError, match="whole"):
        save(staff, installed["people_increased_capacity"], partner, periods[0], "2.5")
    value = save(staff, installed["people_increased_capacity"], partner, periods[0], "25")
    assert value.value == 25 and value.revision == 1


def test_a_computed_indicator_takes_no_value(partner, staff, periods, installed):
    with pytest.raises(ValidationError, match="computed"):
        save(staff, installed["policy_learning_events"], partner, periods[0], "3")
    assert not Value.objects.exists()


def test_a_future_period_takes_no_value_and_no_spending(partner, staff, periods, media_indicator):
    with pytest.raises(ValidationError, match="not started"):
        save(staff, media_indicator, partner, periods[2], "1")
    with pytest.raises(ValidationError, match="not started"):
        budget_save(actor=staff, partner=partner, period=periods[2], planned="100", spent="10")
    assert budget_save(actor=staff, partner=partner, period=periods[2], planned="100", spent="").planned == 100


def test_a_period_of_another_project_is_refused(partner, staff, media_indicator):
    elsewhere = ProjectFactory(code="ELSE2").periods.first()
    with pytest.raises(ValidationError):
        save(staff, media_indicator, partner, elsewhere, "1")
    with pytest.raises(ValidationError):
        budget_save(actor=staff, partner=partner, period=elsewhere, planned="1", spent=None)
    assert not Value.objects.exists() and not BudgetLine.objects.exists()


def test_a_validated_period_is_frozen_until_the_coordinator_reopens_it(partner, staff, coordinator, periods,
                                                                       media_indicator):
    value = save(staff, media_indicator, partner, periods[0], "2")
    budget_save(actor=staff, partner=partner, period=periods[0], planned="1000", spent="900")
    validation = period_validate(actor=coordinator, partner=partner, period=periods[0], note="Checked (example).")
    assert validation.figures["indicators"]["media_appearances"] == "2.00"
    assert validation.figures["indicators"]["policy_learning_events"] == "0.00"
    assert validation.figures["budget"] == {"planned": "1000.00", "spent": "900.00"}
    with pytest.raises(ValidationError, match="validated"):
        save(staff, media_indicator, partner, periods[0], "5", revision=1)
    with pytest.raises(ValidationError, match="validated"):
        value_delete(actor=staff, value=value)
    with pytest.raises(ValidationError, match="validated"):
        budget_save(actor=staff, partner=partner, period=periods[0], planned="1", spent="1")
    with pytest.raises(ValidationError, match="already"):
        period_validate(actor=coordinator, partner=partner, period=periods[0])
    assert Value.objects.get().value == 2 and BudgetLine.objects.get().planned == 1000

    period_reopen(actor=coordinator, partner=partner, period=periods[0], note="A figure was wrong (example).")
    assert not PeriodValidation.objects.exists()
    assert save(staff, media_indicator, partner, periods[0], "5", revision=1).value == 5
    assert AuditEntry.objects.filter(action="monitoring.period.reopened").exists()


def test_a_period_under_way_cannot_be_validated(partner, coordinator, periods):
    with pytest.raises(ValidationError, match="not ended"):
        period_validate(actor=coordinator, partner=partner, period=periods[1])
    assert not PeriodValidation.objects.exists()


def test_the_planned_budget_may_not_exceed_the_partners_budget(partner, staff, periods):
    budget_save(actor=staff, partner=partner, period=periods[0], planned="100000", spent="120000")  # spent > planned
    with pytest.raises(ValidationError) as refused:
        budget_save(actor=staff, partner=partner, period=periods[1], planned="20000", spent=None)
    assert "€1,837" in refused.value.messages[0]  # 120,000 planned against a budget of 118,163
    assert BudgetLine.objects.count() == 1
    # lowering one period and raising another in one save is judged on the result
    budget_plan_save(actor=staff, partner=partner, rows=[BudgetRow(periods[0], "90000", "120000", 1),
                                                        BudgetRow(periods[1], "28163", None, 0)])
    assert sorted(BudgetLine.objects.values_list("planned", flat=True)) == [Decimal("28163"), Decimal("90000")]


def test_a_batch_with_one_bad_row_changes_nothing(partner, staff, periods):
    budget_save(actor=staff, partner=partner, period=periods[0], planned="1000", spent=None)
    with pytest.raises(ValidationError):
        budget_plan_save(actor=staff, partner=partner, rows=[BudgetRow(periods[0], "2000", None, 1),
                                                            BudgetRow(periods[1], "-1", None, 0)])
    assert BudgetLine.objects.get().planned == 1000


def test_two_people_saving_at_once_the_second_is_told_and_nothing_is_overwritten(partner, staff, periods,
                                                                                 media_indicator):
    colleague = type(staff).objects.get(pk=staff.pk)
    colleague.first_name, colleague.last_name = "Ioana", "Popescu (example)"
    colleague.save()
    save(colleague, media_indicator, partner, periods[0], "4", revision=0)
    with pytest.raises(StaleEdit) as told:
        save(staff, media_indicator, partner, periods[0], "7", revision=0)  # both drew an empty form
    assert "Ioana Popescu (example)" in told.value.messages[0]
    assert Value.objects.get().value == 4
    save(staff, media_indicator, partner, periods[0], "6", revision=1)
    with pytest.raises(StaleEdit):
        save(colleague, media_indicator, partner, periods[0], "9", revision=1)
    with pytest.raises(StaleEdit):
        value_delete(actor=colleague, value=Value.objects.get(), revision=1)
    assert Value.objects.get().value == 6 and Value.objects.get().revision == 2

    budget_save(actor=staff, partner=partner, period=periods[0], planned="10", spent=None, revision=0)
    with pytest.raises(StaleEdit):
        budget_save(actor=colleague, partner=partner, period=periods[0], planned="20", spent=None, revision=0)
    assert BudgetLine.objects.get().planned == 10


def test_who_may_enter_values_and_budget(partner, other_partner, staff, other_staff, coordinator, periods,
                                         media_indicator):
    elsewhere = PartnerFactory(project=ProjectFactory(code="ELSE3"))
    strangers = [other_staff, coordinator, AnonymousUser(), UserFactory(username="visitor"),
                 CoordinatorFactory(username="coord-elsewhere", project=elsewhere.project)]
    for user in strangers:
        with pytest.raises(PermissionDenied):
            save(user, media_indicator, partner, periods[0], "1")
        with pytest.raises(PermissionDenied):
            budget_save(actor=user, partner=partner, period=periods[0], planned="1", spent=None)
    assert not Value.objects.exists() and not BudgetLine.objects.exists()
    inactive = type(staff).objects.get(pk=staff.pk)
    inactive.is_active = False
    with pytest.raises(PermissionDenied):
        save(inactive, media_indicator, partner, periods[0], "1")
    save(staff, media_indicator, partner, periods[0], "1")
    admin = AdministratorFactory()
    save(admin, media_indicator, partner, periods[0], "2", revision=1)
    assert Value.objects.get().value == 2 and Value.objects.get().entered_by == admin
    with pytest.raises(PermissionDenied):
        value_delete(actor=other_staff, value=Value.objects.get())


def test_who_may_validate(partner, staff, other_staff, coordinator, periods):
    for user in (staff, other_staff, AnonymousUser(), UserFactory(username="visitor")):
        with pytest.raises(PermissionDenied):
            period_validate(actor=user, partner=partner, period=periods[0])
    period_validate(actor=coordinator, partner=partner, period=periods[0])
    with pytest.raises(PermissionDenied):
        period_reopen(actor=staff, partner=partner, period=periods[0])
    period_reopen(actor=AdministratorFactory(), partner=partner, period=periods[0])
    period_validate(actor=AdministratorFactory(username="admin-2"), partner=partner, period=periods[0])
    assert PeriodValidation.objects.count() == 1


def test_who_may_set_indicators_and_targets(project, partner, other_partner, staff, coordinator, installed):
    indicator = installed["policy_learning_events"]
    for user in (staff, AnonymousUser(), UserFactory(username="visitor")):
        with pytest.raises(PermissionDenied):
            target_save(actor=user, indicator=indicator, partner=partner, baseline="0", target="4")
        with pytest.raises(PermissionDenied):
            indicator_save(actor=user, project=project, values={"name": {"en": "Study visits"}, "unit": "number"})
        with pytest.raises(PermissionDenied):
            indicators_install(actor=user, project=project)
    assert not Target.objects.exists()
    target = target_save(actor=coordinator, indicator=indicator, partner=partner, baseline="", target="4")
    assert (target.baseline, target.target) == (0, 4)
    with pytest.raises(ValidationError):
        target_save(actor=coordinator, indicator=indicator, partner=partner, baseline="-1", target="4", revision=1)
    with pytest.raises(ValidationError):
        target_save(actor=coordinator, indicator=indicator, partner=partner, baseline="0", target="4.5", revision=1)
    with pytest.raises(StaleEdit):
        target_save(actor=coordinator, indicator=indicator, partner=partner, baseline="0", target="5", revision=0)
    elsewhere = PartnerFactory(project=ProjectFactory(code="ELSE4"))
    with pytest.raises(ValidationError):
        target_save(actor=coordinator, indicator=indicator, partner=elsewhere, baseline="0", target="4")
    assert Target.objects.get().target == 4


def test_the_coordinator_adds_an_own_indicator_and_a_programme_indicator_keeps_its_key_and_source(
        project, coordinator, installed):
    own = indicator_save(actor=coordinator, project=project, values={
        "name": {"en": "Study visits to ECoC cities", "ro": "Vizite de studiu în orașele CEC"},
        "description": {"en": "Visits of SMEs to former capitals (example)."},
        "unit": "number", "source": "manual", "is_cumulative": True})
    assert own.kind == Indicator.Kind.CUSTOM and own.key == "study_visits_to_ecoc_cities"
    again = indicator_save(actor=coordinator, project=project, values={"name": {"en": "Study visits to ECoC cities"},
                                                                         "unit": "number"})
    assert again.key == "study_visits_to_ecoc_cities_2"
    changed = indicator_save(actor=coordinator, project=project, indicator=own, values={
        "name": {"en": "Study visits"}, "unit": "people", "source": "events_held"})
    assert changed.key == own.key and changed.source == "manual" and changed.unit == "people"

    programme = installed["policy_learning_events"]
    kept = indicator_save(actor=coordinator, project=project, indicator=programme, values={
        "name": {}, "description": {"en": "Workshops and study visits (example)."}, "unit": "eur",
        "source": "manual", "position": "5"})
    assert (kept.key, kept.source, kept.unit, kept.position) == ("policy_learning_events", "events_held", "number", 5)
    for bad in ({"name": {}, "unit": "number"}, {"name": {"en": "X"}, "unit": "furlongs"},
                {"name": {"en": "X"}, "unit": "number", "source": "rm -rf"},
                {"name": {"en": "X"}, "unit": "number", "position": "-1"},
                {"name": {"xx": "X"}, "unit": "number"}, {"name": "X", "unit": "number"}):
        with pytest.raises(ValidationError):
            indicator_save(actor=coordinator, project=project, values=bad)
    assert project.indicators.count() == len(installed) + 2


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_evidence_files_are_what_their_bytes_say(partner, staff, periods, media_indicator, media, settings,
                                                django_capture_on_commit_callbacks):
    value = save(staff, media_indicator, partner, periods[0], "1",
                 evidence_file=SimpleUploadedFile("press review.pdf", PDF, "application/pdf"))
    assert value.evidence_name == "press_review.pdf" and value.evidence_file.read() == PDF
    first_file = media / value.evidence_file.name
    for name, data in (("photo.pdf", b"MZ\x90\x00 not a pdf"), ("script.png", b"<script>alert(1)</script>"),
                       ("empty.pdf", b""), ("archive.docx", b"PK\x03\x04 broken zip")):
        with pytest.raises(ValidationError):
            save(staff, media_indicator, partner, periods[0], "9", revision=1,
                 evidence_file=SimpleUploadedFile(name, data))
    assert Value.objects.get().value == 1 and Value.objects.get().evidence_name == "press_review.pdf"
    settings.ECOCSME_EVIDENCE_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="at most"):
        save(staff, media_indicator, partner, periods[0], "9", revision=1,
             evidence_file=SimpleUploadedFile("big.pdf", PDF + b"x" * 200))
    settings.ECOCSME_EVIDENCE_MAX_BYTES = 10_000
    with django_capture_on_commit_callbacks(execute=True):
        replaced = save(staff, media_indicator, partner, periods[0], "2", revision=1,
                        evidence_file=SimpleUploadedFile("photo.jpeg", png()))
    assert replaced.evidence_name == "photo.png"  # named by what it is
    assert not first_file.exists()  # the replaced file is removed once the change is saved
    removed = save(staff, media_indicator, partner, periods[0], "2", revision=2, remove_file=True,
                   evidence_link="https://www.example.org/news/ecoc-sme-lab")
    assert not removed.evidence_file and removed.evidence_link.startswith("https://")
    for link in ("javascript:alert(1)", "ftp://example.org/x", "not a link", "https://" + "x" * 600):
        with pytest.raises(ValidationError):
            save(staff, media_indicator, partner, periods[0], "2", revision=3, evidence_link=link)


def test_every_write_leaves_an_audit_entry(project, partner, staff, coordinator, periods, media_indicator):
    save(staff, media_indicator, partner, periods[0], "1")
    budget_save(actor=staff, partner=partner, period=periods[0], planned="5", spent=None)
    target_save(actor=coordinator, indicator=media_indicator, partner=partner, baseline="0", target="10")
    period_validate(actor=coordinator, partner=partner, period=periods[0])
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"monitoring.value.saved", "monitoring.budget.saved", "monitoring.target.saved",
            "monitoring.period.validated", "monitoring.indicators.installed"} <= actions
