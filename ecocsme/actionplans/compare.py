"""Two versions of an action plan side by side (AP-2): two `selectors.plan_document` snapshots
compared section by section and action by action, in one reader's language. Plain data in, plain
data out — no database — so the history page, a file or a test compares stored snapshots alike.

- A text is compared word by word as the reader reads it (`core.i18n.in_language`: their language,
  else English, else any); when it changed only in other languages, those are named, so the
  page can offer the comparison in them.
- Actions are matched by their key, which stays from version to version: added, removed,
  changed (field by field), moved (its place among the actions both versions have changed).
- Rows (milestones, cost items, funding sources, what inspired the action) are compared as lines.

`for_reading(document)` gives a snapshot with dates as dates, for templates (`|date`).
"""

import copy
import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ecocsme.core.formats import money
from ecocsme.core.i18n import LocalizedText, in_language, reader_language
from ecocsme.reference.models import PolicyInstrument

from .models import Action, ActionPlan, Inspiration

# Numbers whole ("1,200.50", "1.200,50", "1 200"), spaces, words, each punctuation mark.
TOKENS = re.compile(r"\d+(?:[.,\u00a0\u202f’']\d+)*|\s+|\w+|[^\w\s]")
SAME, REMOVED, ADDED, CHANGED = "same", "removed", "added", "changed"
Segment = tuple[str, str]  # (SAME | REMOVED | ADDED, text)


