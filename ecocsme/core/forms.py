"""Forms for content written in several languages: a field per part and language, shown side
by side with the text in the source language, the missing languages named, and a machine
draft for a missing language when a translation backend is configured (never saved unread:
the draft fills the form, staff read it and save)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import QueryDict
from django.utils.translation import gettext as _

from ecocsme.core.translation import translator
from ecocsme.text.translate import TranslationFailed

MAX_DRAFT_CHARS = 20_000  # a draft is asked for in the request: keep the engine's work bounded


@dataclass
class LanguageRow:
    """One language of a translated form: its fields, each beside the source text."""

    code: str
    name: str
    is_source: bool
    fields: list[tuple[forms.BoundField, str]]

    @property
    def is_missing(self) -> bool:
        return not any(str(field.value() or "").strip() for field, _source in self.fields)


class TranslatedFieldsMixin:
    """Adds `<part>_<code>` fields; `translated(part)` gives the {code: text} to store."""

    def add_translated_fields(self, parts: dict[str, Callable[[], forms.Field]],
                              stored: dict[str, dict[str, str]] | None, source: str) -> None:
        self.translated_parts = list(parts)
        self.stored_texts = {part: dict(value) for part, value in (stored or {}).items()
                             if isinstance(value, dict)}
        self.source_language = source if source in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        for code, _name in settings.LANGUAGES:
            for part, make_field in parts.items():
                self.fields[f"{part}_{code}"] = make_field()
                self.initial[f"{part}_{code}"] = self.stored_texts.get(part, {}).get(code, "")

    def translated(self, part: str) -> dict[str, str]:
        """The texts to store: every platform language as posted, and any other language the
        stored value holds (a code this form does not show is kept, not dropped)."""
        platform = dict(settings.LANGUAGES)
        kept = {code: text for code, text in self.stored_texts.get(part, {}).items() if code not in platform}
        posted = {code: text for code in platform
                  if (text := str(self.cleaned_data.get(f"{part}_{code}") or "").strip())}
        return {**kept, **posted}

    def source_text(self, part: str) -> str:
        """The text of `part` in the source language, as the form now holds it."""
        name = f"{part}_{self.source_language}"
        return str(self[name].value() or "") if name in self.fields else ""

    def is_translated_field(self, name: str) -> bool:
        return any(name.startswith(f"{part}_") for part in self.translated_parts)

    @property
    def plain_fields(self) -> list[forms.BoundField]:
        return [field for field in self if not self.is_translated_field(field.name)]

    @cached_property
    def language_rows(self) -> list[LanguageRow]:
        """Built once per form (the page shows them, names the missing ones, offers drafts)."""
        source = self.source_language
        source_texts = {part: self.source_text(part) for part in self.translated_parts}
        rows = []
        for code, name in settings.LANGUAGES:
            fields = [(self[f"{part}_{code}"], source_texts[part])
                      for part in self.translated_parts if f"{part}_{code}" in self.fields]
            rows.append(LanguageRow(code, str(name), code == source, fields))
        rows.sort(key=lambda row: not row.is_source)
        return rows

    @property
    def missing_language_names(self) -> list[str]:
        return [row.name for row in self.language_rows if row.is_missing]

    @property
    def draft_languages(self) -> list[str]:
        """Missing languages the configured backend can draft from a language already written."""
        engine = translator()
        if engine is None:
            return []
        rows = self.language_rows
        written = [row.code for row in rows if not row.is_missing]
        return [row.code for row in rows
                if row.is_missing and any(engine.can_translate(code, row.code) for code in written)]

    def draft_text(self, data: QueryDict, part: str, code: str) -> str:
        """The posted text of `part` in `code` that a draft is made from."""
        return data.get(f"{part}_{code}", "")

    def draft_source(self, data: QueryDict, target: str) -> str | None:
        """The written language to draft `target` from: the source language, else English, else
        any other the backend translates from."""
        engine = translator()
        order = [self.source_language, settings.LANGUAGE_CODE, *(code for code, _name in settings.LANGUAGES)]
        for code in dict.fromkeys(order):
            written = any(self.draft_text(data, part, code).strip() for part in self.translated_parts)
            if code != target and written and engine.can_translate(code, target):
                return code
        return None


def bind_with_draft(request, make_form: Callable[[QueryDict | None], TranslatedFieldsMixin]):
    """The form bound to the request; when the "draft" button of a language was pressed, bound
    to the posted data with that language's machine draft (and a message): `(form, drafting)`."""
    data = request.POST if request.method == "POST" else None
    form = make_form(data)
    if data is None or "draft" not in data:
        return form, False
    data, notice = drafted(form, data, data["draft"])
    messages.info(request, notice)
    return make_form(data), True


def drafted(form: TranslatedFieldsMixin, data: QueryDict, target: str) -> tuple[QueryDict, str]:
    """The posted data with machine drafts for `target` in its empty fields, and a message."""
    engine = translator()
    source = form.draft_source(data, target) if engine and target in dict(settings.LANGUAGES) else None
    if source is None:
        return data, _("No machine translation is available for this language.")
    data = data.copy()
    texts_from = {part: form.draft_text(data, part, source) for part in form.translated_parts
                  if f"{part}_{target}" in form.fields}
    parts = [part for part, text in texts_from.items()
             if text.strip() and not data.get(f"{part}_{target}", "").strip()]
    if sum(len(texts_from[part]) for part in parts) > MAX_DRAFT_CHARS:
        return data, _("These texts are too long for a machine draft; nothing was changed.")
    try:
        texts = engine.translate([texts_from[part] for part in parts], source, target)
    except TranslationFailed:
        return data, _("The machine translation did not answer; nothing was changed.")
    for part, text in zip(parts, texts, strict=True):
        data[f"{part}_{target}"] = text
    return data, _("A machine draft fills the empty fields in %(language)s. Read and correct it, "
                   "then save: nothing is stored until you do.") % {
                       "language": dict(settings.LANGUAGES)[target]}


class DateInput(forms.DateInput):
    """The browser's date picker, which reads and writes ISO dates whatever the page language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")
