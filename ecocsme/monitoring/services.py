"""Writing the monitoring (AP-4): installing the programme's indicators, the project's own
indicators, targets, the values partners enter with their evidence, the budget per period, and
the coordinator's validation of a partner's period.

Every write checks the rule (rules.py) on the object, validates everything before it writes
anything, writes in one transaction and records an audit entry (`monitoring.<thing>.<verb>`).
A form carries the revision it was drawn from; a write from an older one is refused
(`StaleEdit`: two people editing at once — the second is told who changed it and when, and
nothing of theirs is written). Numbers come as Decimals or as the reader's language writes
them (numbers.checked_decimal): negative, non-numeric, NaN and infinite values are refused.

A validated period is frozen: its manual values and its budget line do not change until the
coordinator reopens it; computed values are never stored except in the validation's figures.
"""

import datetime as dt
import secrets
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Sum
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecocsme.core.audit import audit_log
from ecocsme.core.texts import checked_text, checked_texts
from ecocsme.partnerships.models import Partner, Period, Project

from .indicators import (
    CATALOGUE,
    MANUAL,
    PROGRAMME_INDICATORS,
    SOURCES,
    UNITS,
    WHOLE_UNITS,
    english,
    indicator_name,
    programme_entry,
    spans_of,
)
from .models import BudgetLine, Indicator, PeriodValidation, Target, Value
from .numbers import checked_decimal

REFUSED_INDICATORS = gettext_lazy("Only the project's coordinator sets its indicators and targets.")
REFUSED_VALUES = gettext_lazy("Only the partner's own staff enter its values and budget.")
REFUSED_VALIDATION = gettext_lazy("Only the project's coordinator validates a partner's period.")
NAME_MAX = 200
DESCRIPTION_MAX = 2000
NOTE_MAX = 4000
MAX_INDICATORS = 100


class StaleEdit(ValidationError):
    """The form was drawn from an older revision: someone else saved in between."""

    def __init__(self, who=None, when=None):
        self.who, self.when = who, when
        if who is not None and when is not None:
            message = _(
                "%(who)s changed this in the meantime (%(when)s). Nothing of yours was saved: "
                "look at the current figures and enter yours again."
            ) % {
                "who": who.get_full_name() or who.get_username(),
                "when": date_format(timezone.localtime(when), "SHORT_DATETIME_FORMAT"),
            }
        else:
            message = _(
                "Someone changed this in the meantime. Nothing of yours was saved: look at the "
                "current figures and enter yours again."
            )
        super().__init__(message, code="stale")


def _require(actor, perm: str, obj, refused) -> None:
    # rules.has_perm, not actor.has_perm: the model backend would grant a superuser everything.
    if actor is None or not getattr(actor, "is_active", False) or not rules.has_perm(perm, actor, obj):
        raise PermissionDenied(refused)


def _revision(expected) -> int:
    try:
        return int(expected)
    except (TypeError, ValueError):
        return -1


def _check_revision(expected, current: int, *, who=None, when=None) -> None:
    """`expected` None: the caller (a command, the demo) does not draw from a form."""
    if expected is not None and _revision(expected) != current:
        raise StaleEdit(who, when)


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


def _period_name(period) -> str:
    return _("Period %(number)s") % {"number": period.number}


def _validated(partner: Partner, period: Period) -> bool:
    return PeriodValidation.objects.filter(partner=partner, period=period).exists()


def _validated_error(period: Period) -> ValidationError:
    return ValidationError(
        _("%(period)s is validated: its figures no longer change. Ask the coordinator to reopen it.")
        % {"period": _period_name(period)},
        code="validated",
    )


def _refuse_if_validated(partner: Partner, period: Period) -> None:
    if _validated(partner, period):
        raise _validated_error(period)


def _same_project(partner: Partner, period: Period) -> None:
    if period.project_id != partner.project_id:
        raise ValidationError(_("This reporting period is not one of the partner's project."), code="project")


def _lock_partner(partner: Partner) -> Partner:
    """Writes for one partner's monitoring run one after the other (the budget's total, a value
    and the validation of its period)."""
    return Partner.objects.select_for_update().get(pk=partner.pk)


