from django import forms
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from ecocsme.accounts.plain_text import clean_name, lines, one_line, without_direction_controls
from ecocsme.partnerships.access import partners_changeable_by
from ecocsme.reference.countries import country_choices
from ecocsme.reference.models import NaceDivision
from ecocsme.reference.sme import SizeClass, size_class
from ecocsme.text.collation import collated

from .models import Consent, Contact, Organisation
from .services import CAPABILITIES_MAX_LINES, CAPABILITY_MAX_CHARS, DESCRIPTION_MAX

SEARCH_LIST = _("Search the list")
CONSENT_FIELDS = {f"consent_{purpose}": purpose for purpose in Consent.Purpose.values}

# The languages an organisation may say it works in: the EU's official languages and those
# spoken beside them in the ECoC countries and their neighbours (ISO 639-1).
ORGANISATION_LANGUAGES = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
    "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
    "bs", "ca", "cy", "eu", "fy", "gl", "is", "lb", "mk", "nb", "ru", "sq", "sr", "tr", "uk",
)
EXTRA_LANGUAGE_NAMES = {"mt": _("Maltese")}  # Django's table of languages lacks it


def language_choices() -> list[tuple[str, str]]:
    """(code, name in the reader's language) of every language an organisation may work in,
    sorted as the reader's language sorts."""
    choices = []
    for code in ORGANISATION_LANGUAGES:
        name = EXTRA_LANGUAGE_NAMES.get(code)
        choices.append((code, str(name or get_language_info(code)["name_translated"])))
    return collated(choices, get_language(), key=lambda choice: choice[1])


class PlainTextMixin:
    """An organisation's name and city on one line (a direction override refused in the name, left
    out of the city), its description and capabilities without control characters."""

    def clean_name(self):
        return clean_name(self.cleaned_data["name"])

    def clean_city(self):
        return one_line(without_direction_controls(self.cleaned_data["city"]))

    def clean_description(self):
        return lines(self.cleaned_data["description"])

    def clean_capabilities(self):
        return lines(self.cleaned_data["capabilities"])


class OrganisationForm(PlainTextMixin, forms.ModelForm):
    """The partners' staff form. `findable` records the organisation's own wish."""

    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors (NACE)"), required=False, queryset=NaceDivision.objects.all(),
        widget=forms.SelectMultiple(attrs={"size": 6, "data-filter-options": SEARCH_LIST}),
        help_text=_("What the organisation works in; matching with opportunities uses it. Hold Ctrl "
                    "(⌘ on a Mac) to choose several."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), required=False, choices=(),
        widget=forms.SelectMultiple(attrs={"size": 6, "data-filter-options": SEARCH_LIST}),
        help_text=_("The languages the organisation works in."))

    def __init__(self, *args, **kwargs):
        from ecocsme.reference.selectors import nuts_regions

        super().__init__(*args, **kwargs)
        # Named and sorted as the reader's language writes them (Čekija after Cipras).
        self.fields["country"].choices = [("", "---------"), *country_choices()]
        self.fields["languages"].choices = language_choices()
        self.fields["nuts_region"].queryset = nuts_regions()
        self.fields["findable"].help_text = _(
            "Records the organisation's own wish: tick it only when the organisation asked to be "
            "suggested for opportunities and to possible partners. Without it, only the staff of "
            "the partner that keeps it and the coordinators see it, in the back office; it appears "
            "in no match, public page, feed or other partner's list or export.")

    class Meta:
        model = Organisation
        fields = ("name", "kind", "size_class", "sectors", "city", "country", "nuts_region",
                  "languages", "website", "description", "capabilities", "findable")
        widgets = {"description": forms.Textarea(attrs={"rows": 4}),
                   "capabilities": forms.Textarea(attrs={"rows": 3})}


