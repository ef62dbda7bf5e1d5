"""Every text table, laid out by tabulate.

tabulate imports wcwidth, where it is installed, to measure wide (East Asian)
characters by the columns they take. That import costs tens of milliseconds, a
tenth of a short run, and only text outside ASCII needs it: so tabulate is
imported without it, and handed wcwidth (through the module settings tabulate
documents, `wcwidth` and `WIDE_CHARS_MODE`) for the first table that has such text.

tabulate works out the type of every cell it is given (an escape-code search and two
failed number conversions per cell, even with `disable_numparse`): for the text
report's table of findings that was most of the report's time. A plain table without
headers is therefore handed over as one row of multiline cells, one per column, which
tabulate types once per column and lays out line by line: the same text (see
`plain_table`).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import Any


def table(rows: Iterable[Sequence[Any]] | Iterable[dict[str, Any]], **options: Any) -> str:
    """`tabulate.tabulate(rows, **options)`, wide characters measured where it matters."""
    listed: list[Any] = list(rows)
    module = _tabulate()
    if not module.WIDE_CHARS_MODE and not _ascii(listed):
        _measure_wide_characters(module)
    return str(module.tabulate(listed, **options))


def plain_table(rows: list[list[str]]) -> str:
    """Rows of text laid out in columns two spaces apart, nothing read as a number:
    `table(rows, tablefmt="plain", disable_numparse=True)`, column by column.

    One multiline cell comes out as its lines padded alike, as the cells of a column
    are; tabulate strips a cell of surrounding blanks and splits multiline cells at
    line boundaries, so rows with an empty cell, a cell in blanks or a line break are
    laid out cell by cell instead."""
    options: dict[str, Any] = {"tablefmt": "plain", "disable_numparse": True}
    if len(rows) < 2 or not all(_one_line(cell) for row in rows for cell in row):
        return table(rows, **options)
    return table([["\n".join(column) for column in zip(*rows, strict=True)]], **options)


def _one_line(cell: str) -> bool:
    """A cell a multiline cell can hold as one of its lines and give back unchanged."""
    return cell.splitlines() == [cell] and cell.strip() == cell


def _tabulate() -> ModuleType:
    if "tabulate" in sys.modules:
        return sys.modules["tabulate"]
    blocked = "wcwidth" not in sys.modules
    if blocked:
        sys.modules["wcwidth"] = None  # type: ignore[assignment]  # import fails: no wcwidth
    try:
        import tabulate
    finally:
        if blocked:
            del sys.modules["wcwidth"]
    return tabulate


def _measure_wide_characters(module: ModuleType) -> None:
    try:
        wcwidth = importlib.import_module("wcwidth")
    except ImportError:  # not installed: tabulate counts characters, as it would anyway
        return
    setattr(module, "wcwidth", wcwidth)  # noqa: B010  (the settings tabulate reads per call)
    setattr(module, "WIDE_CHARS_MODE", True)  # noqa: B010


def _ascii(rows: list[Any]) -> bool:
    cells = (cell for row in rows for cell in (row.values() if isinstance(row, dict) else row))
    return all(str(cell).isascii() for cell in cells)
