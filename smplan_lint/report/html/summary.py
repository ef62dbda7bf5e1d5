"""The page's opening: the inputs that could not be linted, then the health score and counts."""

from __future__ import annotations

from smplan_lint.findings import SEVERITIES, InputError, summary
from smplan_lint.report.common import NOT_LINTED, counts, plural, posix_path, summary_line
from smplan_lint.report.html.markup import (
    cell,
    e,
    icon,
    section,
    severity_badge,
    table,
)
from smplan_lint.report.html.page import Page

PENALTY = {"error": 10, "warning": 3, "info": 1}


def score(tally: dict[str, int]) -> int:
    """Plan health out of 100: errors weigh most; a score never goes below 0.

    100 − 10 per error − 3 per warning − 1 per info; suppressed findings do
    not count. The weights follow the severities' meaning: one error (an
    account nobody answers for, a fake profile) matters more than a handful
    of style warnings.
    """
    lost = sum(PENALTY[severity] * tally.get(severity, 0) for severity in SEVERITIES)
    return max(0, 100 - lost)


def errors(page: Page) -> str:
    """The inputs that could not be linted, first and in red: nothing in them was checked."""
    if not page.report.errors:
        return ""
    items = "".join(f"<li><code>{e(_where(error))}</code> {e(error.message)}</li>"
                    for error in page.report.errors)
    heading = f"{icon('error')}{plural(len(page.failed), 'file')} {NOT_LINTED}"
    body = ("<p>Nothing in these files was checked, so they have no score and no findings. "
            f'Fix what is listed and run smplan-lint again.</p><ul class="errors">{items}</ul>')
    return section("errors", heading, body, extra_class="errors")


def _where(error: InputError) -> str:
    """`file:line:column` as far as it is known."""
    parts = [posix_path(error.file), error.line, error.column]
    return ":".join(str(part) for part in parts if part is not None)


def summary_section(page: Page) -> str:
    """Headline score, counts per severity and one row per file checked."""
    several = (" With several plans the headline is the lowest plan's score: one weak "
               "plan is enough to need attention.") if len(page.files) > 1 else ""
    explain = (
        "<p class=\"formula\"><strong>How the score is worked out:</strong> "
        "100 − 10 × errors − 3 × warnings − 1 × info, never below 0. "
        f"Suppressed findings do not count.{several}</p>"
    )
    rows = [_file_row(page, file) for file in page.files]
    files_table = table("Files checked", ["File", "Plan", "Errors", "Warnings", "Info",
                                          "Suppressed", "Score"], rows)
    why = ('see <a href="#errors">why</a>' if page.report.errors
           else "the command printed why")
    unusable = ("" if not page.unlinted() else
                f'<p class="note">A file that {NOT_LINTED} has no score: {why}.</p>')
    return section("summary", "Summary",
                   f'<p class="lead">{e(_lead(page))}</p><div class="cards">{_cards(page)}</div>'
                   f"{explain}{files_table}{unusable}")


def _lead(page: Page) -> str:
    """The counts in words; never "No problems found" while an input went unchecked."""
    unlinted = page.unlinted()
    if not unlinted:
        return summary_line(page.report)
    failed = f"{plural(len(unlinted), 'file')} {NOT_LINTED}."
    if page.report.findings or page.report.suppressed:
        return f"{failed} {summary_line(page.report)}"
    if len(unlinted) < len(page.files):
        return f"{failed} The files that could be linted have no findings."
    return failed


def _cards(page: Page) -> str:
    tally = counts(page.report)
    cards = [_score_card(page)]
    for severity in SEVERITIES:
        cards.append(f'<div class="card"><p class="label">{severity_badge(severity)}</p>'
                     f'<p class="num">{tally[severity]}</p></div>')
    cards.append(f'<div class="card"><p class="label">{icon("muted")}suppressed</p>'
                 f'<p class="num">{tally["suppressed"]}</p></div>')
    return "".join(cards)


def _score_card(page: Page) -> str:
    """The lowest score of the files that were linted; no number when none was."""
    scores = [score(summary(page.in_file(file))) for file in page.files if page.scored(file)]
    if not page.files:
        scores = [score(counts(page.report))]
    if not scores:
        return ('<div class="card score"><p class="label">Health score</p>'
                '<p class="num">–</p><p class="small">no file could be linted</p></div>')
    headline = min(scores)
    unlinted = page.unlinted()
    left_out = (f'<p class="small">not counting {plural(len(unlinted), "file")} that '
                f"{NOT_LINTED}</p>" if unlinted else "")
    return (f'<div class="card score"><p class="label">Health score</p>'
            f'<p class="num">{headline}<span class="of"> / 100</span></p>'
            f'<p class="meter" role="img" aria-label="{headline} out of 100">'
            f'<span style="width:{headline}%"></span></p>{left_out}</div>')


def _file_row(page: Page, file: str) -> str:
    if page.scored(file):
        hidden = sum(1 for item in page.report.suppressed if item.file == file)
        own = summary(page.in_file(file), hidden)
        plan_score = str(score(own))
        numbers = [str(own[key]) for key in (*SEVERITIES, "suppressed")]
    else:
        plan_score = f'<span class="bad">{icon("no")}{NOT_LINTED}</span>'
        numbers = ["–"] * 4
    return ("<tr>" + cell("File", f"<code>{e(posix_path(file))}</code>", header=True)
            + cell("Plan", e(page.plan_name(file)) or "–")
            + "".join(cell(label, value) for label, value in zip(
                ("Errors", "Warnings", "Info", "Suppressed"), numbers, strict=True))
            + cell("Score", plan_score) + "</tr>")
