from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, gettext, override, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ecocsme.core.i18n import localized
from ecocsme.core.models import TimeStampedModel
from ecocsme.invitations.models import PersonalInvitation
from ecocsme.organisations.models import Consent
from ecocsme.partnerships.models import Partner, Project


class Lab(TimeStampedModel):
    """A local learning lab: a partner's consultation of its stakeholders (LAB-1)."""

    class Format(models.TextChoices):
        ONSITE = "onsite", _("Face to face")
        ONLINE = "online", _("Online meeting")
        EMAIL = "email", _("E-mail questionnaire")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE,
                                related_name="labs")
    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.CASCADE,
                                related_name="labs")
    number = models.PositiveSmallIntegerField(_("number in the series"))
    theme = models.JSONField(_("theme"), default=dict, help_text=_("Text per language code."))
    description = models.JSONField(_("description"), default=dict, blank=True)
    phases = models.JSONField(_("ECoC phases addressed"), default=list, blank=True)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices,
                              default=Format.EMAIL)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    languages = models.JSONField(_("languages of the questions"), default=list)
    opens_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    reply_to = models.EmailField(_("address for e-mail replies"), blank=True)

    class Meta:
        verbose_name = _("local learning lab")
        verbose_name_plural = _("local learning labs")
        ordering = ["project", "partner", "number"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "number"], name="lab_number_per_partner"),
        ]

    def __str__(self) -> str:
        return _("%(partner)s · lab %(number)s") % {"partner": self.partner, "number": self.number}

    def localized_theme(self, language: str | None = None) -> tuple[str, str]:
        return localized(self.theme, language)

    @property
    def is_open(self) -> bool:
        if self.status != self.Status.OPEN:
            return False
        return self.closes_at is None or timezone.now() < self.closes_at


