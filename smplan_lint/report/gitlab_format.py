"""GitLab code quality report (a Code Climate issue array) for merge-request widgets."""

from __future__ import annotations

from typing import Any

from smplan_lint.digests import sha256_hex
from smplan_lint.findings import InputError
from smplan_lint.report import Report
from smplan_lint.report.common import NOT_LINTED, dump_json, posix_path

# GitLab ranks info < minor < major < critical < blocker; an error blocks a merge
# in our terms but is not an outage, so it maps to major as other linters do.
SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report) -> str:
    """One issue per unsuppressed finding; GitLab tracks issues across runs by fingerprint.
    An input that could not be linted is a `blocker`: the merge request must not look clean."""
    return dump_json([*map(_error, report.errors), *[
        {
            "description": finding.message,
            "check_name": finding.rule,
            "fingerprint": finding.fingerprint,
            "severity": SEVERITY[finding.severity],
            "location": {
                "path": posix_path(finding.file),
                "lines": {"begin": finding.line},
            },
        }
        for finding in report.findings
    ]])


def _error(error: InputError) -> dict[str, Any]:
    path = posix_path(error.file)
    return {
        "description": f"{NOT_LINTED}: {error.message}",
        "check_name": "unusable-input",
        "fingerprint": sha256_hex(f"unusable-input\0{path}")[:32],
        "severity": "blocker",
        "location": {"path": path, "lines": {"begin": error.line or 1}},
    }
