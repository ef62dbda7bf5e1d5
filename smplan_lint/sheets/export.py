"""A workbook's plan written as a YAML inventory, each item commented with its cells.

`smplan-lint import audit.xlsx -o plan.smplan.yaml` is the way off the
spreadsheet: the YAML lints exactly like the workbook (same items, same ids), and
the comments say which sheet and row each item came from, so a reviewer can check
the conversion against the original.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from smplan_lint.load import Document, UnusableInput, load_bytes, read_file
from smplan_lint.safe_io import write_atomic


class ImportRefused(Exception):
    """The import cannot be written (exit status 2): the message says why."""


def import_workbook(source: str, target: str, force: bool = False) -> Document:
    """Read a spreadsheet and write its plan to `target` as commented YAML."""
    if Path(target).exists() and not force:
        raise ImportRefused(f"{target} exists; use --force to overwrite it")
    if source != "-" and Path(target).resolve() == Path(source).resolve():
        raise ImportRefused(f"{target} is the spreadsheet being imported")
    try:
        document = load_bytes(read_file(source), source)
    except UnusableInput as error:
        raise ImportRefused(f"{source}: {error}") from None
    if document.sheets is None:
        raise ImportRefused(f"{source}: not a spreadsheet (xlsx, xls, ods or csv)")
    write_atomic(target, to_yaml(document))
    return document


def to_yaml(document: Document) -> str:
    """The plan as YAML: sections in the format's order, each item under its source."""
    name = Path(document.path).name
    out = [f"# Imported from {name} by `smplan-lint import`.",
           "# Each comment names the sheet rows an item was read from.", ""]
    for key, value in document.data.items():
        if isinstance(value, list):
            out.append(f"{key}:")
            for index, item in enumerate(value):
                out.append(f"  # {_sources(document, f'/{key}/{index}')}")
                out.append(_indent(_dump([item]), "  "))
        else:
            where = _sources(document, f"/{key}") if key != "version" else ""
            if where:
                out.append(f"# {where}")
            out.append(_dump({key: value}))
    return "\n".join(out) + "\n"


def _sources(document: Document, pointer: str) -> str:
    """`Accounts row 5, Instagram row 4`: every row a part of the item was read from."""
    rows: dict[str, list[int]] = {}
    sheets = document.sheets or {}
    for marked, (row, _) in document.marks.items():
        if marked == pointer or marked.startswith(pointer + "/"):
            found = rows.setdefault(sheets.get(marked, "?"), [])
            if row not in found:
                found.append(row)
    parts = [f"{sheet} row{'s' if len(found) > 1 else ''} "
             f"{', '.join(str(row) for row in sorted(found))}"
             for sheet, found in rows.items()]
    return "from " + "; ".join(parts) if parts else ""


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100).rstrip("\n")


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.splitlines())