# --- indicators -----------------------------------------------------------------------------------
def indicators_install(*, actor, project: Project) -> int:
    """Add the programme's indicators the project does not have yet (by key), after its own
    ones' positions are kept; returns how many were added. Idempotent. `actor` None for
    commands and the demo."""
    if actor is not None:
        _require(actor, "monitoring.change_indicators", project, REFUSED_INDICATORS)
    with transaction.atomic():
        Project.objects.select_for_update().filter(pk=project.pk).first()
        have = set(Indicator.objects.filter(project=project).values_list("key", flat=True))
        missing = [item for item in PROGRAMME_INDICATORS if item.key not in have]
        for position, item in enumerate(PROGRAMME_INDICATORS, start=1):
            if item in missing:
                Indicator.objects.create(
                    project=project,
                    key=item.key,
                    position=position * 10,
                    kind=item.kind,
                    name={"en": english(item.name)},
                    description={},
                    unit=item.unit,
                    source=item.source,
                    is_cumulative=item.cumulative,
                )
        if missing:
            audit_log(
                actor=actor,
                action="monitoring.indicators.installed",
                obj=project,
                data={"added": [item.key for item in missing]},
            )
    return len(missing)


@dataclass
class IndicatorInput:
    name: dict
    description: dict
    unit: str
    source: str
    is_cumulative: bool
    position: int | None


def _indicator_input(values: dict, indicator: Indicator | None) -> IndicatorInput:
    name = checked_texts(values.get("name"), name=_("Name"), limit=NAME_MAX)
    description = checked_texts(values.get("description"), name=_("Description"), limit=DESCRIPTION_MAX)
    entry = programme_entry(indicator) if indicator is not None else None
    if entry is None and not any(name.values()):
        raise ValidationError(_("Give the indicator a name, in at least one language."), code="name")
    unit = values.get("unit") or (indicator.unit if indicator else "")
    source = values.get("source") or (indicator.source if indicator else MANUAL)
    if entry is not None:  # the programme fixes what it counts and how
        unit, source = entry.unit, entry.source
    elif indicator is not None:
        source = indicator.source  # a source never changes: values already given would mean another thing
    if unit not in UNITS:
        raise ValidationError(_("Choose the unit from the list."), code="unit")
    if source != MANUAL and source not in SOURCES:
        raise ValidationError(_("Choose where the values come from from the list."), code="source")
    position = values.get("position")
    if position not in (None, ""):
        try:
            position = int(position)
        except (TypeError, ValueError):
            raise ValidationError(_("The position is a whole number."), code="position") from None
        if not 0 <= position <= 32767:
            raise ValidationError(_("The position is a whole number from 0 to 32767."), code="position")
    else:
        position = None
    cumulative = bool(values.get("is_cumulative", indicator.is_cumulative if indicator else True))
    if entry is not None:
        cumulative = entry.cumulative
    return IndicatorInput(name, description, unit, source, cumulative, position)


def _new_key(project: Project, name: dict) -> str:
    base = slugify(next((text for code in ("en", *name) if (text := name.get(code))), ""))[:50] or "indicator"
    base = base.replace("-", "_")
    taken = set(Indicator.objects.filter(project=project, key__startswith=base).values_list("key", flat=True))
    taken |= set(CATALOGUE)
    key, number = base, 2
    while key in taken:
        key, number = f"{base}_{number}", number + 1
    return key


