from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ecocsme.core.models import TimeStampedModel
from ecocsme.reference.models import NaceDivision, NutsRegion
from ecocsme.reference.sme import SizeClass


class Organisation(TimeStampedModel):
    """A stakeholder organisation: an SME, startup, NGO, public body, ECoC organiser… (ORG-1)."""

    class Kind(models.TextChoices):
        SME = "sme", _("SME")
        STARTUP = "startup", _("Startup")
        NGO = "ngo", _("NGO")
        PUBLIC_BODY = "public_body", _("Public body")
        ECOC_ORGANISER = "ecoc_organiser", _("ECoC organiser")
        UNIVERSITY = "university", _("University or research centre")
        CHAMBER = "chamber", _("Chamber or business association")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    size_class = models.CharField(_("size class"), max_length=10, choices=SizeClass.choices,
                                  blank=True)
    sectors = models.ManyToManyField(NaceDivision, verbose_name=_("sectors (NACE)"), blank=True,
                                     related_name="organisations")
    city = models.CharField(_("city"), max_length=100, blank=True, db_index=True)
    country = CountryField(_("country"), blank=True, db_index=True)
    nuts_region = models.ForeignKey(NutsRegion, verbose_name=_("NUTS-2 region"), null=True,
                                    blank=True, on_delete=models.SET_NULL)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    capabilities = models.TextField(_("capabilities"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Invented for demonstration or benchmarks.")
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["name", "id"], name="organisation_name_idx")]

    def __str__(self) -> str:
        return self.name
