"""Sign-up for stakeholders (SMEs, NGOs, ECoC organisers…) who have no account: the account waits,
inactive, until its owner follows the link mailed to them. Every request gets the same answer
whether the address is known or not (no account enumeration); the owner of a known address is
told by mail instead. Requests are limited per address and per network address."""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.cache import cache
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from ecocsme.core.audit import audit_log
from ecocsme.core.outbox import mail_queue, outbox_wake

from .models import User

# At most this many sign-ups and resends per address, and per network address, in a window.
PER_ADDRESS = 3
PER_NETWORK_ADDRESS = 10
WINDOW_SECONDS = 3600


class SignupTokenGenerator(PasswordResetTokenGenerator):
    """Single-purpose, expiring (PASSWORD_RESET_TIMEOUT, three days by default) and void once the
    account is confirmed."""

    key_salt = "ecocsme.accounts.signup"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.password}{user.is_active}{timestamp}{user.email}"


signup_tokens = SignupTokenGenerator()


class TooManyRequests(Exception):
    """Too many sign-ups or resends for one address or from one network address."""


@dataclass(frozen=True)
class Signup:
    name: str
    email: str
    password: str
    language: str


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
    return User.objects.filter(email__iexact=normalised(email)).order_by("pk").first()


def signup_request(*, signup: Signup, network_address: str) -> None:
    """Create an inactive account and mail its confirmation link, or, when the address is known,
    mail its owner instead. The caller answers the same in both cases."""
    email = normalised(signup.email)
    _throttle(email, network_address)
    existing = user_by_address(email)
    with transaction.atomic():
        if existing is None:
            first, _space, last = signup.name.strip().partition(" ")
            user = User(username=email[:150], email=email, first_name=first[:150], last_name=last[:150],
                        language=signup.language, is_active=False)
            user.set_password(signup.password)
            user.full_clean(exclude=["password"])
            user.save()
            audit_log(actor=None, obj=user, action="accounts.user.signed_up")
            _confirmation_mail(user)
        elif not existing.is_active and existing.last_login is None and not existing.memberships.exists():
            _confirmation_mail(existing)  # signed up before and never confirmed
        else:
            _exists_mail(existing, language=signup.language)
        outbox_wake()


def confirmation_resend(*, email: str, network_address: str) -> None:
    """Mail a new confirmation link to an account that was never confirmed; nothing otherwise."""
    email = normalised(email)
    _throttle(email, network_address)
    user = user_by_address(email)
    if user is not None and not user.is_active and user.last_login is None:
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
    """The inactive account a confirmation link names, or None when the link is forged, expired,
    used already or for another purpose."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk, is_active=False).first()
    if user is None or not signup_tokens.check_token(user, token):
        return None
    return user


def signup_confirm(*, user: User) -> User:
    """Activate the account (the link was checked by `user_for_confirmation`)."""
    with transaction.atomic():
        updated = User.objects.filter(pk=user.pk, is_active=False).update(is_active=True)
        if updated:
            audit_log(actor=user, obj=user, action="accounts.user.confirmed")
    user.is_active = True
    return user
