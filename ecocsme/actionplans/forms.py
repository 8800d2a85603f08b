"""The forms of an action plan's back office: starting a plan, its Parts I and II, an action with
its rows (milestones, cost items, funding sources, what inspired it), and the endorsement.

Content is written per language (`core.forms.TranslatedFieldsMixin`): the plan's and the action's
texts in every language, side by side with the source language. The rows of an action are written
in the plan's language, one row a line; their other languages are lines of the translated section
(one line per row, in the rows' order), as the sessions of an event are. Every form that changes
the plan carries the revision it was drawn from (`revision`, hidden), so that a save from an older
one is refused by the services (`StaleEdit`) instead of overwriting someone else's work.

Amounts are read as people write them: "1200.50", "1 200,50", "1.200,50", "€ 1,200.50".
"""

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import DateInput, TranslatedFieldsMixin
from ecocsme.core.i18n import in_language
from ecocsme.reference.models import PolicyInstrument

from .models import ActionPlan
from .services.plans import (
    MAX_ROWS,
    SHORT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    ActionRows,
    amount_of,
)

# --- amounts -------------------------------------------------------------------------------------------
SPACES = re.compile(r"[\s\u00a0\u202f\u2009'’]")  # group separators people type: spaces, apostrophes
CURRENCY = re.compile(r"^(€|eur)|(€|eur)$", re.IGNORECASE)
MINUS = ("-", "\u2212", "\u2013")


def not_an_amount(text: str, name: str) -> forms.ValidationError:
    message = _("%(name)s: “%(value)s” is not an amount; write it like 1200.50.")
    return forms.ValidationError(message % {"name": name, "value": text[:30]}, code="invalid")


def _grouped(whole: str, separator: str) -> str | None:
    """The digits of `whole` grouped by threes with `separator`, or None when they are not."""
    groups = whole.split(separator)
    if not groups[0] or len(groups[0]) > 3 or any(len(group) != 3 for group in groups[1:]):
        return None
    return "".join(groups)


def parse_amount(text: str, *, name: str = "", decimal_separator: str | None = None) -> Decimal | None:
    """An amount in euros as someone wrote it, in the reader's language or not: the separator that
    comes last is the decimal one when both are used; a lone separator is the decimal one when it
    is the language's, or when fewer or more than three digits follow it ("1200,50" in English);
    otherwise it groups thousands ("1,200" in English, "1.200" in German). Empty: None. Negative,
    not a number, more than two decimals: ValidationError with a message naming `name`."""
    text = str(text or "").strip()
    if not text:
        return None
    decimal_separator = decimal_separator or get_format("DECIMAL_SEPARATOR")
    compact = CURRENCY.sub("", SPACES.sub("", text)).strip()
    if compact.startswith(MINUS):
        raise forms.ValidationError(_("%(name)s cannot be negative.") % {"name": name}, code="negative")
    compact = compact.lstrip("+")
    if not compact or not re.fullmatch(r"[0-9.,]+", compact) or not compact[0].isdigit():
        raise not_an_amount(text, name)
    whole, fraction = compact, ""
    if "." in compact and "," in compact:
        point = "." if compact.rfind(".") > compact.rfind(",") else ","
        whole, fraction = compact.rsplit(point, 1)
        whole = _grouped(whole, "," if point == "." else ".")
    elif "." in compact or "," in compact:
        separator = "." if "." in compact else ","
        parts = compact.split(separator)
        if len(parts) == 2 and (separator == decimal_separator or len(parts[1]) != 3):
            whole, fraction = parts
        else:
            whole = _grouped(compact, separator)
    if not whole or (fraction and not fraction.isdigit()):
        raise not_an_amount(text, name)
    try:
        amount = Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:
        raise not_an_amount(text, name) from None
    try:
        return amount_of(amount, name=name)  # the services' own limits: cents, size
    except forms.ValidationError as exc:
        raise forms.ValidationError(exc.messages[0], code="invalid") from None


