"""The forms of the peer review's pages: inviting stakeholders to review a plan. (The comment
forms are two plain fields, read by the views and checked by services.review.)"""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import DateInput

from .services.review import DEFAULT_VALIDITY, LONGEST_VALIDITY


def _contact_label(contact) -> str:
    return f"{contact.name} · {contact.organisation}" if contact.organisation_id else contact.name


class ReviewerInviteForm(forms.Form):
    contacts = forms.ModelMultipleChoiceField(label=_("Contacts who agreed to be consulted"), queryset=None,
                                              widget=forms.CheckboxSelectMultiple)
    expires_on = forms.DateField(label=_("The links work until"), required=False, widget=DateInput(),
                                 help_text=_("The last day a stakeholder can comment through the link "
                                             "(30 days from today unless you choose)."))

    def __init__(self, *args, plan, user, **kwargs):
        from .selectors import invitable_reviewers

        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = invitable_reviewers(user, plan)
        self.fields["contacts"].label_from_instance = _contact_label
        self.initial.setdefault("expires_on", timezone.localdate() + DEFAULT_VALIDITY)

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        if day is None:
            return None
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("Choose today or a day in the future."))
        if day > today + LONGEST_VALIDITY - dt.timedelta(days=1):
            raise forms.ValidationError(_("A personal link works for a year at most."))
        return day

    def expires_at(self) -> dt.datetime | None:
        """The end of the chosen day, in the platform's time zone."""
        day = self.cleaned_data.get("expires_on")
        if day is None:
            return None
        return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))
