from datetime import time

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import DateInput, TimeInput, TranslatedFieldsMixin
from ecocsme.events.services.events import SessionInput

from .models import Event, EventInvitation
from .times import ZONE_NAMES

COMMON_ZONES = ["Europe/Bucharest", "Europe/Amsterdam", "Europe/Rome", "Europe/Zagreb",
                "Europe/Vilnius", "Europe/Helsinki", "Europe/Berlin", "Europe/Brussels",
                "Europe/Lisbon", "Europe/London", "Europe/Dublin", "Europe/Athens", "UTC"]


def zone_choices() -> list[tuple[str, str]]:
    others = sorted(ZONE_NAMES - set(COMMON_ZONES))
    return [(z, z) for z in COMMON_ZONES] + [(z, z) for z in others]


class EventForm(TranslatedFieldsMixin, forms.Form):
    partner = forms.ModelChoiceField(label=_("Organising partner"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices)
    language = forms.ChoiceField(label=_("Working language"), choices=settings.LANGUAGES,
                                 help_text=_("The language spoken at the event."))
    time_zone = forms.ChoiceField(label=_("Time zone of the times below"), choices=(),
                                  help_text=_("The zone where the event happens; calendar programs "
                                              "convert the times for people elsewhere."))
    venue = forms.CharField(label=_("Venue"), required=False, max_length=300)
    address = forms.CharField(label=_("Address"), required=False, max_length=300)
    city = forms.CharField(label=_("City"), required=False, max_length=100)
    online_url = forms.URLField(label=_("Online meeting link"), required=False, max_length=500,
                                assume_scheme="https",
                                help_text=_("Shown only to confirmed participants."))
    capacity = forms.IntegerField(label=_("Places"), required=False, min_value=1,
                                  help_text=_("Leave empty for no limit. When the places are taken, "
                                              "further yes answers join a waiting list and move up, "
                                              "in order, when someone gives up a place."))
    rsvp_deadline = forms.DateField(label=_("Answer by (last day)"), required=False,
                                    widget=DateInput(),
                                    help_text=_("Answers close at the end of this day, in the event's "
                                                "time zone. Leave empty to take answers until the "
                                                "event ends."))
    lab = forms.ModelChoiceField(label=_("Local learning lab"), queryset=None, required=False,
                                 help_text=_("If the event is a meeting of one of your labs."))
    is_public = forms.BooleanField(label=_("Show on the public site and calendar"), required=False,
                                   initial=True)
    contact_name = forms.CharField(label=_("Whom to contact"), required=False, max_length=200,
                                   help_text=_("A role or team, e.g. “Project team”."))
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    def __init__(self, *args, user, event: Event | None = None, **kwargs):
        from ecocsme.partnerships.access import partners_changeable_by

        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners_changeable_by(user)
        self.fields["time_zone"].choices = zone_choices()
        from ecocsme.labs.access import labs_visible_to

        labs = labs_visible_to(user)
        self.fields["lab"].queryset = labs.filter(partner=event.partner) if event else labs
        self.add_translated_fields({
            "title": lambda: forms.CharField(label=_("Title"), required=False, max_length=300),
            "description": lambda: forms.CharField(label=_("Description"), required=False,
                                                   widget=forms.Textarea(attrs={"rows": 3})),
            "agenda": lambda: forms.CharField(label=_("Agenda"), required=False,
                                              widget=forms.Textarea(attrs={"rows": 5})),
            "session_titles": lambda: forms.CharField(
                label=_("Titles of the sessions, one line per session in their order"), required=False,
                strip=False, widget=forms.Textarea(attrs={"rows": 3})),
        }, _stored_texts(event), source=self._titles_language(event))
        # The rows above hold the session titles in the source language: no second place for them.
        del self.fields[f"session_titles_{self.source_language}"]
        self.fields["titles_language"] = forms.CharField(widget=forms.HiddenInput, required=False,
                                                         initial=self.source_language)
        if event is not None:
            del self.fields["partner"]
            self.initial.update({name: getattr(event, name) for name in (
                "kind", "language", "time_zone", "venue", "address", "city", "online_url", "capacity",
                "is_public", "contact_name", "contact_email", "lab")})
            if event.rsvp_deadline:
                self.initial["rsvp_deadline"] = event.rsvp_deadline.astimezone(event.zone).date()

    def _titles_language(self, event: Event | None) -> str:
        """The language of the session rows' titles: for an event, the one the page showed them
        in (changing the working language does not relabel them); for a new event, the posted
        working language."""
        languages = dict(settings.LANGUAGES)
        shown = self.data.get("titles_language") if event is not None else self.data.get("language")
        return shown if shown in languages else (event.language if event else settings.LANGUAGE_CODE)

    def row_titles(self, data) -> str:
        """The session rows' titles, a line each, as posted."""
        try:
            total = min(int(data.get("sessions-TOTAL_FORMS") or 0), MAX_SESSIONS)
        except ValueError:
            total = 0
        return "\n".join(data.get(f"sessions-{i}-title", "") for i in range(total)).rstrip("\n")

    def source_text(self, part: str) -> str:
        if part != "session_titles":
            return super().source_text(part)
        if self.is_bound:
            return self.row_titles(self.data)
        return self.stored_texts.get("session_titles", {}).get(self.source_language, "")

    def draft_text(self, data, part: str, code: str) -> str:
        if part == "session_titles" and code == self.source_language:
            return self.row_titles(data)
        return super().draft_text(data, part, code)

    def clean(self):
        cleaned = super().clean()
        lab, partner = cleaned.get("lab"), cleaned.get("partner")
        if lab is not None and partner is not None and lab.partner_id != partner.pk:
            self.add_error("lab", _("Choose a lab of the organising partner."))
        if not any(cleaned.get(f"title_{code}") for code, _name in settings.LANGUAGES):
            raise forms.ValidationError(_("Give the event a title in at least one language."))
        return cleaned

    def values(self) -> dict:
        from datetime import datetime

        from .times import zone_named

        data = self.cleaned_data
        texts = {part: self.translated(part) for part in ("title", "description", "agenda")}
        deadline = None
        if data.get("rsvp_deadline"):
            zone = zone_named(data["time_zone"])
            # The last day counts whole: answers are taken until midnight, local time.
            deadline = datetime.combine(data["rsvp_deadline"], time(23, 59, 59), tzinfo=zone)
        return {**texts, "kind": data["kind"], "language": data["language"],
                "time_zone": data["time_zone"], "venue": data["venue"], "address": data["address"],
                "city": data["city"], "online_url": data["online_url"], "capacity": data["capacity"],
                "rsvp_deadline": deadline, "is_public": data["is_public"], "lab": data.get("lab"),
                "contact_name": data["contact_name"], "contact_email": data["contact_email"]}


class SessionForm(forms.Form):
    day = forms.DateField(label=_("Day"), required=False, widget=DateInput())
    start = forms.TimeField(label=_("From"), required=False, widget=TimeInput())
    end = forms.TimeField(label=_("To"), required=False, widget=TimeInput())
    title = forms.CharField(label=_("Part"), required=False, max_length=200)


MAX_SESSIONS = 30
SessionFormSet = forms.formset_factory(SessionForm, extra=2, max_num=MAX_SESSIONS)


def _stored_texts(event: Event | None) -> dict[str, dict[str, str]] | None:
    if event is None:
        return None
    sessions = list(event.sessions.order_by("position"))
    titles = {code: "\n".join(session.title.get(code, "") for session in sessions).rstrip("\n")
              for code, _name in settings.LANGUAGES}
    return {"title": event.title, "description": event.description, "agenda": event.agenda,
            "session_titles": titles}


def sessions_from(formset, form: EventForm) -> list[SessionInput]:
    """The sessions of the formset's rows, each titled in every language given: the row's own
    title in the rows' language, each other language's line at the row's place in the formset
    (a row emptied to remove its session takes its lines with it)."""
    language = form.source_language
    lines = {}
    for code, _name in settings.LANGUAGES:
        raw = form.cleaned_data.get(f"session_titles_{code}") or ""
        if code != language and raw.strip():
            lines[code] = raw.replace("\r\n", "\n").split("\n")
    result = []
    for index, row in enumerate(formset):
        data = row.cleaned_data
        if not data or not data.get("day"):
            continue
        title = {code: code_lines[index].strip() for code, code_lines in lines.items()
                 if index < len(code_lines) and code_lines[index].strip()}
        if data.get("title", "").strip():
            title[language] = data["title"].strip()
        result.append(SessionInput(day=data["day"], start=data.get("start"), end=data.get("end"),
                                   title=title))
    return sorted(result, key=lambda s: (s.day, s.start or time(0)))


def session_initial(event: Event) -> list[dict]:
    rows = []
    for session in event.sessions.order_by("position"):
        row = {"day": session.day, "title": session.title.get(event.language, "")}
        if not session.all_day:
            row["start"] = session.starts_at.astimezone(event.zone).time()
            row["end"] = session.ends_at.astimezone(event.zone).time()
        rows.append(row)
    return rows


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(label=_("Your answer"), choices=EventInvitation.Answer.choices,
                               widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note for the organisers (optional)"), required=False,
                           max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    needs = forms.CharField(label=_("Dietary or access needs (optional)"), required=False,
                            max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    clear_note = forms.BooleanField(label=_("Remove my earlier note and needs"), required=False)

    def note_and_needs(self) -> tuple[str, str]:
        """What to keep: nothing when the person asked to remove the earlier note and needs."""
        if self.cleaned_data.get("clear_note"):
            return "", ""
        return self.cleaned_data["note"], self.cleaned_data["needs"]


class InviteForm(forms.Form):
    contacts = forms.ModelMultipleChoiceField(label=_("Contacts who agreed to receive event invitations"),
                                              queryset=None, required=False,
                                              widget=forms.CheckboxSelectMultiple)
    everyone = forms.BooleanField(label=_("Invite every one of them"), required=False)

    def __init__(self, *args, event: Event, user, **kwargs):
        from .selectors import invitable_contacts

        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = invitable_contacts(user, event)

    def chosen(self):
        if self.cleaned_data.get("everyone"):
            return list(self.fields["contacts"].queryset)
        return list(self.cleaned_data.get("contacts") or [])
