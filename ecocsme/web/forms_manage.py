from django import forms
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import TranslatedFieldsMixin
from ecocsme.partnerships.models import Partner

PLAIN_FIELDS = ("short_name", "city", "website", "budget", "erdf_rate")


class PartnerForm(TranslatedFieldsMixin, forms.Form):
    """The fields a partner's own staff keep up to date; the name in English (as the programme
    lists partners) and in any other language."""

    short_name = forms.CharField(label=_("Short name"), max_length=100, required=False)
    city = forms.CharField(label=_("City"), max_length=100)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    budget = forms.DecimalField(label=_("Budget (EUR)"), required=False, min_value=0,
                                max_digits=14, decimal_places=2)
    erdf_rate = forms.DecimalField(label=_("ERDF co-financing rate (%)"), required=False,
                                   min_value=0, max_value=100, max_digits=5, decimal_places=2)

    def __init__(self, data=None, *, instance_values: Partner):
        super().__init__(data, initial={name: getattr(instance_values, name) for name in PLAIN_FIELDS})
        self.add_translated_fields(
            {"name": lambda: forms.CharField(label=_("Organisation"), max_length=300, required=False)},
            {"name": instance_values.names}, source="en")

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("name_en") or "").strip():
            self.add_error("name_en", _("Give the name in English, as the programme lists it."))
        return cleaned

    def values(self) -> dict:
        names = self.translated("name")
        return {"name": names.pop("en"), "name_translations": names,
                **{name: self.cleaned_data[name] for name in PLAIN_FIELDS}}
