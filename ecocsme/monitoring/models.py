"""Monitoring (AP-4): a project's indicators, their targets and values per reporting period, and
each partner's budget per period.

An indicator's `source` says where its values come from: `manual` (entered with evidence), or a
computation over what the platform holds (`indicators.SOURCES`: events held and their
participants, labs and answers, practices identified, organisations engaged, plans endorsed,
actions done, instruments improved, funds influenced), read through the other apps'
selectors. A computed value is never stored, except when the coordinator validates a
partner's period (`PeriodValidation`): then the figures are kept as they were that day.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecocsme.core.i18n import in_language
from ecocsme.core.models import TimeStampedModel
from ecocsme.partnerships.models import Partner, Period, Project

NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


class Indicator(models.Model):
    class Kind(models.TextChoices):
        OUTPUT = "output", _("Output")
        RESULT = "result", _("Result")
        CUSTOM = "custom", _("Project's own")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="indicators"
    )
    key = models.SlugField(_("key"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.JSONField(_("name"), default=dict, help_text=_("Text per language code."))
    description = models.JSONField(_("description"), default=dict, blank=True)
    unit = models.CharField(_("unit"), max_length=20, help_text=_("A key of indicators.UNITS."))
    source = models.CharField(
        _("values"),
        max_length=40,
        default="manual",
        help_text=_("“manual”, or the computation that gives the values."),
    )
    is_cumulative = models.BooleanField(
        _("counts across periods"),
        default=True,
        help_text=_("Progress is the sum of the periods' values; otherwise the latest value."),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["project", "position", "key"]
        constraints = [models.UniqueConstraint(fields=["project", "key"], name="indicator_key_unique")]

    def __str__(self) -> str:
        return str(in_language(self.name)) or self.key

    @property
    def is_computed(self) -> bool:
        return self.source != "manual"


class Target(models.Model):
    """An indicator's baseline and target for one partner."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="indicator_targets"
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=16, decimal_places=2, default=0, validators=NOT_NEGATIVE
    )
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=2, validators=NOT_NEGATIVE)
    revision = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "partner"], name="target_unique"),
            models.CheckConstraint(
                condition=models.Q(baseline__gte=0) & models.Q(target__gte=0), name="target_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} · {self.partner_id}"


def evidence_path(value, filename: str) -> str:
    return f"monitoring/{value.partner_id}/{value.token}/{filename}"


class Value(TimeStampedModel):
    """A value entered by hand for a manual indicator, one partner and one period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="indicator_values"
    )
    period = models.ForeignKey(
        Period, verbose_name=_("reporting period"), on_delete=models.CASCADE, related_name="indicator_values"
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, validators=NOT_NEGATIVE)
    note = models.TextField(_("note"), blank=True)
    evidence_link = models.URLField(
        _("evidence (link)"),
        max_length=500,
        blank=True,
        help_text=_("A page of the platform or elsewhere that shows the value."),
    )
    token = models.CharField(max_length=32, editable=False, blank=True)
    evidence_file = models.FileField(
        _("evidence (file)"), upload_to=evidence_path, max_length=300, blank=True
    )
    evidence_name = models.CharField(max_length=200, blank=True)
    revision = models.PositiveIntegerField(default=1, editable=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        ordering = ["indicator", "partner", "period__number"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "partner", "period"], name="value_unique"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="value_not_negative"),
        ]


class BudgetLine(models.Model):
    """A partner's budget for one period: planned, and spent once reported."""

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    period = models.ForeignKey(
        Period, verbose_name=_("reporting period"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    planned = models.DecimalField(
        _("planned (EUR)"), max_digits=14, decimal_places=2, default=0, validators=NOT_NEGATIVE
    )
    spent = models.DecimalField(
        _("spent (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True, validators=NOT_NEGATIVE
    )
    revision = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["partner", "period__number"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "period"], name="budget_line_unique"),
            models.CheckConstraint(
                condition=models.Q(planned__gte=0) & (models.Q(spent__gte=0) | models.Q(spent__isnull=True)),
                name="budget_line_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner_id} · {self.period_id}"


class PeriodValidation(TimeStampedModel):
    """The coordinator's validation of a partner's figures for one period: the values (computed
    ones included) are kept as they were, and the partner's manual values and budget line for
    the period no longer change."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="period_validations")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="validations")
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    figures = models.JSONField(default=dict, editable=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("validated period")
        verbose_name_plural = _("validated periods")
        constraints = [models.UniqueConstraint(fields=["partner", "period"], name="period_validation_unique")]
