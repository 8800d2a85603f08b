from django import forms
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import TranslatedFieldsMixin
from ecocsme.partnerships.models import Partner

PLAIN_FIELDS = ("short_name", "city", "website", "budget", "erdf_rate")


class PartnerForm(TranslatedFieldsMixin, forms.Form):
    """The fields a partner's own staff keep up to date; the name in English (as the programme
    lists partners) and in any other language."""

    short_name = forms.CharField(label=_("Short name"), max_length=100, required=False,
                                 help_text=_("How lists, charts and menus name the partner, e.g. "
                                             "“Timișoara”; empty: the full name."))
    city = forms.CharField(label=_("City"), max_length=100)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    budget = forms.DecimalField(label=_("Budget (EUR)"), required=False, min_value=0,
                                max_digits=14, decimal_places=2,
                                help_text=_("The partner's budget in the approved application."))
    erdf_rate = forms.DecimalField(label=_("ERDF co-financing rate (%)"), required=False,
                                   min_value=0, max_value=100, max_digits=5, decimal_places=2,
                                   help_text=_("The share of the budget the European Regional "
                                               "Development Fund pays, as in the subsidy contract."))

    logo = forms.FileField(label=_("Logo for printed documents"), required=False,
                           help_text=_("PNG, JPEG or SVG, at most 512 KB: printed on attendance sheets."))
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def __init__(self, data=None, files=None, *, instance_values: Partner):
        super().__init__(data, files, initial={name: getattr(instance_values, name) for name in PLAIN_FIELDS})
        if not instance_values.logo:
            del self.fields["remove_logo"]
        self.add_translated_fields(
            {"name": lambda: forms.CharField(label=_("Organisation"), max_length=300, required=False)},
            {"name": instance_values.names}, source="en")

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("name_en") or "").strip():
            self.add_error("name_en", _("Give the name in English, as the programme lists it."))
        return cleaned

    def clean_logo(self):
        from ecocsme.partnerships.logos import MAX_LOGO_BYTES, logo_check

        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        content = upload.read(MAX_LOGO_BYTES + 1)
        logo_check(content)
        return content

    def logo_change(self) -> tuple[bool, bytes | None]:
        """(whether the logo changes, its new content: None to remove it)."""
        content = self.cleaned_data.get("logo")
        return (True, content) if content or self.cleaned_data.get("remove_logo") else (False, None)

    def values(self) -> dict:
        names = self.translated("name")
        return {"name": names.pop("en"), "name_translations": names,
                **{name: self.cleaned_data[name] for name in PLAIN_FIELDS}}


class PhaseNotesForm(TranslatedFieldsMixin, forms.Form):
    """The curators' notes on a title's three phases, in the languages they write."""

    def __init__(self, data=None, *, notes: dict):
        from ecocsme.reference.phases import ECOC_PHASES

        super().__init__(data)
        self.phases = [phase.value for phase in ECOC_PHASES]
        self.add_translated_fields(
            {phase.value: (lambda label=phase.label: forms.CharField(
                label=label, required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 5})))
             for phase in ECOC_PHASES},
            {phase: note.text for phase, note in notes.items()}, source="en")

    def texts(self) -> dict[str, dict[str, str]]:
        return {phase: self.translated(phase) for phase in self.phases}
