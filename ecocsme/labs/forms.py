from django import forms
from django.utils.translation import gettext_lazy as _

from .services import MAX_ANSWER_LENGTH


class AnswerForm(forms.Form):
    """One text box per question, in the order of the lab."""

    def __init__(self, *args, questions, language: str, initial_texts: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            text, lang = question.localized_text(language)
            field = forms.CharField(
                label=f"{question.position}. {text}", required=False,
                max_length=MAX_ANSWER_LENGTH, initial=initial_texts.get(question.position, ""),
                widget=forms.Textarea(attrs={"rows": 5}),
                error_messages={"max_length": _("Please keep an answer under %(limit_value)d characters.")},
            )
            field.question_language = lang
            self.fields[f"q{question.position}"] = field

    def texts(self) -> dict[int, str]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}
