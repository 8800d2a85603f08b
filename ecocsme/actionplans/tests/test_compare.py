"""Two snapshots of a plan compared (compare.py), without a database: texts word by word in the
reader's language, the languages something else changed in, actions matched by key (added,
removed, changed, moved), rows as lines, amounts and dates in the reader's format, and the copy of
a snapshot that templates read."""

import copy
import datetime as dt

import pytest
from django.utils import translation

from ecocsme.actionplans.compare import (
    ADDED,
    CHANGED,
    REMOVED,
    SAME,
    compare_documents,
    for_reading,
    word_diff,
)


def action(key: str, position: int, **fields) -> dict:
    base = {
        "key": key, "position": position, "title": {"en": f"Action {key} (example)", "ro": f"Acțiunea {key}"},
        "background": {"en": "Learnt from the Launch Game."}, "description": {"en": "A call for projects."},
        "players": {}, "start_date": "2021-09-01", "end_date": "2022-06-30", "status": "planned",
        "milestones": [{"date": "2021-10-01", "title": {"en": "Call published", "de": "Aufruf veröffentlicht"}}],
        "costs": [{"item": {"en": "Staff"}, "amount": "1200.50"}], "funding": [{"source": {"en": "ERDF"},
                                                                             "amount": "1200.50"}],
        "cost_total": "1200.50", "funding_total": "1200.50",
        "inspirations": [{"kind": "practice", "id": 4, "label": "Launch Game (example)", "note": {}}]}
    base.update(fields)
    return base


def document(*actions, **fields) -> dict:
    base = {
        "schema": 1, "status": "draft", "language": "en", "title": {"en": "Creative SMEs (example)"},
        "summary": {}, "project": {"code": "PGI06047", "acronym": "ECoC-SME", "title": "", "programme": ""},
        "partner": {"id": 1, "number": 6, "name": "Municipality of Timișoara",
                    "names": {"en": "Municipality of Timișoara", "ro": "Primăria Municipiului Timișoara"},
                    "city": "Timișoara", "country": "RO", "nuts": {"code": "RO42", "name": "Vest"}},
        "part1": {"other_organisations": {}, "contact_role": "Project manager", "contact_email": "", "contact_phone": ""},
        "part2": {"instrument_category": "growth_and_jobs", "policy_instrument": None,
                  "policy_context": {"en": "The ROP funds SMEs in the west of Romania.",
                                     "ro": "POR finanțează IMM-urile din vestul României."},
                  "improvement_aim": {}},
        "actions": list(actions), "endorsement": None}
    base.update(fields)
    return base


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_word_diff_marks_words_not_letters():
    old, new = word_diff("Vouchers for creative SMEs in Timișoara.", "Grants for creative start-ups in Timișoara!")
    assert old == [("removed", "Vouchers"), ("same", " for creative "), ("removed", "SMEs"),
                   ("same", " in Timișoara"), ("removed", ".")]
    assert new == [("added", "Grants"), ("same", " for creative "), ("added", "start-ups"),
                   ("same", " in Timișoara"), ("added", "!")]
    assert word_diff("", "") == ([], [])
    assert word_diff("", "Nou") == ([], [("added", "Nou")])


def test_the_same_document_has_no_change():
    one = document(action("a", 1), action("b", 2))
    comparison = compare_documents(one, copy.deepcopy(one))
    assert comparison.is_empty and comparison.other_languages == []
    assert [a.status for a in comparison.actions] == [SAME, SAME]
    assert len(comparison.unchanged) == 2


def test_actions_added_removed_changed_and_moved_matched_by_key():
    old = document(action("a", 1), action("b", 2), action("c", 3), action("d", 4))
    new = document(action("c", 1), action("a", 2, players={"en": "The county (example)"}), action("d", 3),
                   action("e", 4))
    comparison = compare_documents(old, new)
    found = {a.key: a for a in comparison.actions}
    assert found["e"].status == ADDED and found["b"].status == REMOVED
    assert found["a"].status == CHANGED and [f.label for f in found["a"].fields] == ["Players involved and their roles"]
    assert found["c"].moved and not found["a"].moved and not found["d"].moved
    assert found["c"].renumbered and (found["c"].old_position, found["c"].new_position) == (3, 1)
    # the new order, a removed action after the one it followed
    assert [a.key for a in comparison.actions] == ["c", "a", "b", "d", "e"]
    assert comparison.counts == {"added": 1, "removed": 1, "changed": 1, "moved": 1}
    # an added action shows all it says as put in, a removed one as taken out
    title = next(f for f in found["e"].fields if f.label == "Title")
    assert title.old == [] and title.new == [("added", "Action e (example)")]
    assert next(f for f in found["b"].fields if f.label == "Title").new == []