class Question(models.Model):
    """An open question of a lab, in one or more languages."""

    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.JSONField(_("question"), help_text=_("Text per language code."))

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["lab", "position"]
        constraints = [
            models.UniqueConstraint(fields=["lab", "position"], name="question_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {localized(self.text)[0][:80]}"

    def localized_text(self, language: str | None = None) -> tuple[str, str]:
        return localized(self.text, language)


class Invitation(PersonalInvitation):
    """A contact's personal, unguessable, expiring invitation to answer a lab (LAB-2)."""

    owner_field = "lab"
    consent_purpose = Consent.Purpose.CONSULTATIONS
    link_purpose = "ecocsme.labs.invitation"
    answer_view = "labs:answer"
    change_permission = "labs.change_lab"
    refusal = _("Only the partner's staff and the coordinator may do this.")

    class Status(models.TextChoices):
        CREATED = "created", _("Not sent yet")
        SENT = "sent", pgettext_lazy("invitation status", "Sent")
        FAILED = "failed", _("Could not be sent")
        BOUNCED = "bounced", _("Bounced")
        ANSWERED = "answered", _("Answered")

    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="invitations")
    expires_at = models.DateTimeField(_("link expires"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.CREATED, db_index=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["lab", "contact"], name="one_invitation_per_contact"),
        ]

    def __str__(self) -> str:
        return f"{self.lab} → {self.contact}"


class Response(TimeStampedModel):
    """One person's answers to a lab, through the web form or an e-mail reply (LAB-3)."""

    class Channel(models.TextChoices):
        WEB = "web", _("Web form")
        EMAIL = "email", _("E-mail reply")
        STAFF = "staff", _("Entered by staff")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        TO_REVIEW = "to_review", _("To review")
        SUBMITTED = "submitted", _("Submitted")

    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="responses")
    invitation = models.OneToOneField(Invitation, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="response")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT, db_index=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    # What the breakdowns need, kept when the person is erased.
    respondent_kind = models.CharField(_("respondent kind"), max_length=20, blank=True)
    respondent_city = models.CharField(_("respondent city"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["lab", "-submitted_at", "id"]

    def __str__(self) -> str:
        return f"{self.lab} · response {self.pk}"


class Answer(models.Model):
    """The answer to one question; its vector is computed once, in the background (LAB-4)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    embedding = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "question__position"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class EmailReply(TimeStampedModel):
    """A reply received by e-mail and uploaded by staff; its answers count once confirmed."""

    class Status(models.TextChoices):
        TO_REVIEW = "to_review", _("To review")
        COUNTED = "counted", _("Counted")
        IGNORED = "ignored", _("Ignored")

    class Match(models.TextChoices):
        HEADERS = "headers", _("Reply headers")
        LINK = "link", _("Personal link")
        ADDRESS = "address", _("Sender address")
        NONE = "none", _("Not matched")

    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="email_replies")
    invitation = models.ForeignKey(Invitation, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="email_replies")
    match = models.CharField(_("matched by"), max_length=10, choices=Match.choices)
    sender = models.EmailField(_("sender"), blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    message_id = models.CharField(max_length=255, blank=True)
    digest = models.CharField(max_length=64, blank=True)  # reply_digest(raw): the same message once
    raw = models.BinaryField(editable=False)
    answers = models.JSONField(_("answers found"), default=dict, blank=True)
    flags = models.JSONField(_("flags"), default=list, blank=True)
    is_answer = models.BooleanField(_("is an answer"), default=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.TO_REVIEW, db_index=True)
    response = models.ForeignKey(Response, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="email_replies")

    class Meta:
        verbose_name = _("e-mail reply")
        verbose_name_plural = _("e-mail replies")
        ordering = ["lab", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["lab", "message_id"], condition=~models.Q(message_id=""),
                                    name="email_reply_once_per_lab"),
            models.UniqueConstraint(fields=["lab", "digest"],
                                    condition=models.Q(message_id="") & ~models.Q(digest=""),
                                    name="email_reply_without_id_once_per_lab"),
        ]

    def __str__(self) -> str:
        return f"{self.sender} · {self.subject[:60]}"


class SynthesisRun(TimeStampedModel):
    """A background run that groups a lab's answers into themes; its status shows on the page."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="synthesis_runs")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    answer_count = models.PositiveIntegerField(_("answers"), default=0)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("synthesis run")
        verbose_name_plural = _("synthesis runs")
        ordering = ["lab", "-created_at"]

    def __str__(self) -> str:
        return f"{self.lab} · synthesis {self.pk} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class ReplyImport(TimeStampedModel):
    """A large upload of e-mail replies, imported by the background worker; its status shows on
    the replies page. The uploaded bytes hold personal data and are emptied once it is over."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="reply_imports")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    language = models.CharField(_("language"), max_length=8, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    upload = models.BinaryField(blank=True, editable=False)  # the files, see services.replies.files_pack
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    counted = models.PositiveIntegerField(_("counted"), default=0)
    to_review = models.PositiveIntegerField(_("to review"), default=0)
    ignored = models.PositiveIntegerField(_("ignored"), default=0)
    duplicates = models.PositiveIntegerField(_("already imported"), default=0)
    error = models.TextField(_("error"), blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail reply import")
        verbose_name_plural = _("e-mail reply imports")
        ordering = ["lab", "-created_at"]

    def __str__(self) -> str:
        return f"{self.lab} · reply import {self.pk} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class Theme(models.Model):
    """A group of answers about one idea, across languages, in one scope: the whole lab or one
    question. Staff rename, merge, split and move answers; reports use what they leave."""

    LAB_SCOPE = "lab"

    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="themes")
    # "lab" for the themes across the lab, else the question's id.
    scope = models.CharField(max_length=20, db_index=True)
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="themes")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(_("label"), max_length=200)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    # {language: [words]}: the page shows the reader's language's first.
    keywords_by_language = models.JSONField(_("keywords by language"), default=dict, blank=True)
    # Thesaurus concepts, best first: the label is written from them in the reader's language.
    concepts = models.JSONField(_("concepts"), default=list, blank=True)
    is_other = models.BooleanField(_("other answers"), default=False)
    edited = models.BooleanField(_("edited by staff"), default=False)
    label_edited = models.BooleanField(_("label typed by staff"), default=False)
    answers = models.ManyToManyField(Answer, through="ThemeAnswer", related_name="themes")

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["lab", "scope", "is_other", "position", "id"]

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        """The label in the active language (see label_for)."""
        return self.label_for(get_language())

    def label_for(self, language: str | None) -> str:
        """The label in `language`: as staff typed it, else written from the theme's concepts or
        keywords (text/theme_labels.py), else as the run stored it."""
        if self.label_edited:
            return self.label
        if self.is_other and not self.edited:
            return str(_("Other answers"))
        from ecocsme.text.theme_labels import theme_label

        code = _code(language)
        with override(code):  # "a, b and c" in the label's language, not the page's
            joiner = gettext("%(list)s and %(last)s")
            separator = pgettext("between the items of a list", ", ")
        return theme_label(self.concepts or [], self.keywords_by_language or {}, code,
                           last_joiner=joiner, separator=separator) or self.label

    @property
    def reader_keywords(self) -> list[tuple[str, str]]:
        return self.keywords_for(get_language())

    def keywords_for(self, language: str | None) -> list[tuple[str, str]]:
        """(word, language code) pairs, `language`'s first with no code, then the others with
        theirs; keywords stored before they had a language come as they are, with no code."""
        from ecocsme.text.theme_labels import keywords_for_reader

        if not self.keywords_by_language:
            return [(word, "") for word in self.keywords or []]
        code = _code(language)
        return [(word, "" if lang == code else lang)
                for word, lang in keywords_for_reader(self.keywords_by_language, code)]


def _code(language: str | None) -> str:
    return (language or "en").split("-")[0]


class ThemeAnswer(models.Model):
    """An answer's place in a theme; an answer is in exactly one theme of each scope."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="memberships")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="theme_memberships")
    scope = models.CharField(max_length=20)
    is_quote = models.BooleanField(_("representative quote"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "scope"], name="one_theme_per_answer_and_scope"),
        ]

    def __str__(self) -> str:
        return f"{self.theme} · {self.answer_id}"


class ThemeEdit(models.Model):
    """A merge, split or move of themes in one scope, with the themes it touched before and after,
    so that the last edit of a scope can be undone while nothing has changed them since."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("Merge")
        SPLIT = "split", _("Split")
        MOVE = "move", _("Move")

    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="theme_edits")
    scope = models.CharField(max_length=20)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    # [{"id", "label", ..., "members": [[answer id, is quote], ...]}] of the touched themes.
    before = models.JSONField(default=list)
    after = models.JSONField(default=list)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)

    class Meta:
        verbose_name = _("theme edit")
        verbose_name_plural = _("theme edits")
        ordering = ["lab", "scope", "-created_at", "-id"]
        indexes = [models.Index(fields=["lab", "scope", "-id"], name="theme_edit_latest")]

    def __str__(self) -> str:
        return f"{self.lab} · {self.scope} · {self.kind}"


def answer_digest(text: str) -> str:
    """What a machine draft records of the text it translates: a new text needs a new draft."""
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


class AnswerTranslation(models.Model):
    """A machine draft of an answer in another language, shown beside a quote and marked as such;
    computed once on request and kept while the answer's text is the same."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8)
    source_digest = models.CharField(max_length=64)  # sha256 of the answer's text it translates
    text = models.TextField(_("machine draft"))
    engine = models.CharField(_("engine"), max_length=100)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)

    class Meta:
        verbose_name = _("machine draft of an answer")
        verbose_name_plural = _("machine drafts of answers")
        constraints = [
            models.UniqueConstraint(fields=["answer", "language"], name="one_draft_per_answer_and_language"),
        ]

    def __str__(self) -> str:
        return f"{self.answer_id} · {self.language}"