def indicator_save(*, actor, project: Project, indicator: Indicator | None = None, values: dict) -> Indicator:
    """Create the project's own indicator or change one: name and description per language, unit,
    source (manual or a computation; fixed once created), cumulative, position. A programme
    indicator keeps its key, source, unit and way of counting; its name and description may be
    the project's own (empty: the programme's words in the reader's language)."""
    _require(actor, "monitoring.change_indicators", project, REFUSED_INDICATORS)
    if indicator is not None and indicator.project_id != project.pk:
        raise ValidationError(_("This indicator is not one of the project's."), code="project")
    given = _indicator_input(values, indicator)
    with transaction.atomic():
        Project.objects.select_for_update().filter(pk=project.pk).first()
        if indicator is None:
            if Indicator.objects.filter(project=project).count() >= MAX_INDICATORS:
                raise ValidationError(
                    _("A project can have at most %(count)s indicators.") % {"count": MAX_INDICATORS},
                    code="too_many",
                )
            top = Indicator.objects.filter(project=project).aggregate(top=Max("position"))["top"] or 0
            indicator = Indicator(
                project=project,
                key=_new_key(project, given.name),
                kind=Indicator.Kind.CUSTOM,
                position=given.position if given.position is not None else top + 10,
            )
            verb = "created"
        else:
            indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
            verb = "changed"
            if given.position is not None:
                indicator.position = given.position
        entry = programme_entry(indicator)
        indicator.name = (
            given.name if (entry is None or any(given.name.values())) else {"en": english(entry.name)}
        )
        indicator.description = given.description
        indicator.unit, indicator.source, indicator.is_cumulative = (
            given.unit,
            given.source,
            given.is_cumulative,
        )
        indicator.save()
        audit_log(
            actor=actor,
            action=f"monitoring.indicator.{verb}",
            obj=indicator,
            data={"key": indicator.key, "source": indicator.source, "unit": indicator.unit},
        )
    return indicator


def indicator_delete(*, actor, indicator: Indicator) -> None:
    """Delete one of the project's own indicators with no value entered and in no validated
    figures; programme indicators stay."""
    _require(actor, "monitoring.change_indicators", indicator.project, REFUSED_INDICATORS)
    if programme_entry(indicator) is not None:
        raise ValidationError(_("The programme's indicators cannot be deleted."), code="programme")
    with transaction.atomic():
        if indicator.values.exists():
            raise ValidationError(
                _("Values have been entered for this indicator: it cannot be deleted."), code="in_use"
            )
        audit_log(
            actor=actor, action="monitoring.indicator.deleted", obj=indicator, data={"key": indicator.key}
        )
        indicator.delete()


# --- targets --------------------------------------------------------------------------------------
def _partner_of_project(partner: Partner, project_id: int) -> None:
    if partner.project_id != project_id:
        raise ValidationError(_("This partner is not one of the project's."), code="project")


def target_save(*, actor, indicator: Indicator, partner: Partner, baseline, target, revision=None) -> Target:
    """The partner's baseline (empty: 0) and target for an indicator."""
    _require(actor, "monitoring.change_indicators", indicator.project, REFUSED_INDICATORS)
    _partner_of_project(partner, indicator.project_id)
    whole = indicator.unit in WHOLE_UNITS
    baseline = checked_decimal(baseline, name=_("Baseline"), whole=whole, required=False) or Decimal(0)
    target = checked_decimal(target, name=_("Target"), whole=whole)
    with transaction.atomic():
        current = Target.objects.select_for_update().filter(indicator=indicator, partner=partner).first()
        _check_revision(revision, current.revision if current else 0)
        if current is None:
            current = Target(indicator=indicator, partner=partner, baseline=baseline, target=target)
        else:
            current.revision += 1
        before = (None, None) if current.pk is None else (str(current.baseline), str(current.target))
        current.baseline, current.target = baseline, target
        current.save()
        audit_log(
            actor=actor,
            action="monitoring.target.saved",
            obj=indicator,
            data={"partner": partner.pk, "before": before, "after": [str(baseline), str(target)]},
        )
    return current


