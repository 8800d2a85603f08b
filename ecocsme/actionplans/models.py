"""Action plans (AP-1, AP-2): one per partner and project, in the programme's structure.

Part I (general information) and Part II (policy context) are fields of `ActionPlan`; Part III
is its `Action`s, each with milestones, cost items, funding sources and what inspired it
(`Inspiration`: a good practice, a lab theme or an event, named by string in the foreign keys
and read through those apps' selectors). Every change is kept: each write stores the whole plan
as a `PlanVersion` (`selectors.plan_document`), with who and when; two versions are compared
from their snapshots. The endorsed version is frozen: the plan's text cannot change after it.

Peer review: the project's other partners comment (`Comment`, threaded, open or resolved), and
stakeholders invited by a personal link (`ReviewInvitation`) comment through that link.

Phase 2: per action and reporting period an `ActionReport` (status, instrument improved or not,
type of improvement, funds influenced, evidence), as the programme asks.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ecocsme.core.i18n import in_language
from ecocsme.core.models import TimeStampedModel
from ecocsme.invitations.models import PersonalInvitation
from ecocsme.organisations.models import Consent
from ecocsme.partnerships.models import Partner, Period, Project
from ecocsme.reference.models import PolicyInstrument

MONEY = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


class ActionPlan(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("plan status", "Draft")
        REVIEW = "review", _("Peer review")
        ENDORSED = "endorsed", _("Endorsed")
        MONITORING = "monitoring", _("Implementation monitoring")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="action_plans"
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="action_plans"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # Raised by every write to the plan's own fields; a form carries the revision it was
    # drawn from, and a write from an older one is refused (concurrent edits).
    revision = models.PositiveIntegerField(default=1, editable=False)
    language = models.CharField(
        _("main language"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_(
            "The language the plan is written in; the programme asks for an English summary beside it."
        ),
    )
    title = models.JSONField(_("title"), default=dict, blank=True, help_text=_("Text per language code."))
    summary = models.JSONField(_("summary"), default=dict, blank=True, help_text=_("Text per language code."))
    # Part I — general information
    other_organisations = models.JSONField(
        _("other partner organisations involved"),
        default=dict,
        blank=True,
        help_text=_("Other organisations involved in the region, text per language code."),
    )
    contact_role = models.CharField(
        _("contact (role)"),
        max_length=200,
        blank=True,
        help_text=_("A role, such as “ECoC-SME project manager”, not a person's name."),
    )
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("A function address of the organisation.")
    )
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    # Part II — policy context
    instrument_category = models.CharField(
        _("the action plan aims to impact"),
        max_length=30,
        choices=PolicyInstrument.Category.choices,
        blank=True,
    )
    policy_instrument = models.ForeignKey(
        PolicyInstrument,
        verbose_name=_("policy instrument addressed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_plans",
    )
    policy_context = models.JSONField(
        _("policy context"), default=dict, blank=True, help_text=_("Text per language code.")
    )
    improvement_aim = models.JSONField(
        _("what the plan aims to improve in the instrument"),
        default=dict,
        blank=True,
        help_text=_("Text per language code."),
    )
    # Workflow
    submitted_at = models.DateTimeField(_("sent to peer review"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("validated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    endorsed_on = models.DateField(_("endorsed on"), null=True, blank=True)
    endorsed_by_role = models.CharField(
        _("signed for the policy owner by (role)"),
        max_length=200,
        blank=True,
        help_text=_("The position of the signatory, such as “Mayor”."),
    )
    endorsing_organisation = models.CharField(
        _("organisation that owns the policy instrument"), max_length=300, blank=True
    )
    endorsed_version = models.ForeignKey(
        "PlanVersion",
        verbose_name=_("endorsed version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("The endorsed plan is shown on the public site.")
    )
    is_example = models.BooleanField(_("example content"), default=False)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["project", "partner__number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "partner"], name="one_action_plan_per_partner"),
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "review"]) | models.Q(endorsed_on__isnull=False),
                name="action_plan_endorsed_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(is_published=True) | models.Q(status__in=["endorsed", "monitoring"]),
                name="action_plan_published_when_endorsed",
            ),
        ]

    def __str__(self) -> str:
        return str(in_language(self.title)) or f"{self.project.code} · {self.partner}"

    @property
    def is_editable(self) -> bool:
        """Only a draft or a plan in peer review changes; the endorsed version is frozen."""
        return self.status in (self.Status.DRAFT, self.Status.REVIEW)

    @property
    def is_endorsed(self) -> bool:
        return self.status in (self.Status.ENDORSED, self.Status.MONITORING)


class Action(models.Model):
    """One action of Part III. `key` stays the same from version to version (compare, anchors)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    key = models.CharField(max_length=32, editable=False)
    position = models.PositiveSmallIntegerField(_("number"))
    revision = models.PositiveIntegerField(default=1, editable=False)
    title = models.JSONField(_("title"), default=dict, help_text=_("Text per language code."))
    background = models.JSONField(
        _("background and relevance"),
        default=dict,
        blank=True,
        help_text=_("How the project inspired the action: the lessons learnt, the good practices."),
    )
    description = models.JSONField(
        _("the action"), default=dict, blank=True, help_text=_("What will be done, text per language code.")
    )
    players = models.JSONField(
        _("players involved and their roles"),
        default=dict,
        blank=True,
        help_text=_("Text per language code."),
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    # The latest status reported in phase 2 (ActionReport), kept here for lists and charts.
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    is_example = models.BooleanField(_("example content"), default=False)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="action_key_unique"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="action_timeframe",
            ),
        ]

    def __str__(self) -> str:
        return str(in_language(self.title)) or f"#{self.position}"


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveSmallIntegerField()
    date = models.DateField(_("date"))
    title = models.JSONField(_("milestone"), default=dict)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["action", "date", "position"]

    def __str__(self) -> str:
        return f"{self.action_id} · {self.date}"