class AmountField(forms.Field):
    """An amount in euros, as people write it (parse_amount); a stored amount is shown as the
    reader's language writes it, without grouping, so that it reads back the same."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
        self.widget.attrs.update(inputmode="decimal", size=12, maxlength=40)

    def to_python(self, value):
        if isinstance(value, Decimal):
            return value
        return parse_amount(str(value or "")[:40], name=str(self.label))

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            from django.utils.formats import number_format

            whole = value == value.to_integral_value()
            return number_format(value, decimal_pos=0 if whole else 2, use_l10n=True)
        return value


def _line(label, max_length=TITLE_MAX, help_text=""):
    return lambda: forms.CharField(label=label, required=False, max_length=max_length, help_text=help_text)


def _text(label, rows=5, max_length=TEXT_MAX, help_text=""):
    return lambda: forms.CharField(label=label, required=False, max_length=max_length, help_text=help_text,
                                   widget=forms.Textarea(attrs={"rows": rows}))


def _lines(label):
    return lambda: forms.CharField(label=label, required=False, strip=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))


def _language(code: str | None) -> str:
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class RevisionField(forms.IntegerField):
    def __init__(self):
        super().__init__(widget=forms.HiddenInput, min_value=0, required=False)


# --- the plan ----------------------------------------------------------------------------------------
class PlanStartForm(forms.Form):
    """Starting the partner's plan: its language and a working title."""

    language = forms.ChoiceField(label=_("Main language"), choices=settings.LANGUAGES,
                                 help_text=ActionPlan._meta.get_field("language").help_text)
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX,
                            help_text=_("A working title, in the main language; it can change later."))

    def values(self) -> dict:
        data = self.cleaned_data
        return {"language": data["language"], "title": {data["language"]: data["title"]}}


PLAN_PLAIN = ("language", "contact_role", "contact_email", "contact_phone", "instrument_category")


class PlanForm(TranslatedFieldsMixin, forms.Form):
    """The title and summary, Part I (general information) and Part II (policy context)."""

    revision = RevisionField()
    language = forms.ChoiceField(label=_("Main language"), choices=settings.LANGUAGES,
                                 help_text=ActionPlan._meta.get_field("language").help_text)
    contact_role = forms.CharField(label=_("Contact (role)"), required=False, max_length=200,
                                   help_text=ActionPlan._meta.get_field("contact_role").help_text)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False,
                                     help_text=_("The office's address, such as projects@city.example, "
                                                 "not a person's own: it outlives changes of staff."))
    contact_phone = forms.CharField(label=_("Contact phone"), required=False, max_length=40)
    instrument_category = forms.ChoiceField(
        label=_("The action plan aims to impact"), required=False,
        choices=[("", "—"), *PolicyInstrument.Category.choices],
        help_text=_("Which kind of programme the policy instrument is."))
    policy_instrument = forms.ModelChoiceField(
        label=_("Policy instrument addressed"), queryset=None, required=False,
        help_text=_("The public policy (a programme, strategy or funding scheme, often with EU funds) "
                    "the plan sets out to improve; its owner endorses the plan."))

    PARTS = ("title", "summary", "other_organisations", "policy_context", "improvement_aim")

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        instruments = PolicyInstrument.objects.order_by("country", "name")
        self.fields["policy_instrument"].queryset = instruments
        self.fields["policy_instrument"].label_from_instance = lambda i: in_language(i.names).text
        self.initial.update({name: getattr(plan, name) for name in PLAN_PLAIN},
                            policy_instrument=plan.policy_instrument_id, revision=plan.revision)
        self.add_translated_fields({
            "title": _line(_("Title")),
            "summary": _text(_("Summary"), rows=4,
                             help_text=_("The programme asks for an English summary when the plan is "
                                         "written in another language.")),
            "other_organisations": _text(_("Other partner organisations involved"), rows=3,
                                         max_length=SHORT_MAX),
            "policy_context": _text(_("Policy context"), rows=8),
            "improvement_aim": _text(_("What the plan aims to improve in the instrument"), rows=5),
        }, {part: getattr(plan, part) for part in self.PARTS}, source=plan.language)

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"title_{code}") for code, _name in settings.LANGUAGES):
            self.add_error(f"title_{self.source_language}",
                           _("Give the plan a title in at least one language."))
        return cleaned

    def values(self) -> dict:
        data = self.cleaned_data
        return {**{part: self.translated(part) for part in self.PARTS},
                **{name: data[name] or "" for name in PLAN_PLAIN},
                "policy_instrument": data.get("policy_instrument")}