def target_delete(*, actor, indicator: Indicator, partner: Partner, revision=None) -> None:
    _require(actor, "monitoring.change_indicators", indicator.project, REFUSED_INDICATORS)
    with transaction.atomic():
        current = Target.objects.select_for_update().filter(indicator=indicator, partner=partner).first()
        if current is None:
            return
        _check_revision(revision, current.revision)
        audit_log(
            actor=actor,
            action="monitoring.target.deleted",
            obj=indicator,
            data={"partner": partner.pk, "before": [str(current.baseline), str(current.target)]},
        )
        current.delete()


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def targets_save(*, actor, indicator: Indicator, rows: list[dict]) -> int:
    """The targets of several partners at once (the indicator's page), all or nothing: each row
    {"partner", "baseline", "target", "revision"}; a row with neither baseline nor target takes
    the partner's target away; an unchanged row is left as it is. Returns how many changed."""
    _require(actor, "monitoring.change_indicators", indicator.project, REFUSED_INDICATORS)
    whole = indicator.unit in WHOLE_UNITS
    changed = 0
    with transaction.atomic():
        current = {t.partner_id: t for t in Target.objects.select_for_update().filter(indicator=indicator)}
        for row in rows:
            partner = row["partner"]
            try:
                existing = current.get(partner.pk)
                if _blank(row.get("baseline")) and _blank(row.get("target")):
                    if existing is not None:
                        target_delete(
                            actor=actor, indicator=indicator, partner=partner, revision=row.get("revision")
                        )
                        changed += 1
                    continue
                baseline = checked_decimal(
                    row.get("baseline"), name=_("Baseline"), whole=whole, required=False
                )
                target = checked_decimal(row.get("target"), name=_("Target"), whole=whole)
                if existing is not None and (existing.baseline, existing.target) == (baseline or 0, target):
                    _check_revision(row.get("revision"), existing.revision)
                    continue
                target_save(
                    actor=actor,
                    indicator=indicator,
                    partner=partner,
                    baseline=baseline,
                    target=target,
                    revision=row.get("revision"),
                )
                changed += 1
            except StaleEdit:
                raise
            except ValidationError as error:
                raise ValidationError(
                    [f"{partner}: {message}" for message in error.messages], code="target"
                ) from None
    return changed


def indicator_with_targets_save(
    *, actor, project: Project, indicator: Indicator | None, values: dict, targets: list[dict]
) -> Indicator:
    """An indicator and its targets per partner in one transaction: nothing is kept when a part
    is refused."""
    with transaction.atomic():
        indicator = indicator_save(actor=actor, project=project, indicator=indicator, values=values)
        targets_save(actor=actor, indicator=indicator, rows=targets)
    return indicator


# --- evidence files -------------------------------------------------------------------------------
EVIDENCE_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
SHOWN_INLINE = frozenset({"pdf", "jpg", "png", "webp", "gif"})
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
OFFICE_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
OPEN_DOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
MAX_PIXELS = 40_000_000


def evidence_max_bytes() -> int:
    return getattr(settings, "ECOCSME_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)


def _what_kind(data: bytes) -> str:
    """The extension of an evidence file from its bytes, whatever its name says; ValidationError
    for anything but PDF, JPEG/PNG/WebP/GIF images, Word, Excel, PowerPoint and OpenDocument."""
    refused = ValidationError(
        _(
            "This file is not a PDF document, an image (JPEG, PNG, WebP, GIF), a Word, "
            "Excel or PowerPoint file or an OpenDocument text or spreadsheet, whatever "
            "its name says."
        ),
        code="file_type",
    )
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
                types = archive.getinfo("[Content_Types].xml") if "[Content_Types].xml" in names else None
                if types is not None and types.file_size > 1_000_000:
                    raise refused
                declared = archive.read(types).decode("utf-8", "replace") if types else ""
                macros = any(name.lower().endswith("vbaproject.bin") for name in names)
                if "macroEnabled" in declared or macros:
                    raise ValidationError(
                        _("Files with macros cannot be attached; save it as a plain DOCX or XLSX."),
                        code="file_type")
                for part, extension in OFFICE_PARTS.items():
                    if part in names and "[Content_Types].xml" in names:
                        return extension
                if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                    kind = OPEN_DOCUMENT.get(archive.read("mimetype").strip())
                    if kind:
                        return kind
        except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
            raise refused from None
        raise refused
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(data)) as image:
            if image.format not in IMAGE_FORMATS or image.width * image.height > MAX_PIXELS:
                raise refused
            image.verify()
            return IMAGE_FORMATS[image.format]
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise refused from None


