"""Every text table, laid out by tabulate.

tabulate imports wcwidth, where it is installed, to measure wide (East Asian)
characters by the columns they take. That import costs tens of milliseconds, a
tenth of a short run, and only text outside ASCII needs it: so tabulate is
imported without it, and handed wcwidth (through the module settings tabulate
documents, `wcwidth` and `WIDE_CHARS_MODE`) for the first table that has such text.
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
