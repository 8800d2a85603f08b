from django import forms
from django.conf import settings
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import TranslatedFieldsMixin

from .models import Chapter, Guideline, Recommendation
from .services import CHANGELOG_MAX, NOTE_MAX, TEXT_MAX, TITLE_MAX


def _line(label, max_length=TITLE_MAX, help_text=""):
    return lambda: forms.CharField(label=label, required=False, max_length=max_length, help_text=help_text)


def _text(label, rows=5, max_length=TEXT_MAX, help_text=""):
    return lambda: forms.CharField(label=label, required=False, max_length=max_length, help_text=help_text,
                                   widget=forms.Textarea(attrs={"rows": rows}))


def _source_language(*values) -> str:
    """The language the texts are written in: the platform's default when they have it."""
    written = [code for value in values for code, text in (value or {}).items() if text]
    if not written or settings.LANGUAGE_CODE in written:
        return settings.LANGUAGE_CODE
    return written[0]


class GuidelineForm(TranslatedFieldsMixin, forms.Form):
    """The title, subtitle and introduction; for new guidelines also the project and the address."""

    project = forms.ModelChoiceField(label=_("Project"), queryset=None)
    slug = forms.SlugField(label=_("Address"), max_length=80,
                           help_text=_("Small letters, digits and hyphens; part of every version's "
                                       "address, e.g. engaging-local-smes."))

    PARTS = ("title", "subtitle", "introduction")

    def __init__(self, *args, guideline: Guideline | None = None, projects=None, **kwargs):
        super().__init__(*args, **kwargs)
        if guideline is not None:
            del self.fields["project"], self.fields["slug"]
        else:
            self.fields["project"].queryset = projects
        stored = {part: getattr(guideline, part) for part in self.PARTS} if guideline else None
        self.add_translated_fields({
            "title": _line(_("Title")),
            "subtitle": _line(_("Subtitle"), max_length=TITLE_MAX * 2),
            "introduction": _text(_("Introduction"), rows=8),
        }, stored, source=_source_language(*(stored or {}).values()))

    def values(self) -> dict:
        return {part: self.translated(part) for part in self.PARTS}


class ChapterForm(TranslatedFieldsMixin, forms.Form):
    PARTS = ("title", "introduction")

    def __init__(self, *args, chapter: Chapter, **kwargs):
        super().__init__(*args, **kwargs)
        stored = {part: getattr(chapter, part) for part in self.PARTS}
        self.add_translated_fields({
            "title": _line(_("Title"), help_text=_("Empty: the name of the phase.")),
            "introduction": _text(_("Introduction"), rows=6),
        }, stored, source=_source_language(*stored.values()))

    def values(self) -> dict:
        return {part: self.translated(part) for part in self.PARTS}


class RecommendationForm(TranslatedFieldsMixin, forms.Form):
    chapter = forms.ModelChoiceField(label=_("Chapter"), queryset=None, empty_label=None)
    key = forms.SlugField(label=_("Anchor"), max_length=80,
                          help_text=Recommendation._meta.get_field("key").help_text)

    PARTS = ("title", "text")

    def __init__(self, *args, version, recommendation: Recommendation | None = None, chapter=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chapter"].queryset = version.chapters.order_by("position")
        self.fields["chapter"].label_from_instance = lambda c: c.get_phase_display()
        stored = None
        if recommendation is not None:
            stored = {part: getattr(recommendation, part) for part in self.PARTS}
            self.initial.update(chapter=recommendation.chapter_id, key=recommendation.key)
        elif chapter is not None:
            self.initial["chapter"] = chapter.pk
        self.add_translated_fields({
            "title": _line(_("Title")),
            "text": _text(_("Text"), rows=8),
        }, stored, source=_source_language(*(stored or {}).values()))

    def values(self) -> dict:
        return {"key": self.cleaned_data["key"], **{part: self.translated(part) for part in self.PARTS}}


class NoteField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(label=_("Note"), required=False, max_length=NOTE_MAX,
                         help_text=_("What this shows, in one or two sentences, in the language of "
                                     "the page."),
                         widget=forms.Textarea(attrs={"rows": 2}), **kwargs)


def note_in_language(text: str) -> dict[str, str]:
    text = (text or "").strip()
    return {(get_language() or settings.LANGUAGE_CODE)[:2]: text} if text else {}


class PracticeEvidenceForm(forms.Form):
    practice = forms.ModelChoiceField(label=_("Good practice"), queryset=None,
                                      help_text=_("The published good practices of the project."))
    note = NoteField()

    def __init__(self, *args, practices, **kwargs):
        super().__init__(*args, prefix="practice", **kwargs)
        self.fields["practice"].queryset = practices


class AnswerEvidenceForm(forms.Form):
    answer = forms.ModelChoiceField(label=_("Answer"), queryset=None, widget=forms.RadioSelect,
                                    empty_label=None)
    note = NoteField()

    def __init__(self, *args, answers, **kwargs):
        from ecocsme.organisations.models import Organisation

        super().__init__(*args, prefix="answer", **kwargs)
        kinds = dict(Organisation.Kind.choices)
        self.fields["answer"].queryset = answers
        self.fields["answer"].label_from_instance = lambda a: " · ".join(part for part in (
            str(_("Question %(number)s") % {"number": a.question.position}),
            ", ".join(p for p in (str(kinds.get(a.response.respondent_kind, "")),
                                  a.response.respondent_city) if p),
            a.language or "", Truncator(a.text).chars(220)) if part)


class FigureEvidenceForm(forms.Form):
    figure_label = forms.CharField(label=_("Figure"), max_length=200,
                                   help_text=_("What was counted, when and where, e.g. SMEs engaged in "
                                               "2023."))
    figure_value = forms.CharField(label=_("Value"), max_length=100)
    note = NoteField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="figure", **kwargs)


class EvidenceForm(TranslatedFieldsMixin, forms.Form):
    """An evidence's note in every language (and a figure's label and value)."""

    figure_label = forms.CharField(label=_("Figure"), max_length=200)
    figure_value = forms.CharField(label=_("Value"), max_length=100)

    def __init__(self, *args, evidence, **kwargs):
        super().__init__(*args, **kwargs)
        if evidence.kind != "figure":
            del self.fields["figure_label"], self.fields["figure_value"]
        else:
            self.initial.update(figure_label=evidence.figure_label, figure_value=evidence.figure_value)
        self.add_translated_fields({"note": _text(_("Note"), rows=2, max_length=NOTE_MAX)},
                                   {"note": evidence.note}, source=_source_language(evidence.note))


class PublishForm(TranslatedFieldsMixin, forms.Form):
    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated_fields(
            {"changelog": _text(_("What changed"), rows=4, max_length=CHANGELOG_MAX)},
            {"changelog": version.changelog}, source=_source_language(version.changelog))
