"""Loading and importing reference data (REF-1..4). Every import validates the whole file
first and writes nothing unless every row is clean; `reference_load` checks every shipped file
before it writes, and writes them all in one transaction."""

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django_countries import countries

from ecocsme.core.imports import ImportRejected, RowError
from ecocsme.text.languages import LANGUAGES

from .models import EcocTitle, NaceDivision, NaceSection, NutsRegion, PolicyInstrument

DATA_DIR = Path(__file__).resolve().parent / "data"
TITLE_COLUMNS = ("year", "city", "country_iso2", "country", "original_year", "notes")
TITLE_FIELDS = ("year", "city", "country", "country_label", "original_year", "notes",
                "designation_date", "title_extended_to", "preparation_years", "legacy_years")
# ecoc_city_names.csv: the city as ecoc_titles.csv writes it, then its name in each language
# but English (the titles file's own).
CITY_NAME_LANGUAGES = tuple(language.code for language in LANGUAGES if language.code != "en")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    details: list[str] = field(default_factory=list)


def _int(value: str, *, line: int, column: str, errors: list[RowError],
         minimum: int | None = None) -> int | None:
    if not value.strip():
        return None
    try:
        number = int(value)
    except ValueError:
        errors.append(RowError(line, column, _("“%s” is not a whole number") % value))
        return None
    if minimum is not None and number < minimum:
        errors.append(RowError(line, column, _("must be %(min)s or later") % {"min": minimum}))
        return None
    return number


def _date(value: str, *, line: int, column: str, errors: list[RowError]) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        errors.append(RowError(line, column, _("“%s” is not a date (YYYY-MM-DD)") % value))
        return None


def parse_ecoc_titles(text: str) -> list[dict]:
    """Validate a titles CSV; return one dict of model fields per row or raise ImportRejected."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in TITLE_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportRejected([RowError(1, c, _("column is missing")) for c in missing])
    rows, errors, seen = [], [], set()
    for line, raw in enumerate(reader, start=2):
        raw = {k: (v or "").strip() for k, v in raw.items() if k}
        year = _int(raw["year"], line=line, column="year", errors=errors, minimum=1985)
        if year is None and not any(e.line == line for e in errors):
            errors.append(RowError(line, "year", _("is required")))
        code = raw["country_iso2"].upper()
        if code and code not in countries:
            errors.append(RowError(line, "country_iso2", _("“%s” is not a country code") % code))
        if not code and not raw["country"]:
            errors.append(RowError(line, "country", _("give a country code or a country")))
        row = {
            "year": year,
            "city": raw["city"],
            "country": code,
            "country_label": "" if code else raw["country"],
            "original_year": _int(raw["original_year"], line=line, column="original_year",
                                  errors=errors, minimum=1985),
            "notes": raw["notes"],
            "designation_date": _date(raw.get("designation_date", ""), line=line,
                                      column="designation_date", errors=errors),
            "title_extended_to": _date(raw.get("title_extended_to", ""), line=line,
                                       column="title_extended_to", errors=errors),
            "preparation_years": _int(raw.get("preparation_years", ""), line=line,
                                      column="preparation_years", errors=errors, minimum=0) or 4,
            "legacy_years": _int(raw.get("legacy_years", ""), line=line, column="legacy_years",
                                 errors=errors, minimum=0) or 5,
        }
        key = (year, code, row["city"])
        if key in seen:
            errors.append(RowError(line, "city", _("the same title appears twice")))
        seen.add(key)
        if year is not None and not any(e.line == line for e in errors):
            try:
                first_day = dt.date(year, 1, 1)
                if row["title_extended_to"] is not None and row["title_extended_to"] < first_day:
                    errors.append(RowError(line, "title_extended_to",
                                           _("must be %(min)s or later") % {"min": first_day}))
                else:
                    EcocTitle(**row).compute_phase_dates()
            except (ValueError, OverflowError) as exc:  # beyond Python's dates, e.g. year 99999
                errors.append(RowError(line, "year", str(exc)))
        rows.append(row)
    if errors:
        raise ImportRejected(errors)
    return rows


def _find_existing(row: dict, existing: dict) -> EcocTitle | None:
    title = existing.get((row["year"], row["country"], row["city"]))
    if title is None and row["city"]:
        # A newly designated city takes the place of its country's placeholder.
        title = existing.get((row["year"], row["country"], ""))
    return title


def parse_ecoc_city_names(text: str, *, cities: set[str] | None = None) -> dict[str, dict[str, str]]:
    """Validate a city names CSV (column `city`, then one per language but English, every cell
    filled); return {city: {language: name}} or raise ImportRejected. With `cities`, a city
    that is not one of them (no title has it) is a problem too."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("city", *CITY_NAME_LANGUAGES) if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportRejected([RowError(1, c, _("column is missing")) for c in missing])
    names: dict[str, dict[str, str]] = {}
    errors = []
    for line, raw in enumerate(reader, start=2):
        raw = {k: (v or "").strip() for k, v in raw.items() if k}
        city = raw["city"]
        if not city:
            errors.append(RowError(line, "city", _("is required")))
            continue
        if city in names:
            errors.append(RowError(line, "city", _("the same city appears twice")))
        elif cities is not None and city not in cities:
            errors.append(RowError(line, "city", _("no ECoC title has the city “%s”") % city))
        errors.extend(RowError(line, language, _("is required"))
                      for language in CITY_NAME_LANGUAGES if not raw[language])
        names[city] = {language: raw[language] for language in CITY_NAME_LANGUAGES}
    if errors:
        raise ImportRejected(errors)
    return names


