"""The compiled form of rule packs that every engine back end evaluates.

A rule case is a list of patterns over facts. Each pattern binds one fact of a
type, tests its fields, and may join fields of patterns bound before it by
equality. A negated pattern asserts that no such fact exists. Tests the engine
cannot express (Python regular expressions, `not`, dates against today) were
already lowered by the pack compiler into boolean attributes on the facts.
"""

from __future__ import annotations

from typing import Any

from smplan_lint.records import NamedTuple

# A test is a nested tuple:
#   ("and", (test, ...)) | ("or", (test, ...))
#   (operator, field, value), where operator names an entry of
#   conditions.operators.NATIVE: equals, not_equals, gt, gte, lt, lte, present
Test = tuple


class Join(NamedTuple):
    field: str          # field of this pattern's fact
    alias: str          # an earlier pattern
    other: str          # field of the earlier pattern's fact


class Pattern(NamedTuple):
    alias: str
    type: str
    test: Test | None
    joins: tuple[Join, ...] = ()
    negated: bool = False


class Case(NamedTuple):
    """One alternative of a rule; `key` names it uniquely inside a program."""

    key: str
    rule: str
    patterns: tuple[Pattern, ...]

    @property
    def has_absence(self) -> bool:
        return any(p.negated for p in self.patterns)


class Program(NamedTuple):
    cases: tuple[Case, ...]
    digest: str           # content hash: back ends cache their compiled form by it


class Match(NamedTuple):
    """A rule case that held, with the fact index bound to each positive alias
    (a tuple: large plans make tens of thousands)."""

    case: str
    bindings: tuple[tuple[str, int], ...]


END_FACT_TYPE = "$end"


def field_value(fact: dict[str, Any], path: str) -> Any:
    """Follow a dotted path; a missing step yields the MISSING marker."""
    if "." not in path:
        return fact.get(path, MISSING)
    value: Any = fact
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()
