"""Reading the downloads of a list in tests: the CSV as people read it (headings, labels) and the
JSON as programs read it (machine names, codes)."""

import csv
import io
import json

from django.urls import reverse
from django.utils import translation


def csv_table(response) -> list[list[str]]:
    """The CSV's lines, the heading row first."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def json_items(response) -> list[dict]:
    return json.loads(response.content)


def downloads(client, name: str, *args, language: str = "ro", **query) -> tuple[list[list[str]], list[dict]]:
    """The CSV and the JSON of the list at the URL `name`, asked for in `language`."""
    with translation.override(language):
        url = reverse(name, args=args)
    table = csv_table(client.get(url, {**query, "format": "csv"}))
    items = json_items(client.get(url, {**query, "format": "json"}))
    return table, items
