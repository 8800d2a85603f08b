"""Downloads of lists as CSV, XLSX or JSON: the same columns in each.

Text that a spreadsheet program could take for a formula (starting with = + - @, a tab or a
carriage return, also after leading spaces) is written as text: in CSV with a leading
apostrophe (OWASP's advice on CSV injection), in XLSX as a string cell. Numbers and dates are
never changed. Control characters that a workbook cannot hold are dropped from CSV and XLSX
alike; JSON stays exact.

A column is a machine name, or a `(name, heading)` pair: CSV and XLSX are read by people and
head each column with its heading (in the reader's language); JSON is read by programs and keys
each value by the name, which never changes with the language. A third item, `(name, heading,
labels)`, shows people a code's label instead of the code (a mapping such as
`dict(Kind.choices)`, or a function of the value); JSON keeps the code.
"""

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl.cell import WriteOnlyCell

EXPORT_FORMATS = ("csv", "xlsx", "json")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_CELL_CHARS = 32_767  # Excel's limit; a longer cell makes Excel "repair" the file
# What XML 1.0 (and so XLSX) cannot hold, plus lone surrogates, which UTF-8 cannot encode.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_IN_SHEET_TITLES = re.compile(r"[\\/*?:\[\]]")
_AS_IS = (int, float, Decimal, dt.date)  # written unchanged; bool is an int, datetime a date


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS)


def _clean_text(value) -> str:
    return _UNWRITABLE.sub("", str(value))


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, _AS_IS):
        return value
    text = _clean_text(value)
    return "'" + text if looks_like_formula(text) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, columns: Sequence[str], rows: Iterable[Sequence]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # so that spreadsheet programs read UTF-8
        yield writer.writerow([_csv_value(name) for name in columns])
        for row in rows:
            yield writer.writerow([_csv_value(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def json_response(filename: str, columns: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    items = [dict(zip(columns, row, strict=True)) for row in rows]
    response = HttpResponse(json.dumps(items, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return response


def xlsx_response(filename: str, columns: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_NOT_IN_SHEET_TITLES.sub("-", filename)[:31] or "export")
    header = []
    for name in columns:
        cell = _xlsx_cell(sheet, name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _xlsx_cell(sheet, value) -> WriteOnlyCell:
    if value is None or isinstance(value, _AS_IS):
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            value = timezone.localtime(value).replace(tzinfo=None)  # Excel has no time zones
        return WriteOnlyCell(sheet, value=value)
    cell = WriteOnlyCell(sheet, value=_clean_text(value)[:XLSX_MAX_CELL_CHARS])
    cell.data_type = "s"  # openpyxl makes a formula of text that starts with "="
    return cell


Labels = Mapping | Callable
Column = str | tuple[str, str] | tuple[str, str, Labels]


def column_names(columns: Sequence[Column]) -> list[str]:
    return [column[0] if isinstance(column, tuple) else column for column in columns]


def column_headings(columns: Sequence[Column]) -> list[str]:
    return [str(column[1]) if isinstance(column, tuple) else column for column in columns]


def _label(labels: Labels, value):
    if value is None or value == "":
        return value
    if isinstance(labels, Mapping):
        return labels.get(value, value)
    return labels(value)


def each_labelled(labels: Mapping, separator: str = " ") -> Callable[[str], str]:
    """Labels for a cell of codes joined by `separator` (phases, themes): each code's label."""
    return lambda value: "; ".join(str(labels.get(code, code)) for code in value.split(separator) if code)


def readable_rows(columns: Sequence[Column], rows: Iterable[Sequence]) -> Iterable[Sequence]:
    """The rows as people read them: a column with labels shows each code's label."""
    labels = [column[2] if isinstance(column, tuple) and len(column) > 2 else None for column in columns]
    if not any(labels):
        return rows
    return ([value if by is None else _label(by, value) for by, value in zip(labels, row, strict=True)]
            for row in rows)


def export_response(fmt: str, filename: str, columns: Sequence[Column], rows: Iterable[Sequence]):
    """`columns` are names, (name, heading) pairs or (name, heading, labels); see the module's note."""
    if fmt == "json":
        return json_response(filename, column_names(columns), rows)
    if fmt == "xlsx":
        return xlsx_response(filename, column_headings(columns), readable_rows(columns, rows))
    return csv_response(filename, column_headings(columns), readable_rows(columns, rows))
