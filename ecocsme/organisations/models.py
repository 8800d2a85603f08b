from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from ecocsme.core.links import new_nonce
from ecocsme.core.models import TimeStampedModel
from ecocsme.partnerships.models import Partner
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
    capabilities = models.TextField(_("capabilities"), blank=True,
                                    help_text=_("What the organisation can do, one per line."))
    findable = models.BooleanField(
        _("wish to be found"), default=False,
        help_text=_("Suggest this organisation for opportunities and to possible partners, and "
                    "show it to every partner once verified. Without it, only the staff of the "
                    "partner that keeps it and the coordinators see it, in the back office; it "
                    "appears in no match, public page, feed or other partner's list or export."),
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("verified by"),
                                    null=True, blank=True, editable=False,
                                    on_delete=models.SET_NULL, related_name="+")
    declined_at = models.DateTimeField(_("verification declined"), null=True, blank=True,
                                       editable=False)
    verification_note = models.TextField(_("note on the verification"), blank=True, editable=False)
    profile_vector = models.BinaryField(null=True, blank=True, editable=False)
    profile_vector_model = models.CharField(max_length=100, blank=True, editable=False)
    website = models.URLField(_("website"), blank=True)
    partner = models.ForeignKey(
        Partner, verbose_name=_("kept by partner"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="organisations",
        help_text=_("The partner whose staff keep this record up to date."),
    )
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Invented for demonstration or benchmarks.")
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["name", "id"], name="organisation_name_idx"),
            # the last change of any profile, read by every matches page (opportunities.matching)
            models.Index(fields=["updated_at"], name="organisation_changed_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def capability_list(self) -> list[str]:
        return [line.strip() for line in self.capabilities.splitlines() if line.strip()]

    @property
    def sector_codes(self) -> list[str]:
        """The NACE divisions (prefetch `sectors` for many)."""
        return [sector.code for sector in self.sectors.all()]

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def verification_state(self) -> str:
        """"verified", "declined" (until the profile changes) or "waiting"."""
        if self.verified_at is not None:
            return "verified"
        return "declined" if self.declined_at is not None else "waiting"


class Representative(models.Model):
    """A user who speaks for an organisation: keeps its profile, posts its opportunities and
    expresses its interest. Partner staff verify the organisation, not each person."""

    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="representatives")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"),
                             on_delete=models.CASCADE, related_name="representing")
    created_at = models.DateTimeField(auto_now_add=True)
    # Mail of the opportunities their posters suggest to the organisation ("tell"): stopped by the
    # person, from the link in each such mail (signed with `nonce`) or their digest page.
    suggestions_stopped_at = models.DateTimeField(_("suggestions by e-mail stopped"), null=True, blank=True)
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="representative_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"


class Contact(TimeStampedModel):
    """A person a partner may consult or invite (ORG-1). Erasure keeps the row, anonymised."""

    partner = models.ForeignKey(Partner, verbose_name=_("kept by partner"),
                                on_delete=models.CASCADE, related_name="contacts")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="contacts")
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    role = models.CharField(_("position"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)
    notes = models.TextField(_("notes"), blank=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "email"],
                                    condition=models.Q(erased_at__isnull=True) & ~models.Q(email=""),
                                    name="contact_email_unique_per_partner"),
        ]
        indexes = [models.Index(fields=["email"], name="contact_email_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class Consent(models.Model):
    """The current consent of a contact for one purpose (ORG-2); its history is in the audit log."""

    class Purpose(models.TextChoices):
        CONSULTATIONS = "consultations", _("Consultations")
        EVENT_INVITATIONS = "event_invitations", _("Event invitations")
        NEWSLETTERS = "newsletters", _("Newsletters and digests")

    class Source(models.TextChoices):
        STAFF = "staff", _("Recorded by staff")
        IMPORT = "import", _("Imported")
        FORM = "form", _("Given on a form")
        UNSUBSCRIBE = "unsubscribe", _("Unsubscribe link")
        ERASURE = "erasure", _("Erasure")

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    granted = models.BooleanField(_("granted"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(fields=["contact", "purpose"], name="consent_unique"),
        ]

    def __str__(self) -> str:
        state = "yes" if self.granted else "no"
        return f"{self.contact} · {self.purpose}: {state}"
