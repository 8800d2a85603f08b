from django import forms
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import DateInput

from .models import (
    DESCRIPTION_MAX_CHARS,
    INTEREST_MESSAGE_MAX_CHARS,
    TITLE_MAX_CHARS,
    DigestSubscription,
    Interest,
    Opportunity,
)
from .services import FIELDS, check_values


class OpportunityForm(forms.Form):
    """An opportunity as its poster writes it. The organisation (for a representative) and the
    partner (for the staff of several partners) are asked only when there is a choice."""

    organisation = forms.ModelChoiceField(
        label=_("Posted for"), queryset=None, required=False,
        help_text=_("The verified organisation you represent that offers this opportunity."))
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=None, required=False,
                                     help_text=_("The partner you work for whose staff moderate it."))
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_CHARS)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 10}))
    kind = forms.ChoiceField(label=_("Kind"), choices=Opportunity.Kind.choices,
                             help_text=_("A tender buys under procurement rules; an open call selects "
                                         "projects or artists; the others seek a co-producer, a supplier, "
                                         "a sponsor or a partner. Matching uses it."))
    ecoc_title = forms.ModelChoiceField(label=_("ECoC title"), queryset=None,
                                        help_text=_("The European Capital of Culture it is for."))
    phase = forms.ChoiceField(label=_("ECoC phase"), required=False,
                              help_text=_("Leave empty for the title's phase today."))
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors (NACE)"), queryset=None, required=False, to_field_name="code",
        widget=forms.SelectMultiple(attrs={"size": 8}),
        error_messages={"invalid_choice": _("%(value)s is not a NACE division."),
                        "invalid_pk_value": _("%(pk)s is not a NACE division.")})
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 help_text=_("Leave empty to have it recognised from the text."))
    city = forms.CharField(label=_("City"), required=False, max_length=100,
                           help_text=_("Leave empty for the title's city."))
    country = forms.ChoiceField(label=_("Country"), required=False,
                                help_text=_("Leave empty for the title's country."))
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput(),
                               help_text=_("The last day to answer."))
    budget_eur = forms.DecimalField(label=_("Budget (EUR)"), required=False, min_value=0,
                                    max_digits=14, decimal_places=2,
                                    help_text=_("The amount on offer, if it is public; leave empty if not."))
    cross_border = forms.BooleanField(label=_("Organisations from other countries are welcome"),
                                      required=False, initial=True)
    contact_name = forms.CharField(label=_("Contact point"), required=False, max_length=200,
                                   help_text=_("A role or a name, e.g. “Programme office”. Shown "
                                               "publicly with the opportunity."))
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), required=False, max_length=50)

    def __init__(self, *args, user, opportunity: Opportunity | None = None, **kwargs):
        from ecocsme.reference.countries import country_choices
        from ecocsme.reference.phases import ECOC_PHASES
        from ecocsme.reference.selectors import ecoc_titles_for_choice, nace_divisions

        from .access import posting_organisations
        from .selectors import staffed_partners

        super().__init__(*args, **kwargs)
        self.fields["description"].help_text = gettext(
            "What is asked, from whom, by when, and how to answer; at most %(limit)s characters."
        ) % {"limit": number_format(DESCRIPTION_MAX_CHARS, force_grouping=True)}
        self.fields["ecoc_title"].queryset = ecoc_titles_for_choice()
        self.fields["sectors"].queryset = nace_divisions()
        self.fields["phase"].choices = [("", "—"), *[(p.value, p.label) for p in ECOC_PHASES]]
        self.fields["language"].choices = [("", "—"), *settings.LANGUAGES]
        self.fields["country"].choices = [("", "—"), *country_choices()]  # named and sorted as the reader's
        if opportunity is None:
            organisations = posting_organisations(user)
            partners = staffed_partners(user)
            if organisations:
                from ecocsme.organisations.models import Organisation

                self.fields["organisation"].queryset = Organisation.objects.filter(
                    pk__in=[o.pk for o in organisations])
                if not partners and not user.is_superuser and len(organisations) == 1:
                    self.initial["organisation"] = organisations[0].pk
                if not partners and not user.is_superuser and not _coordinates(user):
                    self.fields["organisation"].required = True
            else:
                del self.fields["organisation"]
            if len(partners) > 1:
                from ecocsme.partnerships.models import Partner

                self.fields["partner"].queryset = Partner.objects.filter(pk__in=[p.pk for p in partners])
                self.fields["partner"].required = True
            else:
                del self.fields["partner"]
        else:
            del self.fields["organisation"], self.fields["partner"]
            self.initial.update({name: getattr(opportunity, name) for name in FIELDS})
            self.initial.update({"country": opportunity.country.code,
                                 "sectors": list(opportunity.sectors.all())})

    def clean(self):
        """The service's checks (an empty or too long description, a past deadline…), each
        said at its field, for the fields that are otherwise right."""
        from django.core.exceptions import ValidationError

        data = super().clean()
        try:
            check_values(self.values())
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                if name in self.errors:
                    continue
                for message in messages:
                    self.add_error(name if name in self.fields else None, message)
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        return {name: data.get(name) for name in FIELDS}