def shipped_city_names() -> dict[str, dict[str, str]]:
    """The city names shipped in data/ecoc_city_names.csv, checked."""
    return parse_ecoc_city_names((DATA_DIR / "ecoc_city_names.csv").read_text(encoding="utf-8"))


def ecoc_titles_import(text: str, *, city_names: dict[str, dict[str, str]] | None = None,
                       dry_run: bool = False) -> ImportResult:
    """Create and update titles from a titles CSV. With `city_names` ({city: {language:
    name}}, as parse_ecoc_city_names gives), each title takes its city's names (none for a city
    not there); without, the names stored stay as they are."""
    return _import_title_rows(parse_ecoc_titles(text), city_names=city_names, dry_run=dry_run)


def _import_title_rows(rows: list[dict], *, city_names: dict[str, dict[str, str]] | None,
                       dry_run: bool) -> ImportResult:
    fields = TITLE_FIELDS
    if city_names is not None:
        fields = (*TITLE_FIELDS, "city_names")
        rows = [{**row, "city_names": dict(city_names.get(row["city"], {}))} for row in rows]
    result = ImportResult(dry_run=dry_run)
    with transaction.atomic():
        existing = {(t.year, t.country.code or "", t.city): t for t in EcocTitle.objects.all()}
        for row in rows:
            title = _find_existing(row, existing)
            if title is None:
                result.created += 1
                result.details.append(_("new: %s") % EcocTitle(**row))
                if not dry_run:
                    EcocTitle.objects.create(**row)
                continue
            changed = [f for f in fields if _comparable(getattr(title, f)) != row[f]]
            if not changed:
                result.unchanged += 1
                continue
            result.updated += 1
            result.details.append(_("changed: %(title)s (%(fields)s)") % {
                "title": title, "fields": ", ".join(changed)})
            if not dry_run:
                for name in changed:
                    setattr(title, name, row[name])
                title.save()
    return result


def _comparable(value):
    return value.code or "" if hasattr(value, "code") else value


