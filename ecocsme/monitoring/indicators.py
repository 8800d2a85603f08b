"""The programme's indicators (AP-4, /work/shared/INTERREG.md "Project indicators") and how the
platform computes them from what it holds. No views, no writes.

`PROGRAMME_INDICATORS` is the catalogue a project installs (`services.indicators_install`): key,
kind, unit (a key of `UNITS`), source ("manual" or a key of `SOURCES`), name, cumulative.

`SOURCES[key](project, partner_ids, periods)` gives {(partner_id, period_number): Decimal} for
the partners asked, counting only the project's own records, with a fixed number of queries
for the whole project whatever the number of partners and periods: each source reads one
grouped fetch of another app's selectors (`Facts`), and sources that read the same records share
it (events held and their participants are one query). A (partner, period) without records is
left out: it is 0.

What each computation counts, and in which period (the period whose start and end dates hold
the day; a record dated outside every period of the project counts in none):

- events held: the partner's published events that are over (not drafts, not cancelled, not in
  the future), in the period of the local date of their end;
- participants: per event held, the people checked in when anyone was checked in, else those
  with a confirmed place (who answered yes, not on the waiting list), summed over the events;
- labs held: the partner's labs opened and closed before now, in the period of their closing;
- people who answered the labs: submitted responses (one per person and lab), in the period of
  their submission;
- good practices identified: the partner's practices published after the coordinator's review,
  in the period of their publication;
- organisations engaged: organisations interested in an opportunity the partner moderates
  (interest not withdrawn), each once per partner, in the period of its first interest; SMEs
  engaged: those of them that are SMEs or start-ups;
- action plans developed: the partner's plan, once endorsed, in the period of the endorsement;
- actions implemented: actions of the partner's plan reported done, each once, in the first
  period reported done;
- policy instruments improved: the partner's plan (one per policy instrument), once, in the
  first period a report of one of its actions says the instrument is improved; growth-and-jobs
  and ETC programmes on one side, other instruments on the other, by what the plan aims at;
- funds influenced: the funds each action report of the period states, summed (EUR), split as
  the instruments are (structural funds: growth-and-jobs and ETC programmes).

Days are local dates: an event's in its own time zone, the others in the platform's.
"""

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from ecocsme.core.i18n import LocalizedText, in_language, reader_language

ZERO = Decimal(0)

UNITS = {
    "number": _("number"),
    "people": _("people"),
    "organisations": _("organisations"),
    "eur": _("euros"),
    "percent": _("per cent"),
}
# Counts are whole numbers; amounts and shares may have cents.
WHOLE_UNITS = frozenset({"number", "people", "organisations"})

MANUAL = "manual"


def unit_label(unit: str) -> str:
    """The unit's name in the reader's language (the key itself when unknown)."""
    return str(UNITS.get(unit, unit))


def shown(value, unit: str) -> str:
    """A value as the reader's language writes it in its unit: "118.163 €", "84 %", "1 200"."""
    from ecocsme.core.formats import grouped, money, percent

    if value is None or value == "":
        return ""
    amount = Decimal(value)
    if unit == "eur":
        return money(amount)
    if unit == "percent":
        return percent(amount)
    return grouped(amount.to_integral_value() if amount == amount.to_integral_value() else amount)


# --- the catalogue ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ProgrammeIndicator:
    key: str
    kind: str  # "output" or "result" (Indicator.Kind)
    unit: str  # a key of UNITS
    source: str  # "manual" or a key of SOURCES
    name: object  # gettext_lazy
    description: object = ""
    cumulative: bool = True

    @property
    def is_computed(self) -> bool:
        return self.source != MANUAL


