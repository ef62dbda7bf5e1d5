"""Plain-Python evaluator of a Program: runs wherever durable-rules cannot.

Joins are hash lookups on the joined field, so the cost stays linear in the
number of facts, like durable-rules' equality joins.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from smplan_lint.engine.program import MISSING, Case, Match, Pattern, Program, field_value

_COMPARE = {
    "eq": operator.eq, "ne": operator.ne,
    "gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le,
}


def holds(test: tuple | None, fact: dict[str, Any]) -> bool:
    """Evaluate a test; a comparison on a missing field is false."""
    if test is None:
        return True
    op = test[0]
    if op == "and":
        return all(holds(part, fact) for part in test[1])
    if op == "or":
        return any(holds(part, fact) for part in test[1])
    value = field_value(fact, test[1])
    if op == "ex":
        return value is not MISSING
    if op == "nex":
        return value is MISSING
    if value is MISSING:
        return False
    try:
        return bool(_COMPARE[op](value, test[2]))
    except TypeError:
        return False


class _Facts:
    """Facts by type, with equality indexes built on first use."""

    def __init__(self, facts: list[dict[str, Any]]) -> None:
        self.by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for fact in facts:
            self.by_type[fact["type"]].append(fact)
        self._indexes: dict[tuple[str, tuple[str, ...]], dict[tuple, list[dict]]] = {}

    def lookup(self, type_: str, fields: tuple[str, ...], values: tuple) -> list[dict]:
        key = (type_, fields)
        index = self._indexes.get(key)
        if index is None:
            index = defaultdict(list)
            for fact in self.by_type.get(type_, ()):
                found = tuple(field_value(fact, f) for f in fields)
                if MISSING not in found and all(_hashable(v) for v in found):
                    index[tuple(_hash_key(v) for v in found)].append(fact)
            self._indexes[key] = index
        return index.get(tuple(_hash_key(v) for v in values), [])


def _hashable(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _hash_key(value: Any) -> Any:
    # 1 == 1.0 == True in the engine too; keep them one key, but keep strings apart.
    return ("s", value) if isinstance(value, str) else ("n", value)


def _candidates(pattern: Pattern, bound: dict[str, dict], facts: _Facts) -> list[dict]:
    if not pattern.joins:
        return facts.by_type.get(pattern.type, [])
    values = tuple(field_value(bound[j.alias], j.other) for j in pattern.joins)
    if MISSING in values or not all(_hashable(v) for v in values):
        return []
    return facts.lookup(pattern.type, tuple(j.field for j in pattern.joins), values)


def _solve(case: Case, depth: int, bound: dict[str, dict], facts: _Facts) -> Iterator[dict]:
    if depth == len(case.patterns):
        yield bound
        return
    pattern = case.patterns[depth]
    matching = (f for f in _candidates(pattern, bound, facts) if holds(pattern.test, f))
    if pattern.negated:
        if next(matching, None) is None:
            yield from _solve(case, depth + 1, bound, facts)
        return
    for fact in matching:
        yield from _solve(case, depth + 1, {**bound, pattern.alias: fact}, facts)


class PythonBackend:
    name = "python"

    def run(self, program: Program, facts: list[dict[str, Any]]) -> list[Match]:
        indexed = _Facts(facts)
        matches = []
        for case in program.cases:
            for bound in _solve(case, 0, {}, indexed):
                bindings = tuple((alias, fact["_n"]) for alias, fact in bound.items())
                matches.append(Match(case.key, bindings))
        return matches
