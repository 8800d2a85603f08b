from django import forms
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import DateInput
from ecocsme.reference.phases import Phase
from ecocsme.reference.selectors import ecoc_title_country_choices


class EcocTimelineFilter(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    year_from = forms.IntegerField(label=_("From year"), required=False, min_value=1985,
                                   max_value=2100)
    year_to = forms.IntegerField(label=_("To year"), required=False, min_value=1985, max_value=2100)
    on = forms.DateField(label=_("Phase on"), required=False,
                         widget=DateInput(),
                         help_text=_("Leave empty for today."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Named and sorted in the reader's language: Čekija after Cipras, Švedija after Suomija.
        self.fields["country"].choices = [("", _("All countries")), *ecoc_title_country_choices()]
        self.fields["phase"].choices = [("", _("All phases")), *Phase.choices]

    def clean(self):
        data = super().clean()
        if data.get("year_from") and data.get("year_to") and data["year_from"] > data["year_to"]:
            self.add_error("year_to", _("The last year cannot come before the first."))
        return data
