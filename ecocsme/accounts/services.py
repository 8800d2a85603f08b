"""Sign-up for stakeholders (SMEs, NGOs, ECoC organisers…) who have no account: the account waits,
inactive, until its owner follows the link mailed to them. Every request gets the same answer
whether the address is known or not (no account enumeration); the owner of a known address is
told by mail instead. Requests are limited per address and per network address. Sign-ups never
confirmed are deleted after UNCONFIRMED_DAYS.

A confirmation link opens only an account that signed up and waits for it: inactive, never
confirmed, never logged in, with no role in a project and no staff or administrator rights. An
account an administrator deactivated stays so, whatever old link its owner kept.

The account's own data (its owner's right of access and erasure): `account_personal_data` and
`account_delete`, with what other apps keep on an account (accounts.personal_data)."""

import hashlib
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from ecocsme.core.audit import audit_log, audit_scrub
from ecocsme.core.models import AuditEntry, OutgoingMail
from ecocsme.core.outbox import mail_queue, outbox_wake

from . import personal_data
from .models import Membership, User

# At most this many sign-ups and resends per address, and per network address, in a window.
PER_ADDRESS = 3
PER_NETWORK_ADDRESS = 10
WINDOW_SECONDS = 3600
# A sign-up nobody confirmed within these days is deleted (`ecocsme delete-unconfirmed-signups`).
UNCONFIRMED_DAYS = 14
# The version of the privacy notice on the sign-up page: change it with the notice's words. The
# sign-up's audit entry records the version accepted and when.
PRIVACY_NOTICE_VERSION = "2026-12-03"


class SignupTokenGenerator(PasswordResetTokenGenerator):
    """Single-purpose, expiring (PASSWORD_RESET_TIMEOUT, three days by default) and void once the
    account is confirmed, logged in, activated or deactivated, or its password changed."""

    key_salt = "ecocsme.accounts.signup"

    def _make_hash_value(self, user, timestamp):
        login = "" if user.last_login is None else user.last_login.replace(microsecond=0, tzinfo=None)
        return f"{user.pk}{user.password}{user.is_active}{user.signup}{login}{timestamp}{user.email}"


signup_tokens = SignupTokenGenerator()


class TooManyRequests(Exception):
    """Too many sign-ups or resends for one address or from one network address."""


@dataclass(frozen=True)
class Signup:
    name: str
    email: str
    password: str
    language: str
    privacy_notice: str = PRIVACY_NOTICE_VERSION  # the version of the notice accepted


def normalised(email: str) -> str:
    return email.strip().lower()


