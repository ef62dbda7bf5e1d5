"""GitHub Actions workflow commands: annotations on the pull request's changed lines."""

from __future__ import annotations

from smplan_lint.findings import Finding, InputError
from smplan_lint.report import Report
from smplan_lint.report.common import NOT_LINTED, posix_path, title, visible

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message so a newline, % or control character cannot end or
    garble it (or drive the log viewer)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(text)


def escape_property(text: str) -> str:
    """Escape a property value, where `,` separates properties and `:` ends them."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    """One command per unsuppressed finding (the fix hint on the annotation's second line),
    and an `::error` for each input that could not be linted."""
    return "\n".join([*map(_error, report.errors), *map(_command, report.findings)])


def _error(error: InputError) -> str:
    props = {"file": posix_path(error.file), "title": f"smplan-lint: {NOT_LINTED}"}
    if error.line is not None:
        props["line"] = str(error.line)
    if error.column is not None:
        props["col"] = str(error.column)
    return _annotation("error", props, error.message)


def _command(finding: Finding) -> str:
    props = {
        "file": posix_path(finding.file),
        "line": str(finding.line),
        "col": str(finding.column),
        "title": title(finding),
    }
    message = finding.message + (f"\nfix: {finding.fix}" if finding.fix else "")
    return _annotation(COMMAND[finding.severity], props, message)


def _annotation(command: str, props: dict[str, str], message: str) -> str:
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{command} {joined}::{escape_data(message)}"