PROGRAMME_INDICATORS: tuple[ProgrammeIndicator, ...] = (
    ProgrammeIndicator(
        "policy_learning_events",
        "output",
        "number",
        "events_held",
        _("Policy learning events organised"),
        _("Events of the partner held in the period: published, not cancelled, over."),
    ),
    ProgrammeIndicator(
        "event_participants",
        "output",
        "people",
        "event_participants",
        _("Participants in policy learning events"),
        _(
            "People checked in at the events held, or where nobody was checked in, those "
            "with a confirmed place."
        ),
    ),
    ProgrammeIndicator(
        "labs_held",
        "output",
        "number",
        "labs_held",
        _("Local learning labs held"),
        _("The partner's labs opened and closed in the period."),
    ),
    ProgrammeIndicator(
        "lab_answers",
        "output",
        "people",
        "lab_answers",
        _("Stakeholders who answered the labs' questions"),
        _("Answers submitted to the partner's labs in the period, one per person and lab."),
    ),
    ProgrammeIndicator(
        "good_practices_identified",
        "output",
        "number",
        "practices_identified",
        _("Good practices identified"),
        _("The partner's good practices published after the coordinator's review."),
    ),
    ProgrammeIndicator(
        "organisations_engaged",
        "output",
        "organisations",
        "organisations_engaged",
        _("Organisations engaged through opportunities"),
        _(
            "Organisations that said they are interested in an opportunity the partner "
            "moderates, each counted once, in the period of its first interest."
        ),
    ),
    ProgrammeIndicator(
        "smes_engaged",
        "output",
        "organisations",
        "smes_engaged",
        _("SMEs and start-ups engaged"),
        _("Of the organisations engaged, the SMEs and start-ups."),
    ),
    ProgrammeIndicator(
        "people_increased_capacity",
        "output",
        "people",
        MANUAL,
        _("People with increased professional capacity"),
        _(
            "Staff of the partner and of its stakeholders who learnt from the project; "
            "entered with evidence (a list of participants, a survey)."
        ),
    ),
    ProgrammeIndicator(
        "media_appearances",
        "output",
        "number",
        MANUAL,
        _("Appearances in media"),
        _("Articles, broadcasts and posts about the project; entered with a link."),
    ),
    ProgrammeIndicator(
        "action_plans_developed",
        "output",
        "number",
        "plans_endorsed",
        _("Action plans developed"),
        _("The partner's action plan, counted when endorsed by the policy owner."),
    ),
    ProgrammeIndicator(
        "actions_implemented",
        "result",
        "number",
        "actions_done",
        _("Actions of the action plan implemented"),
        _("Actions reported done, each counted once."),
    ),
    ProgrammeIndicator(
        "growth_jobs_instruments_improved",
        "result",
        "number",
        "growth_jobs_instruments_improved",
        _("Growth and Jobs or ETC policy instruments improved"),
        _("Counted once, in the first period a report says the instrument is improved."),
    ),
    ProgrammeIndicator(
        "other_instruments_improved",
        "result",
        "number",
        "other_instruments_improved",
        _("Other policy instruments improved"),
        _("Counted once, in the first period a report says the instrument is improved."),
    ),
    ProgrammeIndicator(
        "structural_funds_influenced",
        "result",
        "eur",
        "structural_funds_influenced",
        _("Structural funds influenced"),
        _("Funds of Growth and Jobs or ETC programmes the action reports state, in euros."),
    ),
    ProgrammeIndicator(
        "other_funds_influenced",
        "result",
        "eur",
        "other_funds_influenced",
        _("Other funds influenced"),
        _("Funds of other instruments the action reports state, in euros."),
    ),
)
CATALOGUE: dict[str, ProgrammeIndicator] = {item.key: item for item in PROGRAMME_INDICATORS}


def programme_entry(indicator) -> ProgrammeIndicator | None:
    """The catalogue's entry of an installed indicator (same key and source), or None for the
    project's own indicators."""
    entry = CATALOGUE.get(indicator.key)
    return entry if entry is not None and entry.source == indicator.source else None


def english(text) -> str:
    with override("en"):
        return str(text)


def indicator_name(indicator) -> LocalizedText:
    """The name in the reader's language: a programme indicator's from the catalogue (so it is in
    every interface language) unless the coordinator wrote another; the project's own as written."""
    entry = programme_entry(indicator)
    if entry is not None and (not indicator.name or indicator.name == {"en": english(entry.name)}):
        language = reader_language()
        return LocalizedText(str(entry.name), language, language)
    return in_language(indicator.name) if indicator.name else LocalizedText(indicator.key, "en", "en")


def indicator_description(indicator) -> LocalizedText:
    entry = programme_entry(indicator)
    if entry is not None and not indicator.description:
        language = reader_language()
        return LocalizedText(str(entry.description), language, language)
    return in_language(indicator.description)


# --- periods --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Span:
    """A reporting period as the computations read it."""

    number: int
    start: dt.date
    end: dt.date

    @property
    def has_started(self) -> bool:
        return self.start <= timezone.localdate()

    @property
    def has_ended(self) -> bool:
        return self.end < timezone.localdate()


