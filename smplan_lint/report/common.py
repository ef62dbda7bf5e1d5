"""Helpers the report formats share, so every format counts and names things alike."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from smplan_lint.findings import Finding, InputError, summary
from smplan_lint.report import Report, RuleInfo

TOOL_NAME = "smplan-lint"
NOT_LINTED = "could not be linted"
# C0 and C1 controls and DEL, except newline and tab: a plan's text must never drive the
# terminal (clear the screen, retitle the window) or a CI log. Colour is ours alone.
# Compiled at the first text that has a character outside the printable ones (re's cache).
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"


def visible(text: str) -> str:
    """Control characters from the plan shown escaped (`\\x1b`), never acted on."""
    if text.isprintable():  # every character _CONTROL names is unprintable
        return text
    return re.sub(_CONTROL, lambda found: found.group().encode("unicode_escape").decode("ascii"),
                  text)


def counts(report: Report) -> dict[str, int]:
    """Counts per severity, suppressed and the baseline's effects: what every summary shows."""
    tally = summary(report.findings, len(report.suppressed))
    tally["baselined"] = report.baselined
    tally["baseline_unmatched"] = len(report.baseline_unmatched)
    return tally


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`1 file`, `2 files`: never `file(s)`."""
    return f"{count} {noun}" if count == 1 else f"{count} {many or noun + 's'}"


def error_location(error: InputError) -> str:
    """`file:line:col` when the place is known, else the file alone."""
    where = posix_path(error.file)
    if error.line is not None:
        where += f":{error.line}" + (f":{error.column}" if error.column is not None else "")
    return where


def verdict(report: Report, style: Callable[[str, str], str] | None = None) -> str:
    """The closing line of a person-facing report: inputs that failed come first."""
    line = summary_line(report, style) if style else summary_line(report)
    if report.errors:
        failed = len({error.file for error in report.errors})
        return f"{plural(failed, 'file')} {NOT_LINTED}. {line}"
    return line


def _plain(_severity: str, text: str) -> str:
    return text


def summary_line(report: Report, style: Callable[[str, str], str] = _plain) -> str:
    """Counts in words, e.g. `2 errors, 1 info (1 suppressed)`, or `No problems found.`.

    Every human-facing format uses this one phrasing; `style` lets text colour the counts.
    """
    tally = counts(report)
    parts = [
        style(severity, _count_words(tally[severity], severity))
        for severity in ("error", "warning", "info")
        if tally[severity]
    ]
    quiet = "No findings in the files that were linted" if report.errors else "No problems found"
    line = ", ".join(parts) if parts else quiet
    notes = [f"{tally['suppressed']} suppressed"] if tally["suppressed"] else []
    if tally["baselined"]:
        notes.append(f"{tally['baselined']} hidden by the baseline")
    if tally["baseline_unmatched"]:
        unmatched = tally["baseline_unmatched"]
        verb = "matches" if unmatched == 1 else "match"
        notes.append(f"{plural(unmatched, 'baseline entry', 'baseline entries')} no longer "
                     f"{verb} anything")
    if notes:
        line += f" ({', '.join(notes)})"
    return line + ("." if not parts else "")


def _count_words(count: int, severity: str) -> str:
    noun = severity if count == 1 or severity == "info" else f"{severity}s"
    return f"{count} {noun}"


def location(finding: Finding) -> str:
    """`file:line:col`, the form editors and terminals turn into links; a spreadsheet
    cell as people name it, `audit.xlsx:Accounts!C7`."""
    if finding.sheet is not None:
        return f"{posix_path(finding.file)}:{cell_reference(finding)}"
    return f"{posix_path(finding.file)}:{finding.line}:{finding.column}"


def cell_reference(finding: Finding) -> str:
    """`Accounts!C7`, or `'Q3 Audit'!C7` when the sheet's name needs quoting."""
    letters, column = "", finding.column
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    sheet = finding.sheet or ""
    if not re.fullmatch(r"\w+", sheet):
        sheet = "'" + sheet.replace("'", "''") + "'"
    return f"{sheet}!{letters}{finding.line}"


def title(finding: Finding) -> str:
    """Rule id and name together ("SMP201 account-no-owner"): people know rules by both."""
    return f"{finding.rule} {finding.name}"


def posix_path(path: str) -> str:
    """Forward slashes on every platform, as CI services and SARIF expect."""
    return path.replace("\\", "/")


def files(report: Report) -> list[str]:
    """Every linted file in run order, plus any file only a finding mentions."""
    seen = dict.fromkeys(report.files)
    for finding in [*report.findings, *report.suppressed]:
        seen.setdefault(finding.file)
    return list(seen)


def rule_catalogue(report: Report) -> list[RuleInfo]:
    """Loaded rules sorted by id, plus stand-ins for rules only a finding names.

    Formats that index rules (SARIF, JUnit) must never meet a finding whose rule
    they cannot describe, e.g. a loader issue reported under its own id.
    """
    rules = dict(report.rules)
    for finding in [*report.findings, *report.suppressed]:
        if finding.rule not in rules:
            rules[finding.rule] = RuleInfo(
                id=finding.rule, name=finding.name, severity=finding.severity,
                summary=finding.name, why="", fix=finding.fix, pack="", help=finding.help,
            )
    return [rules[key] for key in sorted(rules)]


def dump_json(data: Any) -> str:
    """Two-space indented JSON keeping non-ASCII handles readable (output is UTF-8)."""
    return json.dumps(data, indent=2, ensure_ascii=False)
