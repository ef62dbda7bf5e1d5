"""The lists of findings: a to-do per owner, the sortable table, the suppressed ones, and
the rules they name, explained in the page itself (it links nowhere outside)."""

from __future__ import annotations

from typing import Any

from smplan_lint.findings import SEVERITY_RANK, Finding
from smplan_lint.report import RuleInfo
from smplan_lint.report.common import posix_path, rule_catalogue
from smplan_lint.report.html.markup import (
    anchor,
    cell,
    code,
    e,
    rule_link,
    section,
    severity_badge,
    table,
    where,
)
from smplan_lint.report.html.page import Page
from smplan_lint.report.html.scorecard import cited
from smplan_lint.report.text_format import NO_OWNER


def todo(page: Page) -> str:
    """The findings grouped by the person who has to act on them."""
    groups: dict[str, list[Finding]] = {}
    for finding in page.report.findings:
        groups.setdefault(page.owner(finding), []).append(finding)
    order = sorted(groups, key=lambda name: (name == NO_OWNER, name.casefold()))
    blocks = []
    for number, owner in enumerate(order):
        items = "".join(
            f'<li>{severity_badge(f.severity)} <a href="#{anchor(f.rule)}">{e(f.rule)}</a> '
            f'{e(f.message)} <span class="loc">{where(f)}</span>'
            + (f'<br><span class="fix">Fix: {code(f.fix)}</span>' if f.fix else "")
            + "</li>" for f in groups[owner])
        blocks.append(f'<section class="owner" aria-labelledby="owner-{number}">'
                      f'<h3 id="owner-{number}">{e(owner)} '
                      f'<span class="count">({e(page.phrase(groups[owner]))})</span></h3>'
                      f'<ol class="todo">{items}</ol></section>')
    body = "".join(blocks) or page.nothing("Nothing to do")
    return section("todo", "To-do per owner",
                   '<p class="note">Findings go to the owner of the account or goal they are '
                   f"about; plan-wide ones go to the audit's reviewer.</p>{body}")


def findings_table(page: Page) -> str:
    """Every finding, ranked; the page's script adds sorting and filters."""
    findings = page.report.findings
    if not findings:
        return section("findings", "All findings", page.nothing("No findings"))
    rows = [_finding_row(page, finding) for finding in findings]
    filters = "".join(
        _select(key, label, [page.owner(f) if key == "owner" else getattr(f, key)
                             for f in findings])
        for key, label in (("severity", "Severity"), ("area", "Area"),
                           ("network", "Network"), ("owner", "Owner")))
    controls = (
        '<div class="controls" id="findings-controls" hidden>'
        '<label>Search <input type="search" id="filter-text" '
        'placeholder="handle, rule, word…"></label>'
        f'{filters}<p id="findings-status" aria-live="polite"></p></div>')
    rows_table = table("Findings, most severe first",
                       ["Severity", "Rule", "Message", "Location", "Area", "Network", "Owner"],
                       rows, table_id="findings-table", extra_class="findings")
    return section("findings", "All findings", controls + rows_table)


def _finding_row(page: Page, finding: Finding) -> str:
    owner = page.owner(finding)
    network = finding.network or ""
    fix = f'<p class="fix">Fix: {code(finding.fix)}</p>' if finding.fix else ""
    # Tabs keep file, line and column apart and sort before any printable character.
    place = f"{posix_path(finding.file)}\t{finding.line:09d}\t{finding.column:09d}"
    return (f'<tr data-severity="{e(finding.severity)}" data-area="{e(finding.area)}" '
            f'data-network="{e(network)}" data-owner="{e(owner)}">'
            + cell("Severity", severity_badge(finding.severity),
                   SEVERITY_RANK.get(finding.severity, 9))
            + cell("Rule", rule_link(finding), finding.rule)
            + cell("Message", f"{e(finding.message)}{fix}")
            + cell("Location", where(finding), place)
            + cell("Area", e(finding.area)) + cell("Network", e(network) or "–")
            + cell("Owner", e(owner)) + "</tr>")


def _select(key: str, label: str, values: list[Any]) -> str:
    choices = sorted({str(v) for v in values if v}, key=lambda v: (
        SEVERITY_RANK.get(v, 9) if key == "severity" else 0, v.casefold()))
    options = "".join(f'<option value="{e(v)}">{e(v)}</option>' for v in choices)
    return (f'<label>{e(label)} <select data-filter="{e(key)}">'
            f'<option value="">all</option>{options}</select></label>')


def suppressed(page: Page) -> str:
    hidden = page.report.suppressed
    if not hidden:
        body = "<p>No finding is suppressed.</p>"
    else:
        rows = ["<tr>" + cell("Rule", rule_link(f), header=True)
                + cell("Severity", severity_badge(f.severity))
                + cell("Message", e(f.message))
                + cell("Location", where(f))
                + cell("Reason", e(f.suppressed or "")) + "</tr>" for f in hidden]
        body = table("Suppressed findings and the reasons given",
                     ["Rule", "Severity", "Message", "Location", "Reason"], rows)
    return section("suppressed", "Suppressed findings",
                   '<p class="note">Silenced with <code>lint-ignore</code> in the plan; they do '
                   f"not count towards the score.</p>{body}")


def rules(page: Page) -> str:
    """Every rule the page names, with its why and fix: the page's own rule reference."""
    named = {f.rule for f in [*page.report.findings, *page.report.suppressed]} | cited(page)
    entries = [_rule_entry(info) for info in rule_catalogue(page.report) if info.id in named]
    body = "".join(entries) or "<p>No rule reported anything.</p>"
    return section("rules", "Rules: why they matter and how to fix",
                   '<p class="note">Every rule this report mentions, readable offline. '
                   "<code>smplan-lint explain RULE</code> prints a rule's examples.</p>"
                   f"{body}")


def _rule_entry(info: RuleInfo) -> str:
    why = f"<dt>Why</dt><dd>{code(info.why)}</dd>" if info.why else ""
    fix = f"<dt>Fix</dt><dd>{code(info.fix)}</dd>" if info.fix else ""
    pack = f" (pack {e(info.pack)})" if info.pack else ""
    return (f'<details id="{anchor(info.id)}" class="rule"><summary><strong>{e(info.id)}'
            f"</strong> {e(info.name)}: {e(info.summary)}</summary>"
            f"<dl>{why}{fix}<dt>Default severity</dt><dd>{severity_badge(info.severity)}{pack}"
            "</dd></dl></details>")
