"""A self-contained HTML report people would rather look at than a terminal table.

One file with its styles, icons, charts (inline SVG) and a little script inside:
it opens from a mail attachment, and a Content-Security-Policy forbids every
network load, so nothing leaks and nothing breaks offline. It links only to
itself: each rule is explained in the page's own rules section. The script only
sorts and filters the findings table; without it the page reads in ranked order.
Severity is always a word and a shape as well as a colour, so the page survives
grey-scale printing and colour blindness. The sections live in `report/html/`.
"""

from __future__ import annotations

from smplan_lint.report import Report
from smplan_lint.report.html.charts import charts
from smplan_lint.report.html.document import document
from smplan_lint.report.html.fakes import fakes
from smplan_lint.report.html.lists import findings_table, rules, suppressed, todo
from smplan_lint.report.html.markup import visible
from smplan_lint.report.html.page import Page
from smplan_lint.report.html.scorecard import scorecards
from smplan_lint.report.html.summary import errors, score, summary_section

__all__ = ["render", "score"]


def render(report: Report) -> str:
    """The whole page: what could not be linted, summary, charts, scorecards, fakes,
    to-dos, findings and rules; no control character from a plan reaches it raw."""
    page = Page(report)
    sections = [
        errors(page), summary_section(page), charts(page), scorecards(page), fakes(page),
        todo(page), findings_table(page), suppressed(page), rules(page),
    ]
    return visible(document(page, sections))
