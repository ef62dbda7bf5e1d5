"""A self-contained HTML report people would rather look at than a terminal table.

One file with its styles, icons, charts (inline SVG) and a little script inside:
it opens from a mail attachment, and a Content-Security-Policy forbids every
network load, so nothing leaks and nothing breaks offline. The only links out
are `<a href>`s to the online rule reference. The script only sorts and
filters the findings table; without it the page reads in ranked order. Severity
is always a word and a shape as well as a colour, so the page survives
grey-scale printing and colour blindness.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable
from html import escape
from typing import Any

from smplan_lint.findings import SEVERITIES, SEVERITY_RANK, Finding, summary
from smplan_lint.report import Report, RuleInfo
from smplan_lint.report.common import (
    counts,
    files,
    location,
    posix_path,
    rule_catalogue,
    summary_line,
)
from smplan_lint.report.text_format import NO_OWNER

AREAS = ("goals", "accounts", "missions", "audit", "impersonation", "file")
PENALTY = {"error": 10, "warning": 3, "info": 1}
FAKE_RULE = "SMP501"
NO_NETWORK = "(no network)"
SMART = (
    ("specific", "Specific", "names an account or a network"),
    ("measurable", "Measurable", "has a metric with a numeric target"),
    ("time_bound", "Time-bound", "has a deadline or a recurring period"),
    ("relevant", "Relevant", "serves a business objective of the plan"),
    ("beyond_vanity", "Beyond vanity", "measures more than likes, followers and the like"),
)
EVIDENCE = {
    "homoglyph": "look-alike characters (homoglyphs such as 0 for o)",
    "separator": "separators added or removed",
    "affix": "an affix such as official, real, support or a country code",
    "display-name": "the display name imitates the brand",
    "same-handle-other-network": "the brand's handle on a network where the brand has no account",
}


def score(tally: dict[str, int]) -> int:
    """Plan health out of 100: errors weigh most; a score never goes below 0.

    100 − 10 per error − 3 per warning − 1 per info; suppressed findings do
    not count. The weights follow the severities' meaning: one error (an
    account nobody answers for, a fake profile) matters more than a handful
    of style warnings.
    """
    lost = sum(PENALTY[severity] * tally.get(severity, 0) for severity in SEVERITIES)
    return max(0, 100 - lost)


def render(report: Report) -> str:
    """The whole page: summary, charts, scorecards, fakes, to-dos, findings, rules."""
    page = _Page(report)
    sections = [
        page.summary(), page.charts(), page.scorecards(), page.fakes(), page.todo(),
        page.findings_table(), page.suppressed(), page.rules(),
    ]
    return _document(page, sections)


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _code(text: str) -> str:
    """Escape text and turn `backticked` spans (as rule hints write them) into <code>."""
    parts = escape(text, quote=False).split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: leave it as it is
        return escape(text, quote=False)
    return "".join(f"<code>{part}</code>" if index % 2 else part
                   for index, part in enumerate(parts))


def _icon(name: str) -> str:
    """A shape from the page's symbol sheet; decoration, as the word next to it says it all."""
    return f'<svg class="icon" aria-hidden="true" focusable="false"><use href="#i-{name}"/></svg>'


def _severity(severity: str) -> str:
    """Severity as shape, word and colour at once: any one of them is enough."""
    return f'<span class="sev sev-{_e(severity)}">{_icon(severity)}{_e(severity)}</span>'


def _yes_no(ok: bool, yes: str = "yes", no: str = "no") -> str:
    return (f'<span class="ok">{_icon("yes")}{_e(yes)}</span>' if ok
            else f'<span class="bad">{_icon("no")}{_e(no)}</span>')


def _anchor(rule: str) -> str:
    return f"rule-{rule.lower()}"


def _where(finding: Finding) -> str:
    """`file:line:col` as code that may wrap after a slash or before the line, never mid-name."""
    text = _e(location(finding)).replace("/", "/<wbr>")
    head, _, tail = text.rpartition(f":{finding.line}:")
    return f"<code>{head}<wbr>:{finding.line}:{tail}</code>" if head else f"<code>{text}</code>"


def _rule_link(finding: Finding) -> str:
    """The rule id jumps to its why/fix on this page; a second link goes to the online docs."""
    online = (f' <a class="out" href="{_e(finding.help)}" rel="noopener noreferrer">docs'
              f'<span class="vh"> for {_e(finding.rule)} online</span></a>'
              if finding.help else "")
    return (f'<a href="#{_anchor(finding.rule)}">{_e(finding.rule)}</a>'
            f'<br><span class="rname">{_e(finding.name)}</span>{online}')