# --- an action -------------------------------------------------------------------------------------------
class RowForm(forms.Form):
    """One row of an action (a formset's form); an empty or ticked row is left out."""

    def is_filled(self) -> bool:
        data = getattr(self, "cleaned_data", None) or {}
        if data.get("DELETE"):
            return False
        return any(value not in (None, "") for name, value in data.items() if name != "DELETE")


class MilestoneRow(RowForm):
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    title = forms.CharField(label=_("Milestone"), required=False, max_length=SHORT_MAX)


class CostRow(RowForm):
    item = forms.CharField(label=_("Cost item"), required=False, max_length=SHORT_MAX)
    amount = AmountField(label=_("Amount (EUR)"))


class FundingRow(RowForm):
    source = forms.CharField(label=_("Funding source"), required=False, max_length=SHORT_MAX)
    amount = AmountField(label=_("Amount (EUR)"),
                         help_text=_("Leave the amounts empty if the sources are not split yet."))


class InspirationRow(RowForm):
    cited = forms.ChoiceField(label=_("Source"), required=False, choices=())
    label = forms.CharField(label=_("As cited"), required=False, max_length=300,
                            help_text=_("Empty: the title as the platform has it."))
    note = forms.CharField(label=_("What the action takes from it"), required=False, max_length=SHORT_MAX)

    def __init__(self, *args, choices=(), labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cited"].choices = choices
        self.labels = labels or {}

    def clean(self):
        cleaned = super().clean()
        cited = cleaned.get("cited") or ""
        if cited and cited.endswith(":") and not (cleaned.get("label") or "").strip():
            self.add_error("label", _("Name what inspired the action."))
        elif not cited and ((cleaned.get("label") or "").strip() or (cleaned.get("note") or "").strip()):
            self.add_error("cited", _("Choose what inspired the action from the list."))
        return cleaned

    def is_filled(self) -> bool:
        data = getattr(self, "cleaned_data", None) or {}
        return bool(data.get("cited")) and not data.get("DELETE")


ROW_GROUPS = {
    # name: (row form, the row's text field, the translated part of its other languages)
    "milestones": (MilestoneRow, "title", "milestone_titles"),
    "costs": (CostRow, "item", "cost_items"),
    "funding": (FundingRow, "source", "funding_sources"),
    "inspirations": (InspirationRow, "note", "inspiration_notes"),
}
ROW_TEXT_KEYS = {"milestones": "title", "costs": "item", "funding": "source", "inspirations": "note"}


def row_formset(name: str, *, data=None, initial=None, extra: int = 1, form_kwargs=None):
    form, _text_field, _part = ROW_GROUPS[name]
    formset = forms.formset_factory(form, extra=extra, can_delete=True, max_num=MAX_ROWS, validate_max=True,
                                    absolute_max=MAX_ROWS + 5)
    return formset(data, prefix=name, initial=initial, form_kwargs=form_kwargs or {})


def row_count(data, name: str) -> int:
    try:
        return max(0, min(int(data.get(f"{name}-TOTAL_FORMS") or 0), MAX_ROWS))
    except (TypeError, ValueError):
        return 0


class ActionForm(TranslatedFieldsMixin, forms.Form):
    """An action's texts, timeframe, and its rows' other languages (the rows themselves are
    formsets: `row_formset`)."""

    revision = RevisionField()
    start_date = forms.DateField(label=_("Start"), required=False, widget=DateInput())
    end_date = forms.DateField(label=_("End"), required=False, widget=DateInput())

    PARTS = ("title", "background", "description", "players")

    def __init__(self, *args, plan: ActionPlan, action: dict | None = None, revision: int,
                 rows_language: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        action = action or {}
        if self.is_bound:
            rows_language = self.data.get("rows_language")
        languages = dict(settings.LANGUAGES)
        self.row_language = (rows_language if rows_language in languages
                             else rows_language_of(action, plan.language))
        self.row_language_name = str(languages[self.row_language])
        self.initial.update(revision=revision, start_date=action.get("start_date"),
                            end_date=action.get("end_date"))
        stored = {part: action.get(part) or {} for part in self.PARTS}
        for name, (_form, _field, part) in ROW_GROUPS.items():
            rows = [row.get(ROW_TEXT_KEYS[name]) or {} for row in action.get(name) or []]
            stored[part] = {code: "\n".join(texts.get(code, "") for texts in rows).rstrip("\n")
                            for code, _name in settings.LANGUAGES}
        self.add_translated_fields({
            "title": _line(_("Title of the action")),
            "background": _text(_("Background and relevance"), rows=6,
                                help_text=_("How the project inspired the action: the lessons learnt, "
                                            "the good practices, the lab themes, the workshops.")),
            "description": _text(_("The action"), rows=8, help_text=_("What will be done.")),
            "players": _text(_("Players involved and their roles"), rows=4),
            "milestone_titles": _lines(_("Milestones, one line per milestone in their order")),
            "cost_items": _lines(_("Cost items, one line per item in their order")),
            "funding_sources": _lines(_("Funding sources, one line per source in their order")),
            "inspiration_notes": _lines(_("What the action takes from each source, one line per source")),
        }, stored, source=self.row_language)
        # The rows hold their texts in the rows' language: no second place for them.
        for _form, _field, part in ROW_GROUPS.values():
            del self.fields[f"{part}_{self.row_language}"]
        self.fields["rows_language"] = forms.CharField(widget=forms.HiddenInput, required=False,
                                                       initial=self.row_language)
        self.other_row_languages = [(code, name) for code, name in languages.items()
                                    if code != self.row_language]

    def row_texts(self, data, name: str) -> str:
        """A group's row texts in the rows' language, a line each, as posted (the source text the
        other languages stand beside)."""
        _form, field, _part = ROW_GROUPS[name]
        return "\n".join(str(data.get(f"{name}-{i}-{field}", "")).replace("\n", " ")
                         for i in range(row_count(data, name))).rstrip("\n")

    def _group_of(self, part: str) -> str | None:
        return next((name for name, (_f, _field, p) in ROW_GROUPS.items() if p == part), None)

    def source_text(self, part: str) -> str:
        group = self._group_of(part)
        if group is None:
            return super().source_text(part)
        if self.is_bound:
            return self.row_texts(self.data, group)
        return self.stored_texts.get(part, {}).get(self.source_language, "")

    def draft_text(self, data, part: str, code: str) -> str:
        group = self._group_of(part)
        if group is not None and code == self.source_language:
            return self.row_texts(data, group)
        return super().draft_text(data, part, code)

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"title_{code}") for code, _name in settings.LANGUAGES):
            self.add_error(f"title_{self.source_language}",
                           _("Give the action a title in at least one language."))
        return cleaned

    def values(self) -> dict:
        data = self.cleaned_data
        return {**{part: self.translated(part) for part in self.PARTS},
                "start_date": data.get("start_date"), "end_date": data.get("end_date")}

    def _other_lines(self, part: str) -> dict[str, list[str]]:
        lines = {}
        for code, _name in settings.LANGUAGES:
            if code == self.row_language:
                continue
            raw = self.cleaned_data.get(f"{part}_{code}") or ""
            if raw.strip():
                lines[code] = raw.replace("\r\n", "\n").split("\n")
        return lines

    def rows(self, formsets: dict, cited: dict[str, tuple[str, int | None, str]]) -> ActionRows:
        """The action's rows from the formsets: each row's text in the rows' language and, at its
        place, the line of each other language (a row emptied or ticked takes its lines with it).
        `cited` maps a source's choice value to (kind, id, its title)."""
        result = {name: [] for name in ROW_GROUPS}
        for name, (_form, field, part) in ROW_GROUPS.items():
            others = self._other_lines(part)
            for index, row in enumerate(formsets[name]):
                if not row.is_filled():
                    continue
                data = row.cleaned_data
                texts = {code: lines[index].strip() for code, lines in others.items()
                         if index < len(lines) and lines[index].strip()}
                if (data.get(field) or "").strip():
                    texts[self.row_language] = data[field].strip()
                if name == "milestones":
                    result[name].append({"date": data.get("date"), "title": texts})
                elif name == "costs":
                    result[name].append({"item": texts, "amount": data.get("amount")})
                elif name == "funding":
                    result[name].append({"source": texts, "amount": data.get("amount")})
                else:
                    kind, pk, title = cited[data["cited"]]
                    label = (data.get("label") or "").strip() or title
                    result[name].append({"kind": kind, "id": pk, "label": label, "note": texts})
        return ActionRows(**result)


