"""Workbooks for import tests, plain and hostile: a sheet's XML changed, parts added, a false
size in the zip's directory."""

import io
import struct
import zipfile

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"


def workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewritten(data: bytes, change=None, *, add=()) -> bytes:
    """The workbook with its sheet's XML changed and parts added."""
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            body = source.read(part.filename)
            target.writestr(part.filename, change(body) if change and part.filename == SHEET else body)
        for name, body in add:
            target.writestr(name, body)
    return buffer.getvalue()


def declared_size(data: bytes, name: str, size: int) -> bytes:
    """The workbook with a false uncompressed size for one part in the zip's directory."""
    data, entry = bytearray(data), data.find(b"PK\x01\x02")
    while data[entry + 46: entry + 46 + len(name)] != name.encode():
        entry = data.find(b"PK\x01\x02", entry + 4)
    data[entry + 24: entry + 28] = struct.pack("<I", size)
    return bytes(data)


# Two organisations and an address; "MARK" is the cell hostile rewrites replace.
GOOD = workbook([["organisation", "email"], ["Example Org", "MARK"], ["Other Org", "person@example.org"]])
