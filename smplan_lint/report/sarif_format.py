"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from smplan_lint.findings import Finding
from smplan_lint.report import Report, RuleInfo
from smplan_lint.report.common import TOOL_NAME, TOOL_URI, dump_json, posix_path, rule_catalogue

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# GitHub code scanning reads `problem.severity` to label alerts.
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
FINGERPRINT_KEY = "smplanFingerprint/v1"
SRCROOT = "%SRCROOT%"


def render(report: Report) -> str:
    """One run: every loaded rule as metadata, findings and suppressed findings as results."""
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
                "informationUri": TOOL_URI,
                "rules": [_rule(rule) for rule in rules],
            }},
            "invocations": [{"executionSuccessful": True}],
            # Finding paths are relative to where the run started.
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })


def _rule(rule: RuleInfo) -> dict[str, Any]:
    help_markdown = rule.fix + (f"\n\n[{rule.id} {rule.name}]({rule.help})" if rule.help else "")
    data: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why or rule.summary},
        "help": {"text": rule.fix, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "tags": [rule.pack] if rule.pack else [],
            "problem.severity": PROBLEM_SEVERITY[rule.severity],
        },
    }
    if rule.help:
        data["helpUri"] = rule.help
    return data


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": _physical(finding)}
    if finding.path:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.path, "kind": "object"}]
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