def rows_language_of(action: dict, default: str) -> str:
    """The language an action's rows are written in: the one most of their texts have (the
    plan's language first among equals); the plan's language for an action without rows."""
    counts = Counter()
    for name, key in ROW_TEXT_KEYS.items():
        for row in action.get(name) or []:
            counts.update(code for code, text in (row.get(key) or {}).items() if text)
    if not counts:
        return _language(default)
    top = counts.most_common(1)[0][1]
    return _language(default if counts[default] == top else counts.most_common(1)[0][0])


def row_initial(action: dict | None, rows_language: str) -> dict[str, list[dict]]:
    """The formsets' rows of a stored action (a snapshot's action), texts in the rows' language."""
    action = action or {}

    def text(value) -> str:
        return (value or {}).get(rows_language, "")

    return {
        "milestones": [{"date": m.get("date"), "title": text(m.get("title"))}
                       for m in action.get("milestones") or []],
        "costs": [{"item": text(c.get("item")), "amount": _decimal(c.get("amount"))}
                  for c in action.get("costs") or []],
        "funding": [{"source": text(f.get("source")), "amount": _decimal(f.get("amount"))}
                    for f in action.get("funding") or []],
        "inspirations": [{"cited": f"{i.get('kind')}:{i.get('id') or ''}", "label": i.get("label", ""),
                          "note": text(i.get("note"))} for i in action.get("inspirations") or []],
    }


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(value) if value not in (None, "") else None
    except InvalidOperation:
        return None


