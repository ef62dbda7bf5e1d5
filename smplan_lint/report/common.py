"""Helpers the report formats share, so every format counts and names things alike."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from smplan_lint.findings import Finding, summary
from smplan_lint.report import Report, RuleInfo

TOOL_NAME = "smplan-lint"
TOOL_URI = "https://github.com/smplan-lint/smplan-lint"


def counts(report: Report) -> dict[str, int]:
    """Counts per severity plus suppressed: the numbers every summary shows."""
    return summary(report.findings, len(report.suppressed))


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
    line = ", ".join(parts) if parts else "No problems found"
    if tally["suppressed"]:
        line += f" ({tally['suppressed']} suppressed)"
    return line + ("." if not parts else "")


def _count_words(count: int, severity: str) -> str:
    noun = severity if count == 1 or severity == "info" else f"{severity}s"
    return f"{count} {noun}"


def location(finding: Finding) -> str:
    """`file:line:col`, the form editors and terminals turn into links."""
    return f"{posix_path(finding.file)}:{finding.line}:{finding.column}"


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
