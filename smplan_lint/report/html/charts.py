"""Bar charts of the findings by severity, area and network, drawn as inline SVG."""

from __future__ import annotations

from collections.abc import Iterable

from smplan_lint.findings import SEVERITIES, Finding
from smplan_lint.report.html.markup import e, section
from smplan_lint.report.html.page import Page

AREAS = ("goals", "accounts", "missions", "audit", "impersonation", "file")
NO_NETWORK = "(no network)"

_CHART_WIDTH, _LABEL_END, _BAR_START, _BAR_SPACE = 480, 118, 126, 290
_ROW, _BAR = 30, 20

Rows = list[tuple[str, dict[str, int]]]


def charts(page: Page) -> str:
    """Three charts; every area and every network the plans name shows, findings or not."""
    findings = page.report.findings
    by_severity = [(severity, {severity: sum(1 for f in findings if f.severity == severity)})
                   for severity in SEVERITIES]
    areas = [*AREAS, *sorted({f.area for f in findings} - set(AREAS))]
    by_area = [(area, _tally(f for f in findings if f.area == area)) for area in areas]
    networks = dict.fromkeys(
        fact["network"] for file in page.files for fact in page.facts(file, "network"))
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
    return section("charts", "Charts", f'<div class="charts">{"".join(figures)}</div>')


def _tally(findings: Iterable[Finding]) -> dict[str, int]:
    tally = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        tally[finding.severity] = tally.get(finding.severity, 0) + 1
    return tally


def _chart(chart_id: str, title: str, rows: Rows, *, icons: bool = False) -> str:
    """A horizontal bar chart, bars stacked by severity.

    Each severity has its own fill pattern (solid, striped, dotted) besides its
    colour, a <title>/<desc> pair describes the chart to screen readers, and the
    numbers sit in a table under the figure for anyone who prefers them.
    """
    total = sum(sum(tally.values()) for _, tally in rows)
    if not rows or not total:
        return (f'<figure id="{chart_id}"><figcaption>{e(title)}</figcaption>'
                "<p>No findings to chart.</p></figure>")
    height = len(rows) * _ROW + 10 + (0 if icons else 30)
    parts = _bars(rows, icons) + ("" if icons else _legend(len(rows) * _ROW + 16))
    desc = "; ".join(f"{label}: " + (", ".join(f"{n} {s}" for s, n in tally.items() if n) or "0")
                     for label, tally in rows)
    svg = (f'<svg class="chart" viewBox="0 0 {_CHART_WIDTH} {height}" role="img" '
           f'aria-labelledby="{chart_id}-t {chart_id}-d" preserveAspectRatio="xMinYMin meet">'
           f'<title id="{chart_id}-t">{e(title)}</title><desc id="{chart_id}-d">{e(desc)}</desc>'
           f"{parts}</svg>")
    return (f'<figure id="{chart_id}"><figcaption>{e(title)}</figcaption>{svg}'
            f"{_numbers(title, rows)}</figure>")


def _bars(rows: Rows, icons: bool) -> str:
    biggest = max(sum(tally.values()) for _, tally in rows)
    parts = []
    for index, (label, tally) in enumerate(rows):
        y = 6 + index * _ROW
        text_y = y + _BAR / 2 + 5
        mark = (f'<use href="#i-{e(label)}" x="0" y="{y + 2}" width="16" height="16" '
                f'class="fill-{e(label)}"/>') if icons else ""
        parts.append(f'<text x="{_LABEL_END}" y="{text_y}" text-anchor="end">{e(label)}</text>'
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
                         f"<title>{e(label)}: {count} {noun}</title></rect>")
            x += width
        parts.append(f'<text x="{x + 6:.1f}" y="{text_y}">{sum(tally.values())}</text>')
    return "".join(parts)


def _legend(y: int) -> str:
    return "".join(f'<rect x="{x}" y="{y}" width="18" height="14" fill="url(#p-{severity})" '
                   f'stroke="#1b1b1b"/><text x="{x + 24}" y="{y + 12}">{severity}</text>'
                   for x, severity in zip(range(0, 330, 110), SEVERITIES, strict=True))


def _numbers(title: str, rows: Rows) -> str:
    """The chart's numbers as a folded table, for screen readers and people who prefer them."""
    heads = "".join(f'<th scope="col">{e(s)}</th>' for s in SEVERITIES)
    body = "".join(f'<tr><th scope="row">{e(label)}</th>'
                   + "".join(f"<td>{tally.get(s, 0)}</td>" for s in SEVERITIES) + "</tr>"
                   for label, tally in rows)
    return (f'<details class="numbers"><summary>Numbers</summary><table>'
            f"<caption>{e(title)}</caption><thead><tr><th scope=\"col\">–</th>{heads}</tr>"
            f"</thead><tbody>{body}</tbody></table></details>")
