from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account. Stakeholders answering through personal links need none."""

    class Signup(models.TextChoices):
        """How the account came to be: made by an administrator (or the demo), or signed up and
        waiting for its owner to follow the confirmation link, or signed up and confirmed."""

        NONE = "", _("not signed up (made by an administrator)")
        WAITING = "waiting", _("signed up, waiting for confirmation")
        CONFIRMED = "confirmed", _("signed up and confirmed")

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Brussels")
    signup = models.CharField(_("sign-up"), max_length=10, choices=Signup.choices, blank=True,
                              default=Signup.NONE, editable=False, db_index=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Membership(models.Model):
    """A user's role in a project: coordinator of the whole, or staff of one partner."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        PARTNER_STAFF = "partner_staff", _("Partner staff")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    project = models.ForeignKey("partnerships.Project", verbose_name=_("project"),
                                on_delete=models.CASCADE, related_name="memberships")
    partner = models.ForeignKey("partnerships.Partner", verbose_name=_("partner"), null=True,
                                blank=True, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "project", "partner", "role"],
                                    name="membership_unique"),
            models.CheckConstraint(
                condition=~models.Q(role="partner_staff") | models.Q(partner__isnull=False),
                name="membership_partner_staff_has_partner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.partner or self.project}"
