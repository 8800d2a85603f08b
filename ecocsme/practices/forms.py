from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import DateInput, TranslatedFieldsMixin

from .models import TEXT_FIELDS, TITLE_MAX_CHARS, Practice
from .themes import Theme

LONG_TEXT = 8000


def _text(label, rows=4, max_length=LONG_TEXT, help_text=""):
    return lambda: forms.CharField(label=label, required=False, max_length=max_length,
                                   help_text=help_text, widget=forms.Textarea(attrs={"rows": rows}))


class PracticeForm(TranslatedFieldsMixin, forms.Form):
    """A practice's fields in the programme's order (GP-1); each text in the languages it is
    written in."""

    partner = forms.ModelChoiceField(label=_("Identified by"), queryset=None,
                                     help_text=_("The partner who found the practice and keeps its record."))
    keywords = forms.CharField(label=_("Keywords"), required=False, max_length=500,
                               help_text=_("Separated by commas."))
    country = forms.ChoiceField(label=_("Country"), choices=())
    nuts_region = forms.ModelChoiceField(label=_("NUTS-2 region"), queryset=None, required=False,
                                         help_text=_("The EU's statistical region (level 2) where the "
                                                     "practice runs."))
    city = forms.CharField(label=_("City"), required=False, max_length=100)
    ecoc_title = forms.ModelChoiceField(label=_("ECoC title"), queryset=None, required=False,
                                        help_text=_("The European Capital of Culture the practice "
                                                    "is linked to."))
    phases = forms.MultipleChoiceField(label=_("ECoC phases"), required=False,
                                       widget=forms.CheckboxSelectMultiple, choices=(),
                                       help_text=_("When in the life of a Capital of Culture the practice "
                                                   "happened: the years before the title, the title year, "
                                                   "the years after."))
    themes = forms.MultipleChoiceField(label=_("Themes"), required=False,
                                       widget=forms.CheckboxSelectMultiple, choices=Theme.choices)
    sectors = forms.ModelMultipleChoiceField(label=_("Sectors (NACE)"), queryset=None, required=False,
                                             widget=forms.SelectMultiple(attrs={"size": 8}),
                                             help_text=_("The economic sectors the practice concerns; "
                                                         "hold Ctrl (⌘ on a Mac) to choose several."))
    starts_on = forms.DateField(label=_("Started"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=_("Ended"), required=False, widget=DateInput(),
                              help_text=_("Leave empty while it goes on."))
    main_institution = forms.CharField(label=_("Main institution"), required=False, max_length=300,
                                       help_text=_("The organisation that ran the practice."))
    contact_organisation = forms.CharField(label=_("Organisation to contact"), required=False,
                                           max_length=300,
                                           help_text=_("Where readers can ask about it: an organisation, "
                                                       "not a person's name."))
    website = forms.URLField(label=_("Website"), required=False, max_length=500, assume_scheme="https")

    PLAIN = ("country", "nuts_region", "city", "ecoc_title", "phases", "themes", "starts_on",
             "ends_on", "main_institution", "contact_organisation", "website")

    def __init__(self, *args, user, practice: Practice | None = None, **kwargs):
        from ecocsme.partnerships.access import partners_changeable_by
        from ecocsme.reference.countries import country_choices
        from ecocsme.reference.phases import ECOC_PHASES
        from ecocsme.reference.selectors import ecoc_titles_for_choice, nace_divisions, nuts_regions

        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners_changeable_by(user)
        self.fields["country"].choices = [("", "—"), *country_choices()]
        self.fields["nuts_region"].queryset = nuts_regions()
        self.fields["ecoc_title"].queryset = ecoc_titles_for_choice()
        self.fields["sectors"].queryset = nace_divisions()
        self.fields["phases"].choices = [(phase.value, phase.label) for phase in ECOC_PHASES]
        stored = None
        if practice is not None:
            stored = {name: getattr(practice, name) for name in TEXT_FIELDS}
            del self.fields["partner"]
            self.initial.update({name: getattr(practice, name) for name in self.PLAIN})
            self.initial.update({"country": practice.country.code, "keywords": ", ".join(practice.keywords),
                                 "sectors": list(practice.sectors.all())})
        source = settings.LANGUAGE_CODE
        if practice is not None and practice.languages and settings.LANGUAGE_CODE not in practice.languages:
            source = practice.languages[0]
        self.add_translated_fields({
            "title": lambda: forms.CharField(label=_("Title"), required=False, max_length=TITLE_MAX_CHARS),
            "summary": _text(_("Short summary"), rows=3, max_length=1500),
            "description": _text(_("Detailed description"), rows=8),
            "resources": _text(_("Resources needed"), rows=3,
                               help_text=_("Money, staff, premises: what it took.")),
            "evidence_of_success": _text(_("Evidence of success")),
            "difficulties": _text(_("Difficulties encountered and lessons learnt")),
            "transfer_potential": _text(_("Potential for learning or transfer"),
                                        help_text=_("What another city would need to do the same, and "
                                                    "what it could learn even without copying it.")),
            "stakeholders": _text(_("Main stakeholders and beneficiaries"), rows=3),
        }, stored, source=source)


    def values(self) -> dict:
        data = self.cleaned_data
        keywords = [word.strip() for word in data["keywords"].split(",") if word.strip()]
        return {**{name: data[name] for name in self.PLAIN},
                **{part: self.translated(part) for part in TEXT_FIELDS},
                "keywords": list(dict.fromkeys(keywords))[:30]}


class ReviewForm(forms.Form):
    note = forms.CharField(label=_("What the authors should change"), required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 3}))
    expert_opinion = forms.CharField(label=_("Expert opinion"), required=False, max_length=4000,
                                     widget=forms.Textarea(attrs={"rows": 3}),
                                     help_text=_("Shown on the practice once it is published."))


class AssessmentForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("For the territory of"), queryset=None)
    score = forms.TypedChoiceField(label=_("Transferability"), coerce=int,
                                   choices=[(n, str(n)) for n in range(1, 6)], widget=forms.RadioSelect,
                                   help_text=_("1: hardly transferable to our territory; "
                                               "5: transferable as it is."))
    conditions = forms.CharField(label=_("Conditions for a transfer"), required=False, max_length=4000,
                                 widget=forms.Textarea(attrs={"rows": 3}),
                                 help_text=_("What would have to be in place in your territory for the "
                                             "practice to work there."))
    comment = forms.CharField(label=_("Comment"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, partners: list, **kwargs):
        from ecocsme.partnerships.models import Partner

        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(pk__in=[p.pk for p in partners])
        if len(partners) == 1:
            self.initial["partner"] = partners[0].pk


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Image or PDF"), widget=forms.ClearableFileInput(
        attrs={"accept": "image/jpeg,image/png,image/webp,image/gif,application/pdf"}))
    caption = forms.CharField(label=_("Caption"), required=False, max_length=300)
