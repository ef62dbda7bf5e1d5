"""Mechanical fixes as text edits that keep the plan's comments and layout.

The plan is never re-dumped: each fix changes a value in place or inserts one
line (block style) or one `key: value` before a flow mapping's `}`. Before a
fix is offered, the edited text is parsed again and must equal the old plan
with exactly the intended change, so a layout the text helpers misread loses
its action rather than producing a broken or altered file.

Fixes:
- likely fake profile (SMP501 on `/discovered/N`): `status: reported`;
- account without purpose or inactive (SMP204, SMP205 on `/accounts/N`): `status: delete`;
- any finding on an item: a `lint-ignore` entry whose reason is a placeholder;
- a finding with a `suggestion` (a "did you mean"): the key or value replaced by it.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Callable
from typing import Any

from smplan_lint.filters import SUPPRESSION_EXPIRED, SUPPRESSION_UNUSED
from smplan_lint.findings import Finding
from smplan_lint.load import Document, UnusableInput, load_bytes
from smplan_lint.load.tree import escape
from smplan_lint.lsp.text import (
    block_end,
    closing,
    offset,
    position,
    scalar_end,
    value_span,
    yaml_scalar,
)
from smplan_lint.records import NamedTuple

REASON_PLACEHOLDER = "TODO: say why this finding is accepted"
STATUS_FIXES = {  # rule -> (list the item is in, status, title)
    "SMP501": ("discovered", "reported", "Mark this profile `status: reported`"),
    "SMP204": ("accounts", "delete", "Mark this account `status: delete`"),
    "SMP205": ("accounts", "delete", "Mark this account `status: delete`"),
}
NOT_SUPPRESSIBLE = frozenset({SUPPRESSION_EXPIRED, SUPPRESSION_UNUSED})


class Edit(NamedTuple):
    """Replace the text from (line, column) to (end_line, end_column), from 0, in characters."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


class Fix(NamedTuple):
    title: str
    finding: Finding
    edit: Edit


def fixes(text: str, path: str, findings: list[Finding]) -> list[Fix]:
    """Every verified fix for these findings of the plan `text`."""
    try:
        plan = _Plan(text, load_bytes(text.encode("utf-8"), path))
    except (UnusableInput, UnicodeEncodeError):
        return []
    found = []
    for finding in findings:
        for title, planned in _candidates(plan, finding):
            if planned is not None and plan.verify(*planned):
                found.append(Fix(title, finding, planned[0]))
    return found


Change = Callable[[Any], None]  # applies the intended change to a copy of the plan's data
Planned = tuple[Edit, Change] | None


def _candidates(plan: _Plan, finding: Finding) -> list[tuple[str, Planned]]:
    """(title, planned edit) for each fix the finding could have."""
    out: list[tuple[str, Planned]] = []
    pointer = finding.path
    status = STATUS_FIXES.get(finding.rule)
    if status and re.fullmatch(rf"/{status[0]}/\d+", pointer):
        out.append((status[2], plan.set_key(pointer, "status", status[1])))
    suggestion = getattr(finding, "suggestion", None)
    if isinstance(suggestion, str) and suggestion:
        out.append((f"Replace with '{suggestion}'", plan.replace_at(finding, suggestion)))
    if finding.rule not in NOT_SUPPRESSIBLE and isinstance(plan.node(pointer), dict):
        out.append((f"Suppress {finding.rule} here with `lint-ignore`",
                    plan.ignore(pointer, finding.rule)))
    return out


