"""Splitting one run's facts into engine sessions of bounded size.

durable-rules keeps a session's facts and partial matches in hash tables of a
fixed 512 buckets (`MAX_MESSAGE_INDEX_LENGTH` and the frame indexes in its
`state.h`), so every fact costs more the larger its session grows: about
45 µs a fact in a session of 4,000 facts, about 340 µs in one of 300,000.
Sessions of a few thousand facts keep the cost per fact flat.

Every match has a root, the fact bound to the first pattern of its case. A
shard owns some of the facts and also receives what its roots can join:
every fact a positive link can bind, and for a negated link one fact that
defeats it (a witness), if there is one. Only the shard that owns a match's
root reports it, so a fact sent as support never reports twice, and an
absence is judged where its witnesses were sent.
"""

from __future__ import annotations

import itertools
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any

from smplan_lint.engine.matching import FactIndex, holds
from smplan_lint.engine.program import Match, Pattern, Program, field_value


@dataclass(frozen=True)
class Shard:
    facts: list[dict[str, Any]]
    owned: frozenset[int] | None   # `_n` of the roots it reports; None: all of them

    def reported(self, matches: list[Match]) -> list[Match]:
        """The matches whose root this shard owns (a root is bound first)."""
        if self.owned is None:
            return matches
        return [match for match in matches if match.bindings[0][1] in self.owned]


def split(program: Program, facts: list[dict[str, Any]], size: int) -> list[Shard]:
    """Shards owning at most `size` facts each.

    A shard takes the next fact not yet owned, then owns what that fact joins
    as well, breadth first, so a goal and its account tend to share a shard
    instead of being sent to two.
    """
    if len(facts) <= size:
        return [Shard(facts, None)]
    planner = _Planner(program, facts)
    owner: dict[int, int] = {}
    unowned = (fact for fact in facts if fact["_n"] not in owner)
    shards: list[Shard] = []
    while True:
        number = len(shards)
        present: dict[int, dict[str, Any]] = {}
        queue: deque[dict[str, Any]] = deque()
        owned = 0
        while owned < size:
            if not queue:
                seed = next(unowned, None)
                if seed is None:
                    break
                queue.append(seed)
            fact = queue.popleft()
            if fact["_n"] in owner:
                continue
            owner[fact["_n"]] = number
            owned += 1
            present[fact["_n"]] = fact
            for extra in planner.support(fact):
                if extra["_n"] not in present:
                    present[extra["_n"]] = extra
                    queue.append(extra)
        if not owned:
            return shards
        shards.append(Shard(list(present.values()),
                            frozenset(n for n in present if owner.get(n) == number)))


class _Planner:
    """Per root type, the links of every case rooted there, in pattern order."""

    def __init__(self, program: Program, facts: list[dict[str, Any]]) -> None:
        index = FactIndex(facts)
        self._cases: dict[str, list[tuple[str, list[_Link]]]] = defaultdict(list)
        for case in program.cases:
            root, *links = case.patterns
            if links:
                self._cases[root.type].append((root.alias, [_Link(p, index) for p in links]))

    def support(self, root: dict[str, Any]) -> list[dict[str, Any]]:
        """The facts the cases rooted at this fact can bind, besides the root."""
        found: dict[int, dict[str, Any]] = {}
        for alias, links in self._cases.get(root["type"], ()):
            bound: dict[str, list[dict[str, Any]]] = {alias: [root]}
            for link in links:
                needed = link.needs(bound)
                found.update((fact["_n"], fact) for fact in needed)
                bound[link.pattern.alias] = needed  # never joined on if negated
        return list(found.values())


class _Link:
    """One pattern after a case's root, with what it needed per join values: thousands
    of roots ask the same question ("this network's goals")."""

    def __init__(self, pattern: Pattern, index: FactIndex) -> None:
        self.pattern = pattern
        self._index = index
        self._aliases = tuple({join.alias: None for join in pattern.joins})
        self._reads = tuple((self._aliases.index(join.alias), join.other)
                            for join in pattern.joins)
        self._fields = tuple(join.field for join in pattern.joins)
        self._cache: dict[tuple, list[dict[str, Any]]] = {}

    def needs(self, bound: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """Every fact the pattern can bind; for a negated one, one that defeats it."""
        found = []
        for combination in itertools.product(*(bound[alias] for alias in self._aliases)):
            values = tuple(field_value(combination[at], path) for at, path in self._reads)
            try:
                needed = self._cache.get(values)
            except TypeError:  # a list or mapping equals no joined value
                continue
            if needed is None:
                needed = self._cache[values] = self._lookup(values)
            found.extend(needed)
        return found

    def _lookup(self, values: tuple) -> list[dict[str, Any]]:
        pattern = self.pattern
        if pattern.joins:
            candidates = self._index.lookup(pattern.type, self._fields, values)
        else:
            candidates = self._index.by_type.get(pattern.type, [])
        if not pattern.negated:
            return candidates
        witness = next((fact for fact in candidates if holds(pattern.test, fact)), None)
        return [] if witness is None else [witness]
