from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ecocsme.core.i18n import with_english
from ecocsme.core.models import TimeStampedModel
from ecocsme.reference.models import EcocTitle, NutsRegion, PolicyInstrument


class Project(TimeStampedModel):
    """An interregional partnership, e.g. PGI06047 ECoC-SME (PRJ-1)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    acronym = models.CharField(_("acronym"), max_length=50)
    title = models.CharField(_("title"), max_length=300)
    programme = models.CharField(_("programme"), max_length=200)
    specific_objective = models.CharField(_("specific objective"), max_length=300, blank=True)
    start_date = models.DateField(_("start"))
    duration_months = models.PositiveSmallIntegerField(_("duration in months"))
    end_date = models.DateField(_("end"), editable=False)
    total_budget = models.DecimalField(_("total budget (EUR)"), max_digits=14, decimal_places=2,
                                       null=True, blank=True)
    erdf_rate = models.DecimalField(_("ERDF co-financing rate (%)"), max_digits=5,
                                    decimal_places=2, null=True, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True,
                               help_text=_("Text per language code."))
    website = models.URLField(_("website"), blank=True)
    is_published = models.BooleanField(_("published"), default=True,
                                       help_text=_("Shown on the public site and in the API."))

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.acronym}"


class ProjectPhase(models.Model):
    """A phase of the project's own life, e.g. interregional learning, then monitoring."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.JSONField(_("title"), default=dict, help_text=_("Text per language code."))
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))

    class Meta:
        verbose_name = _("project phase")
        verbose_name_plural = _("project phases")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="project_phase_unique"),
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")),
                                   name="project_phase_dates"),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} phase {self.number}"


class Period(models.Model):
    """A reporting period (semester), derived from the project's start and duration (PRJ-2)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="periods")
    number = models.PositiveSmallIntegerField(_("number"))
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="period_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} S{self.number}"


def partner_logo_path(partner, filename: str) -> str:
    return f"partners/{partner.pk}/logo/{filename}"


class Partner(TimeStampedModel):
    """An organisation's place in a project (PRJ-1)."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead partner")
        PARTNER = "partner", _("Partner")

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE,
                                related_name="partners")
    number = models.PositiveSmallIntegerField(_("partner number"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PARTNER)
    name = models.CharField(_("organisation"), max_length=300,
                            help_text=_("In English, as the programme lists its partners."))
    name_translations = models.JSONField(_("name in other languages"), default=dict, blank=True,
                                         help_text=_("Text per language code."))
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"))
    nuts_region = models.ForeignKey(NutsRegion, verbose_name=_("NUTS-2 region"), null=True,
                                    blank=True, on_delete=models.SET_NULL)
    ecoc_title = models.ForeignKey(EcocTitle, verbose_name=_("ECoC title"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="partners")
    policy_instrument = models.ForeignKey(
        PolicyInstrument, verbose_name=_("policy instrument"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="partners",
    )
    budget = models.DecimalField(_("budget (EUR)"), max_digits=14, decimal_places=2, null=True,
                                 blank=True)
    erdf_rate = models.DecimalField(_("ERDF co-financing rate (%)"), max_digits=5,
                                    decimal_places=2, null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.FileField(_("logo"), upload_to=partner_logo_path, max_length=300, blank=True,
                            help_text=_("PNG, JPEG or SVG, printed on attendance sheets."))

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="partner_number_unique"),
            models.UniqueConstraint(fields=["project"], condition=models.Q(role="lead"),
                                    name="one_lead_partner_per_project"),
            models.CheckConstraint(condition=models.Q(budget__gte=0) | models.Q(budget__isnull=True),
                                   name="partner_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def names(self) -> dict[str, str]:
        """The name per language code, English first (the programme's own list)."""
        return with_english(self.name, self.name_translations)