def spans_of(periods: Iterable) -> list[Span]:
    """Spans from Period rows (or Spans, or dicts with number, start, end), by start."""
    spans = []
    for period in periods:
        if isinstance(period, Span):
            spans.append(period)
        elif isinstance(period, dict):
            spans.append(Span(period["number"], period["start"], period["end"]))
        else:
            spans.append(Span(period.number, period.start_date, period.end_date))
    return sorted(spans, key=lambda span: (span.start, span.number))


class PeriodFinder:
    """Which period holds a day (None outside every period)."""

    def __init__(self, periods: Iterable):
        self.spans = spans_of(periods)
        self._starts = [span.start for span in self.spans]
        self.numbers = {span.number for span in self.spans}

    def number(self, day) -> int | None:
        if day is None:
            return None
        if isinstance(day, dt.datetime):
            day = timezone.localdate(day) if timezone.is_aware(day) else day.date()
        index = bisect.bisect_right(self._starts, day) - 1
        if index < 0:
            return None
        span = self.spans[index]
        return span.number if day <= span.end else None

    def span(self, number: int) -> Span | None:
        return next((span for span in self.spans if span.number == number), None)


# --- what the sources read, once per computation -------------------------------------------------
class Facts:
    """The records of a project the sources count, each kind fetched once (one query) through the
    app's selectors, on first use."""

    def __init__(self, project, partner_ids: Iterable[int]):
        self.project = project
        self.partner_ids = sorted(set(partner_ids))

    @cached_property
    def events(self) -> list[dict]:
        from ecocsme.events.selectors import held_events

        return held_events(project=self.project, partner_ids=self.partner_ids)

    @cached_property
    def labs(self) -> list[dict]:
        from ecocsme.labs.selectors import held_labs

        return held_labs(project=self.project, partner_ids=self.partner_ids)

    @cached_property
    def responses(self) -> list[dict]:
        from ecocsme.labs.selectors import submitted_responses_by_day

        return submitted_responses_by_day(project=self.project, partner_ids=self.partner_ids)

    @cached_property
    def practices(self) -> list[dict]:
        from ecocsme.practices.selectors import published_practices_of

        return published_practices_of(project=self.project, partner_ids=self.partner_ids)

    @cached_property
    def interests(self) -> list[dict]:
        from ecocsme.opportunities.selectors import first_interests

        return first_interests(partner_ids=self.partner_ids)

    @cached_property
    def plans(self) -> list[dict]:
        from ecocsme.actionplans.selectors import endorsed_plans

        return endorsed_plans(project=self.project, partner_ids=self.partner_ids)

    @cached_property
    def reports(self) -> list[dict]:
        from ecocsme.actionplans.selectors import report_facts

        return report_facts(project=self.project, partner_ids=self.partner_ids)


Cells = dict[tuple[int, int], Decimal]


def _count(
    rows: Iterable[dict],
    finder: PeriodFinder,
    day: str,
    amount: Callable[[dict], object] | None = None,
    keep: Callable[[dict], bool] | None = None,
) -> Cells:
    cells: Cells = defaultdict(lambda: ZERO)
    for row in rows:
        if keep is not None and not keep(row):
            continue
        number = finder.number(row[day])
        if number is not None:
            cells[(row["partner_id"], number)] += Decimal(amount(row) if amount else 1)
    return dict(cells)


def _first_period(
    rows: Iterable[dict], finder: PeriodFinder, key: str, keep: Callable[[dict], bool]
) -> Cells:
    """Each `key` (an action, a plan) once, in the first reported period where `keep` holds."""
    first: dict[object, tuple[int, int]] = {}
    for row in rows:
        if keep(row) and row["period_number"] in finder.numbers:
            known = first.get(row[key])
            if known is None or row["period_number"] < known[1]:
                first[row[key]] = (row["partner_id"], row["period_number"])
    cells: Cells = defaultdict(lambda: ZERO)
    for partner_id, number in first.values():
        cells[(partner_id, number)] += 1
    return dict(cells)


STRUCTURAL = frozenset({"growth_and_jobs", "territorial_cooperation"})  # PolicyInstrument.Category
SME_KINDS = frozenset({"sme", "startup"})  # Organisation.Kind


def _structural(row) -> bool:
    return row["instrument_category"] in STRUCTURAL