def _checked_upload(upload) -> tuple[str, bytes]:
    """(file name to keep, bytes) of an evidence upload, or ValidationError."""
    size = getattr(upload, "size", None) or 0
    if size > evidence_max_bytes():
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s can be attached.")
            % {"size": filesizeformat(size), "limit": filesizeformat(evidence_max_bytes())},
            code="file_size",
        )
    upload.seek(0)
    data = upload.read(evidence_max_bytes() + 1)
    if len(data) > evidence_max_bytes():
        raise ValidationError(
            _("The file is too large; at most %(limit)s can be attached.")
            % {"limit": filesizeformat(evidence_max_bytes())},
            code="file_size",
        )
    if not data:
        raise ValidationError(_("The file is empty."), code="file_empty")
    extension = _what_kind(data)
    stem = get_valid_filename(
        (getattr(upload, "name", "") or "evidence").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    )
    return f"{stem[:80] or 'evidence'}.{extension}", data


def evidence_content_type(value: Value) -> tuple[str, bool]:
    """(content type, shown in the browser) of a value's evidence file, from its kept name."""
    extension = value.evidence_name.rsplit(".", 1)[-1].lower() if "." in value.evidence_name else ""
    return EVIDENCE_TYPES.get(extension, "application/octet-stream"), extension in SHOWN_INLINE


# --- values ---------------------------------------------------------------------------------------
def _checked_link(link) -> str:
    from django.core.validators import URLValidator

    link = (link or "").strip()
    if not link:
        return ""
    if len(link) > 500:
        raise ValidationError(_("The evidence link is too long (at most 500 characters)."), code="link")
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        raise ValidationError(_("The evidence link is not a web address (https://…)."), code="link") from None
    return link


def value_save(
    *,
    actor,
    indicator: Indicator,
    partner: Partner,
    period: Period,
    value,
    note: str = "",
    evidence_link: str = "",
    evidence_file=None,
    remove_file: bool = False,
    revision=None,
) -> Value:
    """The partner's value of a manual indicator for one period, with a note, a link or a file as
    evidence. Refused for a computed indicator, a validated period, a period not started yet, and
    a form drawn from an older revision (`revision`: what the form showed, 0 for a new value)."""
    _require(actor, "monitoring.enter_values", partner, REFUSED_VALUES)
    _partner_of_project(partner, indicator.project_id)
    _same_project(partner, period)
    if indicator.source != MANUAL:
        raise ValidationError(
            _("“%(name)s” is computed from what the platform holds: it cannot be entered.")
            % {"name": indicator_name(indicator)},
            code="computed",
        )
    if period.start_date > timezone.localdate():
        raise ValidationError(
            _("%(period)s has not started yet.") % {"period": _period_name(period)}, code="future"
        )
    number = checked_decimal(value, name=str(indicator_name(indicator)), whole=indicator.unit in WHOLE_UNITS)
    note = checked_text(note, name=_("Note"), limit=NOTE_MAX)
    link = _checked_link(evidence_link)
    upload = _checked_upload(evidence_file) if evidence_file else None
    with transaction.atomic():
        _lock_partner(partner)
        _refuse_if_validated(partner, period)
        current = (
            Value.objects.select_for_update(of=("self",))
            .select_related("entered_by")
            .filter(indicator=indicator, partner=partner, period=period)
            .first()
        )
        _check_revision(
            revision,
            current.revision if current else 0,
            who=current.entered_by if current else None,
            when=current.updated_at if current else None,
        )
        old_file = None
        if current is None:
            current = Value(indicator=indicator, partner=partner, period=period, token=secrets.token_hex(8))
            before = None
        else:
            before = str(current.value)
            current.revision += 1
        current.value, current.note, current.evidence_link, current.entered_by = (
            number,
            note,
            link,
            _user(actor),
        )
        if (upload or remove_file) and current.evidence_file:
            old_file = current.evidence_file.name
            current.evidence_file, current.evidence_name = None, ""
        stored = None
        if upload:
            from django.core.files.base import ContentFile

            current.token = secrets.token_hex(8)
            name, data = upload
            current.evidence_file.save(name, ContentFile(data), save=False)
            current.evidence_name, stored = name, current.evidence_file.name
        try:
            current.save()
            audit_log(
                actor=actor,
                action="monitoring.value.saved",
                obj=indicator,
                data={
                    "partner": partner.pk,
                    "period": period.number,
                    "before": before,
                    "after": str(number),
                    "file": current.evidence_name,
                },
            )
        except Exception:
            if stored:
                current.evidence_file.storage.delete(stored)
            raise
        if old_file:
            storage = current.evidence_file.storage
            transaction.on_commit(lambda: storage.delete(old_file))
    return current


