"""Splitting one run's facts into engine sessions of bounded size.

durable-rules keeps a session's facts and partial matches in hash tables of a
fixed 512 buckets (`MAX_MESSAGE_INDEX_LENGTH` and the frame indexes in its
`state.h`), so every fact costs more the larger its session grows: about
340 µs a fact in one session of 300,000 facts. Small sessions keep the cost
per fact flat; the support sent to each one grows as they shrink. On the
30,516 engine facts of a 10,000-account plan the engine took 1.0 s with
sessions of 500-1,000 owned facts, 1.2 s at 4,000 and 1.8 s at 16,000.

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
from typing import Any

from smplan_lint.engine.matching import FactIndex, join_key
from smplan_lint.engine.program import Match, Pattern, Program, field_value
from smplan_lint.records import NamedTuple

_NOTHING: list[dict[str, Any]] = []  # what a link needs when no fact joins (never changed)


class Shard(NamedTuple):
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
        shapes: dict[tuple, int] = {}
        for case in program.cases:
            root, *links = case.patterns
            if links:
                self._cases[root.type].append((root.alias, [
                    _Link(p, index, 1 + sum(q.type == p.type and not q.negated
                                            for q in case.patterns[:at + 1]), root.alias, shapes)
                    for at, p in enumerate(links)]))

    def support(self, root: dict[str, Any]) -> list[dict[str, Any]]:
        """The facts the cases rooted at this fact can bind, besides the root. A link
        joined to the root alone is asked once for all cases sharing its shape: asking
        again would only add facts already found."""
        found: list[dict[str, Any]] = []
        asked: dict[int, list[dict[str, Any]]] = {}
        for alias, links in self._cases.get(root["type"], ()):
            bound: dict[str, list[dict[str, Any]]] = {alias: [root]}
            for link in links:
                if link.shape is None:
                    needed = link.needs(bound)
                    found.extend(needed)
                elif (known := asked.get(link.shape)) is not None:
                    needed = known
                else:
                    needed = asked[link.shape] = link.rooted_at(root)
                    found.extend(needed)
                bound[link.pattern.alias] = needed  # never joined on if negated
        return found


class _Link:
    """One pattern after a case's root, as a table from join values to what it needs:
    every fact it can bind or, if negated, enough facts that defeat it (`witnesses`:
    one more than the facts of its type bound before it, which cannot defeat it).
    Built in one pass over the pattern's type, so each root costs one lookup per link."""

    def __init__(self, pattern: Pattern, index: FactIndex, witnesses: int, root: str,
                 shapes: dict[tuple, int]) -> None:
        """``shapes`` numbers the links joined to their root alone by what their answer
        depends on, so that links of several cases with one shape share a number."""
        self.pattern = pattern
        self.shape: int | None = None
        if all(join.alias == root for join in pattern.joins):
            shape = (pattern.type, tuple((j.field, j.other) for j in pattern.joins),
                     pattern.negated, pattern.test, witnesses)
            self.shape = shapes.setdefault(shape, len(shapes))
        self._aliases = tuple({join.alias: None for join in pattern.joins})
        self._reads = tuple((self._aliases.index(join.alias), join.other)
                            for join in pattern.joins)
        fields = tuple(join.field for join in pattern.joins)
        if pattern.negated:
            self._table = index.first_passing(pattern.type, fields, pattern.test, witnesses)
        else:
            self._table = index.keyed(pattern.type, fields)

    def rooted_at(self, root: dict[str, Any]) -> list[dict[str, Any]]:
        """What a link joined to the root alone needs: `needs` of the root, in one lookup
        (the list returned is the link's own: not to be changed)."""
        key = join_key(tuple(field_value(root, path) for _, path in self._reads))
        try:
            return self._table.get(key) or _NOTHING
        except TypeError:  # a list or mapping equals no joined value
            return _NOTHING

    def needs(self, bound: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        table = self._table
        for combination in itertools.product(*(bound[alias] for alias in self._aliases)):
            key = join_key(tuple(field_value(combination[at], path) for at, path in self._reads))
            try:
                needed = table.get(key)
            except TypeError:  # a list or mapping equals no joined value
                continue
            if needed:
                found.extend(needed)
        return found
