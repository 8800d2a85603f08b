"""Phase 2: what became of each action of an endorsed plan, per reporting period (semester), as
the programme asks — the action's status with a note on the progress, whether the policy
instrument is improved, the type of improvement, the funds influenced and the evidence (a link
and/or a file).

`report_save` writes one report (one per action and period). It checks, in this order, that the
actor is the plan's partner's staff (or the administrator), that the plan is endorsed, that the
action is the plan's and the period one of the plan's project that is open for reporting
(started, and not over before the endorsement), that the form was drawn from the report as it is
now (`ReportStale` otherwise: two people reporting at once — the second is told, nothing is
overwritten), and every value; then it writes in one transaction: the report, the action's
status (the status of its latest period's report), the audit entry, and — with the first report
on an endorsed plan — the step to implementation monitoring. Nothing of the plan's endorsed text
changes.

Evidence files are what their bytes say they are, whatever their name: a PDF, an image Pillow
reads (JPEG, PNG, WebP, GIF), a Word or Excel file (DOCX, XLSX; without macros) or an
OpenDocument text or spreadsheet (ODT, ODS); anything else, and anything larger than the limit,
is refused with a message and nothing is stored. They are served to the project's members only.
"""

import re
import secrets
import zipfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecocsme.core.audit import audit_log
from ecocsme.core.texts import checked_text, checked_texts

from ..models import Action, ActionPlan, ActionReport
from .plans import TEXT_MAX, amount_in_range, plan_start_monitoring

REFUSED = gettext_lazy("Only the partner's staff report on the actions of its endorsed plan.")
NOT_ENDORSED = gettext_lazy(
    "This plan is not endorsed yet: its actions are reported on, per reporting period, once the "
    "policy owner has endorsed it."
)
FIELDS = (
    "status", "progress", "instrument_improved", "improvement_type", "funds_influenced", "evidence_link",
)

