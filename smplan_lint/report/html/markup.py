"""Small HTML builders every section shares: escaping, icons, cells, tables and assets."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from html import escape
from importlib import resources
from typing import Any

from smplan_lint.findings import Finding
from smplan_lint.report.common import location

# C0 controls but tab and newline, DEL, C1 controls, lone surrogates, noncharacters:
# none is valid text in an HTML page, and a plan may hold any of them in a handle.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: NUL shows as ␀, ESC as ␛
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    """The page with every control character replaced by a visible stand-in.

    Plan text reaches the page in many places; one pass over the finished page
    guarantees that no raw control byte does, wherever it came from.
    """
    return _CONTROL.sub(_picture, text)


@functools.cache
def asset(name: str) -> str:
    """A style sheet, script or icon sheet shipped with the package, read once per process."""
    return resources.files("smplan_lint.report.html").joinpath(name).read_text(encoding="utf-8")


def e(value: Any) -> str:
    """Any value as text safe in element content and quoted attributes."""
    return escape(str(value), quote=True)


def code(text: str) -> str:
    """Escape text and turn `backticked` spans (as rule hints write them) into <code>."""
    plain = escape(text, quote=False)
    parts = plain.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: leave it as it is
        return plain
    return "".join(f"<code>{part}</code>" if index % 2 else part
                   for index, part in enumerate(parts))


def icon(name: str) -> str:
    """A shape from the page's symbol sheet; decoration, as the word next to it says it all."""
    return f'<svg class="icon" aria-hidden="true" focusable="false"><use href="#i-{name}"/></svg>'


def severity_badge(severity: str) -> str:
    """Severity as shape, word and colour at once: any one of them is enough."""
    return f'<span class="sev sev-{e(severity)}">{icon(severity)}{e(severity)}</span>'


def yes_no(ok: bool, yes: str = "yes", no: str = "no") -> str:
    return (f'<span class="ok">{icon("yes")}{e(yes)}</span>' if ok
            else f'<span class="bad">{icon("no")}{e(no)}</span>')


def anchor(rule: str) -> str:
    """The id of a rule's explanation in the page's own rules section."""
    return f"rule-{rule.lower()}"


def where(finding: Finding) -> str:
    """`file:line:col` as code that may wrap after a slash or before the line, never mid-name."""
    text = e(location(finding)).replace("/", "/<wbr>")
    head, _, tail = text.rpartition(f":{finding.line}:")
    return f"<code>{head}<wbr>:{finding.line}:{tail}</code>" if head else f"<code>{text}</code>"


def rule_link(finding: Finding) -> str:
    """The rule id jumps to its why and fix in this page: the page links nowhere else."""
    return (f'<a href="#{anchor(finding.rule)}">{e(finding.rule)}</a>'
            f'<br><span class="rname">{e(finding.name)}</span>')


def table(caption: str, heads: list[str], rows: Iterable[str], *, table_id: str = "",
          extra_class: str = "") -> str:
    """A captioned table whose cells reflow into labelled cards at phone width."""
    attr = f' id="{table_id}"' if table_id else ""
    head = "".join(f'<th scope="col">{e(text)}</th>' for text in heads)
    return (f'<div class="tablewrap"><table class="reflow {extra_class}"{attr}>'
            f"<caption>{caption}</caption><thead><tr>{head}</tr></thead>"
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def cell(label: str, content: str, sort: Any = None, *, header: bool = False) -> str:
    """A table cell labelled for the phone layout, with an optional sort key for the script."""
    sort_attr = f' data-sort="{e(sort)}"' if sort is not None else ""
    if header:
        return f'<th scope="row" data-label="{e(label)}"{sort_attr}>{content}</th>'
    return f'<td data-label="{e(label)}"{sort_attr}>{content}</td>'


def section(name: str, heading: str, body: str, *, extra_class: str = "") -> str:
    """A top-level section with the id the navigation links to and a labelled heading."""
    attr = f' class="{extra_class}"' if extra_class else ""
    return (f'<section id="{name}"{attr} aria-labelledby="h-{name}">'
            f'<h2 id="h-{name}">{heading}</h2>{body}</section>')

