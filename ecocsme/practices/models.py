from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ecocsme.core.models import TimeStampedModel
from ecocsme.partnerships.models import Partner, Project
from ecocsme.reference.models import EcocTitle, NaceDivision, NutsRegion

# The fields written per language ({language code: text}), in the order of the programme's
# good-practice form (GP-1).
TEXT_FIELDS = ("title", "summary", "description", "resources", "evidence_of_success",
               "difficulties", "transfer_potential", "stakeholders")
# The longer texts a practice's own page shows in sections, and lists never read.
SECTION_FIELDS = (*TEXT_FIELDS[2:], "expert_opinion")
TITLE_MAX_CHARS = 100  # the programme's limit


class Practice(TimeStampedModel):
    """A good practice (GP-1): written by a partner's staff, reviewed by the coordinator,
    published for everyone."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("Waiting for review")
        PUBLISHED = "published", _("Published")

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE,
                                related_name="practices")
    partner = models.ForeignKey(Partner, verbose_name=_("identified by"), on_delete=models.CASCADE,
                                related_name="practices")
    slug = models.SlugField(_("address"), max_length=120, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT, db_index=True)
    is_example = models.BooleanField(_("example content"), default=False)

    title = models.JSONField(_("title"), default=dict, help_text=_("Text per language code."))
    summary = models.JSONField(_("short summary"), default=dict, blank=True)
    description = models.JSONField(_("detailed description"), default=dict, blank=True)
    resources = models.JSONField(_("resources needed"), default=dict, blank=True)
    evidence_of_success = models.JSONField(_("evidence of success"), default=dict, blank=True)
    difficulties = models.JSONField(_("difficulties encountered and lessons learnt"),
                                    default=dict, blank=True)
    transfer_potential = models.JSONField(_("potential for learning or transfer"),
                                          default=dict, blank=True)
    stakeholders = models.JSONField(_("main stakeholders and beneficiaries"), default=dict, blank=True)
    expert_opinion = models.JSONField(_("expert opinion"), default=dict, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)

    country = CountryField(_("country"))
    nuts_region = models.ForeignKey(NutsRegion, verbose_name=_("NUTS-2 region"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    city = models.CharField(_("city"), max_length=100, blank=True)
    ecoc_title = models.ForeignKey(EcocTitle, verbose_name=_("ECoC title"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="practices")
    phases = models.JSONField(_("ECoC phases"), default=list, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    sectors = models.ManyToManyField(NaceDivision, verbose_name=_("sectors"), blank=True,
                                     related_name="+")
    starts_on = models.DateField(_("started"), null=True, blank=True)
    ends_on = models.DateField(_("ended"), null=True, blank=True,
                               help_text=_("Leave empty while it goes on."))
    main_institution = models.CharField(_("main institution"), max_length=300, blank=True)
    contact_organisation = models.CharField(_("organisation to contact"), max_length=300, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("sent for review"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"),
                                    null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    review_note = models.TextField(_("note from the review"), blank=True)

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        from ecocsme.core.i18n import in_language

        return str(in_language(self.title)) or self.slug

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def phase_labels(self) -> list[str]:
        from ecocsme.reference.phases import Phase

        return [Phase(value).label for value in self.phases if value in Phase.values]

    @property
    def theme_labels(self) -> list[tuple[str, str]]:
        from .themes import Theme

        return [(value, Theme(value).label) for value in self.themes if value in Theme.values]

    @property
    def languages(self) -> list[str]:
        return sorted(code for code, text in (self.title or {}).items() if text)


def attachment_path(attachment, filename: str) -> str:
    return f"practices/{attachment.practice_id}/{attachment.token}/{filename}"


class Attachment(TimeStampedModel):
    """An image or a PDF of a practice, served only to those who may see the practice."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        PDF = "pdf", _("PDF document")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    token = models.CharField(max_length=32, editable=False)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    name = models.CharField(_("file name"), max_length=200)
    caption = models.JSONField(_("caption"), default=dict, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["practice", "id"]

    def __str__(self) -> str:
        return self.name


class Assessment(TimeStampedModel):
    """A partner's judgement of how well a practice would transfer to its territory (GP-3)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="assessments")
    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.CASCADE,
                                related_name="practice_assessments")
    score = models.PositiveSmallIntegerField(
        _("transferability"), validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1: hardly transferable to our territory; 5: transferable as it is."))
    conditions = models.TextField(_("conditions for a transfer"), blank=True)
    comment = models.TextField(_("comment"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("transferability assessment")
        verbose_name_plural = _("transferability assessments")
        ordering = ["practice", "partner"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "partner"], name="one_assessment_per_partner"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5),
                                   name="assessment_score_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.partner} → {self.practice}: {self.score}"


class IndexEntry(models.Model):
    """One language version of a published practice, as the search reads it: its plain text
    and its sentence vector. Only published practices have entries, so that nothing a search
    finds can be a draft. The full-text index (an FTS5 table on SQLite, a tsvector column on
    PostgreSQL) is kept beside it by `search.fulltext`."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="index_entries")
    language = models.CharField(max_length=8)
    title = models.TextField()
    body = models.TextField()
    embedding = models.BinaryField()
    model = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["practice", "language"], name="one_entry_per_language"),
        ]

    def __str__(self) -> str:
        return f"{self.practice_id}/{self.language}"


class IndexState(models.Model):
    """A random number drawn anew at every change of the index, so that each process knows when
    the vectors and facets it keeps in memory are out of date."""

    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.version)
