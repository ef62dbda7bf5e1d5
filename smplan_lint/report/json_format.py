"""The versioned JSON contract (README, "The JSON output"): what scripts and other tools parse."""

from __future__ import annotations

from smplan_lint.report import Report
from smplan_lint.report.common import counts, dump_json

CONTRACT_VERSION = 1


def render(report: Report) -> str:
    """Findings in rank order; suppressed ones are only counted, as the contract says.

    `errors` (always present) lists the inputs that could not be linted.
    """
    return dump_json({
        "version": CONTRACT_VERSION,
        "findings": [finding.contract() for finding in report.findings],
        "errors": [error.contract() for error in report.errors],
        "summary": counts(report),
    })
