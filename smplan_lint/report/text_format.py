"""The terminal report: a table a person scans top-down, most severe first."""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain

from smplan_lint.findings import Finding
from smplan_lint.report import Report
from smplan_lint.report.columns import row_lines, widths
from smplan_lint.report.common import (
    NOT_LINTED,
    error_location,
    files,
    location,
    verdict,
    visible,
)

COLOURS = {"error": "\033[1;31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
NO_OWNER = "(no owner)"

Paint = Callable[[str, str], str]


def render(report: Report) -> str:
    """Findings table (grouped per owner when asked), then the summary line."""
    paint = _painter(report.color)
    blocks = []
    if report.verbose:
        count = len(files(report))
        blocks.append(f"Checked {count} file{'s' if count != 1 else ''} "
                      f"with the {report.engine} engine.")
    if report.errors:
        blocks.append("\n".join([paint(COLOURS["error"], f"{NOT_LINTED.capitalize()}:")] + [
            f"  {visible(error_location(error))}: {visible(error.message)}"
            for error in report.errors]))
    rows = _table(report.findings, paint)
    if report.group_by == "owner":
        for owner, group in _by_owner(report.findings, rows):
            heading = paint(BOLD, f"{owner} ({len(group)})")
            blocks.append("\n".join([heading, *chain.from_iterable(group)]))
    elif rows:
        blocks.append("\n".join(chain.from_iterable(rows)))
    if report.verbose and report.suppressed:
        blocks.append("\n".join(["Suppressed:"] + [
            f"  {visible(location(item))}  {item.rule}  {visible(item.suppressed or '')}"
            for item in report.suppressed
        ]))
    if report.verbose and report.baseline_unmatched:
        blocks.append("\n".join(["Baseline entries that no longer match anything:"] + [
            f"  {visible(str(entry.get('file', '?')))}  {entry.get('rule', '?')}  "
            f"{visible(str(entry.get('message', fingerprint)))}"
            for fingerprint, entry in report.baseline_unmatched]))
    blocks.append(verdict(report, lambda severity, text: paint(COLOURS[severity], text)))
    return "\n\n".join(blocks)


def _painter(color: bool) -> Paint:
    """Wrap text in an ANSI style, or leave it alone when colour is off."""
    if color:
        return lambda style, text: f"{style}{text}{RESET}"
    return lambda _style, text: text


def _table(findings: list[Finding], paint: Paint) -> list[list[str]]:
    """Each finding's lines of one shared table, in the order given.

    One table keeps columns aligned even when owner headings split it up. The
    fix hint sits under the message, the way ruff shows its help.
    """
    rows = []
    for finding in findings:
        message = visible(finding.message).splitlines()
        if finding.fix:
            message.append(paint(DIM, f"fix: {finding.fix}"))
        rows.append([visible(location(finding)), paint(COLOURS[finding.severity], finding.severity),
                     finding.rule, finding.name, "\n".join(message)])
    column_widths = widths(rows)
    return [row_lines(row, column_widths) for row in rows]


def _by_owner(findings: list[Finding], rows: list[list[str]]) -> list[tuple[str, list[list[str]]]]:
    """Rows grouped in owner order (case-insensitive), "(no owner)" last; rank kept inside."""
    groups: dict[str, list[list[str]]] = {}
    for finding, row in zip(findings, rows, strict=True):
        groups.setdefault(finding.owner or NO_OWNER, []).append(row)
    order = sorted(groups, key=lambda owner: (owner == NO_OWNER, owner.casefold()))
    return [(owner, groups[owner]) for owner in order]
