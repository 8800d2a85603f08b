from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import User
from .plain_text import clean_name


class SignupForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail"), max_length=150,
        help_text=_("You log in with this address; we send the confirmation link to it."))
    password = forms.CharField(label=_("Password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               help_text=password_validation.password_validators_help_text_html())
    password_again = forms.CharField(label=_("Password again"), strip=False,
                                     widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES,
                                 help_text=_("Of the platform's pages and of the mail we send you."))
    accept_privacy = forms.BooleanField(label=_("I have read the privacy notice above and accept it."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_name(self):
        return clean_name(self.cleaned_data["name"])

    def clean(self):
        cleaned = super().clean()
        password, again = cleaned.get("password"), cleaned.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", _("The two passwords differ."))
        elif password:
            name = cleaned.get("name", "")
            first, _space, last = name.partition(" ")
            probe = User(username=cleaned.get("email", ""), email=cleaned.get("email", ""),
                         first_name=first, last_name=last)
            try:
                password_validation.validate_password(password, probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class ResendForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=150)


class AccountDeleteForm(forms.Form):
    """Deleting one's own account, confirmed with the password."""

    password = forms.CharField(label=_("Your password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
                               help_text=_("To be sure it is you."))


class PasswordResetRequestForm(forms.Form):
    """A forgotten password: the address of the account."""

    email = forms.EmailField(
        label=_("E-mail"), max_length=254,
        help_text=_("The address of your account; we send a link to set a new password to it."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
