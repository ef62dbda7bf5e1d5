"""Findings and unusable plans as LSP diagnostics.

`code` is the rule id and there is no `codeDescription`: the project has no
public page to link to, and hover shows the rule's explanation instead. The
range covers the offending key and its value on that line (or the item's first
key), computed from the text, since findings carry only where a token begins.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from smplan_lint.findings import Finding
from smplan_lint.lsp.linting import Problem
from smplan_lint.lsp.text import key_value_span

SOURCE = "smplan-lint"
SEVERITY = {"error": types.DiagnosticSeverity.Error,
            "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}


def token_range(lines: Sequence[str], line: int | None, column: int | None) -> types.Range:
    """The key or value written at (line, column), counted from 1, in characters.

    A place past the text (a missing final line) is clamped to the last line.
    """
    if not lines:
        return types.Range(types.Position(0, 0), types.Position(0, 0))
    row = min(max((line or 1) - 1, 0), len(lines) - 1)
    text = lines[row]
    start = min(max((column or 1) - 1, 0), len(text.rstrip("\r\n")))
    start, end = key_value_span(text, start)
    return types.Range(types.Position(row, start), types.Position(row, end))


def from_finding(finding: Finding, lines: Sequence[str]) -> types.Diagnostic:
    return types.Diagnostic(
        range=token_range(lines, finding.line, finding.column),
        message=finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.rule,
        source=SOURCE,
    )


def from_problem(problem: Problem, lines: Sequence[str]) -> types.Diagnostic:
    """The one diagnostic of a plan that cannot be linted, at the place to fix."""
    return types.Diagnostic(
        range=token_range(lines, problem.line, problem.column),
        message=problem.message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