def _improved(structural: bool) -> Callable[[dict], bool]:
    return lambda row: row["instrument_improved"] == "yes" and _structural(row) == structural


def _funds(rows: Iterable[dict], finder: PeriodFinder, structural: bool) -> Cells:
    cells: Cells = defaultdict(lambda: ZERO)
    for row in rows:
        if (
            row["funds_influenced"]
            and _structural(row) == structural
            and row["period_number"] in finder.numbers
        ):
            cells[(row["partner_id"], row["period_number"])] += Decimal(row["funds_influenced"])
    return dict(cells)


# --- records behind a computed value (the links of the values page) -------------------------------
@dataclass
class Record:
    label: object  # a {language: text} value or a plain text
    url: str
    day: dt.date | None = None
    count: Decimal | None = None


def _url(name: str, *args) -> str:
    from django.urls import reverse

    return reverse(name, args=args)


def _in(rows, finder: PeriodFinder, day: str, partner_id: int, number: int):
    return [row for row in rows if row["partner_id"] == partner_id and finder.number(row[day]) == number]


def _event_records(facts, finder, partner_id, number, participants=False) -> list[Record]:
    return [
        Record(
            row["title"],
            _url("events:manage_detail", row["id"]),
            row["day"],
            Decimal(row["participants"]) if participants else None,
        )
        for row in _in(facts.events, finder, "day", partner_id, number)
    ]


def _lab_label(number) -> str:
    return str(_("Lab %(number)s") % {"number": number})


def _answer_records(facts, finder, partner_id, number) -> list[Record]:
    by_lab: dict[int, Record] = {}
    for row in _in(facts.responses, finder, "day", partner_id, number):
        record = by_lab.setdefault(
            row["lab_id"],
            Record(_lab_label(row["lab_number"]), _url("labs:lab_detail", row["lab_id"]), None, ZERO),
        )
        record.count += row["count"]
        record.day = max(record.day or row["day"], row["day"])
    return list(by_lab.values())


def _engagement_records(facts, finder, partner_id, number, smes=False) -> list[Record]:
    rows = [
        row
        for row in _in(facts.interests, finder, "first_at", partner_id, number)
        if not smes or row["organisation_kind"] in SME_KINDS
    ]
    span = finder.span(number)
    if not rows or span is None:
        return []
    label = _("Organisations engaged through opportunities") if not smes else _("SMEs and start-ups engaged")
    url = f"{_url('opportunities:engagement')}?since={span.start.isoformat()}&until={span.end.isoformat()}"
    return [Record(str(label), url, None, Decimal(len(rows)))]


def _plan_reports(facts, finder, partner_id, number, keep) -> list[Record]:
    plans = sorted(
        {
            row["plan_id"]
            for row in facts.reports
            if row["partner_id"] == partner_id and row["period_number"] == number and keep(row)
        }
    )
    return [
        Record(str(_("The action plan's reports")), _url("actionplans:reports", plan_id)) for plan_id in plans
    ]


@dataclass(frozen=True)
class Source:
    """A computation: `compute(facts, finder)` gives the cells; `records(facts, finder,
    partner_id, number)` what a cell counts, with links to the records' pages."""

    key: str
    label: object
    compute: Callable[[Facts, PeriodFinder], Cells]
    records: Callable[[Facts, PeriodFinder, int, int], list[Record]]
    reads: str  # the Facts attribute it reads (sources reading the same one share its query)

    def __call__(self, project, partner_ids, periods, *, facts: Facts | None = None) -> Cells:
        facts = facts or Facts(project, partner_ids)
        wanted = set(partner_ids)
        cells = self.compute(facts, PeriodFinder(periods))
        return {cell: value for cell, value in cells.items() if cell[0] in wanted}

    def records_of(self, project, partner_id: int, number: int, periods, *, facts: Facts | None = None):
        facts = facts or Facts(project, [partner_id])
        return self.records(facts, PeriodFinder(periods), partner_id, number)


