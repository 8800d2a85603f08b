"""Shared pieces of file imports: every problem is reported as (line, column, reason), and a
file with any problem imports nothing.

Files are read row by row and refused with a reason before anything outsized is unpacked or
kept: an XLSX (a zip) that says it unpacks to more than MAX_UNPACKED_BYTES or packs one
part suspiciously tightly (a zip bomb), a sheet that declares more than MAX_IMPORT_LINES lines
or MAX_IMPORT_COLUMNS columns, a cell with a NUL character or over MAX_CELL_CHARS characters.
A leading apostrophe that our own exports put before formula-like text is taken off again.
"""

import csv
import io
import re
import zipfile
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from django.utils.translation import gettext as _
from openpyxl.utils.cell import get_column_letter

from .exports import looks_like_formula

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000  # rows with data, not counting the header
MAX_IMPORT_LINES = 100_000  # counting empty lines; also the most a sheet may declare
MAX_IMPORT_COLUMNS = 100
MAX_CELL_CHARS = 10_000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # all parts of an XLSX, as its zip declares them
MAX_PACKING_RATIO = 100  # for parts over 1 MB; real sheets pack 5 to 20 times
_CELL_REF = re.compile(r'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return _("line %(line)s, column %(column)s: %(reason)s") % {
            "line": self.line, "column": self.column, "reason": self.reason}