def nace_load(path: Path = DATA_DIR / "nace_rev2_divisions.csv") -> int:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    with transaction.atomic():
        for section in {(r["section"], r["section_title"]) for r in rows}:
            NaceSection.objects.update_or_create(code=section[0], defaults={"title": section[1]})
        for r in rows:
            NaceDivision.objects.update_or_create(
                code=r["division"], defaults={"section_id": r["section"], "title": r["division_title"]}
            )
    return len(rows)


def nuts_load(path: Path = DATA_DIR / "nuts2_regions.csv") -> int:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    with transaction.atomic():
        for r in rows:
            NutsRegion.objects.update_or_create(
                code=r["code"], defaults={"country": r["country_iso2"], "name": r["name"]}
            )
    return len(rows)


def policy_instruments_load(path: Path = DATA_DIR / "policy_instruments.json") -> int:
    items: Iterable[dict] = json.loads(path.read_text(encoding="utf-8"))
    count = 0
    with transaction.atomic():
        for item in items:
            values = dict(item)
            key = values.pop("key")
            values["nuts_region_id"] = values.pop("nuts_region") or None
            PolicyInstrument.objects.update_or_create(key=key, defaults=values)
            count += 1
    return count


def reference_load() -> dict[str, int]:
    """Load every shipped reference file, whole or not at all: the ECoC titles and their city
    names are checked before anything is written, and everything is written in one transaction
    (a file that fails halfway leaves the database as it was). Safe to run again."""
    rows = parse_ecoc_titles((DATA_DIR / "ecoc_titles.csv").read_text(encoding="utf-8"))
    city_names = parse_ecoc_city_names(
        (DATA_DIR / "ecoc_city_names.csv").read_text(encoding="utf-8"),
        cities={row["city"] for row in rows if row["city"]},
    )
    with transaction.atomic():
        titles = _import_title_rows(rows, city_names=city_names, dry_run=False)
        return {
            "ecoc_titles": titles.created + titles.updated + titles.unchanged,
            "nace_divisions": nace_load(),
            "nuts_regions": nuts_load(),
            "policy_instruments": policy_instruments_load(),
        }


# --- notes on the phases of a title (REF-5) ---------------------------------------------------------
def phase_notes_save(*, actor, title: EcocTitle, texts: dict[str, dict[str, str]]) -> None:
    """Replace the notes on a title's phases ({phase: {language: text}}); a phase left without
    text loses its note."""
    from django.core.exceptions import PermissionDenied

    from ecocsme.core.audit import audit_log

    from .models import EcocPhaseNote
    from .phases import ECOC_PHASES

    if not actor.has_perm("accounts.curate_ecoc_notes"):
        raise PermissionDenied(_("Only a project's coordinator curates these notes."))
    with transaction.atomic():
        for phase in ECOC_PHASES:
            text = {code: value.strip() for code, value in (texts.get(phase) or {}).items() if value.strip()}
            if text:
                EcocPhaseNote.objects.update_or_create(title=title, phase=phase,
                                                       defaults={"text": text, "is_example": False})
            else:
                EcocPhaseNote.objects.filter(title=title, phase=phase).delete()
        audit_log(actor=actor, action="reference.phase_notes.changed", obj=title)


def phase_notes_load(path: Path | None = None) -> int:
    """Load the example notes shipped for the demo (`data/ecoc_phase_notes.json`), keyed
    "<year>-<city slug>"; returns how many notes were written."""

    from .models import EcocPhaseNote

    path = path or DATA_DIR / "ecoc_phase_notes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    written = 0
    with transaction.atomic():
        for key, phases in data.items():
            if key.startswith("_"):
                continue
            year, _sep, slug = key.partition("-")
            title = next((t for t in EcocTitle.objects.filter(year=int(year))
                          if t.city and t.slug == slug), None)
            if title is None:
                continue
            for phase, text in phases.items():
                EcocPhaseNote.objects.update_or_create(title=title, phase=phase,
                                                       defaults={"text": text, "is_example": True})
                written += 1
    return written