# What an evidence file may be: (content type, extension) by kind.
EVIDENCE_TYPES = {
    "pdf": ("application/pdf", "pdf"),
    "jpeg": ("image/jpeg", "jpg"),
    "png": ("image/png", "png"),
    "webp": ("image/webp", "webp"),
    "gif": ("image/gif", "gif"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "odt": ("application/vnd.oasis.opendocument.text", "odt"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
}
CONTENT_TYPES = {extension: content_type for content_type, extension in EVIDENCE_TYPES.values()}
MAX_PIXELS = 40_000_000
ODF_TYPES = {"application/vnd.oasis.opendocument.text": "odt",
             "application/vnd.oasis.opendocument.spreadsheet": "ods"}
KINDS_TOLD = gettext_lazy(
    "Only PDF documents, JPEG, PNG, WebP and GIF images, Word and Excel files (DOCX, XLSX, without "
    "macros) and OpenDocument texts and spreadsheets (ODT, ODS) can be attached as evidence."
)


class ReportStale(ValidationError):
    """The form was drawn from an older state of the report: someone saved in between."""

    def __init__(self, report: ActionReport | None):
        self.report = report
        who = report.reported_by if report is not None else None
        if who is not None:
            message = _(
                "%(who)s saved a report on this action for this period in the meantime (%(when)s). "
                "Nothing of yours was saved: your text is still in the form below; compare it with "
                "the saved report and save again."
            ) % {"who": who.get_full_name() or who.get_username(),
                 "when": date_format(timezone.localtime(report.updated_at), "SHORT_DATETIME_FORMAT")}
        else:
            message = _(
                "Someone saved a report on this action for this period in the meantime. Nothing of "
                "yours was saved: your text is still in the form below; compare it with the saved "
                "report and save again."
            )
        super().__init__(message, code="stale")


@dataclass(frozen=True)
class Evidence:
    name: str
    content_type: str


def max_bytes() -> int:
    return getattr(settings, "ECOCSME_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


# --- reading what people write -----------------------------------------------------------------
_GROUPED = re.compile(r"^[0-9]{1,3}([ ,.'’][0-9]{3})+$")


def funds_of(value, *, name: str) -> Decimal | None:
    """An amount in euros as people write it: 1200.50, 1 200,50, 1.200,50, 1,200.50 or 1200;
    empty is None. A separator followed by one or two digits at the end is the decimal one; the
    others group thousands. Negative, non-numeric and over-precise amounts are refused."""
    if value is None:
        return None
    refused = ValidationError(_("%(name)s: “%(value)s” is not an amount; write it like 1 200,50 or 1200.50.")
                              % {"name": name, "value": str(value)[:30]})
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        amount = Decimal(value)
        if not amount.is_finite():
            raise refused
    elif isinstance(value, str):
        amount = _amount_in(value, refused)
        if amount is None:
            return None
    else:
        raise refused
    amount_in_range(amount, name=name)
    return amount.quantize(Decimal("0.01"))


def _amount_in(value: str, refused: ValidationError) -> Decimal | None:
    text = re.sub(r"[\s\u00a0\u202f]+", " ", value).strip()
    for mark in ("€", "EUR", "eur"):
        text = text.removeprefix(mark).removesuffix(mark).strip()
    if not text:
        return None
    negative = text.startswith(("-", "\u2212"))
    if text[0] in "+-\u2212":
        text = text[1:].strip()
    decimals = ""
    found = re.search(r"[,.]([0-9]{1,2})$", text)
    if found:
        decimals, text = found.group(1), text[:found.start()]
    if not text.isascii():
        raise refused
    if not text.isdigit():
        if not _GROUPED.match(text) or len(set(re.sub(r"[0-9]", "", text))) != 1:
            raise refused
        text = re.sub(r"[^0-9]", "", text)
    amount = Decimal(f"{text}.{decimals}" if decimals else text)
    return -amount if negative else amount


def _link(value) -> str:
    link = checked_text(value or "", name=_("Evidence (link)"), limit=500)
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            raise ValidationError(_(
                "Evidence (link): “%(value)s” is not a web address; write it like https://example.org/call.pdf."
            ) % {"value": link[:80]}) from None
    return link


def _checked(values: dict, current: ActionReport | None) -> dict:
    """Every value of the report, checked; a value the caller leaves out stays as it is. Every
    field's mistake is told at once (one ValidationError by field)."""
    errors: dict[str, list[str]] = {}

    def given(field, default=""):
        if field in values:
            return values[field]
        return getattr(current, field) if current is not None else default

    def check(field, check_value):
        try:
            return check_value()
        except ValidationError as error:
            errors.setdefault(field, []).extend(error.messages)
            return None

    status = given("status")
    if status not in Action.Status.values:
        errors["status"] = [_("Choose the action's status from the list.")]
    progress = check("progress", lambda: checked_texts(
        given("progress", {}), name=_("Progress"), limit=TEXT_MAX,
        required=status in Action.Status.values and status != Action.Status.PLANNED))
    improved = given("instrument_improved", ActionReport.Improved.NOT_YET) or ActionReport.Improved.NOT_YET
    if improved not in ActionReport.Improved.values:
        errors["instrument_improved"] = [
            _("Say whether the policy instrument is improved: yes, no or not yet.")]
    kind = given("improvement_type") or ""
    if improved != ActionReport.Improved.YES:
        kind = ""  # a type of improvement without an improvement says nothing
    elif kind not in ActionReport.Improvement.values:
        errors["improvement_type"] = [_("The policy instrument is improved: choose the type of improvement.")]
    funds = check("funds_influenced", lambda: funds_of(given("funds_influenced", None),
                                                        name=_("Funds influenced")))
    link = check("evidence_link", lambda: _link(given("evidence_link")))
    if errors:
        raise ValidationError(errors)
    return {"status": status, "progress": progress, "instrument_improved": improved,
            "improvement_type": kind, "funds_influenced": funds, "evidence_link": link}


# --- evidence files ------------------------------------------------------------------------------
def _office_kind(data: bytes) -> str | None:
    """docx, xlsx, odt or ods when `data` is such a file (without macros), else None."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = {info.filename: info for info in archive.infolist()}
            if "mimetype" in names and names["mimetype"].file_size < 200:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype in ODF_TYPES and "content.xml" in names:
                    return ODF_TYPES[mimetype]
                return None
            types = names.get("[Content_Types].xml")
            if types is None or types.file_size > 1_000_000:
                return None
            declared = archive.read("[Content_Types].xml").decode("utf-8", "replace")
            if "macroEnabled" in declared or any(name.lower().endswith("vbaproject.bin") for name in names):
                raise ValidationError(
                    _("Files with macros cannot be attached; save it as a plain DOCX or XLSX."))
            if "word/document.xml" in names and "wordprocessingml.document.main" in declared:
                return "docx"
            if "xl/workbook.xml" in names and "spreadsheetml.sheet.main" in declared:
                return "xlsx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError, EOFError,
            NotImplementedError, RuntimeError):
        return None
    return None


def evidence_kind(data: bytes) -> str:
    """The kind of an evidence file from its bytes (a key of EVIDENCE_TYPES); ValidationError
    when it is none of them."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        kind = _office_kind(data)
        if kind:
            return kind
        raise ValidationError(KINDS_TOLD)
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(data)) as image:
            if image.format not in ("JPEG", "PNG", "WEBP", "GIF") or image.width * image.height > MAX_PIXELS:
                raise ValidationError(KINDS_TOLD)
            image.verify()
            return image.format.lower()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(KINDS_TOLD) from None


def _evidence(upload) -> tuple[str, bytes]:
    """(the stored name, the bytes) of an uploaded evidence file, checked."""
    size = getattr(upload, "size", None) or 0
    if size > max_bytes():
        raise ValidationError({"evidence_file": _(
            "The file is %(size)s; at most %(limit)s can be attached.") % {
            "size": filesizeformat(size), "limit": filesizeformat(max_bytes())}})
    upload.seek(0)
    data = upload.read(max_bytes() + 1)
    if len(data) > max_bytes():
        raise ValidationError({"evidence_file": _("The file is too large; at most %(limit)s can be attached.")
                               % {"limit": filesizeformat(max_bytes())}})
    if not data:
        raise ValidationError({"evidence_file": _("The file is empty.")})
    try:
        kind = evidence_kind(data)
    except ValidationError as error:
        raise ValidationError({"evidence_file": error.messages}) from None
    extension = EVIDENCE_TYPES[kind][1]
    stem = get_valid_filename((getattr(upload, "name", "") or "evidence").replace("\\", "/")
                              .rsplit("/", 1)[-1].rsplit(".", 1)[0])[:80]
    return f"{stem or 'evidence'}.{extension}", data


def evidence_content_type(report: ActionReport) -> str:
    extension = (report.evidence_name or "").rsplit(".", 1)[-1].lower()
    return CONTENT_TYPES.get(extension, "application/octet-stream")


# --- which periods are open ---------------------------------------------------------------------
def is_open_for_reporting(plan: ActionPlan, period, today: date | None = None) -> bool:
    """A period of the plan's project that has started and did not end before the endorsement."""
    today = today or timezone.localdate()
    return (period.project_id == plan.project_id and period.start_date <= today
            and (plan.endorsed_on is None or period.end_date >= plan.endorsed_on))


def _check_period(plan: ActionPlan, period) -> None:
    if period is None or period.project_id != plan.project_id:
        raise ValidationError({"period": _("Choose a reporting period of the plan's project.")})
    if period.start_date > timezone.localdate():
        raise ValidationError({"period": _(
            "Reporting period %(number)s has not started yet (it starts on %(day)s).") % {
            "number": period.number, "day": date_format(period.start_date, "DATE_FORMAT")}})
    if plan.endorsed_on and period.end_date < plan.endorsed_on:
        raise ValidationError({"period": _(
            "Reporting period %(number)s ended before the plan was endorsed (%(day)s): report from the "
            "period of the endorsement on.") % {"number": period.number,
                                                "day": date_format(plan.endorsed_on, "DATE_FORMAT")}})


def _revision(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


# --- the write -----------------------------------------------------------------------------------
# Who else may say a period's reports are closed: monitoring registers the coordinator's validation
# of a partner's period here (monitoring.apps), since action plans sit below monitoring and import
# nothing of it. Each takes (partner id, period id) and says whether the period is locked.
PERIOD_LOCKS: list = []


def _plain(value):
    """A report's field as the audit log keeps it (JSON): amounts as text, files by name."""
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "name") and not isinstance(value, str | dict):
        return value.name or ""
    return value


def report_save(*, actor, plan: ActionPlan, action: Action, period, values: dict, evidence_file=None,
                revision=None) -> ActionReport:
    """Create or change the report on `action` for `period` (module docstring). `revision` is
    the report's revision the form was drawn from, None (or empty) when it showed no report yet.
    `values` may hold status, progress ({language: text}), instrument_improved, improvement_type,
    funds_influenced (a Decimal or a text such as "1 200,50"), evidence_link and
    remove_evidence (True to take the stored file away)."""
    if not (actor is not None and actor.is_active
            and rules.has_perm("actionplans.add_plan", actor, plan.partner)):
        raise PermissionDenied(REFUSED)
    stored_name = data = None
    with transaction.atomic():
        plan = ActionPlan.objects.select_for_update().select_related("project", "partner").get(pk=plan.pk)
        if not plan.is_endorsed:
            raise ValidationError(NOT_ENDORSED, code="not_endorsed")
        # rules.has_perm, not actor.has_perm: the model backend would grant a superuser anything.
        if not rules.has_perm("actionplans.report_plan", actor, plan):
            raise PermissionDenied(REFUSED)
        if action is None or action.plan_id != plan.pk:
            raise ValidationError(_("This action is not in the plan."))
        action = Action.objects.select_for_update().get(pk=action.pk, plan=plan)
        _check_period(plan, period)
        if any(locked(plan.partner_id, period.pk) for locked in PERIOD_LOCKS):
            raise ValidationError(_("The coordinator validated period %(number)s: its reports no longer "
                                    "change. Ask the coordinator to reopen the period.")
                                  % {"number": period.number}, code="validated")
        report = (ActionReport.objects.select_for_update(of=("self",)).select_related("reported_by")
                  .filter(action=action, period=period).first())
        expected = _revision(revision)
        if (report is None) != (expected is None) or (report is not None and report.revision != expected):
            raise ReportStale(report)
        checked = _checked(values, report)
        remove = bool(values.get("remove_evidence")) and evidence_file is None
        if evidence_file is not None:
            stored_name, data = _evidence(evidence_file)
        has_file = stored_name is not None or (
            report is not None and bool(report.evidence_file) and not remove)
        improved = checked["instrument_improved"] == ActionReport.Improved.YES
        if improved and not (checked["evidence_link"] or has_file):
            raise ValidationError({"evidence_link": _(
                "The policy instrument is improved: give the evidence, a link or a file (a call text, an "
                "amended programme).")})

        created = report is None
        if created:
            report = ActionReport(action=action, period=period)
            changed = list(FIELDS)
        else:
            changed = [field for field in FIELDS if getattr(report, field) != checked[field]]
        before = {field: _plain(getattr(report, field)) for field in changed} if not created else {}
        for field, value in checked.items():
            setattr(report, field, value)
        old_file = report.evidence_file.name if report.evidence_file else ""
        if stored_name is not None or remove:
            changed.append("evidence_file")
        if not created and not changed:
            return report
        report.revision = 1 if created else report.revision + 1
        report.reported_by = actor
        if remove:
            report.evidence_file, report.evidence_name = "", ""
        if stored_name is not None:
            report.token = secrets.token_hex(8)
            report.evidence_name = stored_name
            from django.core.files.base import ContentFile

            report.evidence_file.save(stored_name, ContentFile(data), save=False)
        new_file = report.evidence_file.name if report.evidence_file else ""
        try:
            report.save()
            latest = action.reports.order_by("-period__number").values_list("status", flat=True).first()
            if latest and latest != action.status:
                Action.objects.filter(pk=action.pk).update(status=latest)
            verb = "created" if created else "changed"
            audit_log(actor=actor, action=f"actionplans.report.{verb}", obj=report,
                      data={"plan": plan.pk, "action": action.key, "period": period.number,
                            "status": report.status, "fields": changed, "before": before,
                            "after": {field: _plain(getattr(report, field)) for field in changed
                                      if field != "evidence_file"}})
            if plan.status == ActionPlan.Status.ENDORSED:
                plan_start_monitoring(actor=actor, plan=plan)
        except Exception:
            if new_file and new_file != old_file:
                report.evidence_file.storage.delete(new_file)
            raise
        if old_file and old_file != new_file:
            storage = report.evidence_file.storage
            transaction.on_commit(lambda: storage.delete(old_file))
    return report