class CostItem(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="cost_items")
    position = models.PositiveSmallIntegerField()
    item = models.JSONField(_("item"), default=dict)
    amount = models.DecimalField(_("amount (EUR)"), **MONEY)

    class Meta:
        verbose_name = _("cost item")
        verbose_name_plural = _("cost items")
        ordering = ["action", "position"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="cost_item_not_negative")
        ]

    def __str__(self) -> str:
        return f"{self.action_id} · {self.amount}"


class FundingSource(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="funding_sources")
    position = models.PositiveSmallIntegerField()
    source = models.JSONField(_("funding source"), default=dict)
    amount = models.DecimalField(_("amount (EUR)"), null=True, blank=True, **MONEY)

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["action", "position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0) | models.Q(amount__isnull=True),
                name="funding_source_not_negative",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action_id} · {self.amount}"


class Inspiration(models.Model):
    """What inspired an action: a good practice, a lab theme or a workshop (an event). The
    label is kept as cited, so the plan still reads when a lab's themes are computed anew."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Good practice")
        THEME = "theme", _("Lab theme")
        EVENT = "event", _("Workshop or event")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="inspirations")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    practice = models.ForeignKey(
        "practices.Practice", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    theme = models.ForeignKey(
        "labs.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    label = models.CharField(_("as cited"), max_length=300)
    note = models.JSONField(_("what the action takes from it"), default=dict, blank=True)

    class Meta:
        verbose_name = _("inspiration")
        verbose_name_plural = _("inspirations")
        ordering = ["action", "position"]

    def __str__(self) -> str:
        return self.label


class PlanVersion(models.Model):
    """The whole plan after one change (selectors.plan_document), with who made it and when."""

    class Change(models.TextChoices):
        CREATED = "created", pgettext_lazy("plan change", "Created")
        EDITED = "edited", pgettext_lazy("plan change", "Edited")
        SUBMITTED = "submitted", _("Sent to peer review")
        WITHDRAWN = "withdrawn", _("Taken back to draft")
        VALIDATED = "validated", pgettext_lazy("plan change", "Validated")
        ENDORSED = "endorsed", pgettext_lazy("plan change", "Endorsed")
        MONITORING = "monitoring", _("Monitoring started")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    change = models.CharField(_("change"), max_length=12, choices=Change.choices)
    summary = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    snapshot = models.JSONField(default=dict, editable=False)

    class Meta:
        verbose_name = _("version of an action plan")
        verbose_name_plural = _("versions of action plans")
        ordering = ["plan", "-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number")]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number}"


class ReviewInvitation(PersonalInvitation):
    """A stakeholder's personal link to read a plan in peer review and comment on it."""

    owner_field = "plan"
    consent_purpose = Consent.Purpose.CONSULTATIONS
    link_purpose = "ecocsme.actionplans.review"
    answer_view = "actionplans:review"
    change_permission = "actionplans.invite_reviewers"
    refusal = _("Only the partner's staff may invite reviewers to its plan.")

    class Status(models.TextChoices):
        CREATED = "created", _("Not sent yet")
        SENT = "sent", pgettext_lazy("invitation status", "Sent")
        FAILED = "failed", _("Could not be sent")
        BOUNCED = "bounced", _("Bounced")
        ANSWERED = "answered", _("Commented")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="invitations")
    expires_at = models.DateTimeField(_("link expires"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CREATED, db_index=True
    )
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("review invitation")
        verbose_name_plural = _("review invitations")
        constraints = [
            models.UniqueConstraint(fields=["plan", "contact"], name="one_review_invitation_per_contact")
        ]

    def __str__(self) -> str:
        return f"{self.plan} → {self.contact}"


class Comment(TimeStampedModel):
    """A peer-review comment on a part of the plan or on one action; a reply names its parent.
    A thread (the first comment) is open until someone resolves it."""

    class Section(models.TextChoices):
        GENERAL = "general", _("The plan as a whole")
        PART_1 = "part1", _("Part I – General information")
        PART_2 = "part2", _("Part II – Policy context")
        ACTION = "action", _("An action")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(_("on"), max_length=10, choices=Section.choices)
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    # The action's key and title as they were, so a comment still says what it was about.
    action_key = models.CharField(max_length=32, blank=True)
    action_title = models.CharField(max_length=300, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    version = models.ForeignKey(
        PlanVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_partner = models.ForeignKey(
        Partner, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer = models.ForeignKey(
        ReviewInvitation, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    text = models.TextField(_("comment"))
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["plan", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(section="action") | ~models.Q(action_key=""), name="comment_action_named"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} · {self.section} · {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.parent_id is None and self.resolved_at is None


def evidence_path(report, filename: str) -> str:
    return f"actionplans/{report.action.plan_id}/{report.token}/{filename}"


class ActionReport(TimeStampedModel):
    """Phase 2: what became of one action in one reporting period (semester)."""

    class Improvement(models.TextChoices):
        NEW_PROJECTS = "new_projects", _("New projects implemented")
        MANAGEMENT = "management", _("Improved management (governance) of the instrument")
        STRUCTURAL = "structural", _("Changed strategic focus (structural change)")

    class Improved(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        NOT_YET = "not_yet", _("Not yet")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reports")
    period = models.ForeignKey(
        Period, verbose_name=_("reporting period"), on_delete=models.CASCADE, related_name="action_reports"
    )
    revision = models.PositiveIntegerField(default=1, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Action.Status.choices)
    progress = models.JSONField(
        _("progress"),
        default=dict,
        blank=True,
        help_text=_("What was done in the period, text per language code."),
    )
    instrument_improved = models.CharField(
        _("policy instrument improved"), max_length=8, choices=Improved.choices, default=Improved.NOT_YET
    )
    improvement_type = models.CharField(
        _("type of improvement"), max_length=14, choices=Improvement.choices, blank=True
    )
    funds_influenced = models.DecimalField(_("funds influenced (EUR)"), null=True, blank=True, **MONEY)
    evidence_link = models.URLField(
        _("evidence (link)"),
        max_length=500,
        blank=True,
        help_text=_("A call text, an amended programme, a page of the platform."),
    )
    token = models.CharField(max_length=32, editable=False, blank=True)
    evidence_file = models.FileField(
        _("evidence (file)"), upload_to=evidence_path, max_length=300, blank=True
    )
    evidence_name = models.CharField(max_length=200, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("action report")
        verbose_name_plural = _("action reports")
        ordering = ["action", "period__number"]
        constraints = [
            models.UniqueConstraint(fields=["action", "period"], name="one_report_per_action_and_period"),
            models.CheckConstraint(
                condition=models.Q(funds_influenced__gte=0) | models.Q(funds_influenced__isnull=True),
                name="action_report_funds_not_negative",
            ),
            models.CheckConstraint(
                condition=~models.Q(instrument_improved="yes") | ~models.Q(improvement_type=""),
                name="action_report_improvement_typed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} · S{self.period.number}"
