"""Hover: `smplan-lint explain`'s text for a rule named under the cursor or a finding's line.

A rule is named anywhere a plan's author writes one (`lint-ignore`, comments)
by its id or its name; on a line with findings, each finding's rule is
explained beneath its message, so the why and the fix are one hover away.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from smplan_lint.docs import explain
from smplan_lint.findings import Finding
from smplan_lint.packs import Rule

_WORD = re.compile(r"[A-Za-z0-9_-]+")


def word_at(line: str, column: int) -> str | None:
    """The id- or name-like word under `column` (from 0), if any."""
    for found in _WORD.finditer(line):
        if found.start() <= column <= found.end():
            return found.group()
    return None


def hover_text(line: str, column: int, findings: list[Finding],
               rule: Callable[[str], Rule | None]) -> str | None:
    """Markdown for the hover at (line text, column), or None when there is nothing to say.

    `findings` are those on this line; `rule(token)` looks a rule up by id or name.
    """
    word = word_at(line, column)
    named = rule(word) if word else None
    if named is not None:
        return _block(explain(named))
    parts = []
    for rule_id in dict.fromkeys(finding.rule for finding in findings):
        messages = [f"**{rule_id}** {finding.message}" for finding in findings
                    if finding.rule == rule_id]
        found = rule(rule_id)
        parts.append("\n\n".join(messages) + ("\n\n" + _block(explain(found)) if found else ""))
    return "\n\n---\n\n".join(parts) or None


def _block(text: str) -> str:
    """Explain's text is laid out for a terminal: keep its indentation and examples as written."""
    return f"```text\n{text}\n```"
