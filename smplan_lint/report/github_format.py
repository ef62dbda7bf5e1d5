"""GitHub Actions workflow commands: annotations on the pull request's changed lines."""

from __future__ import annotations

from smplan_lint.findings import Finding
from smplan_lint.report import Report
from smplan_lint.report.common import posix_path, title

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message so a newline or % cannot end or garble it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, where `,` separates properties and `:` ends them."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    """One command per unsuppressed finding; the fix hint goes on the annotation's second line."""
    return "\n".join(_command(finding) for finding in report.findings)


def _command(finding: Finding) -> str:
    props = {
        "file": posix_path(finding.file),
        "line": str(finding.line),
        "col": str(finding.column),
        "title": title(finding),
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    message = finding.message + (f"\nfix: {finding.fix}" if finding.fix else "")
    return f"::{COMMAND[finding.severity]} {joined}::{escape_data(message)}"