def _table(caption: str, heads: list[str], rows: Iterable[str], *, table_id: str = "",
           extra_class: str = "") -> str:
    """A captioned table whose cells reflow into labelled cards at phone width."""
    attr = f' id="{table_id}"' if table_id else ""
    head = "".join(f'<th scope="col">{_e(text)}</th>' for text in heads)
    return (f'<div class="tablewrap"><table class="reflow {extra_class}"{attr}>'
            f"<caption>{caption}</caption><thead><tr>{head}</tr></thead>"
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _cell(label: str, content: str, sort: Any = None, *, header: bool = False) -> str:
    sort_attr = f' data-sort="{_e(sort)}"' if sort is not None else ""
    if header:
        return f'<th scope="row" data-label="{_e(label)}"{sort_attr}>{content}</th>'
    return f'<td data-label="{_e(label)}"{sort_attr}>{content}</td>'


class _Page:
    """What the sections share: the report, its counts and each file's facts, indexed."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.files = files(report)
        self.people = {
            file: {str(fact["key"]): str(fact.get("name") or fact["key"])
                   for fact in facts if fact.get("type") == "person" and "key" in fact}
            for file, facts in report.facts.items()
        }

    # --- shared look-ups ---------------------------------------------------------

    def facts(self, file: str, kind: str) -> list[dict[str, Any]]:
        return [fact for fact in self.report.facts.get(file, []) if fact.get("type") == kind]

    def linted(self, file: str) -> bool:
        """Files the run could not lint (unusable input) have no facts when others do."""
        return not self.report.facts or file in self.report.facts

    def owner(self, finding: Finding) -> str:
        """The owner's name: findings carry a person id or a name, the page shows names."""
        if not finding.owner:
            return NO_OWNER
        return self.people.get(finding.file, {}).get(finding.owner, finding.owner)

    def plan_name(self, file: str) -> str:
        plans = self.facts(file, "plan")
        return str(plans[0].get("organisation", "")) if plans else ""

    def phrase(self, findings: list[Finding]) -> str:
        """Counts in the words every format uses (`2 errors, 1 info`)."""
        return summary_line(dataclasses.replace(self.report, findings=findings, suppressed=[]))

    def in_file(self, file: str) -> list[Finding]:
        return [item for item in self.report.findings if item.file == file]

    def title(self) -> str:
        names = [name for name in (self.plan_name(file) for file in self.files) if name]
        if len(self.files) == 1 and names:
            return f"Plan health: {names[0]}"
        if len(self.files) > 1:
            return f"Plan health: {len(self.files)} plans"
        return "Plan health"

    # --- sections ---------------------------------------------------------------

    def summary(self) -> str:
        tally = counts(self.report)
        scores = [score(summary(self.in_file(file))) for file in self.files if self.linted(file)]
        headline = min(scores) if scores else score(tally)
        cards = [
            f'<div class="card score"><p class="label">Health score</p>'
            f'<p class="num">{headline}<span class="of"> / 100</span></p>'
            f'<p class="meter" role="img" aria-label="{headline} out of 100">'
            f'<span style="width:{headline}%"></span></p></div>'
        ]
        for severity in SEVERITIES:
            cards.append(f'<div class="card"><p class="label">{_severity(severity)}</p>'
                         f'<p class="num">{tally[severity]}</p></div>')
        cards.append(f'<div class="card"><p class="label">{_icon("muted")}suppressed</p>'
                     f'<p class="num">{tally["suppressed"]}</p></div>')
        several = (" With several plans the headline is the lowest plan's score: one weak "
                   "plan is enough to need attention.") if len(self.files) > 1 else ""
        explain = (
            "<p class=\"formula\"><strong>How the score is worked out:</strong> "
            "100 − 10 × errors − 3 × warnings − 1 × info, never below 0. "
            f"Suppressed findings do not count.{several}</p>"
        )
        rows = []
        for file in self.files:
            found = self.in_file(file)
            hidden = sum(1 for item in self.report.suppressed if item.file == file)
            own = summary(found, hidden)
            if self.linted(file):
                plan_score = str(score(own))
                numbers = [str(own[key]) for key in (*SEVERITIES, "suppressed")]
            else:
                plan_score, numbers = "not linted", ["–"] * 4
            rows.append("<tr>" + _cell("File", f"<code>{_e(posix_path(file))}</code>",
                                       header=True)
                        + _cell("Plan", _e(self.plan_name(file)) or "–")
                        + "".join(_cell(label, value) for label, value in zip(
                            ("Errors", "Warnings", "Info", "Suppressed"), numbers, strict=True))
                        + _cell("Score", plan_score) + "</tr>")
        unusable = ("" if all(self.linted(file) for file in self.files) else
                    '<p class="note">A file marked “not linted” could not be read as a plan; '
                    "the command printed why.</p>")
        table = _table("Files checked", ["File", "Plan", "Errors", "Warnings", "Info",
                                         "Suppressed", "Score"], rows)
        return (f'<section id="summary" aria-labelledby="h-summary">'
                f'<h2 id="h-summary">Summary</h2>'
                f'<p class="lead">{_e(summary_line(self.report))}</p>'
                f'<div class="cards">{"".join(cards)}</div>{explain}{table}{unusable}</section>')

    def charts(self) -> str:
        findings = self.report.findings
        by_severity = [(severity, {severity: sum(1 for f in findings if f.severity == severity)})
                       for severity in SEVERITIES]
        areas = [*AREAS, *sorted({f.area for f in findings} - set(AREAS))]
        by_area = [(area, _tally(f for f in findings if f.area == area)) for area in areas]
        networks = dict.fromkeys(
            fact["network"] for file in self.files for fact in self.facts(file, "network"))
        networks.update(dict.fromkeys(sorted({f.network for f in findings if f.network})))
        by_network = [(network, _tally(f for f in findings if f.network == network))
                      for network in networks]
        if any(f.network is None for f in findings):
            by_network.append((NO_NETWORK, _tally(f for f in findings if f.network is None)))
        by_network.sort(key=lambda row: -sum(row[1].values()))
        figures = [
            _chart("chart-severity", "Findings by severity", by_severity, icons=True),
            _chart("chart-area", "Findings by area", by_area),
            _chart("chart-network", "Findings by network", by_network),
        ]
        return ('<section id="charts" aria-labelledby="h-charts"><h2 id="h-charts">Charts</h2>'
                f'<div class="charts">{"".join(figures)}</div></section>')

    def scorecards(self) -> str:
        blocks = []
        for file in self.files:
            if file not in self.report.facts:
                continue
            heading = ""
            if len(self.report.facts) > 1:
                name = self.plan_name(file)
                heading = (f'<h3>{_e(name) + " – " if name else ""}'
                           f"<code>{_e(posix_path(file))}</code></h3>")
            blocks.append(heading + self._network_card(file) + self._goal_card(file))
        body = "".join(blocks) or "<p>No plan facts to score.</p>"
        return ('<section id="scorecard" aria-labelledby="h-scorecard">'
                '<h2 id="h-scorecard">Scorecard per network</h2>'
                '<p class="note">SMART goals are specific, measurable, attainable, relevant and '
                "time-bound; whether a goal is attainable is a judgment the linter leaves to "
                f"you, so it is not scored. A goal counts for a network when it names the "
                f"network, an account on it, or the network in its sentence.</p>{body}</section>")

    def _goals(self, file: str) -> list[tuple[dict[str, Any], str, dict[str, bool]]]:
        """Each goal with the network it serves and which SMART parts it meets."""
        accounts = {str(a["key"]): a for a in self.facts(file, "account") if "key" in a}
        objectives = {str(o["key"]) for o in self.facts(file, "objective") if "key" in o}
        result = []
        for goal in self.facts(file, "goal"):
            account = accounts.get(str(goal.get("account")), {})
            mentioned = goal.get("statement_networks") or []
            network = (goal.get("network") or account.get("network")
                       or (mentioned[0] if mentioned else None))
            parts = {
                "specific": bool(goal.get("account") or goal.get("network") or mentioned),
                "measurable": goal.get("measurable") is True,
                "time_bound": goal.get("time_bound") is True,
                "relevant": str(goal.get("objective")) in objectives,
                "beyond_vanity": not goal.get("vanity_only"),
            }
            result.append((goal, str(network) if network else NO_NETWORK, parts))
        return result

    def _network_card(self, file: str) -> str:
        accounts = self.facts(file, "account")
        missions = {fact["network"] for fact in self.facts(file, "mission")}
        targeted = {fact["network"] for fact in self.facts(file, "network") if fact.get("targeted")}
        goals = self._goals(file)
        fakes = [f for f in self.in_file(file) if f.rule == FAKE_RULE]
        names = self.people.get(file, {})
        networks = dict.fromkeys(fact["network"] for fact in self.facts(file, "network"))
        networks.update(dict.fromkeys(sorted(missions)))
        networks.update(dict.fromkeys(network for _, network, _ in goals))
        networks.update(dict.fromkeys(sorted(str(f.network) for f in fakes if f.network)))
        if not networks:
            return "<p>The plan names no network yet.</p>"
        rows = []
        for network in networks:
            held = [a for a in accounts if a.get("network") == network]
            owners = sorted({names.get(str(a["owner"]), str(a["owner"]))
                             for a in held if a.get("owner")}, key=str.casefold)
            ownerless = sum(1 for a in held if not a.get("owner"))
            held_text = str(len(held)) + (f'<br><span class="small">{_e(", ".join(owners))}</span>'
                                          if owners else "")
            if ownerless:
                held_text += f'<br><span class="bad">{_icon("no")}{ownerless} without owner</span>'
            if network in missions:
                mission = _yes_no(True)
            else:
                mission = _yes_no(False, no="missing") if held else "–"
            served = [parts for _, goal_network, parts in goals if goal_network == network]
            smart = [_fraction(sum(parts[key] for parts in served), len(served))
                     for key, _, _ in SMART]
            open_fakes = sum(1 for f in fakes if f.network == network)
            label = _e(network)
            if network != NO_NETWORK:
                label += '<br><span class="small">' + _yes_no(
                    network in targeted, yes="target", no="not a target") + "</span>"
            rows.append(
                "<tr>" + _cell("Network", label, header=True)
                + _cell("Accounts and owners", held_text)
                + _cell("Mission", mission) + _cell("Goals", str(len(served)))
                + "".join(_cell(head, text) for (_, head, _), text in
                          zip(SMART, smart, strict=True))
                + _cell("Open fakes", _yes_no(not open_fakes, yes="0", no=str(open_fakes)))
                + "</tr>")
        heads = ["Network", "Accounts and owners", "Mission", "Goals",
                 *(head for _, head, _ in SMART), "Open fakes"]
        return _table("Networks: accounts, owners, mission, SMART goals, open fake profiles",
                      heads, rows, extra_class="scorecard")

    def _goal_card(self, file: str) -> str:
        goals = self._goals(file)
        if not goals:
            return '<p class="note">The plan has no goals yet.</p>'
        rows = []
        for goal, network, parts in goals:
            rows.append(
                "<tr>" + _cell("Goal", f"<code>{_e(goal.get('key', '–'))}</code>", header=True)
                + _cell("Network", _e(network))
                + _cell("Statement", _e(goal.get("statement", "")) or "–")
                + "".join(_cell(head, _yes_no(parts[key]), int(parts[key]))
                          for key, head, _ in SMART) + "</tr>")
        legend = "; ".join(f"<strong>{_e(head)}</strong>: {_e(text)}" for _, head, text in SMART)
        return (_table("Goals and their SMART parts", ["Goal", "Network", "Statement",
                                                       *(head for _, head, _ in SMART)], rows)
                + f'<p class="note">{legend}.</p>')

    def fakes(self) -> str:
        found = [f for f in self.report.findings if f.rule == FAKE_RULE]
        if not found:
            body = "<p>No likely fake profiles among the discovered ones.</p>"
        else:
            body = "".join(self._fake(finding) for finding in found)
        return ('<section id="fakes" aria-labelledby="h-fakes">'
                '<h2 id="h-fakes">Likely fake profiles</h2>'
                "<p>Each suspect is shown next to the official account it imitates; characters "
                "that differ are <mark>marked</mark>. Report the fakes to the network, then set "
                f"<code>status: reported</code> in the plan.</p>{body}</section>")

    def _fake(self, finding: Finding) -> str:
        suspect = next((fact for fact in self.facts(finding.file, "discovered")
                        if fact.get("_pointer") == finding.path), {})
        evidence = finding.evidence or suspect.get("_evidence", {})
        official_handle = str(evidence.get("official") or suspect.get("imitates") or "")
        official_network = str(evidence.get("network") or "")
        official = next((a for a in self.facts(finding.file, "account")
                         if a.get("network") == official_network
                         and str(a.get("handle", "")).casefold() == official_handle.casefold()),
                        {})
        handle = str(suspect.get("handle") or finding.subject or "")
        marked_suspect, marked_official = _diff_marks(handle, official_handle)
        names = self.people.get(finding.file, {})
        owner = official.get("owner")
        rows = [
            ("Handle", f"@{marked_suspect}", f"@{marked_official}" if official_handle else "–"),
            ("Network", *_differ(str(suspect.get("network", finding.network or "–")),
                                 official_network or "–")),
            ("Display name", _e(suspect.get("display_name", "–")),
             _e(official.get("display_name", "–"))),
            ("Followers", _number(suspect.get("followers")), _number(official.get("followers"))),
            ("Created", _e(suspect.get("created", "–")), _e(official.get("created", "–"))),
            ("Verified", _flag(suspect.get("verified")), _flag(official.get("verified"))),
            ("In the plan", f"status: {_e(suspect.get('status', 'unreviewed'))}",
             f"account <code>{_e(official['key'])}</code>" if "key" in official else "–"),
            ("Owner", "–", _e(names.get(str(owner), owner)) if owner else "–"),
        ]
        body = "".join(f'<tr><th scope="row">{_e(label)}</th><td>{left}</td><td>{right}</td></tr>'
                       for label, left, right in rows)
        kinds = evidence.get("kinds") or []
        clues = "".join(f"<li>{_e(EVIDENCE.get(kind, kind.replace('-', ' ')))}</li>"
                        for kind in kinds)
        reading = suspect.get("imitation_evidence") or finding.message
        return (
            f'<article class="fake"><h3>{_severity(finding.severity)} @{_e(handle)} on '
            f'{_e(suspect.get("network", finding.network or "?"))}</h3>'
            f'<div class="tablewrap"><table class="compare"><caption>Suspect profile next to '
            f"the official account ({_where(finding)})</caption>"
            '<thead><tr><th scope="col">Attribute</th><th scope="col">Suspect profile</th>'
            f'<th scope="col">Official account</th></tr></thead><tbody>{body}</tbody></table></div>'
            f'<p><strong>Evidence:</strong> {_e(reading)}</p>'
            + (f'<ul class="clues">{clues}</ul>' if clues else "")
            + f'<p class="fix"><strong>Fix:</strong> {_code(finding.fix)}</p></article>')

    def todo(self) -> str:
        groups: dict[str, list[Finding]] = {}
        for finding in self.report.findings:
            groups.setdefault(self.owner(finding), []).append(finding)
        order = sorted(groups, key=lambda name: (name == NO_OWNER, name.casefold()))
        blocks = []
        for number, owner in enumerate(order):
            items = "".join(
                f'<li>{_severity(f.severity)} <a href="#{_anchor(f.rule)}">{_e(f.rule)}</a> '
                f'{_e(f.message)} <span class="loc">{_where(f)}</span>'
                + (f'<br><span class="fix">Fix: {_code(f.fix)}</span>' if f.fix else "")
                + "</li>" for f in groups[owner])
            blocks.append(f'<section class="owner" aria-labelledby="owner-{number}">'
                          f'<h3 id="owner-{number}">{_e(owner)} '
                          f'<span class="count">({_e(self.phrase(groups[owner]))})</span></h3>'
                          f'<ol class="todo">{items}</ol></section>')
        body = "".join(blocks) or "<p>Nothing to do.</p>"
        return ('<section id="todo" aria-labelledby="h-todo"><h2 id="h-todo">To-do per owner</h2>'
                "<p class=\"note\">Findings go to the owner of the account or goal they are "
                "about; plan-wide ones go to the audit's reviewer.</p>"
                f"{body}</section>")

    def findings_table(self) -> str:
        findings = self.report.findings
        if not findings:
            return ('<section id="findings" aria-labelledby="h-findings">'
                    '<h2 id="h-findings">All findings</h2><p>No findings.</p></section>')
        rows = []
        for finding in findings:
            owner = self.owner(finding)
            network = finding.network or ""
            fix = f'<p class="fix">Fix: {_code(finding.fix)}</p>' if finding.fix else ""
            place = f"{posix_path(finding.file)}\0{finding.line:09d}\0{finding.column:09d}"
            rows.append(
                f'<tr data-severity="{_e(finding.severity)}" data-area="{_e(finding.area)}" '
                f'data-network="{_e(network)}" data-owner="{_e(owner)}">'
                + _cell("Severity", _severity(finding.severity),
                        SEVERITY_RANK.get(finding.severity, 9))
                + _cell("Rule", _rule_link(finding), finding.rule)
                + _cell("Message", f"{_e(finding.message)}{fix}")
                + _cell("Location", _where(finding), place)
                + _cell("Area", _e(finding.area)) + _cell("Network", _e(network) or "–")
                + _cell("Owner", _e(owner)) + "</tr>")
        filters = "".join(
            _select(key, label, [getattr(f, key) if key != "owner" else self.owner(f)
                                 for f in findings])
            for key, label in (("severity", "Severity"), ("area", "Area"),
                               ("network", "Network"), ("owner", "Owner")))
        controls = (
            '<div class="controls" id="findings-controls" hidden>'
            '<label>Search <input type="search" id="filter-text" '
            'placeholder="handle, rule, word…"></label>'
            f'{filters}<p id="findings-status" aria-live="polite"></p></div>')
        table = _table("Findings, most severe first",
                       ["Severity", "Rule", "Message", "Location", "Area", "Network", "Owner"],
                       rows, table_id="findings-table", extra_class="findings")
        return ('<section id="findings" aria-labelledby="h-findings">'
                f'<h2 id="h-findings">All findings</h2>{controls}{table}</section>')

    def suppressed(self) -> str:
        hidden = self.report.suppressed
        if not hidden:
            body = "<p>No finding is suppressed.</p>"
        else:
            rows = ["<tr>" + _cell("Rule", _rule_link(f), header=True)
                    + _cell("Severity", _severity(f.severity))
                    + _cell("Message", _e(f.message))
                    + _cell("Location", _where(f))
                    + _cell("Reason", _e(f.suppressed or "")) + "</tr>" for f in hidden]
            body = _table("Suppressed findings and the reasons given",
                          ["Rule", "Severity", "Message", "Location", "Reason"], rows)
        return ('<section id="suppressed" aria-labelledby="h-suppressed">'
                '<h2 id="h-suppressed">Suppressed findings</h2>'
                "<p class=\"note\">Silenced with <code>lint-ignore</code> in the plan; they do "
                f"not count towards the score.</p>{body}</section>")

    def rules(self) -> str:
        used = {f.rule for f in [*self.report.findings, *self.report.suppressed]}
        entries = [_rule_entry(info) for info in rule_catalogue(self.report) if info.id in used]
        body = "".join(entries) or "<p>No rule reported anything.</p>"
        return ('<section id="rules" aria-labelledby="h-rules">'
                '<h2 id="h-rules">Rules: why they matter and how to fix</h2>'
                f"<p class=\"note\">Every rule this report mentions, readable offline.</p>"
                f"{body}</section>")


def _rule_entry(info: RuleInfo) -> str:
    why = f"<dt>Why</dt><dd>{_code(info.why)}</dd>" if info.why else ""
    fix = f"<dt>Fix</dt><dd>{_code(info.fix)}</dd>" if info.fix else ""
    online = (f'<p><a href="{_e(info.help)}" rel="noopener noreferrer">Full explanation '
              "online</a></p>") if info.help else ""
    pack = f" (pack {_e(info.pack)})" if info.pack else ""
    return (f'<details id="{_anchor(info.id)}" class="rule"><summary><strong>{_e(info.id)}'
            f"</strong> {_e(info.name)}: {_e(info.summary)}</summary>"
            f"<dl>{why}{fix}<dt>Default severity</dt><dd>{_severity(info.severity)}{pack}</dd>"
            f"</dl>{online}</details>")


def _tally(findings: Iterable[Finding]) -> dict[str, int]:
    tally = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        tally[finding.severity] = tally.get(finding.severity, 0) + 1
    return tally


def _fraction(met: int, total: int) -> str:
    if not total:
        return "–"
    text = f"{met}/{total}"
    return _yes_no(met == total, yes=text, no=text)


def _number(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,}"
    return _e(value) if value not in (None, "") else "–"


def _flag(value: Any) -> str:
    """A yes/no field as words; a plan that does not say reads "unknown", not "no"."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return _e(value)


def _diff_marks(suspect: str, official: str) -> tuple[str, str]:
    """Both handles escaped, with the characters where they differ wrapped in <mark>."""
    matcher = difflib.SequenceMatcher(None, suspect.casefold(), official.casefold(),
                                      autojunk=False)
    left, right = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = _e(suspect[i1:i2]), _e(official[j1:j2])
        if tag == "equal":
            left.append(a)
            right.append(b)
            continue
        if a:
            left.append(f"<mark>{a}</mark>")
        if b:
            right.append(f"<mark>{b}</mark>")
    return "".join(left), "".join(right)


def _differ(suspect: str, official: str) -> tuple[str, str]:
    """Two values escaped, both marked when they differ (a fake on another network)."""
    if suspect == official or "–" in (suspect, official):
        return _e(suspect), _e(official)
    return f"<mark>{_e(suspect)}</mark>", f"<mark>{_e(official)}</mark>"


def _select(key: str, label: str, values: list[Any]) -> str:
    choices = sorted({str(v) for v in values if v}, key=lambda v: (
        SEVERITY_RANK.get(v, 9) if key == "severity" else 0, v.casefold()))
    options = "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in choices)
    return (f'<label>{_e(label)} <select data-filter="{_e(key)}">'
            f'<option value="">all</option>{options}</select></label>')


# --- charts -------------------------------------------------------------------

_CHART_WIDTH, _LABEL_END, _BAR_START, _BAR_SPACE = 480, 118, 126, 290
_ROW, _BAR = 30, 20


def _chart(chart_id: str, title: str, rows: list[tuple[str, dict[str, int]]],
           *, icons: bool = False) -> str:
    """A horizontal bar chart, bars stacked by severity, drawn as inline SVG.

    Each severity has its own fill pattern (solid, striped, dotted) besides its
    colour, a <title>/<desc> pair describes the chart to screen readers, and the
    numbers sit in a table under the figure for anyone who prefers them.
    """
    total = sum(sum(tally.values()) for _, tally in rows)
    if not rows or not total:
        return (f'<figure id="{chart_id}"><figcaption>{_e(title)}</figcaption>'
                "<p>No findings to chart.</p></figure>")
    biggest = max(sum(tally.values()) for _, tally in rows)
    legend_height = 0 if icons else 30
    height = len(rows) * _ROW + 10 + legend_height
    parts = []
    for index, (label, tally) in enumerate(rows):
        y = 6 + index * _ROW
        text_y = y + _BAR / 2 + 5
        mark = (f'<use href="#i-{_e(label)}" x="0" y="{y + 2}" width="16" height="16" '
                f'class="fill-{_e(label)}"/>') if icons else ""
        parts.append(f'<text x="{_LABEL_END}" y="{text_y}" text-anchor="end">{_e(label)}</text>'
                     + mark)
        x = float(_BAR_START)
        for severity in SEVERITIES:
            count = tally.get(severity, 0)
            if not count:
                continue
            width = _BAR_SPACE * count / biggest
            noun = severity if count == 1 or severity == "info" else f"{severity}s"
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{_BAR}" '
                         f'fill="url(#p-{severity})" stroke="#1b1b1b" stroke-width="1">'
                         f"<title>{_e(label)}: {count} {noun}</title></rect>")
            x += width
        count = sum(tally.values())
        parts.append(f'<text x="{x + 6:.1f}" y="{text_y}">{count}</text>')
    if not icons:
        y = len(rows) * _ROW + 16
        x = 0
        for severity in SEVERITIES:
            parts.append(f'<rect x="{x}" y="{y}" width="18" height="14" fill="url(#p-{severity})" '
                         f'stroke="#1b1b1b"/><text x="{x + 24}" y="{y + 12}">{severity}</text>')
            x += 110
    desc = "; ".join(f"{label}: " + (", ".join(f"{n} {s}" for s, n in tally.items() if n) or "0")
                     for label, tally in rows)
    svg = (f'<svg class="chart" viewBox="0 0 {_CHART_WIDTH} {height}" role="img" '
           f'aria-labelledby="{chart_id}-t {chart_id}-d" preserveAspectRatio="xMinYMin meet">'
           f'<title id="{chart_id}-t">{_e(title)}</title><desc id="{chart_id}-d">{_e(desc)}</desc>'
           f'{"".join(parts)}</svg>')
    heads = "".join(f'<th scope="col">{_e(s)}</th>' for s in SEVERITIES)
    body = "".join(f'<tr><th scope="row">{_e(label)}</th>'
                   + "".join(f"<td>{tally.get(s, 0)}</td>" for s in SEVERITIES) + "</tr>"
                   for label, tally in rows)
    numbers = (f'<details class="numbers"><summary>Numbers</summary><table>'
               f"<caption>{_e(title)}</caption><thead><tr><th scope=\"col\">–</th>{heads}</tr>"
               f"</thead><tbody>{body}</tbody></table></details>")
    return f'<figure id="{chart_id}"><figcaption>{_e(title)}</figcaption>{svg}{numbers}</figure>'


# --- the document -------------------------------------------------------------

_SYMBOLS = """<svg class="defs" aria-hidden="true" focusable="false" width="0" height="0">
<defs>
<pattern id="p-error" width="6" height="6" patternUnits="userSpaceOnUse">
<rect width="6" height="6" fill="#a8201a"/></pattern>
<pattern id="p-warning" width="6" height="6" patternUnits="userSpaceOnUse"
 patternTransform="rotate(45)"><rect width="6" height="6" fill="#f6c453"/>
<rect width="2.5" height="6" fill="#6b4500"/></pattern>
<pattern id="p-info" width="6" height="6" patternUnits="userSpaceOnUse">
<rect width="6" height="6" fill="#d6e4fb"/><circle cx="3" cy="3" r="1.5" fill="#0b4fb3"/></pattern>
</defs>
<symbol id="i-error" viewBox="0 0 16 16"><path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z"/>
<path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="#fff" stroke-width="1.8"/></symbol>
<symbol id="i-warning" viewBox="0 0 16 16"><path d="M8 1l7.5 14H.5z"/>
<path d="M8 6v4.5M8 11.8v1.6" stroke="#fff" stroke-width="1.8"/></symbol>
<symbol id="i-info" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7.2"/>
<path d="M8 7v5.2M8 3.8v1.7" stroke="#fff" stroke-width="1.8"/></symbol>
<symbol id="i-yes" viewBox="0 0 16 16"><path d="M2 8.5l4 4 8-9" fill="none" stroke="currentColor"
 stroke-width="2.4"/></symbol>
<symbol id="i-no" viewBox="0 0 16 16"><path d="M3 3l10 10M13 3L3 13" fill="none"
 stroke="currentColor" stroke-width="2.4"/></symbol>
<symbol id="i-muted" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6.5" fill="none"
 stroke="currentColor" stroke-width="1.8"/><path d="M3.5 12.5l9-9" stroke="currentColor"
 stroke-width="1.8"/></symbol>
</svg>"""

_CSS = """
:root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#c4c4c4;--soft:#f1f2f4;--error:#a8201a;
--warning:#7a4d00;--info:#0b4fb3;--ok:#1d6b2f;--link:#0b4fb3}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",sans-serif}
header,main,footer{max-width:75rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.8rem;margin:.2rem 0}
h2{font-size:1.4rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
a{color:var(--link)}
a:focus-visible,button:focus-visible,summary:focus-visible,select:focus-visible,
input:focus-visible{outline:3px solid #e8a200;outline-offset:2px}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em;overflow-wrap:break-word}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem}
.sub{color:var(--muted);margin:0}
nav ul{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;list-style:none;padding:0;margin:.8rem 0 0}
.lead{font-size:1.15rem;font-weight:600}
.note,.formula{color:var(--muted);max-width:60rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem}
.card{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .9rem}
.card p{margin:0}.card .label{font-weight:600;display:flex;align-items:center;gap:.3em}
.card .num{font-size:2.1rem;font-weight:700;line-height:1.2}
.card .of{font-size:1rem;color:var(--muted)}
.score{border-width:2px;border-color:var(--ink)}
.meter{height:.6rem;border:1px solid var(--ink);border-radius:.3rem;overflow:hidden;
margin-top:.3rem}
.meter span{display:block;height:100%;background:var(--ink)}
.icon{width:1em;height:1em;flex:none;fill:currentColor;vertical-align:-.125em}
.sev{display:inline-flex;align-items:center;gap:.3em;font-weight:700;white-space:nowrap}
.sev-error,.fill-error{color:var(--error);fill:var(--error)}
.sev-warning,.fill-warning{color:var(--warning);fill:var(--warning)}
.sev-info,.fill-info{color:var(--info);fill:var(--info)}
.ok,.bad{display:inline-flex;align-items:center;gap:.25em;white-space:nowrap}
.ok{color:var(--ok)}.bad{color:var(--error);font-weight:600}
.tablewrap{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:700;padding:.3rem 0;caption-side:top}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top;
overflow-wrap:break-word;word-break:normal}
thead th{background:var(--soft);border-bottom:2px solid var(--ink)}
thead th button{font:inherit;font-weight:700;color:inherit;background:none;border:0;padding:0;
cursor:pointer;text-align:left}
thead th[aria-sort=ascending] button::after{content:" ▲"}
thead th[aria-sort=descending] button::after{content:" ▼"}
.findings td[data-label=Message]{min-width:16rem}
.rname,.small{font-size:.88em;color:var(--muted)}
th .small{font-weight:400}
a.out{font-size:.85em}
.fix{color:var(--muted);font-size:.92em;margin:.25rem 0 0}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(19rem,1fr));gap:1rem;
align-items:start}
figure{margin:0;border:1px solid var(--line);border-radius:.5rem;padding:.7rem}
figcaption{font-weight:700;margin-bottom:.4rem}
svg.chart{display:block;width:100%;height:auto;fill:var(--ink);
font:15px system-ui,"Liberation Sans","DejaVu Sans",sans-serif}
svg.defs{position:absolute;width:0;height:0;overflow:hidden}
details.numbers{margin-top:.4rem;font-size:.9em}
details.numbers table{width:auto}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:.5rem 0;
padding:.6rem;background:var(--soft);border-radius:.5rem}
.controls label{display:flex;flex-direction:column;font-weight:600;font-size:.9em}
.controls input,.controls select{font:inherit;padding:.25rem;border:1px solid var(--muted);
border-radius:.25rem;background:#fff;min-height:2.2rem}
#findings-status{margin:0;flex-basis:100%}
.fake{border:1px solid var(--line);border-left:6px solid var(--error);border-radius:.5rem;
padding:.2rem 1rem .6rem;margin:1rem 0}
.fake h3{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;overflow-wrap:anywhere}
table.compare th[scope=row]{width:9rem}
table.compare td{width:40%;overflow-wrap:anywhere}
mark{background:#ffe08a;color:inherit;font-weight:700;text-decoration:underline;
text-decoration-thickness:2px}
.clues{margin:.2rem 0}
.owner{border-top:1px solid var(--line)}
.owner .count{font-weight:400;color:var(--muted);font-size:.9em}
ol.todo{padding-left:1.6rem}ol.todo li{margin:.35rem 0}
.loc{color:var(--muted);white-space:normal}
details.rule{border:1px solid var(--line);border-radius:.4rem;padding:.4rem .8rem;margin:.4rem 0}
details.rule summary{cursor:pointer}
details.rule:target{outline:3px solid #e8a200}
dl{margin:.4rem 0}dt{font-weight:700;margin-top:.3rem}dd{margin:0 0 .2rem 1rem}
footer{color:var(--muted);margin-top:2rem;padding-bottom:2rem;border-top:1px solid var(--line)}
[hidden]{display:none!important}
@media (max-width:40rem){
body{font-size:15px}
h1{font-size:1.45rem}
table.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.reflow,table.reflow tbody,table.reflow tr,table.reflow td,table.reflow tbody th{display:block;
width:auto}
table.reflow tr{border:1px solid var(--line);border-radius:.5rem;margin:.5rem 0;padding:.3rem .6rem}
table.reflow caption{display:block}
table.reflow td,table.reflow tbody th{display:flow-root;border:0;padding:.15rem 0 .15rem 7.5rem;
min-width:0!important}
table.reflow td::before,table.reflow tbody th::before{content:attr(data-label);float:left;
width:7rem;margin:.15rem 0 0 -7.5rem;font-weight:700;font-size:.78em;line-height:1.3;
color:var(--muted);text-transform:uppercase;letter-spacing:.02em;overflow-wrap:break-word}
.sort-hint{display:none}
table.compare th[scope=row]{width:auto}
.tablewrap{overflow-x:visible}
}
@page{size:A4;margin:14mm 12mm}
@media print{
body{font-size:9.5pt}
header,main,footer{max-width:none;padding:0}
nav,.controls,.skip,a.out,.sort-hint{display:none!important}
h2{break-after:avoid;margin-top:1.2rem}h3{break-after:avoid}
.tablewrap{overflow:visible}
table{width:100%;table-layout:auto}
thead{display:table-header-group}
tr,figure,.card,.fake,details.rule,ol.todo li{break-inside:avoid}
th,td{padding:.25rem .3rem}
table.findings td[data-label=Message],table.compare td{overflow-wrap:anywhere}
table.scorecard,table.findings{font-size:8.5pt}
.findings td[data-label=Message]{min-width:0}
.charts{display:grid;grid-template-columns:1fr 1fr}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
details::details-content{content-visibility:visible;display:contents}
}
"""

_JS = """
(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var controls = document.getElementById("findings-controls");
    var search = document.getElementById("filter-text");
    var status = document.getElementById("findings-status");
    var selects = Array.prototype.slice.call(controls.querySelectorAll("select[data-filter]"));
    rows.forEach(function (row, index) { row.setAttribute("data-rank", index); });
    var apply = function () {
      var needle = search.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var keep = !needle || row.textContent.toLowerCase().indexOf(needle) !== -1;
        selects.forEach(function (select) {
          var wanted = select.value;
          if (wanted && row.getAttribute("data-" + select.getAttribute("data-filter")) !== wanted) {
            keep = false;
          }
        });
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      status.textContent = "Showing " + shown + " of " + rows.length + " findings.";
    };
    var key = function (row, column) {
      var cell = row.cells[column];
      var value = cell.getAttribute("data-sort");
      return value === null ? cell.textContent.trim().toLowerCase() : value;
    };
    var hint = document.createElement("span");
    hint.className = "sort-hint";
    hint.textContent = " (select a column heading to sort)";
    table.caption.appendChild(hint);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (head, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = head.textContent;
      head.textContent = "";
      head.appendChild(button);
      button.addEventListener("click", function () {
        var up = head.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        head.setAttribute("aria-sort", up ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = key(a, column), y = key(b, column);
          var order = (x !== "" && y !== "" && !isNaN(x) && !isNaN(y)) ? x - y
            : x.localeCompare(y);
          return (up ? order : -order) || a.getAttribute("data-rank") - b.getAttribute("data-rank");
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    search.addEventListener("input", apply);
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    controls.hidden = false;
    apply();
  }
  var openTarget = function () {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") { target.open = true; }
  };
  window.addEventListener("hashchange", openTarget);
  openTarget();
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) {
      details.open = true;
    });
  });
}());
"""

# Nothing may load from anywhere: the page is its own world (inline styles and script only).
_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'")

_NAV = (("summary", "Summary"), ("charts", "Charts"), ("scorecard", "Scorecard"),
        ("fakes", "Fake profiles"), ("todo", "To-do per owner"), ("findings", "All findings"),
        ("suppressed", "Suppressed"), ("rules", "Rules"))


def _document(page: _Page, sections: list[str]) -> str:
    report = page.report
    title = page.title()
    count = len(page.files)
    checked = ", ".join(posix_path(file) for file in page.files) or "no file"
    engine = f" with the {_e(report.engine)} engine" if report.verbose else ""
    nav = "".join(f'<li><a href="#{anchor}">{_e(text)}</a></li>' for anchor, text in _NAV)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="referrer" content="no-referrer">'
        f'<meta name="generator" content="smplan-lint {_e(report.tool_version)}">'
        f"<title>{_e(title)} – smplan-lint report</title><style>{_CSS}</style></head>"
        f'<body><a class="skip" href="#findings">Skip to the findings</a>{_SYMBOLS}'
        f'<header><p class="sub">smplan-lint report</p><h1>{_e(title)}</h1>'
        f'<p class="sub">{count} file{"s" if count != 1 else ""} checked: '
        f"<code>{_e(checked)}</code></p>"
        f'<nav aria-label="Sections"><ul>{nav}</ul></nav></header>'
        f'<main>{"".join(sections)}</main>'
        f"<footer><p>Made by smplan-lint {_e(report.tool_version)}{engine}. This page is "
        "self-contained: it loads nothing from the network and works offline.</p></footer>"
        f"<script>{_JS}</script></body></html>"
    )

