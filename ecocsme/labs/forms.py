from django import forms
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import DateTimeInput, TranslatedFieldsMixin
from ecocsme.core.i18n import in_language
from ecocsme.labs.services.answers import MAX_ANSWER_LENGTH


class AnswerForm(forms.Form):
    """One text box per question, in the order of the lab."""

    def __init__(self, *args, questions, language: str, initial_texts: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            text = in_language(question.text, language)
            field = forms.CharField(
                label=f"{question.position}. {text}", required=False,
                max_length=MAX_ANSWER_LENGTH, initial=initial_texts.get(question.position, ""),
                widget=forms.Textarea(attrs={"rows": 5}),
                error_messages={"max_length": _("Please keep an answer under %(limit_value)d characters.")},
            )
            field.question = text  # the label as the page shows it, marked when in another language
            field.position = question.position
            self.fields[f"q{question.position}"] = field

    def texts(self) -> dict[int, str]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}


class LabForm(TranslatedFieldsMixin, forms.Form):
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=None)
    number = forms.IntegerField(label=_("Number in the series"), min_value=1, max_value=99,
                                help_text=_("The partner's first lab is 1, the second 2…"))
    format = forms.ChoiceField(label=_("Format"), choices=(),
                               help_text=_("How the lab meets; in every format the invitations carry a "
                                           "personal link to answer."))
    phases = forms.MultipleChoiceField(label=_("ECoC phases addressed"), required=False,
                                       widget=forms.CheckboxSelectMultiple, choices=(),
                                       help_text=_("The stages of a Capital of Culture the questions are "
                                                   "about: the years before the title, the title year, "
                                                   "the years after."))
    closes_at = forms.DateTimeField(label=_("Closes"), required=False,
                                    widget=DateTimeInput(),
                                    help_text=_("After this moment nobody can answer. Leave empty to "
                                                "keep the lab open."))
    reply_to = forms.EmailField(label=_("Address for e-mail replies"), required=False,
                                help_text=_("If given, invitations say people may answer by replying to "
                                            "the e-mail, and replies go to this mailbox; save them as "
                                            ".eml files and upload them on the lab's page."))

    def __init__(self, *args, user, lab=None, **kwargs):
        from django.conf import settings

        from ecocsme.partnerships.access import partners_changeable_by
        from ecocsme.reference.phases import ECOC_PHASES

        from .models import Lab
        from .selectors import lab_questions

        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners_changeable_by(user)
        self.fields["format"].choices = Lab.Format.choices
        self.fields["phases"].choices = [(p.value, p.label) for p in ECOC_PHASES]
        stored = None
        if lab is not None:
            questions = list(lab_questions(lab))
            lines = {code: "\n".join(q.text[code] for q in questions if q.text.get(code))
                     for code, _name in settings.LANGUAGES}
            stored = {"theme": lab.theme, "description": lab.description, "questions": lines}
        self.add_translated_fields({
            "theme": lambda: forms.CharField(label=_("Theme"), required=False, max_length=500),
            "description": lambda: forms.CharField(label=_("Description"), required=False,
                                                   widget=forms.Textarea(attrs={"rows": 3})),
            "questions": lambda: forms.CharField(label=_("Questions, one per line"), required=False,
                                                 widget=forms.Textarea(attrs={"rows": 6})),
        }, stored, source=(lab.languages[0] if lab and lab.languages else settings.LANGUAGE_CODE))
        if lab is not None:
            del self.fields["partner"]
            self.initial.update({"number": lab.number, "format": lab.format, "phases": lab.phases,
                                 "closes_at": lab.closes_at, "reply_to": lab.reply_to})

    def questions(self) -> dict[str, list[str]]:
        from django.conf import settings

        return {code: [line.strip() for line in self.cleaned_data[f"questions_{code}"].splitlines()
                       if line.strip()] for code, _name in settings.LANGUAGES}

    def values(self) -> dict:

        return {"number": self.cleaned_data["number"], "format": self.cleaned_data["format"],
                "phases": self.cleaned_data["phases"], "closes_at": self.cleaned_data["closes_at"],
                "reply_to": self.cleaned_data["reply_to"],
                "theme": self.translated("theme"), "description": self.translated("description")}


class InviteForm(forms.Form):
    contacts = forms.ModelMultipleChoiceField(label=_("Contacts who agreed to be consulted"),
                                              queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, lab, user, **kwargs):
        from .selectors import invitable_contacts

        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = invitable_contacts(user, lab)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".eml,.mbox,.txt"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        if isinstance(data, list | tuple):
            return [clean_one(item, initial) for item in data]
        return [clean_one(data, initial)]


class RepliesUploadForm(forms.Form):
    files = MultipleFileField(label=_("E-mail replies (.eml or .mbox files)"))

    def clean_files(self):
        from .services.replies import MAX_UPLOAD_BYTES

        files = self.cleaned_data["files"]
        if sum(upload.size for upload in files) > MAX_UPLOAD_BYTES:  # refused before it is read
            raise forms.ValidationError(_("The files are larger than 50 MB together; upload them in parts."))
        return files


class ReplyReviewForm(forms.Form):
    invitation = forms.ModelChoiceField(label=_("Invitation"), queryset=None, required=False)

    def __init__(self, *args, reply, **kwargs):
        from .selectors import invitations_by_name, lab_questions

        super().__init__(*args, **kwargs)
        self.fields["invitation"].queryset = invitations_by_name(reply.lab)
        self.fields["invitation"].label_from_instance = lambda i: f"{i.contact.name} <{i.contact.email}>"
        self.initial["invitation"] = reply.invitation_id
        for question in lab_questions(reply.lab):
            key = str(question.position)
            self.fields[f"a{key}"] = forms.CharField(
                label=f"{key}. {question.localized_text()[0]}", required=False,
                widget=forms.Textarea(attrs={"rows": 3}), initial=reply.answers.get(key, ""))

    def answers(self) -> dict[str, str]:
        return {name[1:]: value for name, value in self.cleaned_data.items()
                if name.startswith("a") and name[1:].isdigit() and value.strip()}
