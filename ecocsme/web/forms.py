from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from ecocsme.reference.phases import Phase
from ecocsme.reference.selectors import ecoc_title_countries


class EcocTimelineFilter(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    year_from = forms.IntegerField(label=_("From year"), required=False, min_value=1985,
                                   max_value=2100)
    year_to = forms.IntegerField(label=_("To year"), required=False, min_value=1985, max_value=2100)
    on = forms.DateField(label=_("Phase on"), required=False,
                         widget=forms.DateInput(attrs={"type": "date"}),
                         help_text=_("Leave empty for today."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = ecoc_title_countries()
        names = sorted(((code, countries.name(code)) for code in codes), key=lambda c: c[1])
        self.fields["country"].choices = [("", _("All countries")), *names]
        self.fields["phase"].choices = [("", _("All phases")), *Phase.choices]

    def clean(self):
        data = super().clean()
        if data.get("year_from") and data.get("year_to") and data["year_from"] > data["year_to"]:
            self.add_error("year_to", _("The last year cannot come before the first."))
        return data
