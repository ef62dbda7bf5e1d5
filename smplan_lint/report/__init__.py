"""Report formats: one module per format, each exposing `render(report) -> str`."""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any

from smplan_lint.findings import Finding, InputError
from smplan_lint.records import NamedTuple

FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab", "markdown", "html")
"""Each format is the module `report/<name>_format.py` with `render(report) -> str`."""
GROUP_BY = ("owner",)


class RuleInfo(NamedTuple):
    id: str
    name: str
    severity: str
    summary: str
    why: str
    fix: str
    pack: str
    help: str


class Report(NamedTuple):
    """Everything one run gives a report format: findings, rules, inputs and style."""

    findings: list[Finding]
    suppressed: list[Finding]
    rules: dict[str, RuleInfo]
    files: list[str]
    tool_version: str
    engine: str = "durable"
    color: bool = False
    verbose: bool = False
    group_by: str | None = None
    width: int | None = None  # columns the text report fits; None: lines are not wrapped
    # Per file, the facts the engine saw (plan, account, goal, ...), for rich reports;
    # the default is shared by every Report without facts: read, never changed.
    facts: Mapping[str, list[dict[str, Any]]] = {}
    # Inputs (files, configuration, packs) that could not be linted; never empty on exit 2.
    errors: Sequence[InputError] = ()
    baselined: int = 0   # findings the baseline hid
    # Baseline entries (fingerprint, entry) that no longer match anything.
    baseline_unmatched: Sequence[tuple[str, dict[str, Any]]] = ()


def render(report: Report, fmt: str) -> str:
    """Import only the module the chosen format needs (start-up stays lean)."""
    module = importlib.import_module(f"smplan_lint.report.{fmt}_format")
    return module.render(report)
