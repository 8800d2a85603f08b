"""Downloads of lists as CSV or JSON: the same columns in both."""

import csv
import json
from collections.abc import Iterable, Sequence

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse

EXPORT_FORMATS = ("csv", "json")


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, columns: Sequence[str], rows: Iterable[Sequence]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # so that spreadsheet programs read UTF-8
        yield writer.writerow(columns)
        for row in rows:
            yield writer.writerow(["" if value is None else value for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def json_response(filename: str, columns: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    items = [dict(zip(columns, row, strict=True)) for row in rows]
    response = HttpResponse(json.dumps(items, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return response


def export_response(fmt: str, filename: str, columns: Sequence[str], rows: Iterable[Sequence]):
    if fmt == "json":
        return json_response(filename, columns, rows)
    return csv_response(filename, columns, rows)
