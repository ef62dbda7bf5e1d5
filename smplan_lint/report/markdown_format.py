"""A GitHub-flavoured Markdown summary to post as a pull-request comment."""

from __future__ import annotations

from smplan_lint.findings import Finding
from smplan_lint.report import Report
from smplan_lint.report.common import NOT_LINTED, error_location, location, title, verdict, visible

HEADING = "## smplan-lint report"


def escape_cell(text: str) -> str:
    """Make text safe inside one table cell of a PR comment.

    Pipes would split the cell, newlines end the row, `<` starts raw HTML, and
    `@handle` (common in social plans) would notify an unrelated GitHub user.
    """
    text = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    text = text.replace("@", "@&#8203;")
    return "<br>".join(text.splitlines())


def render(report: Report) -> str:
    """Heading, summary, a table of findings, and suppressions folded away for reviewers."""
    lines = [HEADING, "", verdict(report)]
    if report.errors:
        lines += ["", f"| File that {NOT_LINTED} | Why |", "| --- | --- |"]
        lines += [f"| {escape_cell(error_location(error))} | {escape_cell(error.message)} |"
                  for error in report.errors]
    if report.findings:
        lines += ["", "| Severity | Rule | Location | Message | Fix |",
                  "| --- | --- | --- | --- | --- |"]
        lines += [_row(finding) for finding in report.findings]
    if report.suppressed:
        lines += ["", "<details><summary>Suppressed findings</summary>", ""]
        lines += ["| Rule | Location | Reason |", "| --- | --- | --- |"]
        lines += [
            f"| {_rule(finding)} | {escape_cell(location(finding))} "
            f"| {escape_cell(finding.suppressed or '')} |"
            for finding in report.suppressed
        ]
        lines += ["", "</details>"]
    return "\n".join(lines)


def _rule(finding: Finding) -> str:
    return escape_cell(title(finding))


def _row(finding: Finding) -> str:
    cells = [finding.severity, _rule(finding), escape_cell(location(finding)),
             escape_cell(finding.message), escape_cell(finding.fix)]
    return "| " + " | ".join(cells) + " |"
