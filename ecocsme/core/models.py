import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """One thing somebody did, with a namespaced action code such as 'partnerships.partner.changed'."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    action = models.CharField(_("action"), max_length=100, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class OutgoingMail(models.Model):
    """One mail to send, once. The worker claims it (queued → sending) in its own committed
    transaction before talking to the SMTP server, so a restarted worker never sends it again;
    a mail left in "sending" by a killed worker is marked uncertain for a person to look at."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", pgettext_lazy("mail status", "Sent")
        FAILED = "failed", _("Failed")
        UNCERTAIN = "uncertain", _("Uncertain (worker stopped while sending)")

    key = models.CharField(max_length=200, unique=True)  # what it is for: "labs.invitation:12:invite"
    to = models.EmailField(_("to"))
    # The contact it is addressed to (organisations.Contact, kept without a foreign key since core
    # knows no domain): who may read it follows who may see that person (ORG-5), and erasure finds it.
    contact_id = models.BigIntegerField(null=True, blank=True, db_index=True, editable=False)
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=8, blank=True)
    raw = models.BinaryField(editable=False)  # the whole MIME message, built when queued
    message_id = models.CharField(max_length=255, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(_("last error"), blank=True)
    queued_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["queued_at", "id"]

    def __str__(self) -> str:
        return f"{self.key} → {self.to} ({self.status})"

    @property
    def failure_reason(self) -> str:
        """Why it failed, in words staff can act on; the server's own answer follows in brackets."""
        if self.status == self.Status.UNCERTAIN:
            return str(_("The worker stopped while sending this mail: it may or may not have arrived."))
        if not self.last_error:
            return ""
        found = re.search(r"\b([45])(\d\d)\b", self.last_error)
        if found:
            code = found.group(1) + found.group(2)
            reason = FAILURE_REASONS.get(code) or FAILURE_REASONS[found.group(1) + "xx"]
        elif re.search(r"Connection|OSError|timed out|gaierror", self.last_error):
            reason = _("The mail server could not be reached.")
        else:
            reason = _("The mail could not be sent.")
        return f"{reason} ({self.last_error[:200]})"


_NO_SUCH_ADDRESS = _("The receiving server says this address does not exist or refuses mail: check it.")
FAILURE_REASONS = {  # SMTP reply codes (RFC 5321)
    "550": _NO_SUCH_ADDRESS, "551": _NO_SUCH_ADDRESS, "553": _NO_SUCH_ADDRESS,
    "552": _("The mailbox is full: try again later, or reach the person another way."),
    "5xx": _("The receiving server refused the mail."),
    "4xx": _("The receiving server asked to try again later."),
}


def built_file_path(built, filename: str) -> str:
    """An unguessable folder per file: the name alone never finds it (files are served only
    through a view that checks the reader's permissions)."""
    import secrets

    return f"built/{secrets.token_hex(16)}/{filename}"


class BuiltFile(TimeStampedModel):
    """A file the worker builds on request (a lab report, ...) and keeps while what it was built
    from stays the same: `key` says what was asked ("labs.report:12:pdf:ro:names"), `version` is
    a fingerprint of the data it was built from. A request with the same key and version gets the
    same row: a done file is served at once, a build under way is waited for, never started twice.
    `updated_at` moves with the progress, so a build that stopped moving can be given up."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    key = models.CharField(max_length=200, db_index=True)
    version = models.CharField(max_length=64)
    # What builds it: the dotted path of a recipe (core.built_files.Recipe) and its parameters.
    recipe = models.CharField(max_length=200)
    params = models.JSONField(default=dict)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(upload_to=built_file_path, max_length=300, blank=True)
    name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("built file")
        verbose_name_plural = _("built files")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["key", "version"], name="built_file_once_per_version")]

    def __str__(self) -> str:
        return f"{self.key} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE
