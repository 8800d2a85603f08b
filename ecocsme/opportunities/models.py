from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ecocsme.core.models import TimeStampedModel
from ecocsme.organisations.models import Organisation
from ecocsme.partnerships.models import Partner
from ecocsme.reference.models import EcocTitle, NaceDivision
from ecocsme.reference.phases import Phase

TITLE_MAX_CHARS = 200
DESCRIPTION_MAX_CHARS = 10_000


class Opportunity(TimeStampedModel):
    """A tender, an open call, a co-production… linked to an ECoC title and one of its phases
    (OPP-1): posted by a partner's staff, a coordinator or the representative of a verified
    organisation, moderated by a partner's staff (or the coordinators) before everyone reads it."""

    class Kind(models.TextChoices):
        # The values are those of the matching engine (text.matching.OPPORTUNITY_KINDS).
        TENDER = "tender", _("Tender")
        OPEN_CALL = "open_call", _("Open call")
        CO_PRODUCTION = "co_production", _("Co-production")
        SUPPLIER_NEED = "supplier_need", _("Supplier needed")
        SPONSORSHIP = "sponsorship", _("Sponsorship")
        PARTNERSHIP = "partnership", _("Partnership")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Returned for changes")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    title = models.CharField(_("title"), max_length=TITLE_MAX_CHARS)
    description = models.TextField(_("description"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    ecoc_title = models.ForeignKey(EcocTitle, verbose_name=_("ECoC title"), on_delete=models.PROTECT,
                                   related_name="opportunities")
    phase = models.CharField(_("ECoC phase"), max_length=20, choices=Phase.choices, db_index=True)
    sectors = models.ManyToManyField(NaceDivision, verbose_name=_("sectors (NACE)"), blank=True,
                                     related_name="+")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    city = models.CharField(_("city"), max_length=100, blank=True, db_index=True)
    country = CountryField(_("country"), db_index=True)
    deadline = models.DateField(_("deadline"), db_index=True)
    budget_eur = models.DecimalField(_("budget (EUR)"), max_digits=14, decimal_places=2, null=True,
                                     blank=True, validators=[MinValueValidator(0)])
    cross_border = models.BooleanField(
        _("organisations from other countries welcome"), default=True,
        help_text=_("Without it, only organisations of the opportunity's country are suggested."))

    # The public contact point: the poster's own data, shown to everyone once published.
    contact_name = models.CharField(_("contact point"), max_length=200, blank=True,
                                    help_text=_("A role or a name, e.g. “Programme office”."))
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)

    posted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("posted by"), null=True,
                                  blank=True, on_delete=models.SET_NULL, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("posted for"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="opportunities",
        help_text=_("The organisation a representative posted it for."))
    partner = models.ForeignKey(
        Partner, verbose_name=_("moderated by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="opportunities",
        help_text=_("The partner whose staff moderate it; without one, the coordinators do."))

    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT, db_index=True)
    moderation_note = models.TextField(_("note from the moderation"), blank=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("moderated by"),
                                     null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("sent for review"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    is_example = models.BooleanField(_("example content"), default=False)

    # For the matching engine (text.matching): the opportunity's language-free vector.
    vector = models.BinaryField(null=True, editable=False)
    vector_model = models.CharField(max_length=100, blank=True, editable=False)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(budget_eur__gte=0) | models.Q(budget_eur__isnull=True),
                                   name="opportunity_budget_not_negative"),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="opportunity_open_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("opportunities:detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def deadline_passed(self) -> bool:
        return self.deadline < timezone.localdate()

    @property
    def poster_name(self) -> str:
        """The posting organisation's name where it may be named: while it wishes to be found and
        is verified (a renamed, unverified or opted-out organisation is not named)."""
        organisation = self.organisation
        if organisation is None or not organisation.findable or organisation.verified_at is None:
            return ""
        return organisation.name

    @property
    def is_open(self) -> bool:
        """Published and its deadline not passed: what the public lists, feeds and API show,
        whether or not the hourly task has closed it yet."""
        return self.is_published and not self.deadline_passed

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED or (self.is_published and self.deadline_passed)

    @property
    def sector_codes(self) -> list[str]:
        return [sector.code for sector in self.sectors.all()]


# --- reach (OPP-3, OPP-4): interest, the thread, who was told, digests --------------------------
INTEREST_MESSAGE_MAX_CHARS = 2_000


class Interest(TimeStampedModel):
    """A verified organisation says "we are interested" in an open opportunity, with a message:
    one per organisation and opportunity (saying it again changes the message). The poster's
    side answers in the thread and sets the status; "contracted" counts in the engagement
    figures (OPP-4). Withdrawn by the organisation, it stays readable to both sides."""

    class Status(models.TextChoices):
        INTERESTED = "interested", _("Interested")
        IN_TALKS = "in_talks", _("In talks")
        CONTRACTED = "contracted", _("Contracted")
        NOT_RETAINED = "not_retained", _("Not retained")

    opportunity = models.ForeignKey(Opportunity, verbose_name=_("opportunity"), on_delete=models.CASCADE,
                                    related_name="interests")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
                                     related_name="opportunity_interests")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("said by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    message = models.TextField(_("message"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.INTERESTED,
                              db_index=True)
    contracted_at = models.DateTimeField(_("contracted"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    is_example = models.BooleanField(_("example content"), default=False)

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "organisation"],
                                    name="interest_once_per_organisation"),
            models.CheckConstraint(
                condition=~models.Q(status="contracted") | models.Q(contracted_at__isnull=False),
                name="interest_contracted_has_date"),
        ]

    def __str__(self) -> str:
        # Names organisations and the opportunity, never a person (the audit log repeats it).
        organisation = self.organisation.name if self.organisation_id else ""
        return f"{organisation} · {self.opportunity.title if self.opportunity_id else ''}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("opportunities:interest", args=[self.pk])

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def first_message_changeable(self) -> bool:
        """Open and not yet answered (no message in the thread, the status untouched): saying it
        again corrects the first message; otherwise the new words join the thread (prefetch
        `messages` on lists)."""
        return (not self.is_withdrawn and self.status == self.Status.INTERESTED
                and self.contracted_at is None and not self.messages.all())


