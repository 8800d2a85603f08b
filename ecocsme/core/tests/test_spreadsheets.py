"""Exports that spreadsheet programs open as text, and imports that refuse hostile files."""

import csv
import datetime as dt
import io
import json
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from ecocsme.core import imports
from ecocsme.core.exports import export_response
from ecocsme.core.imports import ImportRejected, read_table
from ecocsme.testing.spreadsheets import GOOD, SHEET, declared_size, rewritten, workbook

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx",
           "=cmd|' /C calc'!A0", "  =1+1", "+40 256 000 000"]
HARMLESS = ["Example Person", "a-b", "person@example.org", "'quoted", ""]
NUMBERS = [-5, Decimal("-2.50"), -0.5, 0, True]


def download(fmt: str, columns, rows) -> bytes:
    response = export_response(fmt, "example", columns, rows)
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def xlsx_sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def one_column(values) -> tuple[list[str], list[tuple]]:
    return ["value"], [(v,) for v in values]


# Exports


def test_csv_puts_an_apostrophe_before_formula_like_text():
    rows = csv_rows(download("csv", *one_column(HOSTILE + HARMLESS)))
    assert [r[0] for r in rows[1:]] == ["'" + v for v in HOSTILE] + HARMLESS


def test_csv_leaves_numbers_and_dates_alone():
    day = dt.date(2025, 5, 1)
    rows = csv_rows(download("csv", ["n"] * 6, [[*NUMBERS, day]]))
    assert rows[1] == ["-5", "-2.50", "-0.5", "0", "True", "2025-05-01"]


def test_csv_header_is_guarded_too():
    assert csv_rows(download("csv", ["=name"], [("x",)]))[0] == ["'=name"]


def test_xlsx_writes_formula_like_text_as_readable_text_cells():
    data = download("xlsx", ["=header"], [(v,) for v in HOSTILE + HARMLESS[:-1]])
    sheet = xlsx_sheet(data)
    cells = [row[0] for row in sheet.iter_rows()]
    assert [(c.value, c.data_type) for c in cells] == [
        (v, "s") for v in ["=header", *HOSTILE, *HARMLESS[:-1]]]
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(data)).read(SHEET)  # no formula anywhere


def test_xlsx_keeps_numbers_and_dates_as_numbers():
    day, moment = dt.date(2025, 5, 1), dt.datetime(2025, 5, 1, 10, 30, tzinfo=dt.UTC)
    sheet = xlsx_sheet(download("xlsx", ["n"] * 7, [[*NUMBERS, day, moment]]))
    [cells] = sheet.iter_rows(min_row=2)
    assert [c.value for c in cells[:4]] == [-5, -2.5, -0.5, 0]
    assert [c.data_type for c in cells[:4]] == ["n"] * 4
    assert cells[4].value is True
    assert cells[5].is_date and cells[5].value == dt.datetime(2025, 5, 1)
    assert cells[6].is_date and cells[6].value.date() == day


def test_control_characters_never_break_an_export():
    values = ["a\x00b\x01c\x0bd\x1fe", "\x00=1+1", "two\nlines\tand a tab", "odd \ufffe\ud800 end"]
    columns, rows = one_column(values)
    from_csv = [r[0] for r in csv_rows(download("csv", columns, rows))[1:]]
    assert from_csv == ["abcde", "'=1+1", "two\nlines\tand a tab", "odd  end"]
    cells = [row[0] for row in xlsx_sheet(download("xlsx", columns, rows)).iter_rows(min_row=2)]
    assert [c.value for c in cells] == ["abcde", "=1+1", "two\nlines\tand a tab", "odd  end"]
    assert {c.data_type for c in cells} == {"s"}


def test_xlsx_cuts_text_at_excels_cell_limit_and_survives_odd_names():
    response = export_response("xlsx", "titles: [2025]?", ["text"], [("y" * 40_000,)])
    sheet = xlsx_sheet(response.content)
    assert sheet.title == "titles- -2025--"
    assert sheet["A2"].value == "y" * 32_767


def test_json_stays_exact():
    values = [*HOSTILE, "a\x00b\x01c"]
    items = json.loads(download("json", *one_column(values)))
    assert [item["value"] for item in items] == values


def test_people_read_headings_and_programs_read_names():
    from django.utils.translation import gettext_lazy, override

    columns = [("submitted_at", gettext_lazy("submitted")), "id"]
    with override("ro"):
        assert csv_rows(download("csv", columns, [(1, 2)]))[0] == ["data transmiterii", "id"]
        assert [c.value for c in xlsx_sheet(download("xlsx", columns, [(1, 2)]))[1]] == ["data transmiterii", "id"]
        assert json.loads(download("json", columns, [(1, 2)])) == [{"submitted_at": 1, "id": 2}]


def test_an_exported_csv_imports_back_to_the_same_text():
    columns = ["organisation", "phone"]
    rows = [("Example Org", value) for value in HOSTILE if value == value.strip()]
    table = read_table(download("csv", columns, rows), "back.csv")
    assert [row["phone"] for _, row in table] == [value for _, value in rows]


# Imports: CSV


def test_csv_with_a_nul_is_refused_naming_line_and_column():
    with pytest.raises(ImportRejected) as caught:
        read_table(b"organisation,email\nExample Org,a\x00b@example.org\n", "c.csv")
    assert [(e.line, e.column) for e in caught.value.errors] == [(2, "email")]
    assert "NUL" in caught.value.errors[0].reason


