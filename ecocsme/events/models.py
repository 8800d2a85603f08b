from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from ecocsme.core.i18n import localized
from ecocsme.core.models import TimeStampedModel
from ecocsme.invitations.models import PersonalInvitation
from ecocsme.organisations.models import Consent, Contact
from ecocsme.partnerships.models import Partner, Project


class Event(TimeStampedModel):
    """A workshop, lab meeting, study visit, conference or matchmaking session (EVT-1)."""

    class Kind(models.TextChoices):
        PARTNER_WORKSHOP = "partner_workshop", _("Partner workshop")
        LOCAL_LAB = "local_lab", _("Local learning lab")
        STUDY_VISIT = "study_visit", _("Study visit")
        CONFERENCE = "conference", _("Conference")
        MATCHMAKING = "matchmaking", _("Matchmaking session")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE,
                                related_name="events")
    partner = models.ForeignKey(Partner, verbose_name=_("organising partner"),
                                on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.JSONField(_("title"), help_text=_("Text per language code."))
    description = models.JSONField(_("description"), default=dict, blank=True)
    agenda = models.JSONField(_("agenda"), default=dict, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Brussels")
    language = models.CharField(_("working language"), max_length=8, choices=settings.LANGUAGES)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True, db_index=True)
    country = CountryField(_("country"), blank=True)
    online_url = models.URLField(_("online meeting link"), max_length=500, blank=True,
                                 help_text=_("Shown only to confirmed participants."))
    capacity = models.PositiveIntegerField(_("number of places"), null=True, blank=True,
                                           help_text=_("Leave empty for no limit."))
    rsvp_deadline = models.DateTimeField(_("answer by"), null=True, blank=True)
    lab = models.ForeignKey("labs.Lab", verbose_name=_("local learning lab"), null=True, blank=True,
                            on_delete=models.SET_NULL, related_name="events")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT, db_index=True)
    is_public = models.BooleanField(_("shown on the public site and calendar"), default=True)
    contact_name = models.CharField(_("whom to contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    # Raised whenever what a calendar shows changes (RFC 5545 SEQUENCE).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # From the sessions (all-day ones from local midnight to midnight), for lists and feeds.
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True, db_index=True, editable=False)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return self.localized_title()[0]

    def localized_title(self, language: str | None = None) -> tuple[str, str]:
        return localized(self.title, language)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def place(self) -> str:
        """Venue, address and city, as far as given."""
        return ", ".join(part for part in (self.venue, self.address, self.city) if part)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)


class Session(models.Model):
    """One part of an event on one day; without times it lasts the whole day."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.JSONField(_("title"), default=dict, blank=True)
    day = models.DateField(_("day"))
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["event", "position"]
        constraints = [
            models.UniqueConstraint(fields=["event", "position"], name="session_position_unique"),
            models.CheckConstraint(
                condition=(models.Q(starts_at__isnull=True, ends_at__isnull=True)
                           | models.Q(starts_at__isnull=False, ends_at__isnull=False,
                                      ends_at__gt=models.F("starts_at"))),
                name="session_ends_after_it_starts"),
        ]

    def __str__(self) -> str:
        return f"{self.event} · {self.day}"

    @property
    def all_day(self) -> bool:
        return self.starts_at is None


class EventInvitation(PersonalInvitation):
    """A contact's personal invitation and answer (EVT-2)."""

    owner_field = "event"
    consent_purpose = Consent.Purpose.EVENT_INVITATIONS
    link_purpose = "ecocsme.events.invitation"
    answer_view = "events:answer"
    change_permission = "events.change_event"
    refusal = _("Only the organising partner's staff and the coordinator may do this.")

    class Answer(models.TextChoices):
        YES = "yes", _("Yes, I will take part")
        NO = "no", _("No, I cannot take part")
        MAYBE = "maybe", _("Maybe")

    class Place(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    answer = models.CharField(_("answer"), max_length=5, choices=Answer.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    needs = models.TextField(_("dietary or access needs"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answer_count = models.PositiveSmallIntegerField(default=0, editable=False)
    place = models.CharField(pgettext_lazy("seat at an event", "place"), max_length=10,
                             choices=Place.choices, blank=True, db_index=True)
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    # The event's sequence last sent to this person in a calendar file.
    calendar_sequence = models.PositiveIntegerField(null=True, blank=True, editable=False)
    event_reminded = models.BooleanField(default=False, editable=False)
    # The first check-in at any session (SessionAttendance holds each): present at the event, for
    # the figures that count a person once; kept by services.attendance.
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    class Meta:
        verbose_name = _("event invitation")
        verbose_name_plural = _("event invitations")
        ordering = ["event", "contact__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "contact"], name="one_event_invitation_per_contact"),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.contact}"

    @property
    def attended_session_ids(self) -> set[int]:
        """The sessions this person was present at (lists prefetch them: selectors.with_presence)."""
        return {attendance.session_id for attendance in self.attendances.all()}


class SessionAttendance(models.Model):
    """A participant present at one session of an event (EVT-4): one row per person and session."""

    invitation = models.ForeignKey(EventInvitation, verbose_name=_("participant"), on_delete=models.CASCADE,
                                   related_name="attendances")
    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="attendances")
    checked_in_at = models.DateTimeField(_("checked in"))
    checked_in_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("checked in by"), null=True,
                                      blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("presence at a session")
        verbose_name_plural = _("presences at sessions")
        ordering = ["session", "invitation"]
        constraints = [
            models.UniqueConstraint(fields=["invitation", "session"], name="one_attendance_per_session"),
        ]

    def __str__(self) -> str:
        return f"{self.invitation_id} at session {self.session_id}"


class CalendarLink(models.Model):
    """The secret address of a person's calendar of events: an HMAC of the contact and this
    nonce; drawing a new nonce revokes the old address."""

    contact = models.OneToOneField(Contact, on_delete=models.CASCADE, related_name="calendar_link")
    nonce = models.CharField(max_length=32, editable=False)
    replaced_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self) -> str:
        return f"calendar of contact {self.contact_id}"