class ProfileForm(PlainTextMixin, forms.ModelForm):
    """A representative's form for their organisation's profile (self-service). The size class is
    chosen, or worked out from the staff headcount and, optionally, the turnover and the
    balance-sheet total (the EU definition)."""

    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors (NACE divisions)"), required=True, queryset=NaceDivision.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8, "data-filter-options": SEARCH_LIST}),
        help_text=_("Type in the search box to narrow the list; hold Ctrl (⌘ on a Mac) to choose several."))
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=(),
        widget=forms.SelectMultiple(attrs={"size": 8, "data-filter-options": SEARCH_LIST}),
        help_text=_("The languages the organisation works in: at least one."))
    staff_headcount = forms.IntegerField(label=_("Staff headcount"), required=False, min_value=0,
                                         max_value=10_000_000)
    annual_turnover = forms.DecimalField(label=_("Annual turnover (EUR)"), required=False, min_value=0,
                                         max_digits=15, decimal_places=2)
    balance_sheet_total = forms.DecimalField(label=_("Balance-sheet total (EUR)"), required=False,
                                             min_value=0, max_digits=15, decimal_places=2)

    SIZE_FIGURES = ("staff_headcount", "annual_turnover", "balance_sheet_total")

    class Meta:
        model = Organisation
        fields = ("name", "kind", "size_class", "sectors", "city", "country", "nuts_region",
                  "languages", "description", "capabilities", "website", "findable")
        widgets = {"description": forms.Textarea(attrs={"rows": 8, "maxlength": DESCRIPTION_MAX}),
                   "capabilities": forms.Textarea(attrs={"rows": 6})}

    field_order = ("name", "kind", "size_class", "staff_headcount", "annual_turnover",
                   "balance_sheet_total", "sectors", "city", "country", "nuts_region", "languages",
                   "description", "capabilities", "website", "findable")

    def __init__(self, *args, **kwargs):
        from ecocsme.reference.selectors import nace_divisions, nuts_regions

        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = nace_divisions()
        self.fields["languages"].choices = language_choices()
        self.fields["country"].choices = [("", "---------"), *country_choices()]
        self.fields["country"].required = True
        self.fields["city"].required = True
        self.fields["description"].required = True
        self.fields["nuts_region"].queryset = nuts_regions()
        self.fields["size_class"].help_text = _(
            "Choose it, or give the staff headcount below (and, if you like, the turnover and the "
            "balance-sheet total) and the platform works it out by the EU definition.")
        self.fields["description"].help_text = _("What the organisation does, for whom, where: "
                                                  "at most %(max)s characters.") % {"max": DESCRIPTION_MAX}
        self.fields["capabilities"].help_text = _(
            "What the organisation can do, one per line: at most %(lines)s lines of %(chars)s "
            "characters.") % {"lines": CAPABILITIES_MAX_LINES, "chars": CAPABILITY_MAX_CHARS}
        self.fields["findable"].label = _("We wish to be found")
        self.fields["findable"].help_text = _(
            "Being found means: once partner staff have verified the profile, it has a public page "
            "(without any person's name), and the platform suggests the organisation for "
            "opportunities and to organisations looking for partners. Without it, the profile is "
            "seen only by you, the staff of the partner that keeps it and the coordinators. You can "
            "withdraw this at any time by unticking it.")

    def clean(self):
        cleaned = super().clean()
        staff = cleaned.get("staff_headcount")
        turnover, balance = cleaned.get("annual_turnover"), cleaned.get("balance_sheet_total")
        if staff is None and (turnover is not None or balance is not None):
            self.add_error("staff_headcount", _("Give the staff headcount too: it comes first in the "
                                                "EU definition."))
        elif staff is not None:
            cleaned["size_class"] = size_class(staff, turnover, balance).value
            self.computed_size_class = SizeClass(cleaned["size_class"])
        return cleaned

    def profile_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "sectors"}


class ContactForm(forms.ModelForm):
    partner = forms.ModelChoiceField(label=_("Kept by partner"), queryset=None, required=False,
                                     help_text=_("The partner whose staff keep this person's record and "
                                                 "answer for it."))
    consent_consultations = forms.BooleanField(
        label=_("Agrees to be consulted (local learning labs)"), required=False,
        help_text=_("Tick a consent only if the person gave it; every mail lets them withdraw it."))
    consent_event_invitations = forms.BooleanField(
        label=_("Agrees to receive event invitations"), required=False)
    consent_newsletters = forms.BooleanField(
        label=_("Agrees to receive newsletters and digests"), required=False)

    class Meta:
        model = Contact
        fields = ("name", "email", "phone", "role", "language", "organisation", "notes")
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    field_order = ("partner", "name", "email", "phone", "role", "language", "organisation", "notes")

    def __init__(self, *args, user, consents: dict[str, bool] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        partners = partners_changeable_by(user)
        self.fields["partner"].queryset = partners
        if self.instance.pk:
            del self.fields["partner"]
        else:
            self.fields["partner"].required = True
            if partners.count() == 1:
                self.fields["partner"].initial = partners.first()
        from .access import organisations_visible_to

        # The organisations the user's partners keep (all of which they may see); a contact's
        # current organisation stays a choice (the contact is theirs, and so is the link).
        kept = organisations_visible_to(user).filter(partner__in=partners)
        if self.instance.organisation_id:
            kept = kept | Organisation.objects.filter(pk=self.instance.organisation_id)
        self.fields["organisation"].queryset = kept.order_by("name")
        self.fields["email"].required = True
        self.fields["language"].help_text = _("Mails and answer pages reach the person in this language.")
        for name, purpose in CONSENT_FIELDS.items():
            self.fields[name].initial = (consents or {}).get(purpose, False)

    def clean_name(self):
        return clean_name(self.cleaned_data["name"])

    def clean_role(self):
        return one_line(self.cleaned_data["role"])

    def clean_phone(self):
        return one_line(self.cleaned_data["phone"])

    def clean_notes(self):
        return lines(self.cleaned_data["notes"])

    def consents(self) -> dict[str, bool]:
        return {purpose: self.cleaned_data[name] for name, purpose in CONSENT_FIELDS.items()}

    def contact_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ImportForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Kept by partner"), queryset=None)
    file = forms.FileField(label=_("CSV or Excel file"),
                           help_text=_("UTF-8 CSV (comma or semicolon) or .xlsx, at most 5 MB."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        partners = partners_changeable_by(user)
        self.fields["partner"].queryset = partners
        if partners.count() == 1:
            self.fields["partner"].initial = partners.first()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
