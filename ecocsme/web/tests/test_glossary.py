"""Every catalogue keeps to its language's glossary: the agreed terms and one register.

locale/<lang>/glossary.toml holds, per language, a [register] table (form of address, button
form, and the patterns that would break them), an optional [style] table, and a [terms.<key>]
table for every term of the English reference list (locale/en/glossary.toml). Each "forbidden"
entry is a regular expression, matched case-insensitively as a whole word (not inside a longer
word) against every msgstr of that language; (?-i:...) makes part of a pattern case-sensitive.
See docs/TRANSLATING.md.
"""

import re
import tomllib
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings

from ecocsme.web.tests.test_translations import catalogue

ROOT = Path(settings.PROJECT_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
TRANSLATED = [code for code in LANGUAGES if code != "en"]


@cache
def glossary(language: str) -> dict:
    with open(ROOT / "locale" / language / "glossary.toml", "rb") as file:
        return tomllib.load(file)


def rules(gloss: dict) -> list[tuple[str, re.Pattern, bool]]:
    """(where the rule comes from, compiled pattern, whether headings keep it too) for every
    forbidden pattern of a glossary; `forbidden_outside_headings` spares the messages marked
    with the "heading" context (a page title may be a noun where a button may not)."""
    tables = {name: gloss[name] for name in ("register", "style") if name in gloss}
    tables.update({f"terms.{key}": table for key, table in gloss.get("terms", {}).items()})
    return [
        (where, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), in_headings)
        for where, table in tables.items()
        for key, in_headings in (("forbidden", True), ("forbidden_outside_headings", False))
        for pattern in table.get(key, [])
    ]


def texts(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [text for _form, text in sorted(entry.msgstr_plural.items())]
    return [entry.msgstr]


def violations(po: polib.POFile | list[polib.POEntry], gloss: dict) -> list[str]:
    found = []
    checks = rules(gloss)
    for entry in po:
        for text in texts(entry):
            for where, pattern, in_headings in checks:
                if not in_headings and entry.msgctxt == "heading":
                    continue
                if match := pattern.search(text):
                    found.append(f"{where}: {entry.msgid!r} has {match.group(0)!r} in {text!r}")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_is_complete(language):
    gloss = glossary(language)
    reference = set(glossary("en")["terms"])
    assert gloss["language"] == language
    register = gloss["register"]
    for key in ("address", "buttons", "mails", "reason", "forbidden"):
        assert key in register, f"{language}: [register] needs {key}"
    missing = sorted(reference - set(gloss["terms"]))
    assert not missing, f"{language}: glossary lacks the terms {missing}"
    for key, term in gloss["terms"].items():
        assert term.get("preferred") and all(isinstance(p, str) for p in term["preferred"]), (
            f"{language}: terms.{key} needs preferred renderings"
        )
        assert isinstance(term.get("forbidden"), list), f"{language}: terms.{key} needs forbidden = [...]"
        assert term.get("note"), f"{language}: terms.{key} needs a note"
    assert rules(gloss) is not None  # every pattern compiles


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_keeps_to_the_glossary(language):
    found = violations(catalogue(language), glossary(language))
    assert not found, f"{language}: {len(found)} msgstr break the glossary:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("language", "msgid", "msgstr"),
    [
        ("ro", "Local learning lab", "Atelier local de învățare"),
        ("ro", "Save", "Salvează"),
        ("ro", "Save", "Salvare"),
        ("ro", "Local learning labs", "Laboratoare Locale de Învățare"),
        ("it", "Answer the invitation", "Rispondi all'invito"),
        ("it", "%(weekday)s, %(date)s, all day", "il %(weekday)s %(date)s, tutto il giorno"),
        ("de", "%(n)s new answer(s) added to the nearest themes.", "%(n)s neue Antwort(en) zugeordnet."),
        ("de", "Coordinator", "Koordinator"),
        ("nl", "Your roles", "Mijn rollen"),
        ("nl", "None you can see.", "Geen die voor dit account zichtbaar zijn."),
        ("hr", "Save", "Spremi"),
        ("hr", "Please answer by %(day)s.", "Molimo odgovorite do %(day)s."),
        ("lt", "Dear %(name)s,", "Laba diena, %(name)s,"),
        ("lt", "Please answer by %(day)s.", "Prašome atsakyti iki %(day)s."),
        ("fi", "Choose a lab of the organising partner.", "Valitse järjestävän kumppanin laboratorio."),
    ],
)
def test_the_checker_flags_a_bad_entry(language, msgid, msgstr):
    """A known mistake must fail, so that a broken checker cannot pass every catalogue."""
    assert violations([polib.POEntry(msgid=msgid, msgstr=msgstr)], glossary(language))


@pytest.mark.parametrize(
    ("language", "msgstr"),
    [
        ("ro", "Evenimente și ateliere de lucru"),
        ("ro", "Atelierul de lucru al partenerilor"),
        ("de", "Benutzerkonto"),
        ("fi", "alustan taustalla oleva kumppanuus"),
        ("hr", "Odgovori e-poštom"),
        ("it", "Il link è valido fino al %(day)s."),
    ],
)
def test_the_checker_leaves_legitimate_words_alone(language, msgstr):
    assert not violations([polib.POEntry(msgid="x", msgstr=msgstr)], glossary(language))


def test_a_heading_may_be_a_noun_where_a_button_may_not():
    gloss = glossary("ro")
    assert violations([polib.POEntry(msgid="Log in", msgstr="Autentificare")], gloss)
    assert not violations([polib.POEntry(msgid="Log in", msgctxt="heading", msgstr="Autentificare")], gloss)