SOURCES: dict[str, Source] = {
    source.key: source
    for source in (
        Source(
            "events_held",
            _("events held"),
            lambda f, p: _count(f.events, p, "day"),
            lambda f, p, pid, n: _event_records(f, p, pid, n),
            "events",
        ),
        Source(
            "event_participants",
            _("participants in the events held"),
            lambda f, p: _count(f.events, p, "day", amount=lambda row: row["participants"]),
            lambda f, p, pid, n: _event_records(f, p, pid, n, participants=True),
            "events",
        ),
        Source(
            "labs_held",
            _("labs held"),
            lambda f, p: _count(f.labs, p, "day"),
            lambda f, p, pid, n: [
                Record(
                    row["theme"] or _lab_label(row["number"]), _url("labs:lab_detail", row["id"]), row["day"]
                )
                for row in _in(f.labs, p, "day", pid, n)
            ],
            "labs",
        ),
        Source(
            "lab_answers",
            _("answers submitted to the labs"),
            lambda f, p: _count(f.responses, p, "day", amount=lambda row: row["count"]),
            _answer_records,
            "responses",
        ),
        Source(
            "practices_identified",
            _("good practices published"),
            lambda f, p: _count(f.practices, p, "day"),
            lambda f, p, pid, n: [
                Record(row["title"], _url("practices:detail", row["slug"]), row["day"])
                for row in _in(f.practices, p, "day", pid, n)
            ],
            "practices",
        ),
        Source(
            "organisations_engaged",
            _("organisations interested in the partner's opportunities"),
            lambda f, p: _count(f.interests, p, "first_at"),
            lambda f, p, pid, n: _engagement_records(f, p, pid, n),
            "interests",
        ),
        Source(
            "smes_engaged",
            _("SMEs and start-ups interested in the partner's opportunities"),
            lambda f, p: _count(
                f.interests, p, "first_at", keep=lambda row: row["organisation_kind"] in SME_KINDS
            ),
            lambda f, p, pid, n: _engagement_records(f, p, pid, n, smes=True),
            "interests",
        ),
        Source(
            "plans_endorsed",
            _("action plans endorsed"),
            lambda f, p: _count(f.plans, p, "endorsed_on"),
            lambda f, p, pid, n: [
                Record(str(_("Action plan")), _url("actionplans:detail", row["id"]), row["endorsed_on"])
                for row in _in(f.plans, p, "endorsed_on", pid, n)
            ],
            "plans",
        ),
        Source(
            "actions_done",
            _("actions reported done"),
            lambda f, p: _first_period(f.reports, p, "action_id", lambda row: row["status"] == "done"),
            lambda f, p, pid, n: _plan_reports(f, p, pid, n, lambda row: row["status"] == "done"),
            "reports",
        ),
        Source(
            "growth_jobs_instruments_improved",
            _("Growth and Jobs or ETC instruments reported improved"),
            lambda f, p: _first_period(f.reports, p, "plan_id", _improved(True)),
            lambda f, p, pid, n: _plan_reports(f, p, pid, n, _improved(True)),
            "reports",
        ),
        Source(
            "other_instruments_improved",
            _("other instruments reported improved"),
            lambda f, p: _first_period(f.reports, p, "plan_id", _improved(False)),
            lambda f, p, pid, n: _plan_reports(f, p, pid, n, _improved(False)),
            "reports",
        ),
        Source(
            "structural_funds_influenced",
            _("structural funds influenced, as reported"),
            lambda f, p: _funds(f.reports, p, True),
            lambda f, p, pid, n: _plan_reports(
                f, p, pid, n, lambda row: bool(row["funds_influenced"]) and _structural(row)
            ),
            "reports",
        ),
        Source(
            "other_funds_influenced",
            _("other funds influenced, as reported"),
            lambda f, p: _funds(f.reports, p, False),
            lambda f, p, pid, n: _plan_reports(
                f, p, pid, n, lambda row: bool(row["funds_influenced"]) and not _structural(row)
            ),
            "reports",
        ),
    )
}


def source_choices() -> list[tuple[str, str]]:
    """What a project's own indicator may take its values from: entered by hand or a computation."""
    return [
        (MANUAL, str(_("Entered by the partners, with evidence"))),
        *((key, str(_("Computed: %(what)s") % {"what": source.label})) for key, source in SOURCES.items()),
    ]


def compute_all(project, partner_ids, periods, sources: Iterable[str]) -> dict[str, Cells]:
    """The cells of several sources at once, each app's records read once."""
    facts = Facts(project, partner_ids)
    return {
        key: SOURCES[key](project, partner_ids, periods, facts=facts)
        for key in dict.fromkeys(sources)
        if key in SOURCES
    }