def value_delete(*, actor, value: Value, revision=None) -> None:
    """Take back a manual value (and its file), unless its period is validated."""
    _require(actor, "monitoring.enter_values", value.partner, REFUSED_VALUES)
    with transaction.atomic():
        _lock_partner(value.partner)
        _refuse_if_validated(value.partner, value.period)
        current = (Value.objects.select_for_update(of=("self",)).select_related("entered_by")
                   .filter(pk=value.pk).first())
        if current is None:
            return
        _check_revision(revision, current.revision, who=current.entered_by, when=current.updated_at)
        file = current.evidence_file.name if current.evidence_file else None
        storage = current.evidence_file.storage
        audit_log(
            actor=actor,
            action="monitoring.value.deleted",
            obj=current.indicator,
            data={"partner": current.partner_id, "period": value.period.number, "before": str(current.value)},
        )
        current.delete()
        if file:
            transaction.on_commit(lambda: storage.delete(file))


# --- the budget -----------------------------------------------------------------------------------
@dataclass
class BudgetRow:
    period: Period
    planned: object
    spent: object
    revision: object = None


def budget_plan_save(*, actor, partner: Partner, rows: list[BudgetRow]) -> list[BudgetLine]:
    """Several periods of the partner's budget at once (the budget page): planned (empty: 0) and
    spent (empty: not reported yet) per period, all or nothing. The planned amounts of all
    periods together may not exceed the partner's budget when it is set (the message says by
    how much); spent may exceed planned. Refused for a validated period, spending for a period
    not started, and a row drawn from an older revision."""
    _require(actor, "monitoring.enter_values", partner, REFUSED_VALUES)
    checked = []
    for row in rows:
        _same_project(partner, row.period)
        name = _period_name(row.period)
        planned = checked_decimal(
            row.planned, name=_("%(period)s, planned") % {"period": name}, required=False
        )
        spent = checked_decimal(row.spent, name=_("%(period)s, spent") % {"period": name}, required=False)
        if spent is not None and row.period.start_date > timezone.localdate():
            raise ValidationError(
                _("%(period)s has not started yet: nothing can be reported spent in it.") % {"period": name},
                code="future",
            )
        checked.append((row, planned or Decimal(0), spent))
    if len({row.period.pk for row in rows}) != len(rows):
        raise ValidationError(_("A period is given twice."), code="twice")
    saved = []
    with transaction.atomic():
        partner = _lock_partner(partner)
        validated = set(PeriodValidation.objects.filter(partner=partner).values_list("period_id", flat=True))
        lines = {
            line.period_id: line
            for line in BudgetLine.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .filter(partner=partner)
        }
        for row, _planned, _spent in checked:
            if row.period.pk in validated:
                raise _validated_error(row.period)
            line = lines.get(row.period.pk)
            _check_revision(
                row.revision,
                line.revision if line else 0,
                who=line.updated_by if line else None,
                when=line.updated_at if line else None,
            )
        changing = {row.period.pk for row, _p, _s in checked}
        others = BudgetLine.objects.filter(partner=partner).exclude(period_id__in=changing).aggregate(
            total=Sum("planned")
        )["total"] or Decimal(0)
        total = others + sum((planned for _row, planned, _spent in checked), Decimal(0))
        if partner.budget is not None and total > partner.budget:
            from ecocsme.core.formats import money

            raise ValidationError(
                _(
                    "The planned amounts come to %(total)s, %(over)s more than the partner's budget of "
                    "%(budget)s. Lower them by at least that much."
                )
                % {
                    "total": money(total),
                    "over": money(total - partner.budget),
                    "budget": money(partner.budget),
                },
                code="over_budget",
            )
        for row, planned, spent in checked:
            line = lines.get(row.period.pk)
            before = (
                None if line is None else [str(line.planned), None if line.spent is None else str(line.spent)]
            )
            if line is None:
                line = BudgetLine(partner=partner, period=row.period)
            elif line.planned == planned and line.spent == spent:
                saved.append(line)
                continue
            else:
                line.revision += 1
            line.planned, line.spent, line.updated_by = planned, spent, _user(actor)
            line.save()
            audit_log(
                actor=actor,
                action="monitoring.budget.saved",
                obj=partner,
                data={
                    "period": row.period.number,
                    "before": before,
                    "after": [str(planned), None if spent is None else str(spent)],
                },
            )
            saved.append(line)
    return saved