def word_diff(old: str, new: str) -> tuple[list[Segment], list[Segment]]:
    """The two texts as segments: the old side with what was taken out, the new side with what
    was put in, word by word."""
    a, b = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append((SAME, "".join(a[i1:i2])))
            right.append((SAME, "".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append((REMOVED, "".join(a[i1:i2])))
        if j2 > j1:
            right.append((ADDED, "".join(b[j1:j2])))
    return left, right


# --- what the page shows ---------------------------------------------------------------------------
@dataclass
class TextChange:
    """One field in both versions, as the reader reads it."""

    label: str
    old: list[Segment]
    new: list[Segment]
    old_language: str = ""  # the `lang` of each side ("" for plain values)
    new_language: str = ""
    other_languages: list[str] = field(default_factory=list)  # codes it changed in besides

    @property
    def words_changed(self) -> bool:
        return any(kind != SAME for kind, _text in (*self.old, *self.new))

    @property
    def changed(self) -> bool:
        return self.words_changed or bool(self.other_languages)


@dataclass
class RowLine:
    kind: str  # SAME, REMOVED, ADDED, CHANGED
    old: list[Segment] | None
    new: list[Segment] | None


@dataclass
class RowsChange:
    label: str
    lines: list[RowLine]
    other_languages: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(line.kind != SAME for line in self.lines) or bool(self.other_languages)


@dataclass
class SectionChange:
    key: str  # "head", "part1", "part2", "endorsement": also the anchor of the plan's page
    title: str
    fields: list[TextChange]  # the changed ones

    @property
    def changed(self) -> bool:
        return bool(self.fields)


@dataclass
class ActionChange:
    key: str
    status: str  # ADDED, REMOVED, CHANGED, SAME
    moved: bool
    old_position: int | None
    new_position: int | None
    title: LocalizedText
    fields: list[TextChange]
    rows: list[RowsChange]

    @property
    def single_side(self) -> str:
        """"new" for an action put in, "old" for one taken out: the page shows that side alone."""
        return {ADDED: "new", REMOVED: "old"}.get(self.status, "")

    @property
    def renumbered(self) -> bool:
        return None not in (self.old_position, self.new_position) and self.old_position != self.new_position


@dataclass
class Comparison:
    language: str
    sections: list[SectionChange]
    actions: list[ActionChange]
    other_languages: list[str]  # every language something changed in besides the reader's

    @property
    def counts(self) -> dict[str, int]:
        counts = {status: sum(1 for a in self.actions if a.status == status)
                  for status in (ADDED, REMOVED, CHANGED)}
        return {**counts, "moved": sum(1 for a in self.actions if a.moved)}

    @property
    def unchanged(self) -> list[ActionChange]:
        return [a for a in self.actions if a.status == SAME and not a.moved]

    @property
    def is_empty(self) -> bool:
        return not any(s.changed for s in self.sections) and all(
            a.status == SAME and not a.moved for a in self.actions)


# --- comparing values ------------------------------------------------------------------------------
def _texts(value) -> dict[str, str]:
    if isinstance(value, dict):
        return {code: text for code, text in value.items() if isinstance(text, str) and text}
    return {"": str(value)} if value not in (None, "") else {}


def _shown(value, language: str) -> tuple[str, str]:
    """(text, its language code) of a value as the reader reads it; plain values have no code."""
    if isinstance(value, dict):
        shown = in_language(value, language)
        return shown.text, shown.language if shown.text else ""
    return ("" if value is None else str(value)), ""


def _other_languages(old, new, shown: set[str]) -> list[str]:
    """The languages a text changed in besides those shown; none for a text that one side does
    not have at all (put in or taken out whole: the shown side says it)."""
    a, b = _texts(old), _texts(new)
    if not a or not b:
        return []
    return sorted(code for code in set(a) | set(b)
                  if code and code not in shown and a.get(code) != b.get(code))


def text_change(label: str, old, new, language: str) -> TextChange:
    old_text, old_code = _shown(old, language)
    new_text, new_code = _shown(new, language)
    left, right = word_diff(old_text, new_text)
    return TextChange(label=label, old=left, new=right, old_language=old_code, new_language=new_code,
                      other_languages=_other_languages(old, new, {old_code, new_code}))


def _rows_change(label: str, old_rows: list, new_rows: list, line, texts, language: str) -> RowsChange:
    """Rows compared as lines (`line(row, language)` writes one); `texts(row)` are its texts per
    language, for the languages it changed in besides the reader's."""
    a = [line(row, language) for row in old_rows]
    b = [line(row, language) for row in new_rows]
    lines = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            lines += [RowLine(SAME, [(SAME, text)], [(SAME, text)]) for text in a[i1:i2]]
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):
            left, right = word_diff(a[i1 + k], b[j1 + k])
            lines.append(RowLine(CHANGED, left, right))
        lines += [RowLine(REMOVED, [(REMOVED, text)], None) for text in a[i1 + paired:i2]]
        lines += [RowLine(ADDED, None, [(ADDED, text)]) for text in b[j1 + paired:j2]]
    others = set()
    for old_row, new_row in zip(old_rows, new_rows, strict=False):
        for old_value, new_value in zip(texts(old_row), texts(new_row), strict=True):
            shown = {_shown(old_value, language)[1], _shown(new_value, language)[1]}
            others.update(_other_languages(old_value, new_value, shown))
    return RowsChange(label=label, lines=lines, other_languages=sorted(others))


def _day(value) -> str:
    if not value:
        return ""
    try:
        return date_format(date.fromisoformat(value), "DATE_FORMAT")
    except (TypeError, ValueError):
        return str(value)


def _money(value) -> str:
    return money(value) if value not in (None, "") else ""


def _label(choices, value) -> str:
    return str(dict(choices).get(value, value or ""))


def _milestone(row, language):
    return f"{_day(row.get('date'))} · {_shown(row.get('title'), language)[0]}"


def _cost(row, language):
    return f"{_shown(row.get('item'), language)[0]}: {_money(row.get('amount'))}"


def _funding(row, language):
    source, amount = _shown(row.get("source"), language)[0], _money(row.get("amount"))
    return f"{source}: {amount}" if amount else source


def _inspiration(row, language):
    text = f"{_label(Inspiration.Kind.choices, row.get('kind'))}: {row.get('label', '')}"
    note = _shown(row.get("note"), language)[0]
    return f"{text} — {note}" if note else text


ROWS = (
    ("milestones", _milestone, lambda row: (row.get("title"),)),
    ("costs", _cost, lambda row: (row.get("item"),)),
    ("funding", _funding, lambda row: (row.get("source"),)),
    ("inspirations", _inspiration, lambda row: (row.get("note"),)),
)


def _row_labels() -> dict[str, str]:
    return {"milestones": _("Milestones"), "costs": _("Costs"), "funding": _("Funding sources"),
            "inspirations": _("What inspired it")}


def _timeframe(action: dict) -> str:
    start, end = _day(action.get("start_date")), _day(action.get("end_date"))
    if not (start or end):
        return ""
    return f"{start or '…'} – {end or '…'}"


def _split(action: dict) -> bool:
    """Whether the action's funding sources are split into amounts (else there is no total)."""
    return any(row.get("amount") not in (None, "") for row in action.get("funding") or [])


def _action_fields(old: dict, new: dict, language: str) -> list[TextChange]:
    pairs = [
        (_("Title"), old.get("title"), new.get("title")),
        (_("Background and relevance"), old.get("background"), new.get("background")),
        (pgettext("heading", "The action"), old.get("description"), new.get("description")),
        (_("Players involved and their roles"), old.get("players"), new.get("players")),
        (_("Timeframe"), _timeframe(old), _timeframe(new)),
        (_("Total costs"), _money(old.get("cost_total")) if old.get("costs") else "",
         _money(new.get("cost_total")) if new.get("costs") else ""),
        (_("Total funding"), _money(old.get("funding_total")) if _split(old) else "",
         _money(new.get("funding_total")) if _split(new) else ""),
    ]
    if old and new:  # the status reported in phase 2: news only for an action both versions have
        pairs.append((_("Status"), _label(Action.Status.choices, old.get("status")),
                      _label(Action.Status.choices, new.get("status"))))
    changes = [text_change(label, a, b, language) for label, a, b in pairs]
    return [change for change in changes if change.changed]


def _action_rows(old: dict, new: dict, language: str) -> list[RowsChange]:
    labels = _row_labels()
    changes = [_rows_change(labels[name], old.get(name) or [], new.get(name) or [], line, texts, language)
               for name, line, texts in ROWS]
    return [change for change in changes if change.changed]


def _moved_keys(old_order: list[str], new_order: list[str]) -> set[str]:
    """The actions whose place among those both versions have changed: what the longest run of
    actions in the same order leaves out."""
    stayed = set()
    for block in difflib.SequenceMatcher(None, old_order, new_order, autojunk=False).get_matching_blocks():
        stayed.update(old_order[block.a:block.a + block.size])
    return set(old_order) - stayed


def compare_actions(old_actions: list[dict], new_actions: list[dict], language: str) -> list[ActionChange]:
    """Every action of either version, in the new version's order; a removed action stands after
    the one it followed in the old version."""
    old_by_key = {a["key"]: a for a in old_actions}
    new_by_key = {a["key"]: a for a in new_actions}
    common_old = [a["key"] for a in old_actions if a["key"] in new_by_key]
    common_new = [a["key"] for a in new_actions if a["key"] in old_by_key]
    moved = _moved_keys(common_old, common_new)

    def change(key: str) -> ActionChange:
        old, new = old_by_key.get(key, {}), new_by_key.get(key, {})
        fields, rows = _action_fields(old, new, language), _action_rows(old, new, language)
        if not old:
            status = ADDED
        elif not new:
            status = REMOVED
        else:
            status = CHANGED if fields or rows else SAME
        return ActionChange(key=key, status=status, moved=key in moved, old_position=old.get("position"),
                            new_position=new.get("position"),
                            title=in_language((new or old).get("title"), language), fields=fields, rows=rows)

    removed_after: dict[str | None, list[str]] = {}
    previous = None
    for action in old_actions:
        if action["key"] in new_by_key:
            previous = action["key"]
        else:
            removed_after.setdefault(previous, []).append(action["key"])
    result = [change(key) for key in removed_after.get(None, [])]
    for action in new_actions:
        result.append(change(action["key"]))
        result += [change(key) for key in removed_after.get(action["key"], [])]
    return result


def _instrument(document: dict):
    instrument = (document.get("part2") or {}).get("policy_instrument")
    return instrument.get("names") or instrument.get("name") if instrument else ""


def _nuts(document: dict) -> str:
    nuts = (document.get("partner") or {}).get("nuts")
    return f"{nuts['code']} {nuts['name']}" if nuts else ""


def _sections(old: dict, new: dict, language: str) -> list[SectionChange]:
    languages = dict(settings.LANGUAGES)
    part1_old, part1_new = old.get("part1") or {}, new.get("part1") or {}
    part2_old, part2_new = old.get("part2") or {}, new.get("part2") or {}
    end_old, end_new = old.get("endorsement") or {}, new.get("endorsement") or {}
    statuses = ActionPlan.Status.choices
    categories = PolicyInstrument.Category.choices
    sections = {
        "head": (_("Title and summary"), [
            (_("Title"), old.get("title"), new.get("title")),
            (_("Summary"), old.get("summary"), new.get("summary")),
            (_("Main language"), str(languages.get(old.get("language"), "")),
             str(languages.get(new.get("language"), ""))),
            (_("Status"), _label(statuses, old.get("status")), _label(statuses, new.get("status"))),
        ]),
        "part1": (_("Part I – General information"), [
            (_("Partner organisation"), (old.get("partner") or {}).get("names"),
             (new.get("partner") or {}).get("names")),
            (_("NUTS-2 region"), _nuts(old), _nuts(new)),
            (_("Other partner organisations involved"), part1_old.get("other_organisations"),
             part1_new.get("other_organisations")),
            (_("Contact (role)"), part1_old.get("contact_role"), part1_new.get("contact_role")),
            (_("Contact e-mail"), part1_old.get("contact_email"), part1_new.get("contact_email")),
            (_("Contact phone"), part1_old.get("contact_phone"), part1_new.get("contact_phone")),
        ]),
        "part2": (_("Part II – Policy context"), [
            (_("The action plan aims to impact"), _label(categories, part2_old.get("instrument_category")),
             _label(categories, part2_new.get("instrument_category"))),
            (_("Policy instrument addressed"), _instrument(old), _instrument(new)),
            (_("Policy context"), part2_old.get("policy_context"), part2_new.get("policy_context")),
            (_("What the plan aims to improve"), part2_old.get("improvement_aim"),
             part2_new.get("improvement_aim")),
        ]),
        "endorsement": (_("Endorsement"), [
            (_("Endorsed on"), _day(end_old.get("endorsed_on")), _day(end_new.get("endorsed_on"))),
            (_("Signed for the policy owner by (role)"), end_old.get("endorsed_by_role"),
             end_new.get("endorsed_by_role")),
            (_("Organisation that owns the policy instrument"), end_old.get("endorsing_organisation"),
             end_new.get("endorsing_organisation")),
        ]),
    }
    result = []
    for key, (title, pairs) in sections.items():
        changes = [text_change(label, a, b, language) for label, a, b in pairs]
        result.append(SectionChange(key=key, title=str(title), fields=[c for c in changes if c.changed]))
    return result


def compare_documents(old: dict, new: dict, *, language: str | None = None) -> Comparison:
    """What changed from the snapshot `old` to `new`, for a reader of `language` (default: the
    active language)."""
    language = reader_language(language)
    sections = _sections(old, new, language)
    actions = compare_actions(old.get("actions") or [], new.get("actions") or [], language)
    others = set()
    for section in sections:
        for change in section.fields:
            others.update(change.other_languages)
    for action in actions:
        for change in action.fields:
            others.update(change.other_languages)
        for rows in action.rows:
            others.update(rows.other_languages)
    return Comparison(language=language, sections=sections, actions=actions,
                      other_languages=sorted(others - {language}))


# --- a snapshot for templates ------------------------------------------------------------------------
def _as_date(value):
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return value or None


def for_reading(document: dict) -> dict:
    """A copy of a snapshot for templates: dates as `date`s (the `|date` filter formats them in
    the reader's language), the labels of its codes in the reader's language (`*_label`, the
    country's name), whether an action's funding is split into amounts; amounts stay strings,
    which `|money` reads."""
    from django_countries import countries

    document = copy.deepcopy(document or {})
    document["status_label"] = _label(ActionPlan.Status.choices, document.get("status"))
    document["language_label"] = str(dict(settings.LANGUAGES).get(document.get("language"), ""))
    partner = document.get("partner") or {}
    partner["country_name"] = str(countries.name(partner.get("country") or "")) or partner.get("country", "")
    part2 = document.get("part2") or {}
    part2["instrument_category_label"] = _label(PolicyInstrument.Category.choices,
                                                part2.get("instrument_category"))
    for action in document.get("actions") or []:
        action["start_date"] = _as_date(action.get("start_date"))
        action["end_date"] = _as_date(action.get("end_date"))
        action["status_label"] = _label(Action.Status.choices, action.get("status"))
        action["funding_split"] = _split(action)
        for milestone in action.get("milestones") or []:
            milestone["date"] = _as_date(milestone.get("date"))
        for item in action.get("inspirations") or []:
            item["kind_label"] = _label(Inspiration.Kind.choices, item.get("kind"))
    if document.get("endorsement"):
        document["endorsement"]["endorsed_on"] = _as_date(document["endorsement"].get("endorsed_on"))
    return document