def _count(kind: str, value: str) -> int:
    """Count one request for `value` in the current window; how many there were with it."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    window = int(time.time() // WINDOW_SECONDS)
    key = f"accounts.signup.{kind}:{digest}:{window}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        return 1


def _throttle(email: str, network_address: str) -> None:
    by_network = _count("ip", network_address or "unknown")
    by_address = _count("address", email)
    if by_network > PER_NETWORK_ADDRESS or by_address > PER_ADDRESS:
        raise TooManyRequests


def user_by_address(email: str) -> User | None:
    """The account of an address: the one with it as its address, else the one with it as its user
    name (sign-ups take the address as user name)."""
    email = normalised(email)
    return (User.objects.filter(email__iexact=email).order_by("pk").first()
            or User.objects.filter(username__iexact=email).order_by("pk").first())


def awaiting_confirmation() -> QuerySet[User]:
    """The accounts a confirmation link may open: signed up and waiting, inactive, never logged
    in, without a role in a project, neither staff nor administrator."""
    return User.objects.filter(
        signup=User.Signup.WAITING, is_active=False, last_login__isnull=True, is_staff=False,
        is_superuser=False).filter(~Exists(Membership.objects.filter(user=OuterRef("pk"))))


def _awaits_confirmation(user: User) -> bool:
    return awaiting_confirmation().filter(pk=user.pk).exists()


def signup_request(*, signup: Signup, network_address: str) -> None:
    """Create an inactive account and mail its confirmation link, or, when the address is known,
    mail its owner instead. The caller answers the same in both cases, also when two requests
    for one address cross (a double click): the first one mails the link."""
    email = normalised(signup.email)
    _throttle(email, network_address)
    try:
        with transaction.atomic():
            existing = user_by_address(email)
            if existing is None:
                _signup_create(signup, email)
            elif _awaits_confirmation(existing):
                _confirmation_mail(existing)  # signed up before and never confirmed
            elif normalised(existing.email) == email:
                _exists_mail(existing, language=signup.language)
            # else the address is another account's user name only: nobody to tell
    except (IntegrityError, ValidationError):
        pass  # made meanwhile by the other request, which mailed the link
    outbox_wake()


def _signup_create(signup: Signup, email: str) -> User:
    first, _space, last = signup.name.strip().partition(" ")
    user = User(username=email[:150], email=email, first_name=first[:150], last_name=last[:150],
                language=signup.language, is_active=False, signup=User.Signup.WAITING)
    user.set_password(signup.password)
    # The user name is the address, checked as one by the form (it may hold what user names made
    # by hand may not, an apostrophe); the database keeps it unique.
    user.full_clean(exclude=["password", "username"])
    user.save()
    audit_log(actor=None, obj=user, action="accounts.user.signed_up",
              data={"privacy_notice": signup.privacy_notice, "accepted_at": timezone.now().isoformat()})
    _confirmation_mail(user)
    return user


def confirmation_resend(*, email: str, network_address: str) -> None:
    """Mail a new confirmation link to an account that signed up and was never confirmed; nothing
    otherwise (the caller answers the same)."""
    email = normalised(email)
    _throttle(email, network_address)
    user = awaiting_confirmation().filter(email__iexact=email).order_by("pk").first()
    if user is not None:
        _confirmation_mail(user)
        outbox_wake()


def confirmation_link(user: User) -> str:
    from ecocsme.core.http import absolute_url

    return absolute_url("accounts:signup_confirm",
                        [urlsafe_base64_encode(force_bytes(user.pk)), signup_tokens.make_token(user)],
                        language=user.language)


def _confirmation_mail(user: User) -> None:
    from ecocsme.core.http import absolute_url

    mail_queue(key=f"accounts.signup.confirm:{user.pk}:{time.time_ns()}", to=user.email,
               template="accounts/mail/signup_confirm", language=user.language,
               context={"name": user.get_full_name() or user.email, "link": confirmation_link(user),
                        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
                        "resend_url": absolute_url("accounts:signup_resend", language=user.language)})


def _exists_mail(user: User, *, language: str) -> None:
    """Tell the owner of an address that someone tried to sign up with it: at most once an hour."""
    from ecocsme.core.http import absolute_url

    mail_queue(key=f"accounts.signup.exists:{user.pk}:{int(time.time() // WINDOW_SECONDS)}", to=user.email,
               template="accounts/mail/signup_exists", language=user.language or language,
               context={"name": user.get_full_name() or user.username,
                        "login_url": absolute_url("accounts:login", language=user.language or language),
                        "active": user.is_active})


def user_for_confirmation(uidb64: str, token: str) -> User | None:
    """The account waiting for confirmation that a link names, or None when the link is forged,
    expired, used already, for another purpose or for an account that waits for none."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, UnicodeDecodeError, OverflowError):
        return None
    user = awaiting_confirmation().filter(pk=pk).first()
    if user is None or not signup_tokens.check_token(user, token):
        return None
    return user


def signup_confirm(*, user: User) -> User | None:
    """Activate the account (the link was checked by `user_for_confirmation`), once: None when it
    no longer waits (confirmed by a second click meanwhile, given a role, deactivated)."""
    with transaction.atomic():
        updated = awaiting_confirmation().filter(pk=user.pk).update(is_active=True,
                                                                   signup=User.Signup.CONFIRMED)
        if not updated:
            return None
        audit_log(actor=user, obj=user, action="accounts.user.confirmed")
    user.is_active, user.signup = True, User.Signup.CONFIRMED
    return user


def unconfirmed_signups_delete(*, now=None) -> int:
    """Delete the sign-ups never confirmed within UNCONFIRMED_DAYS (run periodically): each is
    audited without its address, and the mail sent to it is blanked. How many were deleted."""
    now = now or timezone.now()
    deleted = 0
    for user in awaiting_confirmation().filter(date_joined__lt=now - timedelta(days=UNCONFIRMED_DAYS)):
        with transaction.atomic():
            if not awaiting_confirmation().select_for_update().filter(pk=user.pk).exists():
                continue  # confirmed meanwhile
            _account_erase(user, action="accounts.user.unconfirmed_deleted", actor=None,
                           data={"signed_up": user.date_joined.isoformat(), "days": UNCONFIRMED_DAYS})
            deleted += 1
    return deleted


# --- the account's own data: its owner's copy and the deletion --------------------------------------
def _require_own_or_administrator(actor, user: User) -> None:
    if not actor.is_authenticated or not (actor.pk == user.pk or actor.is_superuser):
        raise PermissionDenied(_("You may do this only for your own account."))


def account_mails(user: User) -> QuerySet[OutgoingMail]:
    """The mail about the account: to its address and for no partner's contact (those are the
    contact's, exported and erased with the contact), and its sign-up mail."""
    mails = Q(key__startswith=f"accounts.signup.confirm:{user.pk}:") | Q(
        key__startswith=f"accounts.signup.exists:{user.pk}:")
    if user.email:
        mails |= Q(to__iexact=user.email, contact_id__isnull=True)
    return OutgoingMail.objects.filter(mails)


def _audit_about(user: User) -> QuerySet[AuditEntry]:
    from django.contrib.contenttypes.models import ContentType

    return AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(User),
                                     object_id=str(user.pk))


def _label(content_type) -> str:
    return f"{content_type.app_label}.{content_type.model}" if content_type else ""