def budget_save(*, actor, partner: Partner, period: Period, planned, spent, revision=None) -> BudgetLine:
    """One period of the partner's budget (budget_plan_save's rules)."""
    return budget_plan_save(actor=actor, partner=partner, rows=[BudgetRow(period, planned, spent, revision)])[
        0
    ]


# --- validating a partner's period ----------------------------------------------------------------
def _money_text(value) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def period_validate(*, actor, partner: Partner, period: Period, note: str = "") -> PeriodValidation:
    """The coordinator confirms a partner's figures for a period that has ended: the values of
    every indicator (computed ones included) and the budget line are kept as they are now, and
    the period's manual values and budget line no longer change."""
    from .selectors import partner_period_figures

    _require(actor, "monitoring.validate_period", partner, REFUSED_VALIDATION)
    _same_project(partner, period)
    if not spans_of([period])[0].has_ended:
        raise ValidationError(
            _("%(period)s has not ended yet: it can be validated from %(day)s.")
            % {
                "period": _period_name(period),
                "day": date_format(period.end_date + dt.timedelta(days=1), "DATE_FORMAT"),
            },
            code="not_ended",
        )
    note = checked_text(note, name=_("Note"), limit=NOTE_MAX)
    with transaction.atomic():
        partner = _lock_partner(partner)
        if _validated(partner, period):
            raise ValidationError(
                _("%(period)s is already validated.") % {"period": _period_name(period)}, code="validated"
            )
        figures = partner_period_figures(partner.project, partner, period.number)
        line = BudgetLine.objects.filter(partner=partner, period=period).first()
        kept = {
            "indicators": {key: _money_text(value) for key, value in figures.items()},
            "budget": {
                "planned": _money_text(line.planned) if line else "0.00",
                "spent": _money_text(line.spent) if line else None,
            },
            "validated_on": timezone.localdate().isoformat(),
        }
        try:
            with transaction.atomic():
                validation = PeriodValidation.objects.create(
                    partner=partner, period=period, note=note, validated_by=_user(actor), figures=kept
                )
        except IntegrityError:
            raise ValidationError(
                _("%(period)s is already validated.") % {"period": _period_name(period)}, code="validated"
            ) from None
        audit_log(
            actor=actor,
            action="monitoring.period.validated",
            obj=partner,
            data={"period": period.number, "figures": kept},
        )
    return validation


def period_reopen(*, actor, partner: Partner, period: Period, note: str = "") -> None:
    """The coordinator reopens a validated period: its values and budget line change again, and
    its computed values follow the platform's records again."""
    _require(actor, "monitoring.validate_period", partner, REFUSED_VALIDATION)
    _same_project(partner, period)
    note = checked_text(note, name=_("Note"), limit=NOTE_MAX)
    with transaction.atomic():
        partner = _lock_partner(partner)
        validation = PeriodValidation.objects.filter(partner=partner, period=period).first()
        if validation is None:
            raise ValidationError(
                _("%(period)s is not validated.") % {"period": _period_name(period)}, code="not_validated"
            )
        audit_log(
            actor=actor,
            action="monitoring.period.reopened",
            obj=partner,
            data={"period": period.number, "note": note, "figures": validation.figures},
        )
        validation.delete()
