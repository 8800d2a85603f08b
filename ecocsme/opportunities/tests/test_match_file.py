"""`ecocsme match-file`: the engine on records in files, as a partner or an evaluator runs it."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

ORGANISATIONS = [
    {"id": "sme-1", "name": "Kavinė prie upės (example)", "kind": "sme", "size": "micro", "nace": ["56"],
     "city": "Kaunas", "country": "LT", "languages": ["lt"],
     "description": "Kavinė ir maitinimas renginiams: užkandžiai, kava, pyragai iki 300 svečių.",
     "capabilities": ["renginių maitinimas", "kavos baras"]},
    {"id": "sme-2", "name": "Bright Print Ltd (example)", "kind": "sme", "size": "small", "nace": ["18"],
     "city": "Cork", "country": "IE", "languages": ["en"],
     "description": "Large-format printing of posters, banners and festival signage.",
     "capabilities": ["posters", "banners", "signage"]},
    {"id": "sme-3", "name": "Hidden Caterer (example)", "kind": "sme", "size": "micro", "nace": ["56"],
     "city": "Kaunas", "country": "LT", "languages": ["lt", "en"],
     "description": "Catering for festivals and events, coffee and pastries.",
     "capabilities": ["event catering"], "findable": False},
]
OPPORTUNITIES = [
    {"id": "post-a", "title": "Maitinimas festivalio savanoriams", "kind": "supplier_need",
     "ecoc_city": "Kaunas", "phase": "legacy", "country": "LT", "language": "lt",
     "description": "Reikia užkandžių ir kavos 200 savanorių tris dienas.", "sectors": ["56"],
     "deadline": "2027-04-01", "budget_eur": 6000, "cross_border": False},
    {"id": "post-b", "title": "Festivalio plakatai ir vėliavos", "kind": "tender",
     "ecoc_city": "Kaunas", "phase": "legacy", "country": "LT", "language": "lt",
     "description": "Atspausdinti 500 plakatų ir 40 vėliavų.", "sectors": ["18"],
     "deadline": "2027-04-01", "budget_eur": 9000, "cross_border": True},
]


def _write(tmp_path, name, records, raw=None):
    path = tmp_path / name
    path.write_text(raw if raw is not None else "\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                    encoding="utf-8")
    return path


def _run(tmp_path, organisations=ORGANISATIONS, opportunities=OPPORTUNITIES, *args, **raw):
    out = io.StringIO()
    call_command("match-file", "--organisations", str(_write(tmp_path, "o.jsonl", organisations, raw.get("orgs"))),
                 "--opportunities", str(_write(tmp_path, "p.jsonl", opportunities, raw.get("opps"))),
                 *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_json_gives_each_opportunity_its_ranked_organisations(tmp_path):
    result = json.loads(_run(tmp_path, ORGANISATIONS, OPPORTUNITIES, "--top", "5", "--json"))
    assert list(result) == ["post-a", "post-b"]
    assert result["post-a"] == ["sme-1"]  # Irish printer: not welcome; sme-3: did not wish to be found
    assert result["post-b"][0] == "sme-2"  # open to other countries: the printer in Cork first
    assert all("sme-3" not in ranked for ranked in result.values())


def test_the_plain_output_says_why(tmp_path):
    text = _run(tmp_path, ORGANISATIONS, OPPORTUNITIES, "--top", "1")
    assert "post-b" in text and "sme-2" in text and "NACE 18" in text and "other country" in text


@pytest.mark.parametrize("organisations, opportunities, raw, message", [
    ([{**ORGANISATIONS[0], "nace": ["5X"]}], OPPORTUNITIES, {}, "line 1: organisation sme-1: unknown NACE"),
    (ORGANISATIONS, [{**OPPORTUNITIES[0], "deadline": "soon"}], {}, "line 1: opportunity post-a: deadline"),
    (ORGANISATIONS, OPPORTUNITIES, {"orgs": '{"id": "a"}\n{not json'}, "line 2: not JSON"),
    (ORGANISATIONS, OPPORTUNITIES, {"opps": "[1, 2]"}, "line 1: each line must be one opportunity"),
    (ORGANISATIONS + ORGANISATIONS[:1], OPPORTUNITIES, {}, "line 4: organisation sme-1 appears twice"),
])
def test_bad_records_are_named_by_file_and_line(tmp_path, organisations, opportunities, raw, message):
    with pytest.raises(CommandError, match=message):
        _run(tmp_path, organisations, opportunities, "--json", **raw)


def test_a_missing_file_and_a_silly_top_are_refused(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("match-file", "--organisations", str(tmp_path / "none.jsonl"),
                     "--opportunities", str(tmp_path / "none.jsonl"), stdout=io.StringIO())
    with pytest.raises(CommandError, match="--top"):
        _run(tmp_path, ORGANISATIONS, OPPORTUNITIES, "--top", "0")