def _coordinates(user) -> bool:
    from ecocsme.accounts.predicates import coordinates_a_project

    return coordinates_a_project(user)


class ModerationForm(forms.Form):
    note = forms.CharField(label=_("What the poster should change"), required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 3}))


# --- reach: interest, the thread, digests, the engagement page's filters ---------------------------
class InterestForm(forms.Form):
    """"We are interested": for which of the verified organisations the user represents (asked
    only when there are several), and a message to the poster's side."""

    organisation = forms.TypedChoiceField(label=_("For"), coerce=int, choices=())
    message = forms.CharField(
        label=_("Your message"), required=False, strip=True,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": INTEREST_MESSAGE_MAX_CHARS}))

    def __init__(self, *args, organisations: list, own: list = (), **kwargs):
        """`own`: the interests the user's organisations already have in the opportunity. For a
        representative of one organisation, its interest (`first_interest`) names the button, and
        while open and unanswered its message is filled in to be corrected."""
        self.first_interest = own[0] if len(own) == 1 and len(organisations) == 1 else None
        if self.first_interest is not None and self.first_interest.first_message_changeable:
            kwargs.setdefault("initial", {}).setdefault("message", self.first_interest.message)
        super().__init__(*args, **kwargs)
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]
        if len(organisations) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.initial.setdefault("organisation", organisations[0].pk)
        self.fields["message"].help_text = gettext(
            "What your organisation offers, or what you would like to know; at most %(limit)s characters. "
            "The opportunity's side reads it and can answer here.") % {
            "limit": number_format(INTEREST_MESSAGE_MAX_CHARS, force_grouping=True)}

    @property
    def chosen_organisation(self):
        return self.organisations.get(self.cleaned_data.get("organisation"))


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Your answer"), required=False, strip=True,
                           widget=forms.Textarea(attrs={"rows": 4, "maxlength": INTEREST_MESSAGE_MAX_CHARS}))


class InterestStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Interest.Status.choices,
                               help_text=_("Where the talks stand; the organisation sees it, and the "
                                           "engagement figures count it."))


class DigestForm(forms.Form):
    """A representative's digest of new opportunities for their organisation: how often, and the
    consent, whose box says what they will get (the same words are kept with it)."""

    frequency = forms.ChoiceField(label=_("How often"), choices=DigestSubscription.Frequency.choices,
                                  widget=forms.RadioSelect, initial=DigestSubscription.Frequency.WEEKLY)
    consent = forms.BooleanField(label=_("I agree"), required=False)


class EngagementFilterForm(forms.Form):
    """The engagement page's filters: an ECoC title ("2023-timisoara"), a phase, a period."""

    ecoc = forms.ChoiceField(label=_("ECoC title"), required=False)
    phase = forms.ChoiceField(label=_("ECoC phase"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("Until"), required=False, widget=DateInput())

    def __init__(self, *args, titles: list, **kwargs):
        from ecocsme.reference.phases import ECOC_PHASES

        from .filters import title_key

        super().__init__(*args, **kwargs)
        self.titles = {title_key(title): title for title in titles}
        self.fields["ecoc"].choices = [("", _("All")), *[(key, str(t)) for key, t in self.titles.items()]]
        self.fields["phase"].choices = [("", _("All")), *[(p.value, p.label) for p in ECOC_PHASES]]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", gettext("The period ends before it starts."))
        return data

    def filters(self) -> dict:
        """The figures' arguments for the filters that are right (the others are left out)."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        chosen = {"ecoc_title": self.titles.get(data.get("ecoc") or ""), "phase": data.get("phase") or None,
                  "since": data.get("since"), "until": data.get("until")}
        if "until" in self.errors:
            chosen["since"] = chosen["until"] = None
        return chosen
