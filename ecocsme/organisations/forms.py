from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ecocsme.partnerships.access import partners_changeable_by
from ecocsme.reference.countries import country_choices
from ecocsme.reference.models import NaceDivision

from .models import Consent, Contact, Organisation

CONSENT_FIELDS = {f"consent_{purpose}": purpose for purpose in Consent.Purpose.values}


class OrganisationForm(forms.ModelForm):
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors (NACE)"), required=False, queryset=NaceDivision.objects.all(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    languages = forms.MultipleChoiceField(label=_("Languages"), required=False,
                                          choices=settings.LANGUAGES,
                                          widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Named and sorted as the reader's language writes them (Čekija after Cipras).
        self.fields["country"].choices = [("", "---------"), *country_choices()]

    class Meta:
        model = Organisation
        fields = ("name", "kind", "size_class", "sectors", "city", "country", "languages",
                  "website", "description", "capabilities")
        widgets = {"description": forms.Textarea(attrs={"rows": 4}),
                   "capabilities": forms.Textarea(attrs={"rows": 3})}


class ContactForm(forms.ModelForm):
    partner = forms.ModelChoiceField(label=_("Kept by partner"), queryset=None, required=False)
    consent_consultations = forms.BooleanField(
        label=_("Agrees to be consulted (local learning labs)"), required=False)
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
        kept = Organisation.objects.filter(partner__in=partners)
        if self.instance.organisation_id:
            kept = kept | Organisation.objects.filter(pk=self.instance.organisation_id)
        self.fields["organisation"].queryset = kept.order_by("name")
        self.fields["email"].required = True
        for name, purpose in CONSENT_FIELDS.items():
            self.fields[name].initial = (consents or {}).get(purpose, False)

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
