"""Splitting one run's facts into engine sessions of bounded size.

durable-rules keeps a session's facts and partial matches in hash tables of a
fixed 512 buckets (`MAX_MESSAGE_INDEX_LENGTH` and the frame indexes in its
`state.h`), so every fact costs more the larger its session grows: about
45 µs a fact in a session of 4,000 facts, about 340 µs in one of 300,000.
Sessions of a few thousand facts keep the cost per fact flat.

Every match has a root, the fact bound to the first pattern of its case. A
shard owns a slice of the facts and also receives what its roots can join:
every fact a positive link can bind, and for a negated link one fact that
defeats it (a witness), if there is one. Only the shard that owns a match's
root reports it, so a fact sent as support never reports twice, and an
absence is judged where its witnesses were sent.
"""

from __future__ import annotations

import itertools
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from smplan_lint.engine.matching import FactIndex, holds, join_values
from smplan_lint.engine.program import Case, Pattern, Program


@dataclass(frozen=True)
class Shard:
    facts: list[dict[str, Any]]
    owned: frozenset[int] | None   # `_n` of the roots it reports; None: all of them


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
    def __init__(self, program: Program, facts: list[dict[str, Any]]) -> None:
        self._index = FactIndex(facts)
        self._cases: dict[str, list[Case]] = defaultdict(list)
        for case in program.cases:
            if len(case.patterns) > 1:
                self._cases[case.patterns[0].type].append(case)
        # Thousands of roots ask for the same join values ("this network's goals").
        self._needed: dict[tuple[str, str, tuple | None], list[dict[str, Any]]] = {}

    def support(self, root: dict[str, Any]) -> list[dict[str, Any]]:
        """The facts the cases rooted at this fact can bind, besides the root."""
        found: dict[int, dict[str, Any]] = {}
        for case in self._cases.get(root["type"], ()):
            bound: dict[str, list[dict[str, Any]]] = {case.patterns[0].alias: [root]}
            for pattern in case.patterns[1:]:
                needed = {fact["_n"]: fact for env in _combinations(pattern, bound)
                          for fact in self._needs(case, pattern, env)}
                found.update(needed)
                bound[pattern.alias] = list(needed.values())  # never joined on if negated
        return list(found.values())

    def _needs(self, case: Case, pattern: Pattern,
               env: dict[str, dict]) -> list[dict[str, Any]]:
        """Every fact a positive pattern can bind; for a negated one, one that defeats it."""
        values = join_values(pattern, env) if pattern.joins else ()
        key = (case.key, pattern.alias, values)
        needed = self._needed.get(key)
        if needed is None:
            candidates = self._index.candidates(pattern, env) if values is not None else []
            if pattern.negated:
                witness = next((f for f in candidates if holds(pattern.test, f)), None)
                candidates = [] if witness is None else [witness]
            needed = self._needed[key] = candidates
        return needed


def _combinations(pattern: Pattern, bound: dict[str, list[dict]]) -> Iterator[dict[str, dict]]:
    """Every assignment of bound facts to the aliases the pattern joins."""
    aliases = tuple({join.alias: None for join in pattern.joins})
    if len(aliases) == 1:
        (alias,) = aliases
        for fact in bound[alias]:
            yield {alias: fact}
        return
    for chosen in itertools.product(*(bound[alias] for alias in aliases)):
        yield dict(zip(aliases, chosen, strict=True))
