"""Workbook bytes -> sheets of cells, whatever the file format.

python-calamine reads xlsx, xls and ods (openpyxl reads only xlsx); the csv module
reads a single-sheet CSV. Two things calamine does not hand back are added here:
formula-error cells (it reads `#DIV/0!` as an empty cell), found in the xlsx sheet
XML, and merged ranges, which it gives for xlsx and xls.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from smplan_lint.load.errors import UnusableInput
from smplan_lint.load.spreadsheet import OLE_MAGIC, ZIP_MAGIC, is_workbook
from smplan_lint.sheets.values import ERROR_LITERALS

_MAX_XML = 64 * 1024 * 1024  # a sheet's XML is read for error cells up to this size


@dataclass
class Sheet:
    """One sheet: rows of cell values (0-based here, 1-based in every message)."""

    name: str
    rows: list[list[Any]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> `#REF!`

    def error_at(self, row: int, column: int) -> str | None:
        """The formula error shown in a cell, from the file or typed as text."""
        found = self.errors.get((row, column))
        if found is None and row < len(self.rows) and column < len(self.rows[row]):
            value = self.rows[row][column]
            found = value.strip() if isinstance(value, str) and value.strip() in ERROR_LITERALS \
                else None
        return found


def cell_name(row: int, column: int) -> str:
    """`C7` for 0-based (6, 2)."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def read_sheets(data: bytes, path: str) -> list[Sheet]:
    """Every sheet of a workbook, or the one sheet of a CSV; UnusableInput when unreadable."""
    if path.lower().endswith(".csv"):
        return [_csv_sheet(data, path)]
    if not is_workbook(data):
        raise UnusableInput("not a spreadsheet: the file is neither xlsx, ods nor xls")
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [_sheet(book, name) for name in _visible(book)]
    except python_calamine.PasswordError:
        raise UnusableInput("the workbook is protected by a password; save a copy "
                            "without one to lint it") from None
    except Exception as error:  # calamine raises many kinds for a damaged file
        raise UnusableInput(_damaged(data, error)) from None
    if data.startswith(ZIP_MAGIC):
        _add_xlsx_errors(data, sheets)
    return sheets


def _damaged(data: bytes, error: Exception) -> str:
    if data.startswith(OLE_MAGIC) and b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00" in data:
        return "the workbook is protected by a password; save a copy without one to lint it"
    return f"cannot read the workbook (damaged or not a spreadsheet): {error}"


def _visible(book: Any) -> list[str]:
    return [meta.name for meta in book.sheets_metadata
            if str(meta.typ).endswith("WorkSheet") or "Sheet" in str(meta.typ)]


def _sheet(book: Any, name: str) -> Sheet:
    sheet = book.get_sheet_by_name(name)
    rows = sheet.to_python(skip_empty_area=False)
    return Sheet(name, rows, list(sheet.merged_cell_ranges or []))


def _csv_sheet(data: bytes, path: str) -> Sheet:
    """A CSV as Excel and LibreOffice save it: UTF-8 (BOM or not) or Windows-1252, and
    a comma, semicolon or tab between cells."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1252", "replace")
    if "\0" in content:
        raise UnusableInput("binary file (contains NUL bytes); a CSV is text")
    sample = content[:8192]  # the separator used most (a title line has none)
    delimiter = max(",;\t", key=sample.count)
    rows = [list(row) for row in csv.reader(io.StringIO(content), delimiter=delimiter)]
    name = PurePath(path).stem.removesuffix(".smplan") if path != "-" else "stdin"
    return Sheet(name, rows)


_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*)>\s*(?:<(?:\w+:)?f[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>))?"
                   rb"\s*<(?:\w+:)?v>([^<]*)<")
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_SHEET = re.compile(rb'<(?:\w+:)?sheet\s[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_TARGET = re.compile(rb'<Relationship\s[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"'
                     rb'|<Relationship\s[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')


def _add_xlsx_errors(data: bytes, sheets: list[Sheet]) -> None:
    """Formula errors (`t="e"` cells) of an xlsx; an ods or a damaged part adds none."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                return
            parts = _sheet_parts(archive)
            for sheet in sheets:
                part = parts.get(sheet.name)
                if part in names and archive.getinfo(part).file_size <= _MAX_XML:
                    sheet.errors = _error_cells(archive.read(part))
    except (zipfile.BadZipFile, OSError, KeyError):
        return


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip member holding its XML."""
    from html import unescape

    rels: dict[bytes, bytes] = {}
    for found in _TARGET.finditer(archive.read("xl/_rels/workbook.xml.rels")):
        rel_id, target = (found[1], found[2]) if found[1] else (found[4], found[3])
        rels[rel_id] = target
    parts = {}
    for found in _SHEET.finditer(archive.read("xl/workbook.xml")):
        target = rels.get(found[2], b"").decode()
        parts[unescape(found[1].decode())] = (target.lstrip("/") if target.startswith("/")
                                              else "xl/" + target)
    return parts


def _error_cells(xml: bytes) -> dict[tuple[int, int], str]:
    errors = {}
    for found in _CELL.finditer(xml):
        attributes = found[1]
        if b't="e"' not in attributes:
            continue
        ref = _REF.search(attributes)
        if ref:
            column = 0
            for letter in ref[1]:
                column = column * 26 + letter - 64
            errors[(int(ref[2]) - 1, column - 1)] = found[2].decode("utf-8", "replace")
    return errors