def test_utf16_without_bom_is_refused_with_advice():
    with pytest.raises(ImportRejected, match="CSV UTF-8"):
        read_table("organisation\nExample Org\n".encode("utf-16-le"), "c.csv")


def test_csv_cells_over_the_limit_are_refused_all_at_once():
    limit = imports.MAX_CELL_CHARS
    text = (f"organisation,description\nExample Org,{'d' * limit}\n"
            f"{'o' * (limit + 1)},fine\nOther Org,{'d' * (limit + 1)}\n")
    with pytest.raises(ImportRejected) as caught:
        read_table(text.encode(), "c.csv")
    assert [(e.line, e.column) for e in caught.value.errors] == [(3, "organisation"), (4, "description")]
    assert "10000 characters" in caught.value.errors[0].reason


def test_a_field_beyond_pythons_csv_limit_is_a_message_not_a_crash():
    text = "organisation,description\nExample Org,fine\n" + f'Example Org,"{"d" * 200_000}"\n'
    with pytest.raises(ImportRejected) as caught:
        read_table(text.encode(), "c.csv")
    assert [(e.line, e.column) for e in caught.value.errors] == [(3, "-")]
    assert "longer than 10000 characters" in caught.value.errors[0].reason


def test_old_mac_line_ends_are_read():
    table = read_table(b"organisation,email\rExample Org,person@example.org\r", "c.csv")
    assert table == [(2, {"organisation": "Example Org", "email": "person@example.org"})]


def test_reading_stops_after_the_row_limit(monkeypatch):
    monkeypatch.setattr(imports, "MAX_IMPORT_ROWS", 3)
    text = "organisation\n" + "".join(f"Org {n}\n\n" for n in range(10))
    with pytest.raises(ImportRejected) as caught:
        read_table(text.encode(), "c.csv")
    assert [(e.line, e.reason) for e in caught.value.errors] == [(8, "more than 3 rows")]


def test_wide_rows_are_refused():
    with pytest.raises(ImportRejected, match="more than 100 columns"):
        read_table(("organisation" + "," * 100 + "\n").encode(), "c.csv")


# Imports: XLSX


def rejected(data: bytes) -> list[tuple[int, str, str]]:
    with pytest.raises(ImportRejected) as caught:
        read_table(data, "c.xlsx")
    return [(e.line, e.column, e.reason) for e in caught.value.errors]


def test_a_plain_workbook_reads():
    assert read_table(GOOD, "c.xlsx")[1] == (3, {"organisation": "Other Org", "email": "person@example.org"})


def test_a_sheet_declaring_the_whole_grid_is_refused_before_reading():
    data = rewritten(GOOD, lambda xml: xml.replace(b'<dimension ref="A1:B3"/>',
                                                   b'<dimension ref="A1:XFD1048576"/>'))
    [(line, column, reason)] = rejected(data)
    assert (line, column) == (0, "-") and "A1:XFD1048576" in reason


def test_a_workbook_declaring_a_huge_unpacked_size_is_refused():
    data = rewritten(GOOD, add=[("xl/media/padding.bin", bytes(60 * 2**20))])
    assert len(data) < imports.MAX_IMPORT_BYTES
    assert "unpacks to 60 MB" in rejected(data)[0][2]


def test_a_tightly_packed_part_is_refused_as_a_zip_bomb():
    data = rewritten(GOOD, add=[("xl/media/padding.bin", bytes(2 * 2**20))])
    assert "zip bomb" in rejected(data)[0][2]


def test_a_part_larger_than_declared_is_never_unpacked_whole():
    assert rejected(declared_size(GOOD, SHEET, 100))


def test_rows_far_below_the_data_stop_the_reading():
    far = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>z</t></is></c></row></sheetData>'
    data = rewritten(GOOD, lambda xml: xml.replace(b'<dimension ref="A1:B3"/>', b"")
                     .replace(b"</sheetData>", far))
    assert rejected(data) == [(100_001, "-", "more than 100000 lines, counting empty ones")]


def test_a_cell_far_to_the_right_is_refused():
    wide = b'<row r="4"><c r="XFD4" t="inlineStr"><is><t>z</t></is></c></row></sheetData>'
    data = rewritten(GOOD, lambda xml: xml.replace(b'<dimension ref="A1:B3"/>', b"")
                     .replace(b"</sheetData>", wide))
    assert rejected(data) == [(4, "CW", "more than 100 columns")]


def test_a_nul_in_a_cell_is_refused_naming_line_and_column():
    with pytest.raises(IllegalCharacterError):
        workbook([["a\x00b"]])  # openpyxl will not write one, so the XML is made by hand
    data = rewritten(GOOD, lambda xml: xml.replace(b"MARK", b"a&#0;b@example.org"))
    [(line, column, reason)] = rejected(data)
    assert (line, column) == (2, "B") and "NUL" in reason


def test_xlsx_cells_over_the_limit_are_refused():
    data = workbook([["organisation", "email"], ["o" * 10_001, "person@example.org"]])
    assert rejected(data) == [(2, "organisation", "longer than 10000 characters")]


def test_broken_zips_are_unreadable_workbooks():
    assert "not a readable Excel workbook" in rejected(b"PK\x03\x04" + bytes(100))[0][2]
