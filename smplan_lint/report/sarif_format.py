"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from smplan_lint.findings import Finding, InputError
from smplan_lint.report import Report, RuleInfo
from smplan_lint.report.common import (
    NOT_LINTED,
    TOOL_NAME,
    cell_reference,
    dump_json,
    posix_path,
    rule_catalogue,
)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# GitHub code scanning reads `problem.severity` to label alerts.
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
FINGERPRINT_KEY = "smplanFingerprint/v1"
SRCROOT = "%SRCROOT%"


def render(report: Report) -> str:
    """One run: every loaded rule as metadata, findings and suppressed findings as results;
    an input that could not be linted makes the run unsuccessful, with a notification."""
    rules = rule_catalogue(report)
    index = {rule.id: position for position, rule in enumerate(rules)}
    results = [_result(finding, index) for finding in [*report.findings, *report.suppressed]]
    return dump_json({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": TOOL_NAME,
                "version": report.tool_version,
                "rules": [_rule(rule) for rule in rules],
            }},
            "invocations": [_invocation(report.errors)],
            # Finding paths are relative to where the run started.
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })


def _invocation(errors: Sequence[InputError]) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [_notification(e) for e in errors]
    return invocation


def _notification(error: InputError) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": quote(posix_path(error.file)), "uriBaseId": SRCROOT}}
    if error.line is not None and error.line >= 1:
        physical["region"] = {"startLine": error.line,
                              **({"startColumn": error.column} if error.column else {})}
    return {"level": "error", "message": {"text": f"{NOT_LINTED}: {error.message}"},
            "locations": [{"physicalLocation": physical}]}


def _rule(rule: RuleInfo) -> dict[str, Any]:
    """Help comes from the rule's own docs: the project has no web page to point at."""
    more = f"`smplan-lint explain {rule.id}` shows its failing and passing examples."
    help_text = f"{rule.why}\n\nFix: {rule.fix}\n\n{more}".strip()
    help_markdown = (f"**{rule.id} {rule.name}**: {rule.summary}\n\n{rule.why}\n\n"
                     f"**Fix:** {rule.fix}\n\n{more}")
    data: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why or rule.summary},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "tags": [rule.pack] if rule.pack else [],
            "problem.severity": PROBLEM_SEVERITY[rule.severity],
        },
    }
    return data


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": _physical(finding)}
    logical = [{"fullyQualifiedName": finding.path, "kind": "object"}] if finding.path else []
    if finding.sheet is not None:  # the row is the line; the sheet and cell are named here
        logical.append({"name": cell_reference(finding), "kind": "sheetCell"})
    if logical:
        location["logicalLocations"] = logical
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        # An empty list states "known not suppressed"; absent would mean "unknown".
        "suppressions": [],
    }
    if finding.suppressed is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.suppressed}]
    return result


def _physical(finding: Finding) -> dict[str, Any]:
    """Lines count from 1 by contract; a stray 0 drops the region rather than the upload."""
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": quote(posix_path(finding.file)), "uriBaseId": SRCROOT},
    }
    if finding.line >= 1:
        region = {"startLine": finding.line}
        if finding.column >= 1:
            region["startColumn"] = finding.column
        physical["region"] = region
    return physical
