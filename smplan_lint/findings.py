"""The Finding record every stage hands on, its ranking and its fingerprint."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smplan_lint.digests import sha256_hex
from smplan_lint.records import NamedTuple

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
FAIL_ON = (*SEVERITIES, "never")


def help_command(rule_id: str) -> str:
    """Where a rule's docs are: the project has no public web page, so the command."""
    return f"smplan-lint explain {rule_id}"


def fingerprint(rule: str, file: str, identity: str) -> str:
    """Stable across moved lines and reordered items: never uses index or line."""
    digest = sha256_hex(f"{rule}\0{file}\0{identity}")
    return digest[:32]


class Finding(NamedTuple):
    """One placed, fingerprinted finding: the JSON contract's fields, then what filters
    and richer reports use."""

    rule: str
    name: str
    severity: str
    message: str
    file: str
    line: int
    column: int
    path: str
    subject: str | None
    fix: str
    help: str
    fingerprint: str
    sheet: str | None = None  # a spreadsheet's sheet; line and column are its row and column
    # Not part of the JSON contract; used by filters and richer reports.
    area: str = "plan"
    network: str | None = None
    owner: str | None = None
    suppressed: str | None = None
    evidence: Mapping[str, Any] = {}   # shared by findings without evidence: read only
    # The proposed value of a "did you mean" (an id, a network). In the JSON contract
    # only when there is one, so findings without it keep their exact shape.
    suggestion: str | None = None

    def sort_key(self) -> tuple:
        return (SEVERITY_RANK[self.severity], self.file, self.line, self.column, self.rule)

    def contract(self) -> dict[str, Any]:
        """The fields of the versioned JSON contract (README, "The JSON output"), in
        order; `suggestion` (additive) last, and only when there is one."""
        fields = {key: getattr(self, key) for key in CONTRACT_FIELDS}
        if self.suggestion is not None:
            fields["suggestion"] = self.suggestion
        return fields


CONTRACT_FIELDS = (
    "rule", "name", "severity", "message", "file", "line", "column",
    "path", "subject", "fix", "help", "fingerprint", "sheet",
)


def rank(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def summary(findings: list[Finding], suppressed: int = 0) -> dict[str, int]:
    counts = {name: 0 for name in SEVERITIES}
    for item in findings:
        counts[item.severity] += 1
    counts["suppressed"] = suppressed
    return counts


def at_or_above(findings: list[Finding], threshold: str) -> bool:
    """Whether any finding reaches the fail threshold (`never` never does)."""
    if threshold == "never":
        return False
    limit = SEVERITY_RANK[threshold]
    return any(SEVERITY_RANK[item.severity] <= limit for item in findings)


class Issue(NamedTuple):
    """A problem found before the engine runs (loader, validator), not yet placed."""

    rule: str
    pointer: str
    message: str
    subject: str | None = None


class InputError(NamedTuple):
    """An input that could not be linted at all (exit status 2): reported in every format
    beside the findings, so no report calls a broken plan clean."""

    file: str
    line: int | None
    column: int | None
    message: str
    detail: str | None = None   # the parser's own words, for --verbose; not in the contract

    def contract(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "column": self.column,
                "message": self.message}
