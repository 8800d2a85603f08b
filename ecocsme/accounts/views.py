"""Sign-up for stakeholders, its confirmation link and resending it."""

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services
from .forms import PasswordResetRequestForm, ResendForm, SignupForm
from .predicates import memberships_of


class LoginView(auth_views.LoginView):
    """The login page: staff go to the back office, a stakeholder to their organisation's profile."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        user = self.request.user
        if user.is_authenticated and not user.is_superuser and not memberships_of(user):
            return resolve_url("organisations:my_organisation")
        return super().get_default_redirect_url()


def _too_many(request, template: str, form):
    return render(request, template, {"form": form, "throttled": True, **_notice()}, status=429)


def _notice() -> dict:
    """What the privacy notice on the sign-up page names: its version and how long an account
    that is never confirmed is kept."""
    return {"privacy_notice": services.PRIVACY_NOTICE_VERSION, "unconfirmed_days": services.UNCONFIRMED_DAYS}


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("organisations:my_organisation")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.signup_request(
                signup=services.Signup(name=data["name"], email=data["email"], password=data["password"],
                                       language=data["language"],
                                       privacy_notice=services.PRIVACY_NOTICE_VERSION),
                network_address=get_client_ip_address(request) or "")
        except services.TooManyRequests:
            return _too_many(request, "accounts/signup.html", form)
        return render(request, "accounts/signup_sent.html", {"email": data["email"]})
    return render(request, "accounts/signup.html", {"form": form, **_notice()})


@require_http_methods(["GET", "POST"])
def signup_resend(request):
    form = ResendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.confirmation_resend(email=form.cleaned_data["email"],
                                         network_address=get_client_ip_address(request) or "")
        except services.TooManyRequests:
            return _too_many(request, "accounts/signup_resend.html", form)
        return render(request, "accounts/signup_sent.html", {"email": form.cleaned_data["email"],
                                                             "resent": True})
    return render(request, "accounts/signup_resend.html", {"form": form})


@require_http_methods(["GET", "POST"])
def signup_confirm(request, uidb64: str, token: str):
    """GET shows a button (mail programs open links to look at them); POST confirms and logs in."""
    user = services.user_for_confirmation(uidb64, token)
    if user is None:
        return render(request, "accounts/signup_confirm.html", {"invalid": True}, status=404)
    if request.method == "POST":
        if services.signup_confirm(user=user) is None:  # confirmed meanwhile (a second click)
            return render(request, "accounts/signup_confirm.html", {"invalid": True}, status=404)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your account is confirmed. Welcome!"))
        return redirect("organisations:my_organisation")
    return render(request, "accounts/signup_confirm.html", {"account": user})


@require_http_methods(["GET", "POST"])
def password_reset(request):
    """A forgotten password: the same answer whether the address has an account or not."""
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.password_reset_request(email=form.cleaned_data["email"],
                                            network_address=get_client_ip_address(request) or "")
        except services.TooManyRequests:
            return render(request, "accounts/password_reset.html", {"form": form, "throttled": True},
                          status=429)
        return redirect("accounts:password_reset_done")
    return render(request, "accounts/password_reset.html", {"form": form})


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The link from the mail: Django's view, which moves the token into the session (so it never
    leaks through the Referer) and voids it by changing the password."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
