"""The public list's filters: the project and the partner's country, among the published plans."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ecocsme.reference.countries import country_choices


class PublicPlanFilter(forms.Form):
    project = forms.ChoiceField(label=_("Project"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, projects: list[tuple[str, str]], countries: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].choices = [("", _("All projects")), *projects]
        # Named and sorted in the reader's language.
        self.fields["country"].choices = [("", _("All countries")), *country_choices(codes=countries)]

    def chosen(self) -> dict[str, str]:
        """The valid filters (an unknown value is left out, and the form says so)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) or "" for name in ("project", "country") if name not in self.errors}