def reply_digest(raw: bytes) -> str:
    """What tells a message without a Message-ID from another: the sha256 of its bytes, with line
    ends as LF, so that it is the same uploaded from an mbox file or read by IMAP (CRLF)."""
    import hashlib

    return hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest()


class LabMailbox(TimeStampedModel):
    """The IMAP mailbox a lab's replies arrive in (LAB-3): the worker fetches new messages,
    imports them as uploads are, and moves them to the processed folder. The password is kept
    encrypted (core.secrets) and never shown."""

    class Security(models.TextChoices):
        SSL = "ssl", _("SSL/TLS (port 993)")
        STARTTLS = "starttls", _("STARTTLS (port 143)")
        NONE = "none", _("None (only for a server on this machine)")

        @property
        def usual_port(self) -> int:
            return 993 if self == self.SSL else 143

    class Error(models.TextChoices):
        CONNECT = "connect", _("The mail server could not be reached.")
        TLS = "tls", _("The secure connection to the mail server failed (its certificate is not "
                       "trusted, or it does not offer one).")
        LOGIN = "login", _("The mail server refused the user name or the password.")
        FOLDER = "folder", _("The folder does not exist on the mail server.")
        PASSWORD_UNREADABLE = "password_unreadable", _(
            "The stored password can no longer be read (the platform's key changed): enter the "
            "password again.")
        INSECURE = "insecure", _("A connection without encryption is only allowed to a server on "
                                 "this machine.")
        DROPPED = "dropped", _("The connection was lost during the fetch; the next fetch goes on "
                               "where it stopped.")
        PROTOCOL = "protocol", _("The mail server answered something unexpected.")
        IMPORT = "import", _("Some messages could not be imported; they stay in the folder.")
        UNEXPECTED = "unexpected", _("The fetch failed because of an unexpected error.")

    lab = models.OneToOneField(Lab, on_delete=models.CASCADE, related_name="mailbox")
    host = models.CharField(_("mail server"), max_length=255)
    port = models.PositiveIntegerField(_("port"), default=993)
    security = models.CharField(_("encryption"), max_length=10, choices=Security.choices,
                                default=Security.SSL)
    username = models.CharField(_("user name"), max_length=255)
    password_sealed = models.TextField(editable=False)  # core.secrets.secret_seal(password)
    folder = models.CharField(_("folder to read"), max_length=255, default="INBOX")
    processed_folder = models.CharField(_("folder for processed messages"), max_length=255,
                                        default="Processed")
    enabled = models.BooleanField(_("fetch replies"), default=True)
    uid_validity = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    last_uid = models.PositiveBigIntegerField(default=0, editable=False)
    # one chain of scheduled fetches: the time the pending one runs (null: none pending)
    next_fetch_at = models.DateTimeField(null=True, blank=True, editable=False)
    fetch_requested_at = models.DateTimeField(null=True, blank=True, editable=False)  # "Fetch now"
    fetching_since = models.DateTimeField(null=True, blank=True, editable=False)  # a fetch runs
    last_fetch_at = models.DateTimeField(_("last fetch"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last successful fetch"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=20, choices=Error.choices, blank=True)
    last_error_detail = models.TextField(_("details of the last error"), blank=True)
    last_counts = models.JSONField(_("what the last fetch did"), default=dict, blank=True)

    class Meta:
        verbose_name = _("lab mailbox")
        verbose_name_plural = _("lab mailboxes")

    def __str__(self) -> str:
        return f"{self.username} @ {self.host}:{self.port}/{self.folder}"

    @property
    def is_fetching(self) -> bool:
        return self.fetching_since is not None or self.fetch_requested_at is not None