class InterestMessage(models.Model):
    """One message of an interest's thread, by the poster's side or the interested organisation's."""

    class Side(models.TextChoices):
        POSTER = "poster", _("The opportunity's side")
        INTERESTED = "interested", _("The interested organisation")

    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("written"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("message about an interest")
        verbose_name_plural = _("messages about interests")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.interest_id} · {self.side} · {self.created_at:%Y-%m-%d %H:%M}"


class Reach(models.Model):
    """An organisation was told about an opportunity: by its poster's side, from the matches
    (`suggestion`), or in its digest (`digest`); the first time of each, for the figures."""

    class Channel(models.TextChoices):
        SUGGESTION = "suggestion", _("Told by the opportunity's side")
        DIGEST = "digest", _("In a digest")

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="reaches")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="opportunity_reaches")
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    first_at = models.DateTimeField(_("first"), default=timezone.now, db_index=True)
    is_example = models.BooleanField(_("example content"), default=False)

    class Meta:
        verbose_name = _("organisation reached")
        verbose_name_plural = _("organisations reached")
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "organisation", "channel"],
                                    name="reach_once_per_channel"),
        ]

    def __str__(self) -> str:
        return f"{self.opportunity_id} · {self.organisation_id} · {self.channel}"


class DigestSubscription(TimeStampedModel):
    """A representative asked, for the organisation they represent, to be mailed the new
    opportunities that fit it, daily or weekly: their consent with its time, source and wording.
    The mail goes to that person's account, in its language, with a one-click unsubscribe link
    (signed with `nonce`, `core.links`: the link stays good for the subscription's life, so an
    old digest's link stops a renewed subscription too)."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    class Source(models.TextChoices):
        FORM = "form", _("Given on the digest page")
        EXAMPLE = "example", _("Example (demo data)")

    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
                                     related_name="digest_subscriptions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE,
                             related_name="opportunity_digests")
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices,
                                 default=Frequency.WEEKLY)
    consented_at = models.DateTimeField(_("consent given"))
    consent_source = models.CharField(_("consent source"), max_length=20, choices=Source.choices)
    consent_text = models.TextField(_("consent wording"), blank=True,
                                    help_text=_("What the person agreed to, as the page said it."))
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    covered_until = models.DateTimeField(_("covered until"),
                                         help_text=_("Opportunities published up to here were considered."))
    last_period = models.CharField(_("last period"), max_length=12, blank=True,
                                   help_text=_("The day (2025-06-02) or week (2025-W23) of the last digest."))
    last_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)
    nonce = models.CharField(max_length=32, editable=False)

    class Meta:
        verbose_name = _("opportunity digest")
        verbose_name_plural = _("opportunity digests")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="digest_once_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name if self.organisation_id else ''} · {self.frequency}"

    @property
    def is_active(self) -> bool:
        return self.unsubscribed_at is None
