"""Plain-text columns aligned on visible width: colour codes take no room.

Linear in the number of rows, so a report of 20,000 findings prints at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_COLOUR = re.compile(r"\033\[[0-9;]*m")
GAP = "  "


def visible_width(text: str) -> int:
    return len(_COLOUR.sub("", text)) if "\033" in text else len(text)


def widths(rows: Sequence[Sequence[str]]) -> list[int]:
    """Each column's width: its widest line in any row."""
    found: list[int] = []
    for row in rows:
        for column, cell in enumerate(row):
            width = max(visible_width(line) for line in cell.split("\n"))
            if column == len(found):
                found.append(width)
            elif width > found[column]:
                found[column] = width
    return found


def row_lines(row: Sequence[str], column_widths: Sequence[int]) -> list[str]:
    """One row's lines; a cell of several lines makes the row that tall."""
    cells = [cell.split("\n") for cell in row]
    height = max(len(lines) for lines in cells)
    out = []
    for number in range(height):
        parts = []
        for lines, width in zip(cells, column_widths, strict=False):
            text = lines[number] if number < len(lines) else ""
            parts.append(text + " " * (width - visible_width(text)))
        out.append(GAP.join(parts).rstrip())
    return out


def table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    """A table with a header row ruled off by dashes."""
    column_widths = widths([headers, *rows])
    rule = GAP.join("-" * width for width in column_widths)
    lines = [*row_lines(headers, column_widths), rule]
    for row in rows:
        lines.extend(row_lines(row, column_widths))
    return "\n".join(lines)
