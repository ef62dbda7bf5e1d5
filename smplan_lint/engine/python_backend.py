"""Plain-Python evaluator of a Program: runs wherever durable-rules cannot.

Joins are hash lookups on the joined field, so the cost stays linear in the
number of facts, like durable-rules' equality joins.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from smplan_lint.engine.matching import FactIndex, holds
from smplan_lint.engine.program import Case, Match, Program


def _solve(case: Case, depth: int, bound: dict[str, dict], facts: FactIndex) -> Iterator[dict]:
    if depth == len(case.patterns):
        yield bound
        return
    pattern = case.patterns[depth]
    # The facts of one match are distinct, as in durable-rules: a fact bound to an
    # earlier alias neither binds again nor defeats an absence.
    taken = [fact for fact in bound.values() if fact["type"] == pattern.type]
    matching = (f for f in facts.candidates(pattern, bound)
                if holds(pattern.test, f) and not any(f is fact for fact in taken))
    if pattern.negated:
        if next(matching, None) is None:
            yield from _solve(case, depth + 1, bound, facts)
        return
    for fact in matching:
        yield from _solve(case, depth + 1, {**bound, pattern.alias: fact}, facts)


class PythonBackend:
    name = "python"

    def run(self, program: Program, facts: list[dict[str, Any]]) -> list[Match]:
        indexed = FactIndex(facts)
        matches = []
        for case in program.cases:
            for bound in _solve(case, 0, {}, indexed):
                bindings = tuple((alias, fact["_n"]) for alias, fact in bound.items())
                matches.append(Match(case.key, bindings))
        return matches
