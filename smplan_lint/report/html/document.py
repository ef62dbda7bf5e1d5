"""The page around the sections: head, navigation, footer, and the shipped style and script."""

from __future__ import annotations

from smplan_lint.report.common import posix_path
from smplan_lint.report.html.markup import asset, e
from smplan_lint.report.html.page import Page

# Nothing may load from anywhere: the page is its own world (inline styles and script only).
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")

NAV = (("summary", "Summary"), ("charts", "Charts"), ("scorecard", "Scorecard"),
       ("fakes", "Fake profiles"), ("todo", "To-do per owner"), ("findings", "All findings"),
       ("suppressed", "Suppressed"), ("rules", "Rules"))


def document(page: Page, sections: list[str]) -> str:
    """The whole HTML document: one file with its styles, icons and script inside."""
    report = page.report
    title = page.title()
    count = len(page.files)
    checked = ", ".join(posix_path(file) for file in page.files) or "no file"
    engine = f" with the {e(report.engine)} engine" if report.verbose else ""
    links = (("errors", "Not linted"), *NAV) if report.errors else NAV
    nav = "".join(f'<li><a href="#{anchor}">{e(text)}</a></li>' for anchor, text in links)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        f'<meta name="generator" content="smplan-lint {e(report.tool_version)}">'
        f"<title>{e(title)} – smplan-lint report</title>"
        f'<style>{asset("report.css")}</style></head>'
        f'<body><a class="skip" href="#findings">Skip to the findings</a>{asset("symbols.svg")}'
        f'<header><p class="sub">smplan-lint report</p><h1>{e(title)}</h1>'
        f'<p class="sub">{count} file{"s" if count != 1 else ""} checked: '
        f"<code>{e(checked)}</code></p>"
        f'<nav aria-label="Sections"><ul>{nav}</ul></nav></header>'
        f'<main>{"".join(sections)}</main>'
        f"<footer><p>Made by smplan-lint {e(report.tool_version)}{engine}. This page is "
        "self-contained: it loads nothing from the network and works offline.</p></footer>"
        f'<script>{asset("report.js")}</script></body></html>'
    )