class _Plan:
    """The text and the loaded document of one plan, and the edits built on them."""

    def __init__(self, text: str, document: Document) -> None:
        self.text, self.document = text, document
        self.lines = text.splitlines(keepends=True)

    def node(self, pointer: str) -> Any:
        """The value at a JSON pointer, or None."""
        try:
            return _at(self.document.data, pointer)
        except (KeyError, IndexError, ValueError, TypeError):
            return None

    def mark(self, pointer: str) -> tuple[int, int] | None:
        found = self.document.marks.get(pointer)
        return None if found is None else (found[0] - 1, found[1] - 1)

    def set_key(self, pointer: str, key: str, value: str) -> Planned:
        """Give the mapping at `pointer` the scalar `key: value` (replaced, or inserted)."""
        def change(data: Any) -> None:
            _at(data, pointer)[key] = value

        at = self.mark(f"{pointer}/{escape(key)}")
        if at is not None:
            span = value_span(self.lines[at[0]], at[1])
            if span is None or isinstance(self.node(pointer).get(key), dict | list):
                return None
            written = yaml_scalar(value)
            return Edit(at[0], span[0], at[0], span[1],
                        written if span[0] < span[1] else " " + written), change
        inserted = self._insert(pointer, f"{key}: {yaml_scalar(value)}")
        return None if inserted is None else (inserted, change)

    def ignore(self, pointer: str, rule: str) -> Planned:
        """A `lint-ignore` entry for `rule` on the item at `pointer`."""
        item = self.node(pointer)
        entries = item.get("lint-ignore")
        reason = yaml_scalar(REASON_PLACEHOLDER)

        def change(data: Any) -> None:
            _at(data, pointer).setdefault("lint-ignore", {})[rule] = REASON_PLACEHOLDER

        if entries is None:
            edit = self._insert(pointer, f"lint-ignore: {{{rule}: {reason}}}")
        elif isinstance(entries, dict) and rule not in entries:
            edit = self._insert(f"{pointer}/lint-ignore", f"{rule}: {reason}")
        else:
            return None
        return None if edit is None else (edit, change)

    def replace_at(self, finding: Finding, suggestion: str) -> Planned:
        """The key written at the finding's place, or its value, becomes the suggestion:
        whichever of the two the suggestion resembles more."""
        at = (finding.line, finding.column)
        pointer = next((p for p, mark in self.document.marks.items() if mark == at), None)
        if not pointer:
            return None
        row, column = at[0] - 1, at[1] - 1
        line = self.lines[row]
        key_span = (column, scalar_end(line, column, False))
        span = value_span(line, column)
        parent, _, token = pointer.rpartition("/")
        key = token.replace("~1", "/").replace("~0", "~")
        old_value = self.node(pointer)
        if span is None or span[0] == span[1] or _closer(suggestion, key, str(old_value)):
            span, rename = key_span, True
        else:
            rename = False

        def change(data: Any) -> None:
            mapping = _at(data, parent)
            if rename:
                mapping[suggestion] = mapping.pop(key)
            else:
                mapping[key] = suggestion

        if not isinstance(self.node(parent), dict):
            return None
        return Edit(row, span[0], row, span[1], yaml_scalar(suggestion)), change

    def _insert(self, pointer: str, entry: str) -> Edit | None:
        """An edit adding `entry` (`key: value`) as the last entry of the mapping at `pointer`."""
        prefix = pointer + "/"
        kids = [mark for key, mark in self.document.marks.items()
                if key.startswith(prefix) and "/" not in key[len(prefix):]]
        if not kids:
            return None
        row, column = (value - 1 for value in min(kids))
        if self.lines[row][:column].rstrip().endswith("{"):
            return self._insert_flow(row, column, entry)
        last = block_end(self.lines, max(kids)[0] - 1, column)
        line = self.lines[last]
        written = " " * column + entry
        if line.endswith("\n"):
            return Edit(last + 1, 0, last + 1, 0, written + "\n")
        return Edit(last, len(line), last, len(line), "\n" + written)

    def _insert_flow(self, row: int, column: int, entry: str) -> Edit | None:
        """`, entry` just before the `}` of the flow mapping whose first key is at (row, column)."""
        start = offset(self.lines, row, 0)
        close = closing(self.text, self.text.rindex("{", start, start + column))
        if close is None:
            return None
        before = self.text[:close].rstrip()
        line, at = position(self.lines, len(before))
        return Edit(line, at, line, at, (" " if before.endswith(",") else ", ") + entry)

    def verify(self, edit: Edit, change: Change) -> bool:
        """Whether the edited text parses to the old plan with exactly `change` made."""
        expected = copy.deepcopy(self.document.data)
        change(expected)
        try:
            edited = load_bytes(apply(self.text, edit).encode("utf-8"), self.document.path)
        except UnusableInput:
            return False
        return bool(edited.data == expected)


def _at(data: Any, pointer: str) -> Any:
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


def _closer(suggestion: str, key: str, value: str) -> bool:
    """Whether the suggestion is closer to the key than to the value."""
    def ratio(other: str) -> float:
        return difflib.SequenceMatcher(None, suggestion.lower(), other.lower()).ratio()
    return ratio(key) > ratio(value)


def apply(text: str, edit: Edit) -> str:
    """The text with the edit made."""
    lines = text.splitlines(keepends=True)
    return (text[:offset(lines, edit.line, edit.column)] + edit.text
            + text[offset(lines, edit.end_line, edit.end_column):])