def inspiration_choices(*, practices, themes, events, cited: list[dict]) -> tuple[list, dict]:
    """The choices of an inspiration row — the practices, lab themes and events the user may cite,
    those the action already cites, and "another one, named below" — and what each value means:
    {value: (kind, id, title)}."""
    meaning: dict[str, tuple[str, int | None, str]] = {}
    groups = []

    def group(label, kind: str, items) -> None:
        options = []
        for pk, title in items:
            value = f"{kind}:{pk}"
            if value not in meaning:
                meaning[value] = (kind, pk, title[:300])
                options.append((value, title))
        if options:
            groups.append((label, options))

    group(_("Good practices"), "practice", [(p.pk, in_language(p.title).text or p.slug) for p in practices])
    group(_("Lab themes"), "theme", [(t.pk, f"{t.lab} · {t.display_label}") for t in themes])
    group(_("Workshops and events"), "event", [(e.pk, _event_label(e)) for e in events])
    kept = [row for row in cited if row.get("id") and f"{row['kind']}:{row['id']}" not in meaning]
    if kept:
        options = []
        for row in kept:
            value = f"{row['kind']}:{row['id']}"
            meaning[value] = (row["kind"], row["id"], row["label"])
            options.append((value, row["label"]))
        groups.append((_("Cited before"), options))
    others = [("practice:", _("Another good practice (name it under “As cited”)")),
              ("event:", _("Another workshop or event (name it under “As cited”)"))]
    if any(row.get("kind") == "theme" and not row.get("id") for row in cited):
        others.append(("theme:", _("A lab theme no longer on the platform")))
    for value, _label in others:
        meaning[value] = (value[:-1], None, "")
    groups.append((_("Not on the platform"), others))
    return [("", "—"), *groups], meaning


def _event_label(event) -> str:
    from django.utils.formats import date_format

    title = in_language(event.title).text
    return f"{title} ({date_format(event.starts_at, 'DATE_FORMAT')})" if event.starts_at else title


# --- the workflow ------------------------------------------------------------------------------------------
class EndorseForm(forms.Form):
    endorsed_on = forms.DateField(label=_("Endorsed on"), widget=DateInput())
    endorsed_by_role = forms.CharField(
        label=_("Signed for the policy owner by (role)"), max_length=200,
        help_text=_("The position of the signatory, such as “Mayor”, not a name."))
    endorsing_organisation = forms.CharField(label=_("Organisation that owns the policy instrument"),
                                             max_length=300,
                                             help_text=_("The managing authority or body that runs the "
                                                         "instrument and endorses the plan."))

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, prefix="endorse", **kwargs)
        instrument = plan.policy_instrument
        if instrument is not None and instrument.managing_body:
            self.initial["endorsing_organisation"] = instrument.managing_body
