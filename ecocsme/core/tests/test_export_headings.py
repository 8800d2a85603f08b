"""A column may show people a code's label; JSON keeps the code."""

import csv
import io
import json

from django.utils.translation import gettext_lazy, override

from ecocsme.core.exports import export_response

KINDS = {"sme": gettext_lazy("SME")}
COLUMNS = [("kind", gettext_lazy("Kind"), KINDS), ("city", gettext_lazy("City"), str.upper), "id"]
ROWS = [("sme", "timișoara", 1), ("unknown", "", 2), (None, None, 3)]


def _csv(fmt_columns, rows) -> list[list[str]]:
    response = export_response("csv", "x", fmt_columns, rows)
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_csv_and_xlsx_show_labels_json_keeps_codes():
    from openpyxl import load_workbook

    with override("ro"):
        assert _csv(COLUMNS, ROWS) == [["Tip", "Oraș", "id"], ["IMM", "TIMIȘOARA", "1"], ["unknown", "", "2"],
                                       ["", "", "3"]]
        sheet = load_workbook(io.BytesIO(export_response("xlsx", "x", COLUMNS, ROWS).content)).active
        assert [cell.value for cell in list(sheet.rows)[1]] == ["IMM", "TIMIȘOARA", 1]
    items = json.loads(export_response("json", "x", COLUMNS, ROWS).content)
    assert items[0] == {"kind": "sme", "city": "timișoara", "id": 1}