def _when(value) -> str | None:
    return value.isoformat() if value else None


def account_personal_data(*, actor, user: User) -> dict:
    """What the platform keeps on an account, for its owner (or the administrator): the account,
    one section per app that keeps something on accounts (the organisations it represents…),
    the audit entries about it (with their details) and by it (what and when), and the subjects
    and dates of the mail sent to it. Audited."""
    _require_own_or_administrator(actor, user)
    data = {"account": {
        "model": User._meta.label, "id": user.pk, "username": user.username, "name": user.get_full_name(),
        "email": user.email, "language": user.language, "time_zone": user.time_zone,
        "active": user.is_active, "signup": user.signup, "joined_at": _when(user.date_joined),
        "last_login": _when(user.last_login)}}
    for holding in personal_data.holdings():
        data[holding.section] = holding.exporter(user)
    about = [{"model": "core.AuditEntry", "id": entry.pk, "at": _when(entry.at), "action": entry.action,
              "details": entry.data} for entry in _audit_about(user).order_by("at", "id")]
    by = [{"model": "core.AuditEntry", "id": entry.pk, "at": _when(entry.at), "action": entry.action,
           "object": _label(entry.content_type)}
          for entry in AuditEntry.objects.filter(actor=user).exclude(pk__in=[e["id"] for e in about])
          .select_related("content_type").order_by("at", "id")]
    data["audit"] = about + by
    data["mail"] = [{"model": "core.OutgoingMail", "id": mail.pk, "subject": mail.subject,
                     "queued_at": _when(mail.queued_at), "sent_at": _when(mail.sent_at),
                     "status": mail.status}
                    for mail in account_mails(user).only("subject", "queued_at", "sent_at", "status")
                    .order_by("queued_at", "id")]
    audit_log(actor=actor, obj=user, action="accounts.user.exported",
              data={"by": "owner" if actor.pk == user.pk else "administrator"})
    return data


def account_delete(*, actor, user: User, password: str | None = None) -> None:
    """Delete an account: by its owner, a stakeholder's account without a role, who confirms
    with their password; or by the administrator. What other apps keep on it is settled first
    (the organisations it represents stay, without it, and their keeping partner is told); the
    mail sent to it is blanked and the audit entries about it keep no name."""
    _require_own_or_administrator(actor, user)
    by_owner = actor.pk == user.pk
    if by_owner:
        if not actor.has_perm("accounts.delete_own_account"):
            raise PermissionDenied(_("An account with a role in a project is deleted by the administrator."))
        if not user.check_password(password or ""):
            raise ValidationError({"password": _("That is not your password.")})
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        _account_erase(user, action="accounts.user.deleted", actor=None if by_owner else actor,
                       data={"by": "owner" if by_owner else "administrator"})


def _account_erase(user: User, *, action: str, actor, data: dict) -> None:
    """Settle what the apps keep on the account, blank its mail, keep the audit log without its
    name, record `action` and delete it (inside the caller's transaction)."""
    for holding in personal_data.holdings():
        holding.leaving(user, actor)
    account_mails(user).update(to="", subject="", text="", html="", raw=b"", headers={}, last_error="")
    replacement = f"account {user.pk} (deleted)"
    audit_scrub(user, replacement=replacement)
    entry = audit_log(actor=actor, obj=user, action=action, data=data)
    AuditEntry.objects.filter(pk=entry.pk).update(object_repr=replacement)
    user.delete()


# --- a forgotten password --------------------------------------------------------------------------
def password_reset_request(*, email: str, network_address: str) -> None:
    """Mail a link to set a new password to the active account of an address, nothing otherwise
    (the caller answers the same: no account enumeration). Limited like the sign-ups, on counters
    of its own. The link is Django's password reset token: void once the password changes."""
    email = normalised(email)
    by_network = _count("reset-ip", network_address or "unknown")
    if by_network > PER_NETWORK_ADDRESS or _count("reset-address", email) > PER_ADDRESS:
        raise TooManyRequests
    user = User.objects.filter(email__iexact=email, is_active=True).order_by("pk").first()
    if user is not None and user.has_usable_password():
        _password_reset_mail(user)
        outbox_wake()


def password_reset_link(user: User) -> str:
    from django.contrib.auth.tokens import default_token_generator

    from ecocsme.core.http import absolute_url

    uid, token = urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)
    return absolute_url("accounts:password_reset_confirm", [uid, token],
                        language=user.language or None)


def _password_reset_mail(user: User) -> None:
    from ecocsme.core.http import absolute_url

    language = user.language or settings.LANGUAGE_CODE
    mail_queue(key=f"accounts.password_reset:{user.pk}:{time.time_ns()}", to=user.email,
               template="accounts/mail/password_reset", language=language,
               context={"name": user.get_full_name() or user.username, "link": password_reset_link(user),
                        "username": user.get_username(),
                        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
                        "again_url": absolute_url("accounts:password_reset", language=language)})
    audit_log(actor=None, obj=user, action="accounts.user.password_reset_requested")