class ImportRejected(Exception):
    """The file has bad rows; nothing was imported."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def _reject(line: int, column: str, reason: str) -> ImportRejected:
    return ImportRejected([RowError(line, column, reason)])


def read_table(data: bytes, filename: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV (comma or semicolon, UTF-8) or XLSX file as (line number, {column: text}).

    Column names are lower-cased and stripped; empty rows are left out. Raises ImportRejected
    for an unreadable, oversized or hostile file.
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise _reject(0, "-", _("the file is larger than 5 MB"))
    rows = _xlsx_rows(data) if filename.lower().endswith(".xlsx") else _csv_rows(data)
    with closing(rows):
        return _table(rows)


def _table(rows: Iterator[Sequence]) -> list[tuple[int, dict[str, str]]]:
    errors: list[RowError] = []
    first = next(rows, None)
    if first is None:
        raise _reject(1, "-", _("the file is empty"))
    header = [value.lower() for value in _values(1, first, [], errors)]
    table = []
    for line, cells in enumerate(rows, start=2):
        if line > MAX_IMPORT_LINES:
            raise _reject(line, "-", _("more than %s lines, counting empty ones") % MAX_IMPORT_LINES)
        values = _values(line, cells, header, errors)
        if any(values):
            values += [""] * (len(header) - len(values))
            table.append((line, dict(zip(header, values, strict=False))))
        if len(table) > MAX_IMPORT_ROWS:
            raise _reject(line, "-", _("more than %s rows") % MAX_IMPORT_ROWS)
    if errors:
        raise ImportRejected(errors)
    return table


def _values(line: int, cells: Sequence, header: list[str], errors: list[RowError]) -> list[str]:
    if len(cells) > MAX_IMPORT_COLUMNS:
        raise _reject(line, get_column_letter(MAX_IMPORT_COLUMNS + 1),
                      _("more than %s columns") % MAX_IMPORT_COLUMNS)
    values = []
    for index, cell in enumerate(cells):
        value = "" if cell is None else str(cell).strip()
        column = header[index] if index < len(header) and header[index] else get_column_letter(index + 1)
        if "\x00" in value:  # a broken or hostile file, or UTF-16 read as UTF-8: one message is enough
            raise _reject(line, column, _("the cell holds a NUL character: save the file as "
                                          "“CSV UTF-8” or as an Excel workbook (.xlsx)"))
        if len(value) > MAX_CELL_CHARS:
            errors.append(RowError(line, column, _("longer than %s characters") % MAX_CELL_CHARS))
            value = ""
        if value.startswith("'") and looks_like_formula(value[1:]):
            value = value[1:].strip()  # the apostrophe our exports put before formula-like text
        values.append(value)
    return values


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _reject(line, "-", _(
            "the file is not UTF-8 text: save it as “CSV UTF-8” or as an Excel workbook (.xlsx)"
        )) from exc
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    # newline="" lets the csv module see line ends itself, old Mac ones (\r) included.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # Python's own limit is far above MAX_CELL_CHARS
            too_long = "field limit" in str(exc)
            raise _reject(line, "-", _("a field is longer than %s characters") % MAX_CELL_CHARS
                          if too_long else _("the line is not valid CSV")) from exc
        line += 1


def _xlsx_rows(data: bytes) -> Iterator[tuple]:
    from openpyxl import load_workbook

    _check_zip(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _reject(0, "-", _damaged() if isinstance(exc, ParseError) else
                      _("the file is not a readable Excel workbook")) from exc
    try:
        if not workbook.worksheets:
            raise _reject(1, "-", _("the file is empty"))
        sheet = workbook.worksheets[0]
        _check_dimension(sheet)
        sheet.reset_dimensions()  # read the rows that are there, not the declared ones
        yield from _sheet_rows(sheet)
    finally:
        workbook.close()


def _check_zip(data: bytes) -> None:
    """Refuse a workbook by what its zip declares, before anything is unpacked.

    zipfile never unpacks more than a part's declared size, so the declarations can be trusted.
    """
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except Exception as exc:
        raise _reject(0, "-", _("the file is not a readable Excel workbook")) from exc
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise _reject(0, "-", _("the workbook unpacks to %(size)s MB; at most %(limit)s MB can be read") % {
            "size": unpacked // 2**20, "limit": MAX_UNPACKED_BYTES // 2**20})
    for part in parts:
        if part.file_size > 2**20 and part.file_size > MAX_PACKING_RATIO * max(part.compress_size, 1):
            raise _reject(0, "-", _(
                "the workbook is packed suspiciously tightly (a possible zip bomb) and was not read"))


def _check_dimension(sheet) -> None:
    if (sheet.max_row or 0) > MAX_IMPORT_LINES or (sheet.max_column or 0) > MAX_IMPORT_COLUMNS:
        raise _reject(0, "-", _(
            "the sheet says it spans %(range)s, more than %(lines)s lines or %(columns)s columns: "
            "copy the data into a new workbook and try again") % {
            "range": sheet.calculate_dimension(), "lines": MAX_IMPORT_LINES,
            "columns": MAX_IMPORT_COLUMNS})


def _sheet_rows(sheet) -> Iterator[tuple]:
    rows = sheet.iter_rows(values_only=True)
    line = 1
    while True:
        try:
            yield next(rows)
        except StopIteration:
            return
        except Exception as exc:  # openpyxl parses the sheet only as its rows are read
            where = _cell_at(sheet, exc.position) if isinstance(exc, ParseError) else None
            raise _reject(*(where or (line, "-")), _damaged()) from exc
        line += 1


def _damaged() -> str:
    return _("the workbook is damaged here, or holds a character a workbook may not contain "
             "(such as NUL)")


def _cell_at(sheet, position: tuple[int, int]) -> tuple[int, str] | None:
    """(line, column) of the cell around an XML parse error at (XML line, character)."""
    try:
        with sheet._get_source() as source:  # the sheet's XML, within MAX_UNPACKED_BYTES
            text = source.read().decode("utf-8", "replace")
        xml_line, offset = position
        lines = re.split(r"\r\n?|\n", text)
        head = "\n".join([*lines[: xml_line - 1], lines[xml_line - 1][:offset]])
    except Exception:  # then the message names the line only
        return None
    last = deque(_CELL_REF.finditer(head), maxlen=1)  # the last cell that opened before the error
    return (int(last[0][2]), last[0][1]) if last else None
