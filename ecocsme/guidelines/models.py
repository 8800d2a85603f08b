"""Guidelines for ECoC hosts (GP-4): a publication with a chapter per ECoC phase, recommendations
each backed by evidence (good practices, stakeholders' answers quoted with their lab theme,
monitoring figures), published in numbered versions.

A version is a draft until the coordinator publishes it; then its whole content, evidence texts
included, is frozen in `Version.snapshot`, which every page, file and API answer of a published
version reads: a practice or an answer that changes later never changes a published version.
Only a draft is edited; a new version starts as a copy of the latest one.

The practices and answers cited are named by string in the foreign keys (data, not an import):
guidelines read them through the practices' and labs' selectors and access functions.
"""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecocsme.core.i18n import in_language
from ecocsme.core.models import TimeStampedModel
from ecocsme.partnerships.models import Project
from ecocsme.reference.phases import ECOC_PHASES

VERSION_NUMBER = re.compile(r"^(\d{1,4})\.(\d{1,4})$")
PHASE_CHOICES = [(phase.value, phase.label) for phase in ECOC_PHASES]
PHASE_ORDER = [phase.value for phase in ECOC_PHASES]


def parse_number(number: str) -> tuple[int, int] | None:
    """(major, minor) of a version number written like "1.0", or None."""
    found = VERSION_NUMBER.match(number or "") if isinstance(number, str) else None
    return (int(found.group(1)), int(found.group(2))) if found else None


class Guideline(TimeStampedModel):
    """A publication of a project: its title, subtitle and introduction. Published versions keep
    the texts they were published with; a change here goes into the next version."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE,
                                related_name="guidelines")
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = models.JSONField(_("title"), default=dict, help_text=_("Text per language code."))
    subtitle = models.JSONField(_("subtitle"), default=dict, blank=True)
    introduction = models.JSONField(_("introduction"), default=dict, blank=True)

    class Meta:
        verbose_name = _("guidelines")
        verbose_name_plural = _("guidelines")
        ordering = ["project", "slug"]

    def __str__(self) -> str:
        return str(in_language(self.title)) or self.slug


class Version(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    guideline = models.ForeignKey(Guideline, on_delete=models.CASCADE, related_name="versions")
    number = models.CharField(_("version"), max_length=9)
    major = models.PositiveSmallIntegerField(editable=False)
    minor = models.PositiveSmallIntegerField(editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    changelog = models.JSONField(_("what changed"), default=dict, blank=True,
                                 help_text=_("Text per language code."))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    # The whole version as it was published (selectors.version_document): never changed after,
    # except to withdraw a quote at its author's request (holdings.py).
    snapshot = models.JSONField(default=dict, blank=True, editable=False)
    is_example = models.BooleanField(_("example content"), default=False)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["guideline", "-major", "-minor"]
        constraints = [
            models.UniqueConstraint(fields=["guideline", "number"], name="guideline_version_number"),
            models.UniqueConstraint(fields=["guideline", "major", "minor"], name="guideline_version_order"),
            models.UniqueConstraint(fields=["guideline"], condition=models.Q(status="draft"),
                                    name="guideline_one_draft"),
            models.CheckConstraint(condition=models.Q(status="draft") | models.Q(published_at__isnull=False),
                                   name="guideline_version_published_at"),
        ]

    def __str__(self) -> str:
        return f"{self.guideline} {self.number}"

    @property
    def project_id(self) -> int:
        """The guideline's project (accounts.predicates.project_id_of reads it for the rules)."""
        return self.guideline.project_id

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Chapter(models.Model):
    """The recommendations for one ECoC phase."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="chapters")
    phase = models.CharField(_("ECoC phase"), max_length=20, choices=PHASE_CHOICES)
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.JSONField(_("title"), default=dict, blank=True)
    introduction = models.JSONField(_("introduction"), default=dict, blank=True)

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "phase"], name="guideline_chapter_phase"),
        ]

    def __str__(self) -> str:
        return str(in_language(self.title)) or self.get_phase_display()


class Recommendation(models.Model):
    """One recommendation; `key` is its stable anchor (#key) from version to version."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="recommendations")
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="recommendations")
    position = models.PositiveSmallIntegerField(_("position"))
    key = models.SlugField(_("anchor"), max_length=80,
                           help_text=_("Short, in lower case with hyphens; it stays the same in every "
                                       "version, so that links to the recommendation keep working."))
    title = models.JSONField(_("title"), default=dict)
    text = models.JSONField(_("text"), default=dict)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["chapter__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="guideline_recommendation_key"),
        ]

    def __str__(self) -> str:
        return str(in_language(self.title)) or self.key


class Evidence(models.Model):
    """What a recommendation rests on: a good practice, a stakeholder's answer (quoted), or a
    monitoring figure entered by hand."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Good practice")
        ANSWER = "answer", _("Answer of a stakeholder")
        FIGURE = "figure", _("Monitoring figure")

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="evidence")
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    practice = models.ForeignKey("practices.Practice", verbose_name=_("good practice"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="+")
    answer = models.ForeignKey("labs.Answer", verbose_name=_("answer"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    note = models.JSONField(_("note"), default=dict, blank=True,
                            help_text=_("What this evidence shows, per language code."))
    figure_label = models.CharField(_("figure"), max_length=200, blank=True)
    figure_value = models.CharField(_("value"), max_length=100, blank=True)
    # Set when the person who gave the answer had their data erased: the quote is gone.
    withdrawn_at = models.DateTimeField(_("quote withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["recommendation", "position"]

    def __str__(self) -> str:
        return f"{self.recommendation.key} · {self.kind} {self.position}"
