"""The terminal report: a table a person scans top-down, most severe first.

tabulate lays out the columns (location, severity, rule id, rule name); it is imported
only when a text table is drawn, because it pulls in importlib.metadata and wcwidth.
The message and its fix hint follow the columns, wrapped to the report's width: beside
the columns when there is room, else under the location.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from itertools import chain
from typing import IO, Any

from smplan_lint.findings import Finding
from smplan_lint.report import Report
from smplan_lint.report.common import (
    NOT_LINTED,
    error_location,
    files,
    location,
    plural,
    verdict,
    visible,
)

COLOURS = {"error": "\033[1;31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
NO_OWNER = "(no owner)"
NEW_OWNER = "needs a new owner"
GAP = "  "  # between columns, as tabulate's plain format separates them
WIDE = 100  # from this width on, the message sits beside the columns
MESSAGE_MIN = 50  # ... if it gets at least this many columns there
UNDER = "    "  # a message under the location is indented by this
_MARK = "|"  # fills the last row of the findings table, to find its columns
FIX = "fix: "

Paint = Callable[[str, str], str]


def terminal_width(environ: dict[str, str] | None = None,
                   streams: Sequence[IO[Any]] = (sys.stdout, sys.stderr)) -> int | None:
    """The width the report should fit: `COLUMNS` when set, else the terminal's.

    stderr is asked too, so `smplan-lint plan.yaml | less` still fits the screen it is
    read on. None (no terminal, no `COLUMNS`) means lines are not wrapped.
    """
    value = (os.environ if environ is None else environ).get("COLUMNS", "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    for stream in streams:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            continue
        if columns > 0:
            return columns
    return None


def render(report: Report) -> str:
    """Findings table (grouped per owner when asked), then the summary line."""
    paint = _painter(report.color)
    blocks = []
    if report.verbose:
        blocks.append(f"Checked {plural(len(files(report)), 'file')} "
                      f"with the {report.engine} engine.")
    if report.errors:
        blocks.append("\n".join([paint(COLOURS["error"], f"{NOT_LINTED.capitalize()}:")] + [
            f"  {visible(error_location(error))}: {visible(error.message)}"
            for error in report.errors]))
    rows = _finding_lines(report.findings, paint, report.width)
    if report.group_by == "owner":
        for owner, group in _by_owner(report, rows):
            heading = paint(BOLD, f"{owner} ({len(group)})")
            blocks.append("\n".join([heading, *chain.from_iterable(group)]))
    elif rows:
        blocks.append("\n".join(chain.from_iterable(rows)))
    if report.verbose and report.suppressed:
        blocks.append("Suppressed:\n" + _table(
            [[visible(location(item)), item.rule, visible(item.suppressed or "")]
             for item in report.suppressed], indent="  "))
    if report.verbose and report.baseline_unmatched:
        blocks.append("Baseline entries that no longer match anything:\n" + _table(
            [[visible(str(entry.get("file", "?"))), str(entry.get("rule", "?")),
              visible(str(entry.get("message", fingerprint)))]
             for fingerprint, entry in report.baseline_unmatched], indent="  "))
    blocks.append(verdict(report, lambda severity, text: paint(COLOURS[severity], text)))
    return "\n\n".join(blocks)


def _painter(color: bool) -> Paint:
    """Wrap text in an ANSI style, or leave it alone when colour is off."""
    if color:
        return lambda style, text: f"{style}{text}{RESET}"
    return lambda _style, text: text


def _table(rows: list[list[str]], indent: str = "") -> str:
    """Rows laid out by tabulate: no header, columns two spaces apart, nothing read as
    a number (a handle of digits stays as written)."""
    from smplan_lint.report.table import plain_table

    text = plain_table(rows)
    if not indent:
        return text
    import textwrap  # imported where used: most runs wrap and indent nothing

    return textwrap.indent(text, indent)


def _finding_lines(findings: list[Finding], paint: Paint, width: int | None) -> list[list[str]]:
    """Each finding's lines, in the order given, from one table for all of them.

    One table keeps the columns aligned even when owner headings split it up. The fix
    hint sits under the message, the way ruff shows its help.
    """
    if not findings:
        return []
    rows = [[visible(location(f)), paint(COLOURS[f.severity], f.severity), f.rule, f.name]
            for f in findings]
    # A last row of marks tells where tabulate put the name column (its last mark),
    # measured in what the eye sees (colour codes and wide characters included).
    lines = _table([*rows, [_MARK] * 4]).split("\n")
    name_width = max(len(f.name) for f in findings)  # rule names are ASCII (pack format)
    hang = lines.pop().rindex(_MARK) + name_width + len(GAP)
    out = []
    if width is None or (width >= WIDE and width - hang >= MESSAGE_MIN):
        room = None if width is None else width - hang
        for line, finding in zip(lines, findings, strict=True):
            first, *more = _message(finding, paint, room)
            padding = " " * (name_width - len(finding.name))
            out.append([(line + padding + GAP + first).rstrip(),
                        *(" " * hang + text for text in more)])
        return out
    room = max(width - len(UNDER), MESSAGE_MIN)
    for line, finding in zip(lines, findings, strict=True):
        out.append([line, *(UNDER + text for text in _message(finding, paint, room))])
    return out


def _message(finding: Finding, paint: Paint, width: int | None) -> list[str]:
    """The message's lines, then the fix hint's (dimmed), each wrapped to `width`."""
    lines = _wrap(visible(finding.message), width)
    if finding.fix:
        fix = _wrap(FIX + visible(finding.fix), width, " " * len(FIX))
        lines += [paint(DIM, line) for line in fix]
    return lines


def _wrap(text: str, width: int | None, hang: str = "") -> list[str]:
    """Lines of at most `width` characters, words kept whole (a handle or a rule name
    wider than the room stays on one line); None keeps each line as it is."""
    if width is None:
        return text.split("\n")
    import textwrap

    return [wrapped for line in text.split("\n")
            for wrapped in (textwrap.wrap(line, width, subsequent_indent=hang,
                                          break_long_words=False, break_on_hyphens=False)
                            or [""])]


def _by_owner(report: Report, rows: list[list[str]]) -> list[tuple[str, list[list[str]]]]:
    """Rows grouped per owner, matched by person id and headed by the person's name.

    A finding whose owner is no longer active goes under "needs a new owner", findings
    without an owner come last; the rank is kept inside each group.
    """
    people: dict[tuple[str, str], dict[str, Any]] = {}
    for file, facts in report.facts.items():
        for fact in facts:  # the first of a duplicated id counts, as in the rules
            if fact.get("type") == "person" and "key" in fact:
                people.setdefault((file, str(fact["key"])), fact)
    groups: dict[str, list[list[str]]] = {}
    names: dict[str, str] = {}
    for finding, row in zip(report.findings, rows, strict=True):
        person = people.get((finding.file, finding.owner or ""), {})
        if person.get("active") is False:
            key = name = NEW_OWNER
        else:
            key = finding.owner or NO_OWNER
            name = str(person.get("name") or key)
        names.setdefault(key, name)
        groups.setdefault(key, []).append(row)
    last = (NEW_OWNER, NO_OWNER)
    order = sorted(groups, key=lambda key: (last.index(key) + 1 if key in last else 0,
                                            names[key].casefold(), key))
    return [(names[key], groups[key]) for key in order]
