"""Tests and equality joins evaluated in Python.

The python back end evaluates whole programs with them; the durable back end
uses them only to plan which facts each engine session needs (see shards.py).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Any

from smplan_lint.conditions.operators import NATIVE
from smplan_lint.engine.program import MISSING, Pattern, field_value

_COMPARE = {name: native.python for name, native in NATIVE.items()}


def holds(test: tuple | None, fact: dict[str, Any]) -> bool:
    """Evaluate a test with the operators' Python comparisons."""
    if test is None:
        return True
    op = test[0]
    if op == "and":
        return all(holds(part, fact) for part in test[1])
    if op == "or":
        return any(holds(part, fact) for part in test[1])
    return _COMPARE[op](field_value(fact, test[1]), test[2])


class FactIndex:
    """Facts by type, with equality indexes built on first use."""

    def __init__(self, facts: list[dict[str, Any]]) -> None:
        self.by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for fact in facts:
            self.by_type[fact["type"]].append(fact)
        self._indexes: dict[tuple[str, tuple[str, ...]], dict[tuple, list[dict]]] = {}
        self._passing: dict[tuple, dict[tuple, list[dict]]] = {}

    def keyed(self, type_: str, fields: tuple[str, ...]) -> dict[tuple, list[dict]]:
        """The facts of a type by their `join_key` on these fields (built once)."""
        index = self._indexes.get((type_, fields))
        if index is None:
            index = self._indexes[(type_, fields)] = defaultdict(list)
            for fact in self.by_type.get(type_, ()):
                found = tuple(field_value(fact, f) for f in fields)
                if MISSING not in found and all(map(_hashable, found)):
                    index[join_key(found)].append(fact)
        return index

    def first_passing(self, type_: str, fields: tuple[str, ...], test: tuple | None,
                      count: int) -> dict[tuple, list[dict]]:
        """Per `join_key` on these fields, the first `count` facts of the type that pass
        the test, for keys that have one (built once)."""
        memo = (type_, fields, test, count)
        table = self._passing.get(memo)
        if table is None:
            keyed = self.keyed(type_, fields)
            if test is None:
                table = {key: facts[:count] for key, facts in keyed.items()}
            else:
                table = {key: found for key, facts in keyed.items()
                         if (found := list(itertools.islice(
                             (fact for fact in facts if holds(test, fact)), count)))}
            self._passing[memo] = table
        return table

    def lookup(self, type_: str, fields: tuple[str, ...], values: tuple) -> list[dict]:
        return self.keyed(type_, fields).get(join_key(values), [])

    def candidates(self, pattern: Pattern, bound: dict[str, dict]) -> list[dict]:
        """The facts of the pattern's type whose joined fields equal the bound facts'."""
        if not pattern.joins:
            return self.by_type.get(pattern.type, [])
        values = _join_values(pattern, bound)
        if values is None:
            return []
        return self.lookup(pattern.type, tuple(j.field for j in pattern.joins), values)


def _join_values(pattern: Pattern, bound: dict[str, dict]) -> tuple | None:
    """The values the pattern's joins ask for; None when one cannot be equal to anything."""
    values = tuple(field_value(bound[j.alias], j.other) for j in pattern.joins)
    if MISSING in values or not all(_hashable(v) for v in values):
        return None
    return values


def _hashable(value: Any) -> bool:
    return not isinstance(value, dict | list)


def join_key(values: tuple) -> tuple:
    """Equal join values as durable-rules sees them: equal in value and in type, so 1,
    1.0, True and "1" all stay apart (measured on durable-rules 2.0.28)."""
    return tuple(map(_hash_key, values))


def _hash_key(value: Any) -> Any:
    return (type(value).__name__, value)
