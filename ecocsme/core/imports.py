"""Shared pieces of file imports: every problem is reported as (line, column, reason), and a
file with any problem imports nothing."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000


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


def read_table(data: bytes, filename: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV (comma or semicolon, UTF-8) or XLSX file as (line number, {column: text}).

    Column names are lower-cased and stripped. Raises ImportRejected for an unreadable file.
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRejected([RowError(0, "-", _("the file is larger than 5 MB"))])
    rows = _xlsx_rows(data) if filename.lower().endswith(".xlsx") else _csv_rows(data)
    if not rows:
        raise ImportRejected([RowError(1, "-", _("the file is empty"))])
    header = [str(c or "").strip().lower() for c in rows[0]]
    table = []
    for line, cells in enumerate(rows[1:], start=2):
        values = [("" if c is None else str(c)).strip() for c in cells]
        if not any(values):
            continue
        table.append((line, dict(zip(header, values + [""] * (len(header) - len(values)),
                                     strict=False))))
    if len(table) > MAX_IMPORT_ROWS:
        raise ImportRejected([RowError(0, "-", _("more than %s rows") % MAX_IMPORT_ROWS)])
    return table


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRejected([RowError(line, "-", _(
            "the file is not UTF-8 text: save it as “CSV UTF-8” or as an Excel workbook (.xlsx)"
        ))]) from exc
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportRejected([RowError(0, "-", _("the file is not a readable Excel workbook"))]) from exc
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows
