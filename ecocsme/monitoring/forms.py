"""The monitoring's forms: an indicator (name and description per language) with its targets per
partner, a value with its evidence, the budget per period, and the coordinator's validation.

Numbers are plain text fields: the services read them as the reader's language writes them
(numbers.checked_decimal) and say what is wrong; a form only carries what was typed and the
revision it was drawn from."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ecocsme.core.forms import TranslatedFieldsMixin

from .indicators import UNITS, programme_entry, source_choices
from .numbers import example

NUMBER_ATTRS = {"inputmode": "decimal", "autocomplete": "off", "size": 12}


def number_field(label, *, required: bool = False, disabled: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=40,
        disabled=disabled,
        widget=forms.TextInput(attrs=NUMBER_ATTRS),
    )


def as_typed(value) -> str:
    """A stored Decimal as the reader's language writes it, for a form's initial value."""
    from django.utils import formats

    if value is None:
        return ""
    whole = value == value.to_integral_value()
    return formats.number_format(value, decimal_pos=0 if whole else 2, use_l10n=True)


class IndicatorForm(TranslatedFieldsMixin, forms.Form):
    unit = forms.ChoiceField(label=_("Unit"), choices=())
    source = forms.ChoiceField(
        label=_("Where the values come from"), choices=(), help_text=_("Fixed once the indicator is created.")
    )
    is_cumulative = forms.BooleanField(
        label=_("The periods' values add up"),
        required=False,
        initial=True,
        help_text=_("Otherwise progress is the latest period's value (a share, a level)."),
    )
    position = forms.IntegerField(
        label=_("Position in the list"), required=False, min_value=0, max_value=32767,
        help_text=_("Lower numbers come first on the indicators page and the dashboard."),
    )

    def __init__(self, data=None, *, indicator=None):
        super().__init__(data)
        self.indicator = indicator
        self.programme = programme_entry(indicator) if indicator is not None else None
        self.fields["unit"].choices = [(key, label) for key, label in UNITS.items()]
        self.fields["source"].choices = source_choices()
        if indicator is not None:
            self.initial.update(
                {
                    "unit": indicator.unit,
                    "source": indicator.source,
                    "is_cumulative": indicator.is_cumulative,
                    "position": indicator.position,
                }
            )
            self.fields["source"].disabled = True
        if self.programme is not None:
            for name in ("unit", "is_cumulative"):
                self.fields[name].disabled = True
        stored = {
            "name": indicator.name if indicator and not self._default_name() else {},
            "description": indicator.description if indicator else {},
        }
        self.add_translated_fields(
            {
                "name": lambda: forms.CharField(label=_("Name"), required=False, max_length=200),
                "description": lambda: forms.CharField(
                    label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
                ),
            },
            stored,
            source="en",
        )

    def _default_name(self) -> bool:
        from .indicators import english

        return self.programme is not None and self.indicator.name == {"en": english(self.programme.name)}

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "name": self.translated("name"),
            "description": self.translated("description"),
            "unit": data.get("unit"),
            "source": data.get("source"),
            "is_cumulative": data.get("is_cumulative"),
            "position": data.get("position"),
        }


class TargetsForm(forms.Form):
    """A baseline and a target per partner, with the revision each row was drawn from."""

    def __init__(self, data=None, *, partners, targets: dict):
        super().__init__(data, prefix="targets")
        self.partners = partners
        for partner in partners:
            target = targets.get(partner.pk)
            self.fields[f"baseline_{partner.pk}"] = number_field(_("Baseline"))
            self.fields[f"target_{partner.pk}"] = number_field(_("Target"))
            self.fields[f"revision_{partner.pk}"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False
            )
            self.initial.update(
                {
                    f"baseline_{partner.pk}": as_typed(target.baseline) if target else "",
                    f"target_{partner.pk}": as_typed(target.target) if target else "",
                    f"revision_{partner.pk}": target.revision if target else 0,
                }
            )

    def rows(self):
        """(partner, baseline field, target field, revision field) per partner, for the page."""
        return [
            (p, self[f"baseline_{p.pk}"], self[f"target_{p.pk}"], self[f"revision_{p.pk}"])
            for p in self.partners
        ]

    def given(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "partner": p,
                "baseline": data.get(f"baseline_{p.pk}", ""),
                "target": data.get(f"target_{p.pk}", ""),
                "revision": posted_revision(data.get(f"revision_{p.pk}")),
            }
            for p in self.partners
        ]


class ValueForm(forms.Form):
    value = number_field(_("Value"), required=True)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the value counts and where it comes from."),
    )
    evidence_link = forms.CharField(
        label=_("Evidence (link)"),
        required=False,
        max_length=500,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    evidence_file = forms.FileField(
        label=_("Evidence (file)"),
        required=False,
        help_text=_(
            "A PDF, an image, a Word, Excel or PowerPoint file or an OpenDocument text or spreadsheet."
        ),
    )
    remove_file = forms.BooleanField(label=_("Remove the file kept"), required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, data=None, files=None, *, entry=None, whole: bool = False):
        super().__init__(data, files)
        self.fields["value"].help_text = _("For example %(example)s.") % {"example": example(whole)}
        if entry is not None:
            self.initial.update(
                {
                    "value": as_typed(entry.value),
                    "note": entry.note,
                    "evidence_link": entry.evidence_link,
                    "revision": entry.revision,
                }
            )
        else:
            self.initial["revision"] = 0
            del self.fields["remove_file"]
        if entry is not None and not entry.evidence_file:
            del self.fields["remove_file"]


def posted_revision(value) -> int:
    """The revision a form was drawn from; a form that lost it counts as drawn from an older one
    (services: None is for commands and the demo, which draw from no form)."""
    return -1 if value is None else value


class BudgetForm(forms.Form):
    """Planned and spent per period; a validated period is shown, not changed; nothing is spent in
    a period not started yet."""

    def __init__(self, data=None, *, periods: list[dict]):
        super().__init__(data, prefix="budget")
        self.periods = periods
        for row in periods:
            number, line = row["number"], row["line"]
            frozen = row["validated"]
            planned = pgettext_lazy("budget", "Planned")
            self.fields[f"planned_{number}"] = number_field(planned, disabled=frozen)
            self.fields[f"spent_{number}"] = number_field(_("Spent"), disabled=frozen or not row["started"])
            self.fields[f"revision_{number}"] = forms.IntegerField(widget=forms.HiddenInput, required=False)
            self.initial.update(
                {
                    f"planned_{number}": as_typed(line.planned) if line else "",
                    f"spent_{number}": as_typed(line.spent) if line and line.spent is not None else "",
                    f"revision_{number}": line.revision if line else 0,
                }
            )

    def rows(self):
        return [
            (
                row,
                self[f"planned_{row['number']}"],
                self[f"spent_{row['number']}"],
                self[f"revision_{row['number']}"],
            )
            for row in self.periods
        ]

    def given(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "period": row["period"],
                "planned": data.get(f"planned_{row['number']}", ""),
                "spent": data.get(f"spent_{row['number']}", ""),
                "revision": posted_revision(data.get(f"revision_{row['number']}")),
            }
            for row in self.periods
            if not row["validated"]
        ]


class ValidationForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was checked, or why the period is reopened."),
    )
