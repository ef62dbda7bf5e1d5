"""GitLab code quality report (a Code Climate issue array) for merge-request widgets."""

from __future__ import annotations

from smplan_lint.report import Report
from smplan_lint.report.common import dump_json, posix_path

# GitLab ranks info < minor < major < critical < blocker; an error blocks a merge
# in our terms but is not an outage, so it maps to major as other linters do.
SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report) -> str:
    """One issue per unsuppressed finding; GitLab tracks issues across runs by fingerprint."""
    return dump_json([
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
    ])
