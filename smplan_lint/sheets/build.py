"""Sheets -> the equivalent plan: the same tree a YAML plan gives, marked by cell.

Every value is marked at its cell, and every field a table has a column for is
marked at its cell even when blank, so "no owner" points at the empty owner cell.
Rows of the per-network sheets that repeat an account of the summary sheet fill
in that account rather than duplicating it. Nothing is dropped in silence: a
row or a sheet that cannot be placed, a formula error and a merged header cell
are each a finding at the cell.
"""

from __future__ import annotations

from typing import Any

from smplan_lint.findings import Issue
from smplan_lint.load.tree import Document, escape
from smplan_lint.sheets import FORMULA_ERROR, MISSING_HEADER, SHEET_NOT_READ, columns, values
from smplan_lint.sheets.columns import Header
from smplan_lint.sheets.grid import Sheet, cell_name
from smplan_lint.sheets.plan_sheet import read_plan_sheet
from smplan_lint.sheets.rows import RowReader

_ORDER = {"people": 0, "accounts": 1, "discovered": 2, "goals": 3}


class Workbook:
    """Collects the plan, its marks and its problems while the sheets are read."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.plan: dict[str, Any] = {"version": 1}
        self.marks: dict[str, tuple[int, int]] = {}
        self.sheets: dict[str, str] = {}
        self.problems: list[Issue] = []

    def mark(self, pointer: str, sheet: str, row: int, column: int) -> None:
        """Place a pointer at a 0-based cell (the first placing wins)."""
        if pointer not in self.marks:
            self.marks[pointer] = (row + 1, column + 1)
            self.sheets[pointer] = sheet

    def problem(self, rule: str, section: str, sheet: str, row: int, column: int,
                message: str) -> None:
        """A finding at a cell that belongs to no item: its path is the section and the cell."""
        pointer = f"{section}/@{escape(sheet)}!{cell_name(row, column)}"
        self.mark(pointer, sheet, row, column)
        self.problems.append(Issue(rule, pointer, message))

    def document(self) -> Document:
        return Document(self.path, self.plan, self.marks, self.problems, sheets=self.sheets)


def build(path: str, sheets: list[Sheet]) -> Document:
    """The plan a workbook holds; what cannot be read is a finding, never dropped."""
    book = Workbook(path)
    if sheets:
        book.mark("", sheets[0].name, 0, 0)
    tables: list[tuple[Sheet, Header]] = []
    unread: list[tuple[Sheet, list[str]]] = []
    plan_sheets = [sheet for sheet in sheets if columns.is_plan_sheet(sheet.name)]
    for sheet in sheets:
        if sheet in plan_sheets or not _has_values(sheet.rows):
            continue
        header = columns.find_header(sheet.name, sheet.rows)
        if header is None:
            unread.append((sheet, _found_headers(sheet.rows)))
        else:
            tables.append((sheet, header))
    rows = RowReader(book)
    tables.sort(key=lambda pair: _ORDER[pair[1].kind])
    rows.people_from([pair for pair in tables if pair[1].kind == "people"])
    for sheet, header in tables:
        _check_header(book, sheet, header)
        if header.kind != "people":
            rows.read_table(sheet, header)
    for sheet in plan_sheets:
        read_plan_sheet(book, rows.people, sheet)
    rows.finish()
    for sheet, found in unread:
        book.problem(SHEET_NOT_READ, "", sheet.name, 0, 0, _not_read(sheet.name, found))
    return book.document()


def _has_values(rows: list[list[Any]]) -> bool:
    return any(values.text(cell) for row in rows for cell in row)


def _found_headers(rows: list[list[Any]]) -> list[str]:
    """The first row with several values: what the sheet seems to use as its header."""
    for row in rows[:columns.HEADER_ROWS]:
        found = [values.text(cell) for cell in row if values.text(cell)]
        if len(found) >= 2:
            return found
    return []


def _not_read(name: str, found: list[str]) -> str:
    wanted = ", ".join(columns.LOOKED_FOR)
    seen = ", ".join(found[:10]) or "no header row"
    return (f"sheet '{name}' has no header row this reader knows, so its rows are not read "
            f"(looked for columns such as {wanted}; found {seen})")


def _check_header(book: Workbook, sheet: Sheet, header: Header) -> None:
    """A column with values under a blank or merged header cell is not read: say so once,
    at its header cell; so is a header cell that shows a formula error."""
    section = f"/{header.kind}"
    named = {*header.fields, *header.extra, *header.skipped}
    width = max((len(row) for row in sheet.rows[header.row:]), default=0)
    for column in range(width):
        error = sheet.error_at(header.row, column)
        if error:
            book.problem(FORMULA_ERROR, section, sheet.name, header.row, column,
                         f"header cell shows the formula error {error}; the column is not read")
        elif column not in named and _column_has_values(sheet, header.row, column):
            book.problem(MISSING_HEADER, section, sheet.name, header.row, column,
                         f"column {cell_name(header.row, column)[:-len(str(header.row + 1))]} "
                         f"has values but {_why_no_header(sheet, header.row, column)}; "
                         "it is not read")


def _column_has_values(sheet: Sheet, header_row: int, column: int) -> bool:
    return any(column < len(row) and values.text(row[column])
               for row in sheet.rows[header_row + 1:])


def _why_no_header(sheet: Sheet, row: int, column: int) -> str:
    for (top, left), (bottom, right) in sheet.merged:
        if top <= row <= bottom and left < column <= right:
            return (f"its header cell is merged into {cell_name(top, left)} "
                    f"({cell_name(top, left)}:{cell_name(bottom, right)})")
    cells = sheet.rows[row]
    text = values.text(cells[column]) if column < len(cells) else ""
    if not text:
        return "no header"
    if columns.header_words(text) in {columns.header_words(cell) for cell in cells[:column]}:
        return f"its header '{text}' repeats an earlier column's"
    return f"its header '{text}' is not a column this reader knows"