def test_texts_compare_in_the_readers_language_and_name_the_others():
    old = document(action("a", 1))
    new = copy.deepcopy(old)
    new["part2"]["policy_context"]["ro"] = "POR finanțează IMM-urile creative din vestul României."
    new["actions"][0]["milestones"][0]["title"]["de"] = "Aufruf veröffentlicht (geändert)"
    english = compare_documents(old, new, language="en")
    assert not english.sections[2].fields[0].words_changed
    assert english.sections[2].fields[0].other_languages == ["ro"]
    assert english.other_languages == ["de", "ro"]
    romanian = compare_documents(old, new, language="ro")
    change = romanian.sections[2].fields[0]
    assert change.words_changed and ("added", "creative ") in [(k, t) for k, t in change.new] + [
        (k, t + " ") for k, t in change.new]
    assert change.new_language == "ro"
    german = compare_documents(old, new, language="de")
    rows = german.actions[0].rows[0]
    assert rows.label == "Milestones"
    assert [line.kind for line in rows.lines] == [CHANGED]
    assert german.other_languages == ["ro"]


def test_a_text_not_in_the_readers_language_falls_back_and_says_so():
    old = document(action("a", 1))
    new = copy.deepcopy(old)
    new["actions"][0]["description"] = {"en": "A call for projects of creative SMEs."}
    comparison = compare_documents(old, new, language="fi")  # nothing is written in Finnish
    change = comparison.actions[0].fields[0]
    assert change.label == "The action" and change.new_language == "en"
    assert ("added", " of creative SMEs") in change.new


def test_rows_compare_as_lines_with_amounts_and_dates_in_the_readers_format():
    old = document(action("a", 1))
    new = copy.deepcopy(old)
    new["actions"][0]["costs"] = [{"item": {"en": "Staff"}, "amount": "1500.00"},
                                  {"item": {"en": "Venue"}, "amount": "300.00"}]
    new["actions"][0]["cost_total"] = "1800.00"
    new["actions"][0]["milestones"] = []
    comparison = compare_documents(old, new, language="en")
    rows = {r.label: r for r in comparison.actions[0].rows}
    costs = rows["Costs"].lines
    assert [line.kind for line in costs] == [CHANGED, ADDED]
    assert "".join(t for _k, t in costs[0].old) == "Staff: €1,200.50"
    assert "".join(t for _k, t in costs[0].new) == "Staff: €1,500"
    assert [line.kind for line in rows["Milestones"].lines] == [REMOVED]
    assert "".join(t for _k, t in rows["Milestones"].lines[0].old) == "1 October 2021 · Call published"
    total = next(f for f in comparison.actions[0].fields if f.label == "Total costs")
    assert total.old == [("same", "€"), ("removed", "1,200.50")] and total.new == [("same", "€"), ("added", "1,800")]
    with translation.override("de"):
        german = compare_documents(old, new, language="de")
        costs = next(r for r in german.actions[0].rows if r.lines[0].kind == CHANGED).lines
        assert "".join(t for _k, t in costs[0].new).startswith("Staff: 1.500")
        assert "".join(t for _k, t in costs[0].old).startswith("Staff: 1.200,50")


def test_sections_name_what_changed_in_parts_one_two_and_the_endorsement():
    old = document(action("a", 1))
    new = document(action("a", 1), status="endorsed", title={"en": "Creative SMEs in the legacy years (example)"},
                   endorsement={"endorsed_on": "2021-07-01", "endorsed_by_role": "Mayor (example)",
                                "endorsing_organisation": "Timiș County Council (example)"})
    new["part1"]["contact_email"] = "ecocsme@example.org"
    new["part2"]["policy_instrument"] = {"key": "rop-west", "name": "West Romania ROP", "names": {"en": "West ROP"},
                                         "programming_period": "2014-2020", "priority_axis": "", "thematic_objective": "",
                                         "managing_body": ""}
    comparison = compare_documents(old, new)
    labels = {s.key: [f.label for f in s.fields] for s in comparison.sections}
    assert labels == {"head": ["Title", "Status"], "part1": ["Contact e-mail"],
                      "part2": ["Policy instrument addressed"],
                      "endorsement": ["Endorsed on", "Signed for the policy owner by (role)",
                                      "Organisation that owns the policy instrument"]}
    status = comparison.sections[0].fields[1]
    assert status.old == [("removed", "Draft")] and status.new == [("added", "Endorsed")]


def test_a_snapshot_for_reading_has_dates_and_labels_and_stays_untouched():
    old = document(action("a", 1), endorsement={"endorsed_on": "2021-07-01", "endorsed_by_role": "Mayor",
                                                "endorsing_organisation": "County"})
    reading = for_reading(old)
    assert reading["actions"][0]["start_date"] == dt.date(2021, 9, 1)
    assert reading["actions"][0]["milestones"][0]["date"] == dt.date(2021, 10, 1)
    assert reading["endorsement"]["endorsed_on"] == dt.date(2021, 7, 1)
    assert reading["status_label"] == "Draft" and reading["language_label"] == "English"
    assert reading["partner"]["country_name"] == "Romania"
    assert reading["part2"]["instrument_category_label"] == "Investment for Growth and Jobs programme"
    assert reading["actions"][0]["inspirations"][0]["kind_label"] == "Good practice"
    assert reading["actions"][0]["funding_split"] is True
    assert old["actions"][0]["start_date"] == "2021-09-01"  # the stored snapshot is not changed
    broken = for_reading(document(action("a", 1, start_date="not a date", end_date=None)))
    assert broken["actions"][0]["start_date"] is None and broken["actions"][0]["end_date"] is None
    assert for_reading({})["status_label"] == ""
