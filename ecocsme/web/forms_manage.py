from django import forms
from django.utils.translation import gettext_lazy as _

from ecocsme.partnerships.models import Partner


class PartnerForm(forms.Form):
    """The fields a partner's own staff keep up to date."""

    name = forms.CharField(label=_("Organisation"), max_length=300)
    short_name = forms.CharField(label=_("Short name"), max_length=100, required=False)
    city = forms.CharField(label=_("City"), max_length=100)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    budget = forms.DecimalField(label=_("Budget (EUR)"), required=False, min_value=0,
                                max_digits=14, decimal_places=2)
    erdf_rate = forms.DecimalField(label=_("ERDF co-financing rate (%)"), required=False,
                                   min_value=0, max_value=100, max_digits=5, decimal_places=2)

    def __init__(self, data=None, *, instance_values: Partner):
        initial = {name: getattr(instance_values, name) for name in self.base_fields}
        super().__init__(data, initial=initial)
