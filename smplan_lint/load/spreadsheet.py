"""The spreadsheet reader: audit workbooks (xlsx, xls, ods) and CSV files as plans.

The work is done by `smplan_lint.sheets`, imported only when a spreadsheet is
read, so linting YAML never loads python-calamine.
"""

from __future__ import annotations

from smplan_lint.load.tree import Document

ZIP_MAGIC = b"PK\x03\x04"  # xlsx and ods
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # xls (and a password-protected xlsx)
SUFFIXES = (".xlsx", ".xls", ".ods", ".csv")


def read_spreadsheet(data: bytes, path: str) -> Document:
    """The plan a workbook holds; raises UnusableInput when nothing in it can be read."""
    from smplan_lint.sheets.build import build
    from smplan_lint.sheets.grid import read_sheets

    return build(path, read_sheets(data, path))


def is_workbook(data: bytes) -> bool:
    """Standard input is a workbook when it starts with a zip's or an OLE file's magic."""
    return data.startswith((ZIP_MAGIC, OLE_MAGIC))
